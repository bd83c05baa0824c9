//! The quarterly review as a guided session (route `#review`, from **Start the
//! quarterly review**): the personas overdue when it starts, overdue longest first, one
//! at a time — what changed, plans due, notes and ratings since — with who reviewed, the
//! decision, a note and the next date, stored by **Record the review** (or passed over
//! by **Skip**); the review summary below prints on one page.

mod agenda;
mod summary;

use crate::wording::counted;
use leptos::prelude::*;
use time::Date;

use super::choice_select::ChoiceSelect;
use super::stores::{LibraryStore, Notices};
use crate::browser::clock;
use crate::follow_up::{Decision, Review};
use crate::library::Query;
use crate::personas::{add_months, ReviewState, REVIEW_INTERVAL_MONTHS};
use agenda::AgendaView;
use summary::ReviewSummary;

/// The heading of the persona under review; it takes the focus as the review moves on.
const CURRENT_HEADING: &str = "review-current";
/// The heading shown once every persona has been looked at.
const DONE_HEADING: &str = "review-done";

#[component]
pub fn ReviewView() -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let today = clock::now().date();
    // The personas overdue when the session starts: recording a review makes a persona
    // current, and it must not drop out of the walk under the reviewer's hands.
    let queue: Vec<String> = library.with_untracked(|l| {
        let overdue = Query {
            review: Some(ReviewState::Overdue),
            ..Query::default()
        };
        l.find(&overdue, today)
            .into_iter()
            .map(|p| p.id.clone())
            .collect()
    });
    let count = queue.len();
    let queue = StoredValue::new(queue);
    let at = RwSignal::new(0usize);
    let recorded = RwSignal::new(0usize);
    let next = Callback::new(move |kept: bool| {
        if kept {
            recorded.update(|n| *n += 1);
        }
        at.update(|i| *i += 1);
        let target = if at.get_untracked() < count {
            CURRENT_HEADING
        } else {
            DONE_HEADING
        };
        focus_later(target);
    });

    let step = move || {
        let i = at.get();
        match queue.with_value(|q| q.get(i).cloned()) {
            Some(id) => view! { <ReviewStep id position=i + 1 count today next /> }.into_any(),
            None => view! {
                <h3 id=DONE_HEADING tabindex="-1">"Review finished"</h3>
                <p>{move || done_message(count, recorded.get())}</p>
            }
            .into_any(),
        }
    };
    view! {
        <section class="panel review" aria-labelledby="review-heading">
            <div class="review-walk no-print">
                <p><a href="#library">"← Back to the library"</a></p>
                <h2 id="review-heading">"Quarterly review"</h2>
                <p class="hint">
                    {format!(
                        "{} overdue for review, overdue longest first. For each: what changed since its last review, then who reviewed, the decision and the next date.",
                        counted(count, "persona")
                    )}
                </p>
                <article class="review-step" aria-labelledby=CURRENT_HEADING>{step}</article>
            </div>
            <ReviewSummary today />
        </section>
    }
}

/// What the session did, once every overdue persona has been looked at.
fn done_message(count: usize, recorded: usize) -> String {
    if count == 0 {
        "No persona is overdue for review. The summary below lists the reviews of the last quarter."
            .to_string()
    } else {
        format!(
            "Looked at all {}: {} recorded, {} skipped. The summary below prints on one page.",
            counted(count, "overdue persona"),
            counted(recorded, "review"),
            count - recorded
        )
    }
}

/// One persona of the walk: its agenda and the review's fields.
#[component]
fn ReviewStep(
    id: String,
    position: usize,
    count: usize,
    today: Date,
    /// Moves on: `true` when a review was recorded, `false` when skipped.
    next: Callback<bool>,
) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let notices = expect_context::<Notices>();
    let persona = library.with_untracked(|l| l.get(&id).cloned());
    let reviewer = RwSignal::new(library.editor.get_untracked());
    let decision = RwSignal::new(Decision::default());
    let note = RwSignal::new(String::new());
    let next_due = RwSignal::new(add_months(today, REVIEW_INTERVAL_MONTHS).to_string());
    let id = StoredValue::new(id);

    let record = move |_| {
        let Some(next_due) = parse_day(&next_due.get_untracked()) else {
            notices.fail("Give the next review's date (day, month and year).");
            return;
        };
        if next_due <= today {
            notices.fail(format!("The next review must come after today ({today})."));
            return;
        }
        let review = Review {
            date: today,
            by: reviewer.get_untracked().trim().to_string(),
            decision: decision.get_untracked(),
            note: note.get_untracked().trim().to_string(),
            next_due,
            at_wave: 0,
        };
        if library.record_review(&id.get_value(), review) {
            next.run(true);
        }
    };
    let Some(persona) = persona else {
        return view! {
            <h3 id=CURRENT_HEADING tabindex="-1">"No longer in the library"</h3>
            <p>"This persona was deleted since the review started."</p>
            <button type="button" on:click=move |_| next.run(false)>"Skip"</button>
        }
        .into_any();
    };
    let decisions: Vec<(Decision, String)> = Decision::ALL
        .into_iter()
        .map(|d| (d, d.label().to_string()))
        .collect();
    view! {
        <p class="review-count">{format!("Persona {position} of {count}")}</p>
        <AgendaView persona today heading_id=CURRENT_HEADING />
        <fieldset class="review-record">
            <legend>"Record the review"</legend>
            <label>
                "Reviewed by"
                <input
                    type="text"
                    maxlength="60"
                    prop:value=move || reviewer.get()
                    on:input=move |ev| reviewer.set(event_target_value(&ev))
                />
            </label>
            <label for="review-decision">"Decision"</label>
            <ChoiceSelect
                id="review-decision"
                options=decisions
                selected=Signal::derive(move || decision.get())
                on_choose=Callback::new(move |d| decision.set(d))
            />
            <label>
                "Note"
                <textarea
                    rows="3"
                    maxlength="1000"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </label>
            <label>
                "Next review"
                <input
                    type="date"
                    prop:value=move || next_due.get()
                    on:input=move |ev| next_due.set(event_target_value(&ev))
                />
            </label>
            <div class="review-actions">
                <button type="button" class="primary" on:click=record>"Record the review"</button>
                <button type="button" on:click=move |_| next.run(false)>"Skip"</button>
            </div>
        </fieldset>
    }
    .into_any()
}

/// A date as a date input gives it ("2027-06-01").
fn parse_day(text: &str) -> Option<Date> {
    crate::personas::parse_iso_date(text.trim())
}

/// Focuses the element with `id` once the page has drawn it.
fn focus_later(id: &'static str) {
    set_timeout(
        move || {
            let element = document()
                .get_element_by_id(id)
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}
