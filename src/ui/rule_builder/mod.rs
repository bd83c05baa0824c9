//! A persona from a rule: the user picks conditions ("Age at least 65", "Conditions
//! includes Diabetes") and gets one persona for the respondents who meet them all.

use leptos::prelude::*;

use super::state::AppState;
use crate::columns::{shown_answers, ColumnKind, ColumnSummary};
use crate::pipeline::{GroupBy, SurveyView};
use crate::segments::rules::{Condition, Rule, Test};

/// The tests offered for a kind of question, as (value, label).
fn tests_for(kind: ColumnKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        ColumnKind::Categorical => &[("is", "is")],
        ColumnKind::Scale => &[
            ("is", "is"),
            ("at_least", "at least"),
            ("at_most", "at most"),
        ],
        ColumnKind::MultiSelect => &[("includes", "includes")],
        ColumnKind::Numeric => &[("at_least", "at least"), ("at_most", "at most")],
        _ => &[],
    }
}

/// Questions a rule can test.
fn testable(view: &SurveyView) -> Vec<ColumnSummary> {
    view.summaries
        .iter()
        .filter(|s| s.role.is_used() && !tests_for(s.kind).is_empty())
        .cloned()
        .collect()
}

#[component]
pub fn RuleBuilder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let conditions = RwSignal::new(Vec::<Condition>::new());
    let question = RwSignal::new(None::<String>);
    let test = RwSignal::new(String::from("is"));
    let value = RwSignal::new(String::new());

    let questions = move || {
        state
            .survey
            .with(|s| s.as_ref().map(testable).unwrap_or_default())
    };
    let chosen = move || {
        let name = question.get()?;
        questions().into_iter().find(|s| s.name == name)
    };
    // Answers that may be listed (given by at least k respondents).
    let answers = move || {
        let summary = chosen()?;
        state.survey.with(|s| {
            let view = s.as_ref()?;
            let bars = shown_answers(&summary, view.respondents, view.min_group_size());
            Some(bars.into_iter().map(|b| b.label).collect::<Vec<_>>())
        })
    };
    let numeric = move || matches!(test.get().as_str(), "at_least" | "at_most");

    let add = move |_| {
        let Some(name) = question.get_untracked() else {
            state.fail("Choose a question for the condition.");
            return;
        };
        let entered = value.get_untracked();
        let parsed = match test.get_untracked().as_str() {
            "includes" => Some(Test::Includes { option: entered }),
            "at_least" => entered
                .trim()
                .parse()
                .ok()
                .map(|number| Test::AtLeast { number }),
            "at_most" => entered
                .trim()
                .parse()
                .ok()
                .map(|number| Test::AtMost { number }),
            _ => Some(Test::Is { value: entered }),
        };
        match parsed {
            Some(test) => conditions.update(|c| {
                c.push(Condition {
                    question: name,
                    test,
                })
            }),
            None => state.fail("Enter a number for “at least” or “at most”."),
        }
    };
    let build = move |_| {
        let rule = Rule {
            conditions: conditions.get_untracked(),
        };
        state.build(GroupBy::Rule { rule });
    };

    view! {
        <section class="panel rule-builder" aria-labelledby="rule-heading">
            <h2 id="rule-heading">"Persona from a rule"</h2>
            <p class="hint">
                "One persona for the respondents who meet every condition, if at least the minimum group size do (and at least that many do not)."
            </p>
            <div class="rule-draft">
                <label for="rule-question">"Question"</label>
                <select
                    id="rule-question"
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        let kind = questions().into_iter().find(|s| s.name == name).map(|s| s.kind);
                        test.set(kind.and_then(|k| tests_for(k).first()).map_or("is", |t| t.0).to_string());
                        value.set(String::new());
                        question.set((!name.is_empty()).then_some(name));
                    }
                >
                    <option value="">"Choose a question"</option>
                    {move || {
                        questions()
                            .into_iter()
                            .map(|s| view! { <option value=s.name.clone()>{s.name.clone()}</option> })
                            .collect_view()
                    }}
                </select>
                <label for="rule-test">"Condition"</label>
                <select id="rule-test" on:change=move |ev| test.set(event_target_value(&ev))>
                    {move || {
                        chosen()
                            .map(|s| tests_for(s.kind))
                            .unwrap_or(&[])
                            .iter()
                            .map(|(v, label)| {
                                view! {
                                    <option value=*v prop:selected=move || test.get() == *v>{*label}</option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <label for="rule-value">"Answer or number"</label>
                {move || {
                    if numeric() {
                        view! {
                            <input
                                id="rule-value"
                                type="number"
                                prop:value=move || value.get()
                                on:input=move |ev| value.set(event_target_value(&ev))
                            />
                        }
                        .into_any()
                    } else {
                        let options = answers()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|a| view! { <option value=a.clone()>{a.clone()}</option> })
                            .collect_view();
                        view! {
                            <select id="rule-value" on:change=move |ev| value.set(event_target_value(&ev))>
                                <option value="">"Choose an answer"</option>
                                {options}
                            </select>
                        }
                        .into_any()
                    }
                }}
                <button type="button" on:click=add>"Add condition"</button>
            </div>
            <ul class="rule-conditions" aria-label="Conditions">
                <For
                    each=move || conditions.get().into_iter().enumerate()
                    key=|(i, c)| (*i, c.describe())
                    children=move |(i, c)| {
                        view! {
                            <li>
                                {c.describe()}
                                " "
                                <button
                                    type="button"
                                    on:click=move |_| conditions.update(|all| {
                                        all.remove(i);
                                    })
                                >
                                    "Remove"
                                    <span class="visually-hidden">{format!(" “{}”", c.describe())}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <button
                type="button"
                class="primary"
                on:click=build
                disabled=move || conditions.with(Vec::is_empty)
            >
                "Build persona from rule"
            </button>
        </section>
    }
}
