//! Staff say whether a saved persona rings true: **Does this match the patients you
//! see?**, 1–5 with a comment, named by the **Your name** field; shown as a count and
//! an average, with each person's answer.

use leptos::prelude::*;

use crate::follow_up::{rating_summary, Rating, RATING_QUESTION, SCORES};
use crate::personas::Persona;
use crate::ui::stores::{LibraryStore, Notices};

#[component]
pub fn RatingPanel(id: String) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let notices = expect_context::<Notices>();
    let id = StoredValue::new(id);
    let persona = Memo::new(move |_| library.with(|l| l.get(&id.get_value()).cloned()));
    let score = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let save = move |_| match score.get_untracked() {
        Some(s) => {
            library.rate(&id.get_value(), s, comment.get_untracked());
            comment.set(String::new());
        }
        None => notices.fail("Choose how well it matches (1 to 5) first."),
    };
    let group = move || format!("rating-{}", id.get_value());
    let choices = SCORES
        .map(|s| {
            view! {
                <label class="rating-choice">
                    <input type="radio" name=group on:change=move |_| score.set(Some(s)) prop:checked=move || score.get() == Some(s) />
                    {format!("{s} — {}", Rating::score_label(s))}
                </label>
            }
        })
        .collect_view();
    let given = move |p: Persona| {
        let summary = rating_summary(&p).map(|s| s.describe());
        let items = p
            .ratings
            .iter()
            .map(|r| {
                let by = if r.by.is_empty() {
                    "Someone".to_string()
                } else {
                    r.by.clone()
                };
                let comment = (!r.comment.is_empty()).then(|| format!(": {}", r.comment));
                view! { <li>{format!("{by}, {}: {} of 5", r.date, r.score)}{comment}</li> }
            })
            .collect_view();
        view! {
            <p class="rating-summary">{summary.unwrap_or_else(|| "No ratings yet.".to_string())}</p>
            <ul class="rating-list">{items}</ul>
        }
    };
    view! {
        <section class="persona-rating" aria-label="Staff ratings">
            <h4>"Staff ratings"</h4>
            {move || persona.get().map(given)}
            <fieldset class="rating-ask no-print">
                <legend>{RATING_QUESTION}</legend>
                <div class="rating-choices">{choices}</div>
                <label class="field">
                    "Comment (optional)"
                    <textarea rows="2" bind:value=comment></textarea>
                </label>
                <button type="button" on:click=save>"Save my rating"</button>
            </fieldset>
        </section>
    }
}
