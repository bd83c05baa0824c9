//! Choosing how to group respondents, building personas and saving them.

use leptos::html;
use leptos::prelude::*;

use super::persona_card::PersonaCard;
use super::state::AppState;

#[component]
pub fn BuildPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results_heading = NodeRef::<html::H2>::new();

    let build = move |_| match state.grouping.get_untracked() {
        Some(column) => state.build(column),
        None => state.fail("Choose a question to group respondents by."),
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
        match state.change_library(|library| library.save(&built)) {
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
                    <select
                        id="group-by"
                        on:change=move |ev| state.grouping.set(event_target_value(&ev).parse().ok())
                    >
                        <For
                            each=choices
                            key=|(index, label)| (*index, label.clone())
                            children=move |(index, label)| {
                                view! {
                                    <option
                                        value=index.to_string()
                                        prop:selected=move || state.grouping.get() == Some(index)
                                    >
                                        {label}
                                    </option>
                                }
                            }
                        />
                    </select>
                    <button type="button" class="primary" on:click=build>
                        "Build personas"
                    </button>
                </div>
                <p class="hint">
                    "One persona per answer given by at least 11 respondents; smaller groups are left out to protect privacy."
                </p>
            </section>
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
