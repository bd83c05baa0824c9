//! Step 2's records extract: **Add a records extract** links an EHR or practice-system
//! export to the survey on a shared key (proposed by the worker, changeable), then says
//! how many respondents were found, how several rows per patient were made one and which
//! fields were added; the key itself is dropped before anything else sees the data.

use crate::wording::counted;
use leptos::prelude::*;

use super::choice_select::ChoiceSelect;
use super::stores::SurveyStore;
use crate::browser::files;
use crate::records::{KeyChoice, LinkReport};

/// The records extract's part of step 2.
#[component]
pub fn RecordsExtract() -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let add = move |ev: leptos::ev::Event| {
        if let Some(file) = files::take_from_input(&ev) {
            survey.add_extract(file);
        }
    };
    let link = move || {
        survey
            .view
            .with(|v| v.as_ref().and_then(|v| v.link.clone()))
    };
    view! {
        <section class="subsection records-extract" aria-labelledby="records-heading">
            <h3 id="records-heading">"Records extract (optional)"</h3>
            <p class="hint" id="records-extract-hint">
                "Appointments, no-shows, diagnoses or visits exported from your practice system describe each persona with what the records say. The two files are joined here, in this tab, on the record number or respondent ID both hold; that key is then dropped, and nothing of the extract is kept."
            </p>
            <label for="records-extract">"Add a records extract"</label>
            <input
                id="records-extract"
                type="file"
                accept=".csv,.tsv,.txt,.json,.xlsx,.xls,.ods"
                aria-describedby="records-extract-hint"
                on:change=add
            />
            {move || link().map(|link| linked(survey, link))}
        </section>
    }
}

/// What the link found, the key pair to change, and **Stop using the records**.
fn linked(survey: SurveyStore, link: LinkReport) -> impl IntoView {
    let keys: Vec<(KeyChoice, String)> = std::iter::once(link.key.clone())
        .chain(link.alternatives.iter().cloned())
        .map(|key| {
            let label = format!("“{}” = “{}”", key.survey_column, key.extract_column);
            (key, label)
        })
        .collect();
    let several = keys.len() > 1;
    let fields = link
        .fields
        .iter()
        .map(|name| view! { <li>{name.clone()}</li> })
        .collect_view();
    let aggregation = link
        .aggregation
        .as_ref()
        .map(|a| view! { <p>{a.to_string()}</p> });
    let current = link.key.clone();
    view! {
        <div class="records-linked" role="group" aria-label="Linked records">
            <p>{link.to_string()}</p>
            {aggregation}
            {several.then(|| view! {
                <label for="records-key">"Linked on"</label>
                <ChoiceSelect
                    id="records-key"
                    options=keys
                    selected=Signal::derive(move || current.clone())
                    on_choose=Callback::new(move |key| survey.link_on(key))
                />
            })}
            <p>{format!("{} added, with the role “from the records”:", counted(link.fields.len(), "field"))}</p>
            <ul class="records-fields">{fields}</ul>
            <button type="button" on:click=move |_| survey.unlink()>"Stop using the records"</button>
        </div>
    }
}
