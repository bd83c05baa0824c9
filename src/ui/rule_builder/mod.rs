//! A persona from a rule: the user picks conditions ("Age at least 65", "Conditions
//! includes Diabetes") and gets one persona for the respondents who meet them all.

use leptos::prelude::*;

use super::choice_select::ChoiceSelect;
use super::stores::{BuildStore, Notices, SurveyStore};
use crate::columns::{shown_answers, ColumnSummary};
use crate::pipeline::GroupBy;
use crate::protocol::SurveyView;
use crate::segments::rules::{Condition, Rule, TestKind};

/// Questions a rule can test.
fn testable(view: &SurveyView) -> Vec<ColumnSummary> {
    view.summaries
        .iter()
        .filter(|s| s.role.is_used() && !TestKind::for_kind(s.kind).is_empty())
        .cloned()
        .collect()
}

#[component]
pub fn RuleBuilder() -> impl IntoView {
    let (survey, build, notices) = (
        expect_context::<SurveyStore>(),
        expect_context::<BuildStore>(),
        expect_context::<Notices>(),
    );
    let conditions = RwSignal::new(Vec::<Condition>::new());
    let question = RwSignal::new(None::<String>);
    let test = RwSignal::new(TestKind::Is);
    let value = RwSignal::new(String::new());

    let questions = move || {
        survey
            .view
            .with(|s| s.as_ref().map(testable).unwrap_or_default())
    };
    let chosen = move || {
        let name = question.get()?;
        questions().into_iter().find(|s| s.name == name)
    };
    // Answers that may be listed (given by at least k respondents).
    let answers = move || {
        let summary = chosen()?;
        survey.view.with(|s| {
            let view = s.as_ref()?;
            let bars = shown_answers(&summary, view.respondents, view.min_group_size());
            Some(bars.into_iter().map(|b| b.label).collect::<Vec<_>>())
        })
    };

    let add = move |_| {
        let Some(name) = question.get_untracked() else {
            notices.fail("Choose a question for the condition.");
            return;
        };
        match test.get_untracked().with(&value.get_untracked()) {
            Some(test) => conditions.update(|c| {
                c.push(Condition {
                    question: name,
                    test,
                })
            }),
            None => notices.fail("Enter a number for “at least” or “at most”."),
        }
    };
    let build_rule = move |_| {
        let rule = Rule {
            conditions: conditions.get_untracked(),
        };
        build.build(GroupBy::Rule { rule });
    };
    let choose_question = Callback::new(move |name: Option<String>| {
        let kind = questions()
            .into_iter()
            .find(|s| Some(&s.name) == name.as_ref())
            .map(|s| s.kind);
        let first = kind.and_then(|k| TestKind::for_kind(k).first().copied());
        test.set(first.unwrap_or(TestKind::Is));
        value.set(String::new());
        question.set(name);
    });
    let question_select = move || {
        let options: Vec<(Option<String>, String)> =
            std::iter::once((None, "Choose a question".to_string()))
                .chain(
                    questions()
                        .into_iter()
                        .map(|s| (Some(s.name.clone()), s.name)),
                )
                .collect();
        view! {
            <ChoiceSelect id="rule-question" options selected=question on_choose=choose_question />
        }
    };
    let test_select = move || {
        let options: Vec<(TestKind, String)> = chosen()
            .map(|s| TestKind::for_kind(s.kind))
            .unwrap_or(&[])
            .iter()
            .map(|&t| (t, t.label().to_string()))
            .collect();
        view! {
            <ChoiceSelect
                id="rule-test"
                options
                selected=test
                on_choose=Callback::new(move |t| test.set(t))
            />
        }
    };
    let value_input = move || {
        if test.get().takes_number() {
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
            let options: Vec<(String, String)> =
                std::iter::once((String::new(), "Choose an answer".to_string()))
                    .chain(
                        answers()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|a| (a.clone(), a)),
                    )
                    .collect();
            view! {
                <ChoiceSelect
                    id="rule-value"
                    options
                    selected=value
                    on_choose=Callback::new(move |a| value.set(a))
                />
            }
            .into_any()
        }
    };

    view! {
        <section class="subsection rule-builder" aria-labelledby="rule-heading">
            <h3 id="rule-heading">"Persona from a rule"</h3>
            <p class="hint">
                "One persona for the respondents who meet every condition, if at least the minimum group size do (and at least that many do not)."
            </p>
            <div class="rule-draft">
                <label for="rule-question">"Question"</label>
                {question_select}
                <label for="rule-test">"Condition"</label>
                {test_select}
                <label for="rule-value">"Answer or number"</label>
                {value_input}
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
                on:click=build_rule
                disabled=move || conditions.with(Vec::is_empty)
            >
                "Build persona from rule"
            </button>
        </section>
    }
}
