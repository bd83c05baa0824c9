//! Choosing how to group respondents, building personas and saving them.

use leptos::html;
use leptos::prelude::*;

use super::compare::CompareTable;
use super::persona_card::PersonaCard;
use super::rule_builder::RuleBuilder;
use super::state::AppState;
use crate::pipeline::{Coverage, GroupBy};
use crate::segments::clustering::{AUTO_RANGE, DEFAULT_SEED};

/// The grouping choice's value for automatic segments.
const AUTOMATIC: &str = "auto";

#[component]
pub fn BuildPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results_heading = NodeRef::<html::H2>::new();
    let compare = RwSignal::new(false);

    let build = move |_| {
        if state.automatic.get_untracked() {
            state.build(GroupBy::Similarity {
                count: state.persona_count.get_untracked(),
                seed: DEFAULT_SEED,
                method: Default::default(),
            });
            return;
        }
        match state.grouping.get_untracked() {
            Some(column) => state.build(GroupBy::Answer { column }),
            None => state.fail("Choose a question to group respondents by."),
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        state.automatic.set(value == AUTOMATIC);
        if let Ok(column) = value.parse() {
            state.grouping.set(Some(column));
        }
    };
    // Personas that arrive move the focus to their heading.
    Effect::new(move |_| {
        if state.built.with(|b| !b.personas.is_empty()) {
            if let Some(heading) = results_heading.get_untracked() {
                let _ = heading.focus();
            }
        }
    });

    let save = move |_| {
        let built = state.built.with_untracked(|b| b.personas.clone());
        let (who, now) = (state.who(), crate::browser::clock::now());
        match state.change_library("save of the built personas", |library| {
            library.save(&built, &who, now)
        }) {
            Ok(summary) => state.inform(format!(
                "Saved to the library: {} new, {} updated.",
                summary.added, summary.updated
            )),
            Err(e) => state.fail(e),
        }
    };

    let choices = move || {
        state.survey.with(|survey| {
            survey.as_ref().map_or_else(Vec::new, |loaded| {
                loaded
                    .grouping_choices()
                    .map(|s| (s.index, format!("{} ({} answers)", s.name, s.distinct())))
                    .collect::<Vec<_>>()
            })
        })
    };

    view! {
        <Show when=move || state.survey.with(Option::is_some)>
            <section class="panel build" aria-labelledby="build-heading">
                <h2 id="build-heading">"3. Build personas"</h2>
                <div class="build-controls">
                    <label for="group-by">"Group respondents by"</label>
                    <select id="group-by" on:change=choose>
                        <For
                            each=choices
                            key=|(index, label)| (*index, label.clone())
                            children=move |(index, label)| {
                                view! {
                                    <option
                                        value=index.to_string()
                                        prop:selected=move || {
                                            !state.automatic.get() && state.grouping.get() == Some(index)
                                        }
                                    >
                                        {label}
                                    </option>
                                }
                            }
                        />
                        <option value=AUTOMATIC prop:selected=move || state.automatic.get()>
                            "Similar answers across all questions (automatic segments)"
                        </option>
                    </select>
                    <Show when=move || state.automatic.get()>
                        <label for="persona-count">"Number of personas"</label>
                        <select
                            id="persona-count"
                            on:change=move |ev| {
                                state.persona_count.set(event_target_value(&ev).parse().ok())
                            }
                        >
                            <option value="auto" prop:selected=move || state.persona_count.get().is_none()>
                                "Auto"
                            </option>
                            {AUTO_RANGE
                                .map(|n| {
                                    view! {
                                        <option
                                            value=n.to_string()
                                            prop:selected=move || state.persona_count.get() == Some(n)
                                        >
                                            {n.to_string()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </Show>
                    <button type="button" class="primary" on:click=build>
                        "Build personas"
                    </button>
                </div>
                <p class="hint">
                    {move || {
                        if state.automatic.get() {
                            "Segments of respondents who answered alike across the questions (Auto tries 2 to 8 and keeps the best separated of the stable ones); none smaller than the minimum group size."
                        } else {
                            "One persona per answer given by at least 11 respondents; smaller groups are left out to protect privacy."
                        }
                    }}
                </p>
            </section>
            <RuleBuilder />
            <section class="panel results" aria-labelledby="results-heading">
                <h2 id="results-heading" tabindex="-1" node_ref=results_heading>
                    "4. Personas"
                </h2>
                <ul class="build-notes">
                    {move || {
                        state
                            .built
                            .with(|b| b.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())
                    }}
                </ul>
                <Show
                    when=move || state.built.with(|b| !b.personas.is_empty())
                    fallback=|| view! { <p class="hint">"Built personas appear here."</p> }
                >
                    <button type="button" class="primary" on:click=save>
                        "Save to library"
                    </button>
                    {move || state.built.with(|b| b.coverage.clone()).map(coverage_view)}
                    <Show when=move || state.built.with(|b| b.personas.len() >= 2)>
                        <button
                            type="button"
                            aria-pressed=move || compare.get().to_string()
                            on:click=move |_| compare.update(|c| *c = !*c)
                        >
                            "Compare side by side"
                        </button>
                    </Show>
                    {move || {
                        let personas = state.built.with(|b| b.personas.clone());
                        (compare.get() && personas.len() >= 2)
                            .then(|| view! { <CompareTable personas=personas /> })
                    }}
                    <div class="persona-grid">
                        <For
                            each=move || state.built.with(|b| b.personas.clone())
                            key=|p| (p.id.clone(), p.traits.len(), p.quotes.len())
                            children=move |persona| {
                                let id = persona.id.clone();
                                view! {
                                    <PersonaCard persona=persona context="built">
                                        <QuoteSuggestions persona_id=id />
                                    </PersonaCard>
                                }
                            }
                        />
                    </div>
                </Show>
            </section>
        </Show>
    }
}

/// Scrubbed free-text answers offered as quotes for one persona; none is used until
/// the user approves it.
#[component]
fn QuoteSuggestions(persona_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let suggestions = Memo::new(move |_| {
        state.built.with(|b| {
            b.quote_suggestions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.persona_id == persona_id)
                .map(|(index, q)| (index, q.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || suggestions.with(|s| !s.is_empty())>
            <div class="quote-suggestions">
                <h4>"Suggested quotes (scrubbed; used only if you approve)"</h4>
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .map(|(index, text)| {
                            view! {
                                <blockquote>{text}</blockquote>
                                <button
                                    type="button"
                                    on:click=move |_| state.built.update(|b| b.approve_quote(index))
                                >
                                    "Approve quote"
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </Show>
    }
}

/// How much of the survey the personas cover, and who they leave out.
fn coverage_view(coverage: Coverage) -> impl IntoView {
    let pct = |share: f64| (share * 1000.0).round() / 10.0;
    let mut text = format!(
        "{}% of respondents are in a persona",
        pct(coverage.in_personas)
    );
    if let Some(well) = coverage.fits_well {
        text.push_str(&format!("; {}% fit theirs well", pct(well)));
    }
    text.push('.');
    let left_out = coverage
        .unrepresented
        .iter()
        .map(|u| {
            view! {
                <li>{format!("{}: {} ({}% of respondents)", u.question, u.answer, u.overall_pct)}</li>
            }
        })
        .collect_view();
    view! {
        <div class="coverage" role="group" aria-label="Coverage">
            <p>{text}</p>
            {(!coverage.unrepresented.is_empty()).then(|| {
                view! {
                    <p>"Not represented by any persona:"</p>
                    <ul class="unrepresented">{left_out}</ul>
                }
            })}
        </div>
    }
}
