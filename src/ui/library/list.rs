//! The library as a compact list, a page at a time: one line per persona (name,
//! headline, size, review state, tags), and the full card only for the personas opened.
//! So a library of thousands renders a page of lines, not thousands of cards. A short
//! list (at most [`OPEN_UP_TO`] personas) shows its cards open.

use std::collections::BTreeSet;

use leptos::prelude::*;
use time::Date;

use super::item::LibraryItem;
use crate::ui::stores::LibraryStore;

/// Lines per page.
pub const PAGE_SIZE: usize = 25;
/// A list this short opens every card.
pub const OPEN_UP_TO: usize = 10;

#[component]
pub fn PersonaList(
    shown: Memo<Vec<String>>,
    selected: RwSignal<BTreeSet<String>>,
    today: Date,
) -> impl IntoView {
    let page = RwSignal::new(0usize);
    // Ids whose card is toggled from the default (closed, or open in a short list).
    let toggled = RwSignal::new(BTreeSet::<String>::new());
    let pages = move || shown.with(|ids| ids.len().div_ceil(PAGE_SIZE).max(1));
    // A search that leaves fewer pages keeps the page in range.
    Effect::new(move |_| {
        let last = pages() - 1;
        if page.get_untracked() > last {
            page.set(last);
        }
    });
    let on_page = Memo::new(move |_| {
        let start = page.get() * PAGE_SIZE;
        shown.with(|ids| {
            ids.iter()
                .skip(start)
                .take(PAGE_SIZE)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let few = move || shown.with(|ids| ids.len() <= OPEN_UP_TO);
    view! {
        <ul class="library-list" aria-label="Saved personas">
            <For
                each=move || on_page.get()
                key=|id| id.clone()
                children=move |id| {
                    let id = StoredValue::new(id);
                    let open = move || toggled.with(|t| t.contains(&id.get_value())) != few();
                    view! {
                        <li class="library-row">
                            <Line id=id.get_value() open=Signal::derive(open) toggle=Callback::new(move |()| {
                                toggled.update(|t| {
                                    let id = id.get_value();
                                    if !t.remove(&id) {
                                        t.insert(id);
                                    }
                                })
                            }) today />
                            {move || open().then(|| view! { <LibraryItem id=id.get_value() selected today /> })}
                        </li>
                    }
                }
            />
        </ul>
        <nav class="pager no-print" aria-label="Library pages">
            <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p -= 1)>
                "Previous page"
            </button>
            <span aria-live="polite">{move || format!(" Page {} of {} ", page.get() + 1, pages())}</span>
            <button type="button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>
                "Next page"
            </button>
        </nav>
    }
}

/// One persona's line: what tells it apart at a glance, and the button that opens it.
#[component]
fn Line(id: String, open: Signal<bool>, toggle: Callback<()>, today: Date) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let line = move || {
        library.with(|l| {
            l.get(&id).map(|p| {
                (
                    p.name.clone(),
                    p.headline.clone(),
                    p.segment.size,
                    p.review_state(today).label(),
                    p.tags.join(", "),
                    p.plans.iter().filter(|plan| plan.status.is_open()).count(),
                )
            })
        })
    };
    move || {
        line().map(|(name, headline, size, review, tags, open_plans)| {
            let plans = match open_plans {
                0 => String::new(),
                1 => "1 plan item open".to_string(),
                n => format!("{n} plan items open"),
            };
            view! {
                <div class="library-line no-print">
                    <button type="button" class="line-toggle" aria-expanded=move || open.get().to_string() on:click=move |_| toggle.run(())>
                        {move || if open.get() { "Close" } else { "Open" }}
                        <span class="visually-hidden">{format!(" “{name}”")}</span>
                    </button>
                    <strong class="line-name">{name.clone()}</strong>
                    <span class="line-headline">{headline}</span>
                    <span class="line-size">{format!("{size} people")}</span>
                    <span class="line-review">{review}</span>
                    <span class="line-tags">{tags}</span>
                    <span class="line-plans">{plans}</span>
                </div>
            }
        })
    }
}
