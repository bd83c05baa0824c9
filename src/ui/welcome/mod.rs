//! The first thing a visitor sees before any survey is read: what the app does in three
//! steps, and **Try a sample survey** — a synthetic survey the app makes itself — so the
//! whole flow can be seen without a survey of one's own.

use leptos::prelude::*;

use super::stores::{BuildStore, SurveyStore};
use crate::survey::grouped;
use crate::survey::sample::SAMPLE_ROWS;

#[component]
pub fn Welcome() -> impl IntoView {
    let (survey, build) = (
        expect_context::<SurveyStore>(),
        expect_context::<BuildStore>(),
    );
    // The sample is there to show personas found in the answers, so it is segmented
    // automatically rather than by one question.
    let try_sample = move |_| {
        build.automatic.set(true);
        survey.try_sample();
    };
    let reading = move || survey.busy.with(Option::is_some);
    view! {
        <section class="panel welcome" aria-labelledby="welcome-heading">
            <h2 id="welcome-heading">"Patient personas from your survey, in three steps"</h2>
            <p>
                "A persona is a short portrait of one kind of patient — who they are, what they need, what stands in their way — drawn from what many respondents answered alike, with the figures behind every line."
            </p>
            <ol class="steps">
                <li>
                    <strong>"Your survey"</strong>
                    " — choose the export your survey tool gives you. It is read in this tab and never uploaded; names, emails and other identifiers are dropped before anything is counted."
                </li>
                <li>
                    <strong>"Personas"</strong>
                    " — the app finds the groups really in the answers and describes each as a person, with the actions it calls for."
                </li>
                <li>
                    <strong>"Library"</strong>
                    " — keep them in this browser, edit them, review them each quarter, refresh them from the next survey wave, print and share them."
                </li>
            </ol>
            <div class="try-sample">
                <button type="button" class="primary" disabled=reading on:click=try_sample>
                    "Try a sample survey"
                </button>
                <p class="hint">{format!(
                    "Made up by the app: {} synthetic patients, nobody real. It reads like a survey tool's export, with identifiers to drop and answers spelt several ways; its personas are found across all the questions.",
                    grouped(SAMPLE_ROWS)
                )}</p>
            </div>
        </section>
    }
}
