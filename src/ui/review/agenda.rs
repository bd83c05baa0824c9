//! What the reviewer of one persona looks at: what changed since the last review (the
//! wave current then against the latest, figure by figure), plans due or overdue, and
//! notes and staff ratings since. All of it rendered as text.

use leptos::prelude::*;
use time::Date;

use crate::follow_up::{rating_summary, Agenda, Rating, WaveChanges};
use crate::personas::Persona;
use crate::ui::persona_card::note_item;

/// The agenda of `persona`'s review on `today`, under its heading (`heading_id`, which
/// takes the focus when the review moves on to it).
#[component]
pub fn AgendaView(persona: Persona, today: Date, heading_id: &'static str) -> impl IntoView {
    let agenda = Agenda::of(&persona, today);
    let last = persona
        .last_reviewed
        .map_or("never reviewed".to_string(), |d| {
            format!("last reviewed {d}")
        });
    let who = [persona.display_name.trim(), persona.headline.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|s| view! { <p class="review-who">{s.to_string()}</p> })
        .collect_view();
    let labels: Vec<String> = agenda
        .waves_since
        .iter()
        .filter_map(|w| {
            w.drift
                .map(|d| format!("wave {} ({}): {}", w.number, w.date, d.label()))
        })
        .collect();
    let refreshed = persona.provenance.refreshed.as_ref().map(|wave| {
        let labels = if labels.is_empty() {
            String::new()
        } else {
            format!(" Labelled at each wave since: {}.", labels.join("; "))
        };
        view! {
            <p class="hint review-drift">
                {format!("Last refreshed from the survey wave of {} ({} respondents).{labels}", wave.date, wave.rows)}
            </p>
        }
    });
    view! {
        <h3 id=heading_id tabindex="-1">{persona.name.clone()}</h3>
        {who}
        <p class="hint">{format!("Review due {} · {last}", persona.review_due)}</p>
        <section class="review-part" aria-label="What changed since the last review">
            <h4>"What changed since the last review"</h4>
            {refreshed}
            {changes_view(agenda.changes())}
        </section>
        <section class="review-part" aria-label="Plans due or overdue">
            <h4>"Plans due or overdue"</h4>
            {plans_due(&agenda, today)}
        </section>
        <section class="review-part" aria-label="Notes and ratings since the last review">
            <h4>{format!("Notes and staff ratings since {}", agenda.since)}</h4>
            {notes_since(&agenda)}
            {ratings_since(&agenda.ratings_since, &persona)}
        </section>
    }
}

/// The figures of the wave before against the latest wave, as a table.
fn changes_view(changes: Option<WaveChanges<'_>>) -> AnyView {
    let Some(changes) = changes else {
        return view! { <p class="hint">"No survey figures are recorded for it yet."</p> }
            .into_any();
    };
    let to = changes.to;
    let intro = match changes.from {
        Some(from) => format!(
            "Survey wave {} ({}) against wave {} ({}), the one current at the last review.",
            to.number, to.date, from.number, from.date
        ),
        None => format!(
            "No new survey wave since the last review: its figures in wave {} ({}).",
            to.number, to.date
        ),
    };
    let compared = changes.from.is_some();
    let rows = changes
        .figures
        .iter()
        .map(|f| {
            let before = compared.then(|| view! { <td>{f.show(f.before)}</td> });
            view! {
                <tr>
                    <th scope="row">{f.label.clone()}</th>
                    {before}
                    <td>{f.show(f.after)}</td>
                </tr>
            }
        })
        .collect_view();
    let before_head = compared.then(|| view! { <th scope="col">"At the last review"</th> });
    view! {
        <p>{intro}</p>
        <div class="table-scroll">
            <table class="review-figures">
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        {before_head}
                        <th scope="col">"Now"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The open plan items due by today, overdue ones marked.
fn plans_due(agenda: &Agenda<'_>, today: Date) -> AnyView {
    if agenda.plans_due.is_empty() {
        return view! { <p class="hint">"No plan item is due."</p> }.into_any();
    }
    let items = agenda
        .plans_due
        .iter()
        .map(|plan| {
            let owner = if plan.owner.trim().is_empty() {
                "no owner".to_string()
            } else {
                plan.owner.clone()
            };
            let due = plan.due.map(|d| d.to_string()).unwrap_or_default();
            let when = if plan.is_overdue(today) {
                format!("overdue since {due}")
            } else {
                format!("due {due}")
            };
            view! {
                <li>
                    <strong>{plan.action.clone()}</strong>
                    {format!(" — {owner} · {} · {when}", plan.status.label())}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="review-list">{items}</ul> }.into_any()
}

/// Staff notes written since the last review.
fn notes_since(agenda: &Agenda<'_>) -> AnyView {
    if agenda.notes_since.is_empty() {
        return view! { <p class="hint">"No notes since."</p> }.into_any();
    }
    let items = agenda
        .notes_since
        .iter()
        .map(|n| note_item(n))
        .collect_view();
    view! { <ul class="review-list" aria-label="Notes since">{items}</ul> }.into_any()
}

/// Ratings given since the last review, and the persona's rating in short.
fn ratings_since(since: &[&Rating], persona: &Persona) -> AnyView {
    let overall = rating_summary(persona).map(|s| {
        view! { <p>{format!("Does it match the patients staff see: {}.", s.describe())}</p> }
    });
    if since.is_empty() {
        return view! { {overall} <p class="hint">"No ratings since."</p> }.into_any();
    }
    let items = since
        .iter()
        .map(|r| {
            let by = if r.by.trim().is_empty() {
                "Unnamed".to_string()
            } else {
                r.by.clone()
            };
            let comment = (!r.comment.is_empty()).then(|| format!(" — {}", r.comment));
            view! {
                <li>
                    {format!("{} · {by}: {} of 5 ({})", r.date, r.score, Rating::score_label(r.score))}
                    {comment}
                </li>
            }
        })
        .collect_view();
    view! {
        {overall}
        <ul class="review-list" aria-label="Ratings since">{items}</ul>
    }
    .into_any()
}
