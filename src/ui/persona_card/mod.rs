//! One persona as a card. Above the fold, the header block a care team reads first:
//! an illustrative person, a headline, what matters to them and what gets in their way,
//! their channels and times, four key numbers, a quote and the actions — every phrase
//! with the figure behind it. **Show the evidence** opens the full table of answers.
//! All persona text is rendered as text, never as HTML.

use leptos::prelude::*;

pub mod avatar;
mod evidence;
mod header;
mod numbers;

use evidence::evidence_table;
pub use header::HeaderBlock;

use time::Date;

use crate::personas::{Note, Persona};

/// Answers printed on a persona's page beside the header block.
const PRINTED_TRAITS: usize = 5;

/// A persona card. `context` keeps element ids unique when the same persona appears
/// in two places; `children` are the card's own controls (such as Delete).
#[component]
pub fn PersonaCard(
    persona: Persona,
    context: &'static str,
    /// Today, to mark a persona whose review is due (saved personas only).
    #[prop(optional)]
    today: Option<Date>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let review = today.map(|today| persona.review_state(today));
    let review_line = match persona.last_reviewed {
        Some(last) => format!("Review due {} · last reviewed {last}", persona.review_due),
        None => format!("Review due {}", persona.review_due),
    };
    let owner = (!persona.owner.is_empty()).then(|| format!("Owner: {}", persona.owner));
    let tags = (!persona.tags.is_empty()).then(|| {
        let tags = persona
            .tags
            .iter()
            .map(|t| view! { <li class="tag">{t.clone()}</li> })
            .collect_view();
        view! { <ul class="tags" aria-label="Tags">{tags}</ul> }
    });
    let notes = (!persona.notes.is_empty()).then(|| {
        let notes = persona.notes.iter().map(note_item).collect_view();
        view! {
            <section class="persona-notes" aria-label="Notes from staff">
                <h4>"Notes from staff"</h4>
                <ul>{notes}</ul>
            </section>
        }
    });
    let heading_id = format!("{context}-{}", persona.id);
    let evidence_id = format!("{heading_id}-evidence");
    let labelled_by = heading_id.clone();
    let open = RwSignal::new(false);
    let has_traits = !persona.traits.is_empty() || !persona.numbers.is_empty();
    let mut top: Vec<crate::personas::Trait> = persona
        .traits
        .iter()
        .filter(|t| t.distinctive)
        .cloned()
        .collect();
    top.sort_by(|a, b| b.lift().total_cmp(&a.lift()));
    top.truncate(PRINTED_TRAITS);
    let top_evidence = !top.is_empty();
    let more_quotes = persona
        .quotes
        .iter()
        .skip(1)
        .map(|q| quote_view(q, ""))
        .collect_view();
    let has_more_quotes = persona.quotes.len() > 1;
    let actions = persona
        .actions
        .iter()
        .map(|a| {
            view! {
                <li>
                    <strong>{a.text.clone()}</strong>
                    <span class="evidence">{format!(" Why: {}", a.evidence)}</span>
                </li>
            }
        })
        .collect_view();
    let quality = persona.segment.quality.map(|q| {
        let badge = q.badge();
        view! {
            <div class="persona-quality">
                <span class=format!("badge badge-{}", badge.label())>{badge.plain()}</span>
                <details class="quality-details">
                    <summary>"How sure is this?"</summary>
                    <p>{format!("{} {}.", badge.meaning(), q.figures())}</p>
                </details>
            </div>
        }
    });

    view! {
        <article class="persona-card" aria-labelledby=labelled_by tabindex="-1">
            <HeaderBlock persona=persona.clone() heading_id=heading_id />
            {quality}
            <p class="persona-meta">
                {review.map(|state| {
                    view! {
                        <span class=format!("badge review-{}", state.label().replace(' ', "-"))>
                            {state.label()}
                        </span>
                        " "
                    }
                })}
                {review_line}
            </p>
            {owner.map(|o| view! { <p class="persona-meta">{o}</p> })}
            {tags}
            <button
                type="button"
                class="evidence-toggle no-print"
                aria-expanded=move || open.get().to_string()
                aria-controls=evidence_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { "Hide the evidence" } else { "Show the evidence" }}
            </button>
            // On paper the card is one page: the header block and the answers that set the
            // persona apart most; the full evidence follows only as an appendix.
            {top_evidence.then(|| view! {
                <div class="print-only top-evidence">
                    {evidence_table(&top, &[], "What sets them apart (this persona vs all respondents)")}
                </div>
            })}
            <div id=evidence_id class="persona-evidence" class:open=move || open.get()>
                <h4>"The evidence"</h4>
                <p class="persona-summary">{persona.summary.clone()}</p>
                {has_traits.then(|| evidence_table(&persona.traits, &persona.numbers, "Most common answers (this persona vs all respondents)"))}
                {(!persona.actions.is_empty()).then(|| view! {
                    <h4>"Recommended actions, and why"</h4>
                    <ul class="actions">{actions}</ul>
                })}
                {has_more_quotes.then(|| view! {
                    <section class="persona-quotes" aria-label="Quotes">
                        <h4>"More in their words"</h4>
                        {more_quotes}
                    </section>
                })}
            </div>
            {notes}
            {children.map(|c| view! { <div class="persona-controls">{c()}</div> })}
        </article>
    }
}

/// One staff note as a list item: "2027-01-10 · Sam: …".
pub fn note_item(n: &Note) -> impl IntoView {
    let by = if n.author.is_empty() {
        String::new()
    } else {
        format!(" · {}", n.author)
    };
    view! {
        <li>
            <span class="note-date">{format!("{}{by}: ", n.date)}</span>
            {n.text.clone()}
        </li>
    }
}

/// A quote as the card shows it, with where it comes from when it is not a survey answer.
pub(super) fn quote_view(quote: &crate::personas::Quote, class: &'static str) -> impl IntoView {
    let source = quote
        .attribution()
        .map(|a| view! { <p class="quote-source">{a}</p> });
    view! {
        <figure class=class>
            <blockquote>{quote.text.clone()}</blockquote>
            {source}
        </figure>
    }
}
