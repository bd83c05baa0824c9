//! Sharing the library: export all or the selected personas as a persona file or a
//! share link, import one (merged by id, newer wins), print, and present.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::browser::files;
use crate::persona_file::ExportOptions;
use crate::ui::choice_select::ChoiceSelect;
use crate::ui::stores::{LibraryStore, Notices};

/// The paper the library prints on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// How the listed personas print: one page each on this paper, and the full evidence
/// after each page when `appendix` is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrintLayout {
    pub paper: Paper,
    pub appendix: bool,
}

#[component]
pub fn SharePanel(
    selected: RwSignal<BTreeSet<String>>,
    shown: Memo<Vec<String>>,
    /// How the listed personas print.
    paper: RwSignal<PrintLayout>,
) -> impl IntoView {
    let (library, notices) = (
        expect_context::<LibraryStore>(),
        expect_context::<Notices>(),
    );
    let include_quotes = RwSignal::new(false);
    let export = move |only_selected: bool| {
        let options = ExportOptions {
            include_quotes: include_quotes.get_untracked(),
        };
        library.export(only_selected.then(|| selected.get_untracked()), options);
    };
    let import = move |ev: leptos::ev::Event| {
        if let Some(file) = files::take_from_input(&ev) {
            library.import(file);
        }
    };

    let link = RwSignal::new(None::<String>);
    let share = move |_| match library.share_link(&selected.get_untracked()) {
        Ok(made) => link.set(Some(made)),
        Err(e) => {
            link.set(None);
            notices.fail(e);
        }
    };
    let print = move |_| {
        if let Err(e) = window().print() {
            notices.fail(format!("The browser could not open printing: {e:?}"));
        }
    };
    let first_shown = move || shown.with(|ids| ids.first().cloned());

    view! {
        <div class="library-tools no-print">
            <button type="button" on:click=move |_| export(false)>
                "Export all"
            </button>
            <button type="button" on:click=move |_| export(true)>
                {move || format!("Export selected ({})", selected.with(BTreeSet::len))}
            </button>
            <label class="checkbox">
                <input
                    type="checkbox"
                    prop:checked=move || include_quotes.get()
                    on:change=move |ev| include_quotes.set(event_target_checked(&ev))
                />
                "Include approved quotes"
            </label>
            <button type="button" on:click=share>
                "Copy a share link"
            </button>
            {move || {
                link.get()
                    .map(|made| {
                        view! {
                            <label class="share-link">
                                "Share link "
                                <input type="text" readonly prop:value=made />
                            </label>
                        }
                    })
            }}
            <label for="import-personas">"Import personas"</label>
            <input id="import-personas" type="file" accept=".json,application/json" on:change=import />
            <label for="paper-size">"Paper size"</label>
            <ChoiceSelect
                id="paper-size"
                options=vec![(Paper::A4, "A4".to_string()), (Paper::Letter, "Letter".to_string())]
                selected=Signal::derive(move || paper.get().paper)
                on_choose=Callback::new(move |p| paper.update(|l| l.paper = p))
            />
            <label class="checkbox">
                <input
                    type="checkbox"
                    prop:checked=move || paper.get().appendix
                    on:change=move |ev| paper.update(|l| l.appendix = event_target_checked(&ev))
                />
                "Add the full evidence as an appendix"
            </label>
            <button type="button" on:click=print>
                "Print the listed personas"
            </button>
            {move || {
                first_shown()
                    .map(|id| {
                        view! {
                            <a class="button" href=format!("#present/{id}")>
                                "Present"
                            </a>
                        }
                    })
            }}
        </div>
    }
}
