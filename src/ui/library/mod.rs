//! The library view: saved personas, with export, import and delete.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::persona_card::PersonaCard;
use super::state::AppState;
use crate::browser::{clock, download, files};
use crate::persona_file::{self, ExportOptions, EXPORT_FILE_NAME, MAX_FILE_BYTES};

#[component]
pub fn LibraryView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let include_quotes = RwSignal::new(false);

    let export_all = move |_| {
        let options = ExportOptions {
            include_quotes: include_quotes.get_untracked(),
        };
        let json = state.library.with_untracked(|library| {
            (!library.is_empty())
                .then(|| persona_file::export(library.personas(), options, clock::now()))
        });
        let outcome = match json {
            None => Err("The library is empty, so there is nothing to export.".to_string()),
            Some(Err(e)) => Err(format!("Nothing was exported. {e}")),
            Some(Ok(json)) => download::download_text(EXPORT_FILE_NAME, "application/json", &json),
        };
        match outcome {
            Ok(()) => state.inform(format!("Exported the library as {EXPORT_FILE_NAME}.")),
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
            let outcome =
                incoming.and_then(|personas| state.change_library(|l| l.merge(&personas)));
            match outcome {
                Ok(s) => state.inform(format!(
                    "Imported “{name}”: {} added, {} updated, {} already up to date.",
                    s.added, s.updated, s.unchanged
                )),
                Err(e) => state.fail(format!(
                    "“{name}” was not imported. {e} The library is unchanged."
                )),
            }
        });
    };

    let delete = move |id: String, name: String| match state.change_library(|l| l.remove(&id)) {
        Ok(_) => state.inform(format!("Deleted “{name}” from the library.")),
        Err(e) => state.fail(e),
    };

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
            <div class="library-tools">
                <button type="button" on:click=export_all>
                    "Export all"
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
                <input
                    id="import-personas"
                    type="file"
                    accept=".json,application/json"
                    on:change=import
                />
            </div>
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
                <div class="persona-grid">
                    <For
                        each=move || state.library.with(|l| l.personas().to_vec())
                        key=|p| (p.id.clone(), p.updated_at)
                        children=move |persona| {
                            let (id, name) = (persona.id.clone(), persona.name.clone());
                            view! {
                                <PersonaCard persona=persona context="saved">
                                    <button
                                        type="button"
                                        class="danger"
                                        on:click={
                                            let (id, name) = (id.clone(), name.clone());
                                            move |_| delete(id.clone(), name.clone())
                                        }
                                    >
                                        "Delete"
                                        <span class="visually-hidden">{format!(" “{name}”")}</span>
                                    </button>
                                </PersonaCard>
                            }
                        }
                    />
                </div>
            </Show>
        </section>
    }
}
