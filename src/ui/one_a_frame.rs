//! Drawing a list of cards one per animation frame, so that a set of rich cards never
//! builds its DOM in one task that holds the page (a persona card with its evidence table
//! takes some 15 ms to draw; five at once blocked the page for 90 ms).

use leptos::prelude::*;

/// How far the drawing of a list has come: [`OneAFrame::shown`] items of
/// [`OneAFrame::total`]. A new list (its keys changed) starts again from none, its first
/// item drawn at the next frame (not in the task that brought the list, which has its own
/// work); an item edited in place keeps the count.
#[derive(Clone, Copy)]
pub struct OneAFrame {
    /// How many of the list's first items to draw now.
    pub shown: Memo<usize>,
    /// How many items the list has.
    pub total: Memo<usize>,
}

impl OneAFrame {
    /// Draws the list whose item keys `keys` gives, raising the count one a frame.
    pub fn new(keys: impl Fn() -> Vec<String> + Send + Sync + 'static) -> Self {
        let keys = Memo::new(move |_| keys());
        // Which list this is: one more each time the keys change.
        let list = Memo::new(move |previous: Option<&u64>| {
            keys.track();
            previous.map_or(0, |n| n + 1)
        });
        let total = Memo::new(move |_| keys.with(Vec::len));
        // The list the count was raised for, and the count.
        let progress = RwSignal::new((None::<u64>, 0usize));
        Effect::new(move |_| {
            let current = list.get();
            progress.set((Some(current), 0));
            raise_next_frame(list, total, progress, current);
        });
        let shown = Memo::new(move |_| {
            let (raised_for, n) = progress.get();
            let n = if raised_for == Some(list.get()) { n } else { 0 };
            n.min(total.get())
        });
        Self { shown, total }
    }

    /// Whether items are still to be drawn (for `aria-busy`).
    pub fn busy(&self) -> bool {
        self.shown.get() < self.total.get()
    }
}

/// Raises the count by one at the next frame while `drawing` is still the list shown and
/// has items left; stops once a newer list has taken over or the view is gone.
fn raise_next_frame(
    list: Memo<u64>,
    total: Memo<usize>,
    progress: RwSignal<(Option<u64>, usize)>,
    drawing: u64,
) {
    request_animation_frame(move || {
        let still_current = list.try_get_untracked() == Some(drawing);
        let left = total.try_get_untracked().unwrap_or(0);
        let drawn = progress.try_with_untracked(|(_, n)| *n).unwrap_or(left);
        if still_current && drawn < left {
            progress.update(|(_, n)| *n += 1);
            raise_next_frame(list, total, progress, drawing);
        }
    });
}
