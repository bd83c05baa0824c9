//! Choosing or dropping a survey file, and reading it into memory.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{DragEvent, File};

use super::state::AppState;
use crate::browser::files::{read_bytes, take_from_drop, take_from_input};
use crate::browser::storage;
use crate::pipeline::{Built, LoadedSurvey};
use crate::privacy::ShownCount;
use crate::survey::{check_size, ReadOptions};

#[component]
pub fn UploadPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);

    let load = move |file: File| {
        let name = file.name();
        if let Err(e) = check_size(file.size() as usize) {
            state.fail(format!("“{name}” was not read. {e}"));
            return;
        }
        reading.set(Some(name.clone()));
        spawn_local(async move {
            let loaded = match read_bytes(&file).await {
                Ok(bytes) => LoadedSurvey::read(
                    &name,
                    bytes,
                    ReadOptions::default(),
                    state.privacy.get_untracked(),
                )
                .map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            reading.set(None);
            match loaded {
                Ok(loaded) => {
                    // The roles chosen for an earlier wave of the same survey apply again.
                    let remembered = storage::load_roles(&loaded.layout_key());
                    let loaded = if remembered.is_empty() {
                        loaded
                    } else {
                        loaded.with_roles(remembered)
                    };
                    state.inform(format!(
                        "Read “{name}”: {} respondents, {} questions kept, {} column(s) dropped as identifiers or survey-tool metadata.",
                        ShownCount::of(loaded.survey.respondents()),
                        loaded.summaries.len(),
                        loaded.report.dropped.len()
                    ));
                    state.grouping.set(loaded.suggested_grouping);
                    state.built.set(Built::default());
                    state.survey.set(Some(loaded));
                }
                Err(e) => state.fail(format!(
                    "“{name}” could not be read. {e} Nothing else was changed."
                )),
            }
        });
    };

    view! {
        <section class="panel upload" aria-labelledby="upload-heading">
            <h2 id="upload-heading">"1. Choose a survey export"</h2>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    if let Some(file) = take_from_drop(&ev) {
                        load(file);
                    }
                }
            >
                <label for="survey-file">"Survey file"</label>
                <input
                    id="survey-file"
                    type="file"
                    accept=".csv,.tsv,.txt,.json,.xlsx,.xls,.ods,text/csv,text/tab-separated-values,text/plain,application/json"
                    aria-describedby="survey-file-hint"
                    on:change=move |ev| {
                        if let Some(file) = take_from_input(&ev) {
                            load(file);
                        }
                    }
                />
                <p id="survey-file-hint" class="hint">
                    "Drop a CSV, TSV, JSON, XLSX or ODS export here, or choose it. It is read in this tab, kept only in memory and never uploaded."
                </p>
                <p class="reading" aria-live="polite">
                    {move || reading.get().map(|name| format!("Reading “{name}”…"))}
                </p>
            </div>
        </section>
    }
}
