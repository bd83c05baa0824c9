//! One persona as a card: name, size, summary and its most common answers with the
//! numbers behind them. All persona text is rendered as text, never as HTML.

use leptos::prelude::*;

pub mod avatar;

use avatar::Avatar;

use time::Date;

use crate::personas::{Persona, Trait};

/// The bar width, in SVG units, that stands for 100 %.
const BAR_WIDTH: f64 = 100.0;

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
        let notes = persona
            .notes
            .iter()
            .map(|n| {
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
            })
            .collect_view();
        view! {
            <section class="persona-notes" aria-label="Notes from staff">
                <h4>"Notes from staff"</h4>
                <ul>{notes}</ul>
            </section>
        }
    });
    let heading_id = format!("{context}-{}", persona.id);
    let labelled_by = heading_id.clone();
    let share_pct = (persona.segment.share * 1000.0).round() / 10.0;
    let traits = sections(&persona.traits)
        .into_iter()
        .map(|(title, groups)| {
            let groups = groups.into_iter().map(trait_group).collect_view();
            view! {
                <tbody class="trait-section">
                    <tr>
                        <th scope="rowgroup" colspan="4" class="section-title">{title}</th>
                    </tr>
                </tbody>
                {groups}
            }
        })
        .collect_view();
    let has_traits = !persona.traits.is_empty();
    let quotes = persona
        .quotes
        .iter()
        .map(|q| view! { <blockquote>{q.text.clone()}</blockquote> })
        .collect_view();
    let has_quotes = !persona.quotes.is_empty();

    view! {
        <article class="persona-card" aria-labelledby=labelled_by>
            <div class="persona-head">
                <Avatar id=persona.id.clone() />
                <h3 id=heading_id>{persona.name.clone()}</h3>
            </div>
            <p class="persona-size">
                <strong>{persona.segment.size}</strong>
                {format!(" respondents · {share_pct}% of all respondents")}
            </p>
            {persona.segment.quality.map(|q| {
                view! {
                    <p class="persona-quality">
                        <span class=format!("badge badge-{}", q.badge().label())>
                            {format!("{} segment", q.badge().label())}
                        </span>
                        {format!(" {}", q.figures())}
                    </p>
                }
            })}
            <p class="persona-summary">{persona.summary.clone()}</p>
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
            {has_traits
                .then(|| {
                    view! {
                        <table class="traits">
                            <caption>"Most common answers (this persona vs all respondents)"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Question"</th>
                                    <th scope="col">"Answer"</th>
                                    <th scope="col">"This persona"</th>
                                    <th scope="col">"All respondents"</th>
                                </tr>
                            </thead>
                            {traits}
                        </table>
                    }
                })}
            {(!persona.actions.is_empty()).then(|| {
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
                view! {
                    <h4>"Recommended actions"</h4>
                    <ul class="actions">{actions}</ul>
                }
            })}
            {notes}
            {has_quotes.then(|| view! {
                <section class="persona-quotes" aria-label="Quotes">
                    <h4>"In their words"</h4>
                    {quotes}
                </section>
            })}
            {children.map(|c| view! { <div class="persona-controls">{c()}</div> })}
        </article>
    }
}

/// Traits by persona section, then by question, keeping their order.
fn sections(traits: &[Trait]) -> Vec<(&'static str, Vec<Vec<Trait>>)> {
    let mut sections: Vec<(&'static str, Vec<Vec<Trait>>)> = Vec::new();
    for t in traits {
        let title = t.role.map_or("Answers", |r| r.section().1);
        if sections.last().is_none_or(|(last, _)| *last != title) {
            sections.push((title, Vec::new()));
        }
        let groups = &mut sections.last_mut().expect("just pushed").1;
        match groups.last_mut() {
            Some(group) if group[0].attribute == t.attribute => group.push(t.clone()),
            _ => groups.push(vec![t.clone()]),
        }
    }
    sections
}

fn trait_group(group: Vec<Trait>) -> impl IntoView {
    let span = group.len().to_string();
    let rows = group
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let question = (i == 0).then(|| {
                view! { <th scope="rowgroup" rowspan=span.clone()>{t.attribute.clone()}</th> }
            });
            view! {
                <tr>
                    {question}
                    <td>
                        {t.value.clone()}
                        {t.distinctive.then(|| {
                            view! {
                                <span class="distinctive">
                                    {format!(" ×{:.1} vs all", t.lift())}
                                </span>
                            }
                        })}
                    </td>
                    <td>
                        <Bar pct=t.segment_pct class="bar-segment" />
                        {format!("{}% (n = {})", t.segment_pct, t.n)}
                    </td>
                    <td>
                        <Bar pct=t.overall_pct class="bar-overall" />
                        {format!("{}%", t.overall_pct)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! { <tbody>{rows}</tbody> }
}

/// A percentage bar drawn with SVG attributes (no inline styles, which the CSP forbids).
#[component]
fn Bar(pct: f64, class: &'static str) -> impl IntoView {
    let width = (pct.clamp(0.0, 100.0) / 100.0 * BAR_WIDTH).to_string();
    view! {
        <svg class="bar" viewBox="0 0 100 8" width="100" height="8" aria-hidden="true">
            <rect class="bar-track" x="0" y="0" width="100" height="8" />
            <rect class=class x="0" y="0" width=width height="8" />
        </svg>
    }
}
