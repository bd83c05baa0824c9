//! The library view: the team's saved personas — find, edit, review, refresh from a new
//! wave, share, print and present them.

mod editor;
mod history;
mod item;
mod refresh;
mod share;

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::state::AppState;
use crate::browser::{clock, storage};
use crate::library::Query;
use crate::personas::ReviewState;
use item::LibraryItem;
use refresh::RefreshPanel;
use share::SharePanel;

#[component]
pub fn LibraryView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(Query::default());
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let today = clock::now().date();
    let shown = Memo::new(move |_| {
        state.library.with(|library| {
            query.with(|q| {
                library
                    .find(q, today)
                    .into_iter()
                    .map(|p| p.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });

    view! {
        <section class="panel library" aria-labelledby="library-heading">
            <h2 id="library-heading">"Library"</h2>
            {move || {
                state
                    .library_unreadable
                    .get()
                    .map(|problem| {
                        view! {
                            <p class="storage-problem" role="alert">
                                {format!(
                                    "The saved library could not be loaded: {problem}. It is left untouched and saving is turned off."
                                )}
                            </p>
                        }
                    })
            }}
            <div class="library-bar no-print">
                <EditorName />
                <StorageMeter />
                <UndoButton />
            </div>
            <SharePanel selected shown />
            <RefreshPanel />
            <Filters query />
            <Show
                when=move || state.library.with(|l| !l.is_empty())
                fallback=|| {
                    view! {
                        <p class="hint">
                            "No personas saved yet. Build some from a survey, or import a persona file."
                        </p>
                    }
                }
            >
                <p class="hint no-print" aria-live="polite">
                    {move || {
                        let (shown, all) = (
                            shown.with(Vec::len),
                            state.library.with(|l| l.personas().len()),
                        );
                        format!("Showing {shown} of {all} persona(s); overdue reviews first.")
                    }}
                </p>
                <div class="persona-grid library-grid">
                    <For
                        each=move || shown.get()
                        key=|id| id.clone()
                        children=move |id| view! { <LibraryItem id selected today /> }
                    />
                </div>
            </Show>
        </section>
    }
}

/// Who is editing, recorded in version histories and notes; kept on this device.
#[component]
fn EditorName() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="editor-name">
            "Your name (for history and notes) "
            <input
                type="text"
                maxlength="60"
                prop:value=move || state.editor.get()
                on:change=move |ev| {
                    let name = event_target_value(&ev).trim().to_string();
                    if let Err(e) = storage::save_editor(&name) {
                        state.fail(e);
                    }
                    state.editor.set(name);
                }
            />
        </label>
    }
}

/// Local storage used, with a warning well before it is full.
#[component]
fn StorageMeter() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="storage-meter" class:nearing=move || state.storage_use.get().nearing()>
            <meter
                min="0"
                max="1"
                high="0.8"
                value=move || state.storage_use.get().share().min(1.0).to_string()
                aria-label="Browser storage used"
            ></meter>
            {move || format!(" Storage used: {}", state.storage_use.get().describe())}
        </p>
        {move || {
            state.storage_use.get().nearing().then(|| {
                view! {
                    <p class="storage-problem storage-nearing" aria-live="polite">
                        "Browser storage for this page is nearly full. Export the library to a file, then delete personas you no longer need (their history goes with them) before saving more."
                    </p>
                }
            })
        }}
    }
}

/// Takes back the latest change to the library.
#[component]
fn UndoButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = move || state.undo.with(|u| u.last().map(|(what, _)| what.clone()));
    let undo = move |_| match state.undo_last() {
        Ok(what) => state.inform(format!("Undone: {what}.")),
        Err(e) => state.fail(e),
    };
    view! {
        <button type="button" on:click=undo disabled=move || label().is_none()>
            {move || label().map_or("Undo".to_string(), |what| format!("Undo {what}"))}
        </button>
    }
}

/// Search and filters: words, tag, owner, review state.
#[component]
fn Filters(query: RwSignal<Query>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pick = |value: String| (!value.is_empty()).then_some(value);
    let options = move |all: Vec<String>| {
        all.into_iter()
            .map(|v| view! { <option value=v.clone()>{v.clone()}</option> })
            .collect_view()
    };
    view! {
        <div class="library-filters no-print" role="search">
            <label>
                "Search "
                <input
                    type="search"
                    on:input=move |ev| query.update(|q| q.text = event_target_value(&ev))
                />
            </label>
            <label for="filter-tag">"Tag"</label>
            <select
                id="filter-tag" on:change=move |ev| query.update(|q| q.tag = pick(event_target_value(&ev)))>
                    <option value="">"Any"</option>
                    {move || options(state.library.with(|l| l.tags()))}
                </select>
            <label for="filter-owner">"Owner"</label>
            <select
                id="filter-owner" on:change=move |ev| {
                    query.update(|q| q.owner = pick(event_target_value(&ev)))
                }>
                    <option value="">"Any"</option>
                    {move || options(state.library.with(|l| l.owners()))}
                </select>
            <label for="filter-review">"Review"</label>
            <select
                id="filter-review" on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    query.update(|q| {
                        q.review = ReviewState::ALL.into_iter().find(|r| r.label() == chosen)
                    })
                }>
                    <option value="">"Any"</option>
                    {ReviewState::ALL
                        .into_iter()
                        .map(|r| view! { <option value=r.label()>{r.label()}</option> })
                        .collect_view()}
                </select>
        </div>
    }
}
