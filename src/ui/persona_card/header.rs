//! A persona card's header block: what a nurse should take in at a glance, each phrase
//! with the figure behind it (this persona's share beside everyone's).

use leptos::prelude::*;

use super::avatar::Portrait;
use crate::personas::{Figure, Persona};

/// Actions shown in the header, at most (the evidence lists them all, with why).
const ACTIONS_SHOWN: usize = 3;

/// "48% vs 20% overall", or just the share when everyone's is the same figure.
fn against(figure: &Figure) -> String {
    if let Some(everyone) = &figure.everyone {
        format!("the middle half of them; of everyone, {everyone}")
    } else if (figure.share - 100.0).abs() < f64::EPSILON {
        "all of them".to_string()
    } else {
        format!(
            "{}% vs {}% overall",
            round1(figure.share),
            round1(figure.overall)
        )
    }
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The header block of a persona card.
#[component]
pub fn HeaderBlock(persona: Persona, heading_id: String) -> impl IntoView {
    let glance = persona.glance();
    let share_pct = round1(persona.segment.share * 100.0);
    let first_name = persona
        .display_name
        .split([',', ':'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let listed = |phrases: &[String]| {
        phrases
            .iter()
            .map(|phrase| {
                let figure = persona
                    .figure_of(phrase)
                    .map(|f| format!(" · {}", against(&f)));
                view! { <li>{phrase.clone()}<span class="figure">{figure}</span></li> }
            })
            .collect_view()
    };
    let goals = listed(&persona.goals);
    let frustrations = listed(&persona.frustrations);
    let (has_goals, has_frustrations) =
        (!persona.goals.is_empty(), !persona.frustrations.is_empty());
    let chips = glance
        .channels
        .iter()
        .chain(&glance.times)
        .map(|c| {
            view! {
                <li class="chip">
                    {c.answer.clone()}
                    <span class="figure">{format!(" {}%", round1(c.share))}</span>
                </li>
            }
        })
        .collect_view();
    let has_chips = !glance.channels.is_empty() || !glance.times.is_empty();
    let key = |label: &'static str, figure: &Option<Figure>| {
        figure.as_ref().map(|f| {
            view! {
                <div>
                    <dt>{label}</dt>
                    <dd>
                        <strong>{f.answer.clone()}</strong>
                        <span class="figure">{format!(" · {}", against(f))}</span>
                    </dd>
                </div>
            }
        })
    };
    let quote = persona
        .quotes
        .first()
        .map(|q| super::quote_view(q, "header-quote"));
    let actions = persona
        .actions
        .iter()
        .take(ACTIONS_SHOWN)
        .map(|a| view! { <li>{a.text.clone()}</li> })
        .collect_view();
    let has_actions = !persona.actions.is_empty();
    let display_name = (!persona.display_name.is_empty()).then(|| {
        view! {
            <p class="display-name">
                {persona.display_name.clone()}
                <span class="illustrative">" (illustrative name)"</span>
            </p>
        }
    });
    let weighted = persona.segment.weighted_share.map(|share| {
        let effective = persona.provenance.community.map_or(0, |c| c.effective_n);
        let text = format!(
            " · {}% of the community (weighted; effective sample {effective})",
            (share * 1000.0).round() / 10.0
        );
        view! { <span class="figure weighted">{text}</span> }
    });
    let headline = (!persona.headline.is_empty())
        .then(|| view! { <p class="headline">{persona.headline.clone()}</p> });

    view! {
        <header class="persona-header">
            <div class="persona-identity">
                <Portrait id=persona.id.clone() initial=first_name age=glance.age.as_ref().map(|a| a.answer.clone()) />
                <div>
                    {display_name}
                    <h3 id=heading_id>{persona.name.clone()}</h3>
                    {headline}
                </div>
            </div>
            <dl class="key-numbers">
                <div>
                    <dt>"People"</dt>
                    <dd class="persona-size">
                        <strong>{persona.segment.size}</strong>
                        <span class="figure">{format!(" respondents · {share_pct}% of all respondents")}</span>
                        {weighted}
                    </dd>
                </div>
                {key("Main age band", &glance.age)}
                {key("Main condition", &glance.condition)}
                {key("Main obstacle", &glance.obstacle)}
            </dl>
            <div class="header-lists">
                {has_goals.then(|| view! {
                    <section aria-label="Goals and what matters">
                        <h4>"What matters to them"</h4>
                        <ul>{goals}</ul>
                    </section>
                })}
                {has_frustrations.then(|| view! {
                    <section aria-label="Frustrations and obstacles">
                        <h4>"What gets in the way"</h4>
                        <ul>{frustrations}</ul>
                    </section>
                })}
            </div>
            {has_chips.then(|| view! {
                <ul class="chips" aria-label="Preferred channels and times">{chips}</ul>
            })}
            {quote}
            {has_actions.then(|| view! {
                <section class="header-actions" aria-label="What we can do">
                    <h4>"What we can do"</h4>
                    <ul>{actions}</ul>
                </section>
            })}
        </header>
    }
}
