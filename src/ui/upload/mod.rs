//! Choosing or dropping a survey file; the survey store has a worker read it.

use leptos::prelude::*;
use web_sys::{DragEvent, File};

use super::stores::SurveyStore;
use crate::browser::files::{take_from_drop, take_from_input};

#[component]
pub fn UploadPanel() -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let dragging = RwSignal::new(false);

    let load = move |file: File| survey.read_file(file);

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
                    "Drop a CSV, TSV, JSON, XLSX, XLS or ODS export here, or choose it. It is read in this tab, kept only in memory and never uploaded."
                </p>
            </div>
        </section>
    }
}
