//! Sharing the library: export all or the selected personas as a persona file, import
//! one (merged by id, newer wins), print, and present.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::browser::files;
use crate::persona_file::ExportOptions;
use crate::ui::stores::{LibraryStore, Notices};

#[component]
pub fn SharePanel(selected: RwSignal<BTreeSet<String>>, shown: Memo<Vec<String>>) -> impl IntoView {
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
            <label for="import-personas">"Import personas"</label>
            <input id="import-personas" type="file" accept=".json,application/json" on:change=import />
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
