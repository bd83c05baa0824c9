//! Choosing how to group respondents, building personas and saving them.

use leptos::html;
use leptos::prelude::*;

use super::choice_select::ChoiceSelect;
mod chart;

use super::compare::CompareTable;
use super::one_a_frame::OneAFrame;
use super::persona_card::PersonaCard;
use super::rule_builder::RuleBuilder;
use super::stores::{BuildStore, LibraryStore, SurveyStore};
use crate::pipeline::Coverage;
use crate::segments::clustering::{AUTO_RANGE, DEFAULT_SEED};
use crate::segments::Method;

/// What respondents are grouped by, as the select offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupChoice {
    Question(usize),
    Automatic,
}

#[component]
pub fn BuildPanel() -> impl IntoView {
    let (survey, build, library) = (
        expect_context::<SurveyStore>(),
        expect_context::<BuildStore>(),
        expect_context::<LibraryStore>(),
    );
    let results_heading = NodeRef::<html::H2>::new();
    let compare = RwSignal::new(false);

    // The cards are drawn one a frame; the first, once drawn, is brought into view with
    // the focus on it.
    let drawing = OneAFrame::new(move || {
        build
            .built
            .with(|b| b.personas.iter().map(|p| p.id.clone()).collect())
    });
    Effect::new(move |_| {
        if drawing.shown.get() == 1 {
            // At the next frame: the card's own render effect may not have run yet.
            request_animation_frame(move || focus_first_card(results_heading));
        }
    });
    let save = move |_| {
        build
            .built
            .with_untracked(|b| library.save_built(&b.personas))
    };

    let group_select = move || {
        survey.view.with(|view| {
            let options: Vec<(GroupChoice, String)> = view
                .iter()
                .flat_map(|v| v.grouping_choices())
                .map(|s| {
                    let label = format!("{} ({} answers)", s.name, s.distinct());
                    (GroupChoice::Question(s.index), label)
                })
                .chain(std::iter::once((
                    GroupChoice::Automatic,
                    "Similar answers across all questions (automatic segments)".to_string(),
                )))
                .collect();
            let selected = Signal::derive(move || {
                if build.automatic.get() {
                    GroupChoice::Automatic
                } else {
                    build
                        .grouping
                        .get()
                        .map_or(GroupChoice::Automatic, GroupChoice::Question)
                }
            });
            let choose = Callback::new(move |choice| match choice {
                GroupChoice::Question(index) => build.choose_question(index),
                GroupChoice::Automatic => build.automatic.set(true),
            });
            view! { <ChoiceSelect id="group-by" options selected on_choose=choose /> }
        })
    };
    let counts: Vec<(Option<usize>, String)> = std::iter::once((None, "Auto".to_string()))
        .chain(AUTO_RANGE.map(|n| (Some(n), n.to_string())))
        .collect();
    let counts = StoredValue::new(counts);
    let k = survey.min_group_size();
    let reading = move || survey.reading.get();

    view! {
        <Show when=move || survey.view.with(Option::is_some)>
            <section class="panel build" aria-labelledby="build-heading">
                <h2 id="build-heading">"3. Build personas"</h2>
                <div class="build-controls">
                    <label for="group-by">"Group respondents by"</label>
                    {group_select}
                    <Show when=move || build.automatic.get()>
                        <label for="method">"Method"</label>
                        <ChoiceSelect
                            id="method"
                            options=Method::ALL.into_iter().map(|m| (m, m.label().to_string())).collect()
                            selected=build.method
                            on_choose=Callback::new(move |m| build.method.set(m))
                        />
                        <label for="persona-count">"Number of personas"</label>
                        <ChoiceSelect
                            id="persona-count"
                            options=counts.get_value()
                            selected=build.persona_count
                            on_choose=Callback::new(move |n| build.persona_count.set(n))
                        />
                    </Show>
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| build.build_as_chosen(DEFAULT_SEED)
                        disabled=move || reading().is_some()
                        aria-describedby="build-hint"
                    >
                        "Build personas"
                    </button>
                </div>
                <p class="hint" id="build-hint">
                    {move || match reading() {
                        Some(file) => format!(
                            "“{file}” is still being read: personas can be built once it is."
                        ),
                        None if build.automatic.get() => format!(
                            "{} none smaller than {} respondents.",
                            match build.method.get() {
                                Method::LatentClasses => "Groups of respondents found by latent class analysis (Auto tries 2 to 8 and keeps the number with the lowest BIC, or says there are no clear segments);",
                                Method::SimilarAnswers => "Segments of respondents who answered alike across the questions (Auto tries 2 to 8 and keeps the best separated of the stable ones);",
                            },
                            k.get()
                        ),
                        None => format!(
                            "One persona per answer given by at least {} respondents; smaller groups are left out to protect privacy.",
                            k.get()
                        ),
                    }}
                </p>
                <RuleBuilder />
            </section>
            <section class="panel results" aria-labelledby="results-heading">
                <h2 id="results-heading" tabindex="-1" node_ref=results_heading>
                    "4. Personas"
                </h2>
                <ul class="build-notes">
                    {move || {
                        build
                            .built
                            .with(|b| b.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())
                    }}
                </ul>
                {move || build.built.with(|b| b.segmentation.as_ref().and_then(chart::segmentation_chart))}
                <Show
                    when=move || build.built.with(|b| !b.personas.is_empty())
                    fallback=|| view! { <p class="hint">"Built personas appear here."</p> }
                >
                    <button type="button" class="primary" on:click=save>
                        "Save to library"
                    </button>
                    {move || build.built.with(|b| b.coverage.clone()).map(coverage_view)}
                    <Show when=move || build.built.with(|b| b.personas.len() >= 2)>
                        <button
                            type="button"
                            aria-pressed=move || compare.get().to_string()
                            on:click=move |_| compare.update(|c| *c = !*c)
                        >
                            "Compare side by side"
                        </button>
                    </Show>
                    {move || {
                        let personas = build.built.with(|b| b.personas.clone());
                        (compare.get() && personas.len() >= 2)
                            .then(|| view! { <CompareTable personas=personas /> })
                    }}
                    <div class="persona-grid" aria-busy=move || drawing.busy().to_string()>
                        <For
                            each=move || {
                                let shown = drawing.shown.get();
                                build.built.with(|b| b.personas.iter().take(shown).cloned().collect::<Vec<_>>())
                            }
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

/// Brings the first persona card into view with the focus on it, or focuses the results'
/// heading while no card is drawn.
fn focus_first_card(results_heading: NodeRef<html::H2>) {
    let first = document()
        .query_selector(".results .persona-grid .persona-card")
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    match first {
        Some(card) => {
            card.scroll_into_view();
            let _ = card.focus();
        }
        None => {
            if let Some(heading) = results_heading.get_untracked() {
                let _ = heading.focus();
            }
        }
    }
}

/// Scrubbed free-text answers offered as quotes for one persona; none is used until
/// the user approves it.
#[component]
fn QuoteSuggestions(persona_id: String) -> impl IntoView {
    let build = expect_context::<BuildStore>();
    let suggestions = Memo::new(move |_| {
        build.built.with(|b| {
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
                                    on:click=move |_| build.approve_quote(index)
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
                    <p>
                        "Spread across the personas, so no persona stands for them (none has more of them than the survey as a whole):"
                    </p>
                    <ul class="unrepresented">{left_out}</ul>
                }
            })}
        </div>
    }
}
