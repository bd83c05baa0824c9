//! What was read: the columns with their kinds and answers, and the first rows.

use leptos::prelude::*;

mod column_table;

pub(super) use column_table::MiniChart;

use column_table::column_row;

use super::state::AppState;
use crate::columns::chosen;
use crate::pipeline::{SurveyView, PREVIEW_ROWS};
use crate::privacy::ShownCount;
use crate::survey::{
    delimiter_name, EncodingChoice, Layout, ReadOptions, SourceFormat, DELIMITERS,
};

#[component]
pub fn SurveyOverview() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || state.survey.with(|survey| survey.as_ref().map(overview))
}

/// How the file was read, with controls to read it another way.
#[component]
fn ReadAs(options: ReadOptions, format: Option<SourceFormat>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let format = format.unwrap_or_default();
    let detected = format!("Read as {}.", format.describe());
    let is_text = format.encoding.is_some();
    let several_sheets = format.sheets.len() > 1;
    let sheets = format
        .sheets
        .iter()
        .enumerate()
        .map(|(i, name)| {
            view! {
                <option value=i.to_string() selected=format.sheet == Some(i)>
                    {name.clone()}
                </option>
            }
        })
        .collect_view();
    let layouts = Layout::ALL
        .into_iter()
        .map(|layout| {
            view! {
                <option value=layout.label() selected=layout == format.layout>
                    {layout.label()}
                </option>
            }
        })
        .collect_view();
    let on_layout = move |ev: leptos::ev::Event| {
        let label = event_target_value(&ev);
        let layout = Layout::ALL.into_iter().find(|l| l.label() == label);
        state.set_read_options(ReadOptions { layout, ..options });
    };
    let on_sheet = move |ev: leptos::ev::Event| {
        let sheet = event_target_value(&ev).parse().ok();
        state.set_read_options(ReadOptions { sheet, ..options });
    };
    let encodings = EncodingChoice::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <option value=choice.label() selected=choice == options.encoding>
                    {choice.label()}
                </option>
            }
        })
        .collect_view();
    let delimiters = DELIMITERS
        .into_iter()
        .map(|d| {
            view! {
                <option value=delimiter_name(d) selected=options.delimiter == Some(d)>
                    {delimiter_name(d)}
                </option>
            }
        })
        .collect_view();
    let on_encoding = move |ev: leptos::ev::Event| {
        let label = event_target_value(&ev);
        let encoding = EncodingChoice::ALL
            .into_iter()
            .find(|c| c.label() == label)
            .unwrap_or_default();
        state.set_read_options(ReadOptions {
            encoding,
            ..options
        });
    };
    let on_delimiter = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        let delimiter = DELIMITERS.into_iter().find(|&d| delimiter_name(d) == name);
        state.set_read_options(ReadOptions {
            delimiter,
            ..options
        });
    };
    view! {
        <div class="read-as">
            <p>{detected}</p>
            {is_text.then(|| view! {
                <label for="text-encoding">"Text encoding"</label>
                <select id="text-encoding" on:change=on_encoding>{encodings}</select>
                <label for="delimiter">"Delimiter"</label>
                <select id="delimiter" on:change=on_delimiter>
                    <option value="" selected=options.delimiter.is_none()>"Automatic"</option>
                    {delimiters}
                </select>
            })}
            <label for="survey-tool">"Survey tool"</label>
            <select id="survey-tool" on:change=on_layout>{layouts}</select>
            {several_sheets.then(|| view! {
                <label for="sheet">"Sheet"</label>
                <select id="sheet" on:change=on_sheet>{sheets}</select>
            })}
        </div>
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
    let state = expect_context::<AppState>();
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
                    <button type="button" on:click=move |_| state.set_merge_undone(key.clone(), !undone)>
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
