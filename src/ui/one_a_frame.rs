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
    /// The list's keys, changing only when the list does.
    pub keys: Memo<Vec<String>>,
}

impl OneAFrame {
    /// Draws the list whose item keys `keys` gives, raising the count one a frame.
    pub fn new(keys: impl Fn() -> Vec<String> + Send + Sync + 'static) -> Self {
        let keys = Memo::new(move |_| keys());
        // The keys the count was raised for, and the count.
        let progress = RwSignal::new((Vec::<String>::new(), 0usize));
        Effect::new(move |_| {
            let current = keys.get();
            progress.set((current.clone(), 0));
            raise_next_frame(keys, progress, current);
        });
        let shown = Memo::new(move |_| {
            keys.with(|k| {
                let raised = progress.with(|(raised_for, n)| (raised_for == k).then_some(*n));
                raised.unwrap_or(0).min(k.len())
            })
        });
        let total = Memo::new(move |_| keys.with(Vec::len));
        Self { shown, total, keys }
    }

    /// Whether items are still to be drawn (for `aria-busy`).
    pub fn busy(&self) -> bool {
        self.shown.get() < self.total.get()
    }
}

/// Raises the count by one at the next frame while the list is still `drawing` and has
/// items left; stops once a newer list has taken over or the view is gone.
fn raise_next_frame(
    keys: Memo<Vec<String>>,
    progress: RwSignal<(Vec<String>, usize)>,
    drawing: Vec<String>,
) {
    request_animation_frame(move || {
        let still_current = keys.try_with_untracked(|k| *k == drawing) == Some(true);
        let drawn = progress
            .try_with_untracked(|(_, n)| *n)
            .unwrap_or(usize::MAX);
        if still_current && drawn < drawing.len() {
            progress.update(|(_, n)| *n += 1);
            raise_next_frame(keys, progress, drawing);
        }
    });
}
