//! What the reading steps did, each undoable: multi-select questions folded, answers
//! merged; and, for a REDCap longitudinal project, which event is analysed.

use leptos::prelude::*;

use crate::privacy::ShownCount;
use crate::protocol::SurveyView;
use crate::ui::choice_select::ChoiceSelect;
use crate::ui::stores::SurveyStore;

/// The event of a REDCap longitudinal project whose answers are analysed, with each
/// event's records; choosing another reads the file again.
pub fn event_picker(loaded: &SurveyView) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    loaded.longitudinal.as_ref().map(|project| {
        let options: Vec<(String, String)> = project
            .events
            .iter()
            .map(|e| {
                let records = ShownCount::of(e.records);
                (e.name.clone(), format!("{} ({records} records)", e.name))
            })
            .collect();
        let carried = (!project.carried.is_empty()).then(|| {
            view! {
                <p class="hint">{format!(
                    "Not asked at this event, so taken from each record's earliest answer: {}.",
                    project.carried.join("; ")
                )}</p>
            }
        });
        view! {
            <div class="read-as">
                <label for="redcap-event">"Event analysed"</label>
                <ChoiceSelect
                    id="redcap-event"
                    options
                    selected=project.chosen.clone()
                    on_choose=Callback::new(move |event| survey.set_event(event))
                />
                <p class="hint">"One respondent is one record, with the answers given at this event."</p>
                {carried}
            </div>
        }
    })
}

/// Multi-select questions folded from option columns or joined cells.
pub fn folds_list(loaded: &SurveyView) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let items = loaded
        .folds
        .iter()
        .map(|fold| {
            let text = if fold.from.is_empty() {
                let joined = fold.separator.map_or(String::new(), |s| format!(", joined by {}", s.label()));
                format!(
                    "“{}”: options chosen together in one cell{joined}, read as a multi-select question",
                    fold.question
                )
            } else {
                format!(
                    "“{}”: {} option columns read as one multi-select question",
                    fold.question,
                    fold.from.len()
                )
            };
            let undone = loaded.mapping.unfolded.contains(&fold.question);
            let text = if undone {
                format!("“{}”: kept as the file wrote it", fold.question)
            } else {
                text
            };
            let question = fold.question.clone();
            view! {
                <li>
                    {text}
                    " "
                    <button
                        type="button"
                        on:click=move |_| survey.set_fold_undone(question.clone(), !undone)
                    >
                        {if undone { "Fold again" } else { "Undo" }}
                        <span class="visually-hidden">{format!(" for “{}”", fold.question)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    (!loaded.folds.is_empty()).then(|| {
        view! {
            <h3>"Multi-select questions"</h3>
            <ul class="folds">{items}</ul>
        }
    })
}

/// Spellings merged into one answer, each with Undo (or Merge again).
pub fn merges_list(loaded: &SurveyView) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let items = loaded
        .merges
        .iter()
        .map(|merge| {
            let undone = loaded.mapping.undone_merges.contains(&merge.key());
            let from = merge.from.iter().map(|f| format!("“{f}”")).collect::<Vec<_>>().join(", ");
            let text = if undone {
                format!("“{}”: {from} kept apart from “{}”", merge.column, merge.into)
            } else {
                format!("“{}”: {from} counted as “{}”", merge.column, merge.into)
            };
            let text = format!("{text} ({})", merge.reason.label());
            let key = merge.key();
            view! {
                <li>
                    {text}
                    " "
                    <button type="button" on:click=move |_| survey.set_merge_undone(key.clone(), !undone)>
                        {if undone { "Merge again" } else { "Undo" }}
                        <span class="visually-hidden">{format!(" for “{}”", merge.into)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    (!loaded.merges.is_empty()).then(|| {
        view! {
            <h3>"Answers merged"</h3>
            <ul class="merges">{items}</ul>
        }
    })
}
