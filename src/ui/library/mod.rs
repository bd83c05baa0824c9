//! The library view: the team's saved personas — find, edit, review, refresh from a new
//! wave, share, print and present them.

mod editor;
mod history;
mod interviews;
mod item;
mod library_file;
mod list;
mod plan;
mod rating;
mod refresh;
mod refresh_change;
mod share;
mod storage;
mod timeline;

use crate::wording::counted;
use std::collections::BTreeSet;

use leptos::prelude::*;

use super::choice_select::ChoiceSelect;
use super::stores::LibraryStore;
use crate::browser::clock;
use crate::library::Query;
use crate::personas::ReviewState;
use list::PersonaList;
use refresh::RefreshPanel;
use share::{Paper, PrintLayout, SharePanel};
use storage::{BackupPanel, MemoryBanner, StorageMeter};

#[component]
pub fn LibraryView() -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let query = RwSignal::new(Query::default());
    let paper = RwSignal::new(PrintLayout::default());
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let today = clock::now().date();
    let shown = Memo::new(move |_| {
        library.with(|library| {
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
        <section
            class="panel library"
            class:paper-a4=move || paper.get().paper == Paper::A4
            class:paper-letter=move || paper.get().paper == Paper::Letter
            class:print-appendix=move || paper.get().appendix
            aria-labelledby="library-heading"
        >
            <h2 id="library-heading">"Library"</h2>
            <MemoryBanner />
            {move || {
                library
                    .saving_off()
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
            <SetAside />
            <div class="library-bar no-print">
                <EditorName />
                <StorageMeter />
                <UndoButton />
                <button type="button" on:click=move |_| {
                    let _ = window().location().set_hash("review");
                }>"Start the quarterly review"</button>
            </div>
            <BackupPanel />
            <library_file::LibraryFilePanel />
            <SharePanel selected shown paper />
            <RefreshPanel />
            <interviews::InterviewNotesPanel />
            <Filters query />
            <Show
                when=move || library.with(|l| !l.is_empty())
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
                            library.with(|l| l.personas().len()),
                        );
                        let overdue = library.with(|l| {
                            l.personas()
                                .iter()
                                .filter(|p| p.review_state(today) == ReviewState::Overdue)
                                .count()
                        });
                        format!("Showing {shown} of {}, {overdue} overdue for review; overdue reviews first.", counted(all, "persona"))
                    }}
                </p>
                <PersonaList shown selected today />
            </Show>
        </section>
    }
}

/// Who is editing, recorded in version histories and notes; kept on this device.
#[component]
fn EditorName() -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    view! {
        <label class="editor-name">
            "Your name (for history and notes) "
            <input
                type="text"
                maxlength="60"
                prop:value=move || library.editor.get()
                on:change=move |ev| library.set_editor(event_target_value(&ev).trim().to_string())
            />
        </label>
    }
}

/// Takes back the latest change to the library.
#[component]
fn UndoButton() -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let label = move || library.undo_label();
    let undo = move |_| library.undo();
    view! {
        <button type="button" on:click=undo disabled=move || label().is_none()>
            {move || label().map_or("Undo".to_string(), |what| format!("Undo {what}"))}
        </button>
    }
}

/// Search and filters: words, tag, owner, review state.
#[component]
fn Filters(query: RwSignal<Query>) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    // "Any" or one of the values the library holds.
    let any_of = |all: Vec<String>| -> Vec<(Option<String>, String)> {
        std::iter::once((None, "Any".to_string()))
            .chain(all.into_iter().map(|v| (Some(v.clone()), v)))
            .collect()
    };
    let tag_select = move || {
        let options = any_of(library.with(|l| l.tags()));
        let selected = Signal::derive(move || query.with(|q| q.tag.clone()));
        let choose = Callback::new(move |tag| query.update(|q| q.tag = tag));
        view! { <ChoiceSelect id="filter-tag" options selected on_choose=choose /> }
    };
    let owner_select = move || {
        let options = any_of(library.with(|l| l.owners()));
        let selected = Signal::derive(move || query.with(|q| q.owner.clone()));
        let choose = Callback::new(move |owner| query.update(|q| q.owner = owner));
        view! { <ChoiceSelect id="filter-owner" options selected on_choose=choose /> }
    };
    let reviews: Vec<(Option<ReviewState>, String)> = std::iter::once((None, "Any".to_string()))
        .chain(
            ReviewState::ALL
                .into_iter()
                .map(|r| (Some(r), r.label().to_string())),
        )
        .collect();
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
            {tag_select}
            <label for="filter-owner">"Owner"</label>
            {owner_select}
            <label for="filter-review">"Review"</label>
            <ChoiceSelect
                id="filter-review"
                options=reviews
                selected=Signal::derive(move || query.with(|q| q.review))
                on_choose=Callback::new(move |review| query.update(|q| q.review = review))
            />
        </div>
    }
}

/// Stored personas that fail the rules are set aside, not lost: the rest load, and the
/// team can download them as they are (for support) or remove them.
#[component]
fn SetAside() -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    move || {
        let reasons = library.set_aside();
        (!reasons.is_empty()).then(|| {
            let count = reasons.len();
            let items = reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view();
            view! {
                <section class="storage-problem set-aside no-print" role="alert" aria-label="Set-aside personas">
                    <p>{format!(
                        "{} could not be loaded because they break the rules every persona must meet. They are set aside, kept in storage as they were, and the rest of the library works as usual.",
                        counted(count, "saved persona")
                    )}</p>
                    <ul>{items}</ul>
                    <button type="button" on:click=move |_| library.download_set_aside()>
                        "Download the set-aside personas"
                    </button>
                    " "
                    <button type="button" class="danger" on:click=move |_| library.remove_set_aside()>
                        "Remove them"
                    </button>
                </section>
            }
        })
    }
}
