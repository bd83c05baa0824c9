//! Sharing the library: export all or the selected personas as a persona file, import
//! one (merged by id, newer wins), print, and present.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{clock, download, files};
use crate::persona_file::{self, ExportOptions, EXPORT_FILE_NAME, MAX_FILE_BYTES};
use crate::ui::state::AppState;

#[component]
pub fn SharePanel(selected: RwSignal<BTreeSet<String>>, shown: Memo<Vec<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let include_quotes = RwSignal::new(false);

    let export = move |only_selected: bool| {
        let options = ExportOptions {
            include_quotes: include_quotes.get_untracked(),
        };
        let chosen = selected.get_untracked();
        let personas: Vec<_> = state.library.with_untracked(|library| {
            library
                .personas()
                .iter()
                .filter(|p| !only_selected || chosen.contains(&p.id))
                .cloned()
                .collect()
        });
        let outcome = if personas.is_empty() {
            Err(if only_selected {
                "Select personas to export first (the checkbox on each card).".to_string()
            } else {
                "The library is empty, so there is nothing to export.".to_string()
            })
        } else {
            persona_file::export(&personas, options, clock::now())
                .map_err(|e| format!("Nothing was exported. {e}"))
                .and_then(|json| {
                    download::download_text(EXPORT_FILE_NAME, "application/json", &json)
                })
        };
        match outcome {
            Ok(()) => state.inform(format!(
                "Exported {} persona(s) as {EXPORT_FILE_NAME}.",
                personas.len()
            )),
            Err(e) => state.fail(e),
        }
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(file) = files::take_from_input(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            state.fail(format!(
                "“{name}” was not imported: persona files are at most {} MiB. The library is unchanged.",
                MAX_FILE_BYTES / (1024 * 1024)
            ));
            return;
        }
        spawn_local(async move {
            let incoming = files::read_bytes(&file)
                .await
                .and_then(|bytes| persona_file::import(&bytes).map_err(|e| e.to_string()));
            let (who, now) = (state.who(), clock::now());
            let outcome = incoming.and_then(|personas| {
                state.change_library(format!("import of “{name}”"), |l| {
                    l.merge(&personas, &who, now)
                })
            });
            match outcome {
                Ok(s) => state.inform(format!(
                    "Imported “{name}”: {} added, {} updated, {} skipped (the library's copy is as new or newer).",
                    s.added, s.updated, s.unchanged
                )),
                Err(e) => state.fail(format!(
                    "“{name}” was not imported. {e} The library is unchanged."
                )),
            }
        });
    };

    let print = move |_| {
        if let Err(e) = window().print() {
            state.fail(format!("The browser could not open printing: {e:?}"));
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
