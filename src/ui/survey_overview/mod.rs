//! What was read: the columns with their kinds and answers, and the first rows.

use leptos::prelude::*;

mod column_table;

use column_table::column_row;

use super::choice_select::ChoiceSelect;
use super::stores::SurveyStore;
use crate::columns::chosen;
use crate::privacy::ShownCount;
use crate::protocol::{SurveyView, PREVIEW_ROWS};
use crate::survey::{
    delimiter_name, EncodingChoice, Layout, ReadOptions, SourceFormat, DELIMITERS,
};

#[component]
pub fn SurveyOverview() -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    move || survey.view.with(|view| view.as_ref().map(overview))
}

/// How the file was read, with controls to read it another way.
#[component]
fn ReadAs(options: ReadOptions, format: Option<SourceFormat>) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let format = format.unwrap_or_default();
    let detected = format!("Read as {}.", format.describe());
    let is_text = format.encoding.is_some();
    let several_sheets = format.sheets.len() > 1;
    // Each select reads the file again with its one change.
    let read_with = move || {
        Callback::new(move |change: ReadOptionChange| {
            let mut next = options;
            change.apply(&mut next);
            survey.set_read_options(next);
        })
    };
    let sheets: Vec<(ReadOptionChange, String)> = format
        .sheets
        .iter()
        .enumerate()
        .map(|(i, name)| (ReadOptionChange::Sheet(i), name.clone()))
        .collect();
    let layouts = Layout::ALL
        .into_iter()
        .map(|l| (ReadOptionChange::Layout(l), l.label().to_string()))
        .collect();
    let encodings = EncodingChoice::ALL
        .into_iter()
        .map(|c| (ReadOptionChange::Encoding(c), c.label().to_string()))
        .collect();
    let delimiters = std::iter::once((ReadOptionChange::Delimiter(None), "Automatic".to_string()))
        .chain(DELIMITERS.into_iter().map(|d| {
            (
                ReadOptionChange::Delimiter(Some(d)),
                delimiter_name(d).to_string(),
            )
        }))
        .collect();
    view! {
        <div class="read-as">
            <p>{detected}</p>
            {is_text.then(|| view! {
                <label for="text-encoding">"Text encoding"</label>
                <ChoiceSelect
                    id="text-encoding"
                    options=encodings
                    selected=ReadOptionChange::Encoding(options.encoding)
                    on_choose=read_with()
                />
                <label for="delimiter">"Delimiter"</label>
                <ChoiceSelect
                    id="delimiter"
                    options=delimiters
                    selected=ReadOptionChange::Delimiter(options.delimiter)
                    on_choose=read_with()
                />
            })}
            <label for="survey-tool">"Survey tool"</label>
            <ChoiceSelect
                id="survey-tool"
                options=layouts
                selected=ReadOptionChange::Layout(format.layout)
                on_choose=read_with()
            />
            {several_sheets.then(|| view! {
                <label for="sheet">"Sheet"</label>
                <ChoiceSelect
                    id="sheet"
                    options=sheets
                    selected=ReadOptionChange::Sheet(format.sheet.unwrap_or(0))
                    on_choose=read_with()
                />
            })}
        </div>
    }
}

/// One way of reading the file differently, as a select offers it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ReadOptionChange {
    Encoding(EncodingChoice),
    Delimiter(Option<u8>),
    Layout(Layout),
    Sheet(usize),
}

impl ReadOptionChange {
    fn apply(self, options: &mut ReadOptions) {
        match self {
            ReadOptionChange::Encoding(encoding) => options.encoding = encoding,
            ReadOptionChange::Delimiter(delimiter) => options.delimiter = delimiter,
            ReadOptionChange::Layout(layout) => options.layout = Some(layout),
            ReadOptionChange::Sheet(sheet) => options.sheet = Some(sheet),
        }
    }
}

fn overview(loaded: &SurveyView) -> impl IntoView {
    let warnings = loaded
        .warnings
        .iter()
        .map(|w| view! { <li>{w.clone()}</li> })
        .collect_view();
    let (respondents, k) = (loaded.respondents, loaded.min_group_size());
    let columns = loaded
        .summaries
        .iter()
        .map(|summary| {
            let chosen = loaded.mapping.kinds.contains_key(&summary.name);
            column_row(summary, respondents, k, chosen)
        })
        .collect_view();
    let header = loaded
        .columns
        .iter()
        .map(|name| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    let rows = loaded
        .preview
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .map(|cell| view! { <td>{shown_answer(cell)}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();

    view! {
        <section class="panel survey-overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">"2. Check the columns"</h2>
            <p class="hint">
                "Columns that could identify a patient are already dropped (see the privacy report); the preview shows what is analysed."
            </p>
            <p>
                <strong>{loaded.file_name.clone()}</strong>
                {format!(
                    ": {} respondents, {} questions.",
                    ShownCount::of(loaded.respondents),
                    loaded.summaries.len()
                )}
            </p>
            <ReadAs options=loaded.recipe.read_options format=loaded.format.clone() />
            {merges_list(loaded)}
            {folds_list(loaded)}
            <ul class="warnings" aria-label="Repairs made while reading">{warnings}</ul>
            <div class="table-scroll" role="region" aria-label="Columns" tabindex="0">
                <table class="columns-table">
                    <caption>"Columns"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"Answered"</th>
                            <th scope="col">"Distinct answers"</th>
                            <th scope="col">"Answers (most common, or in scale order)"</th>
                            <th scope="col">"Role for personas"</th>
                            <th scope="col">"Chart"</th>
                        </tr>
                    </thead>
                    <tbody>{columns}</tbody>
                </table>
            </div>
            <div class="table-scroll" role="region" aria-label="Preview of the first rows" tabindex="0">
                <table class="preview-table">
                    <caption>{format!("Preview of the first {PREVIEW_ROWS} rows")}</caption>
                    <thead>
                        <tr>{header}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// An answer as a person reads it: a multi-select's options joined by "; ".
fn shown_answer(cell: &str) -> String {
    chosen(cell).collect::<Vec<_>>().join("; ")
}

/// Multi-select questions folded from option columns or joined cells.
fn folds_list(loaded: &SurveyView) -> impl IntoView {
    let items = loaded
        .folds
        .iter()
        .map(|fold| {
            let text = if fold.from.is_empty() {
                format!(
                    "“{}”: options chosen together in one cell, read as a multi-select question",
                    fold.question
                )
            } else {
                format!(
                    "“{}”: {} option columns read as one multi-select question",
                    fold.question,
                    fold.from.len()
                )
            };
            view! { <li>{text}</li> }
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
fn merges_list(loaded: &SurveyView) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let items = loaded
        .merges
        .iter()
        .map(|merge| {
            let undone = loaded.recipe.undone_merges.contains(&merge.key());
            let from = merge.from.iter().map(|f| format!("“{f}”")).collect::<Vec<_>>().join(", ");
            let text = if undone {
                format!("“{}”: {from} kept apart from “{}”", merge.column, merge.into)
            } else {
                format!("“{}”: {from} counted as “{}”", merge.column, merge.into)
            };
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
