//! What was read: the columns with their kinds and answers, and the first rows.

use leptos::prelude::*;

use super::state::AppState;
use crate::columns::{ColumnKind, ColumnSummary};
use crate::pipeline::LoadedSurvey;
use crate::privacy::ShownCount;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 5;
/// Answers listed per column in the column table.
const LISTED_ANSWERS: usize = 3;

#[component]
pub fn SurveyOverview() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || state.survey.with(|survey| survey.as_ref().map(overview))
}

fn overview(loaded: &LoadedSurvey) -> impl IntoView {
    let survey = &loaded.survey;
    let warnings = survey
        .warnings
        .iter()
        .map(|w| view! { <li>{w.clone()}</li> })
        .collect_view();
    let columns = loaded.summaries.iter().map(column_row).collect_view();
    let header = survey
        .columns()
        .iter()
        .map(|c| view! { <th scope="col">{c.name.clone()}</th> })
        .collect_view();
    let rows = survey
        .preview_rows(PREVIEW_ROWS)
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .map(|cell| view! { <td>{cell.to_string()}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();

    view! {
        <section class="panel survey-overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">"2. Check the columns"</h2>
            <p>
                <strong>{loaded.file_name.clone()}</strong>
                {format!(
                    ": {} respondents, {} questions.",
                    ShownCount::of(survey.respondents()),
                    loaded.summaries.len()
                )}
            </p>
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
                            <th scope="col">"Most common"</th>
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

fn column_row(summary: &ColumnSummary) -> impl IntoView {
    // Answers of unique or free-text columns may identify someone: never listed.
    let common = if summary.kind == ColumnKind::Categorical {
        summary
            .counts
            .iter()
            .take(LISTED_ANSWERS)
            .map(|a| format!("{} ({})", a.value, ShownCount::of(a.count)))
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        "—".to_string()
    };
    view! {
        <tr>
            <th scope="row">{summary.name.clone()}</th>
            <td>{summary.kind.label()}</td>
            <td>{ShownCount::of(summary.answered).to_string()}</td>
            <td>{summary.distinct()}</td>
            <td>{common}</td>
        </tr>
    }
}
