//! What was read: the columns with their kinds and answers, and the first rows.

use crate::wording::counted;
use leptos::prelude::*;

mod column_table;
mod lists;

pub(super) use column_table::MiniChart;

use column_table::column_rows;
use lists::{event_picker, folds_list, merges_list};

use super::choice_select::ChoiceSelect;
use super::community::CommunityProfilePanel;
use super::fold::Fold;
use super::privacy_report::PrivacyReport;
use super::records::RecordsExtract;
use super::stores::SurveyStore;
use crate::columns::chosen;
use crate::privacy::ShownCount;
use crate::protocol::{SurveyView, PREVIEW_ROWS};
use crate::survey::{delimiter_name, Layout, ReadOptions, SourceFormat, DELIMITERS};

/// Which of step 2's folds are open, kept while the survey's view is drawn again.
#[derive(Clone, Copy)]
struct Folds {
    answers: RwSignal<bool>,
    preview: RwSignal<bool>,
    privacy: RwSignal<bool>,
}

#[component]
pub fn SurveyOverview() -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let folds = Folds {
        answers: RwSignal::new(false),
        preview: RwSignal::new(false),
        privacy: RwSignal::new(false),
    };
    move || {
        survey
            .view
            .with(|view| view.as_ref().map(|v| overview(v, folds)))
    }
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
    Delimiter(Option<u8>),
    Layout(Layout),
    Sheet(usize),
}

impl ReadOptionChange {
    fn apply(self, options: &mut ReadOptions) {
        match self {
            ReadOptionChange::Delimiter(delimiter) => options.delimiter = delimiter,
            ReadOptionChange::Layout(layout) => options.layout = Some(layout),
            ReadOptionChange::Sheet(sheet) => options.sheet = Some(sheet),
        }
    }
}

fn overview(loaded: &SurveyView, folds: Folds) -> impl IntoView {
    let warnings = loaded
        .warnings
        .iter()
        .map(|w| view! { <li>{w.clone()}</li> })
        .collect_view();
    let (respondents, k) = (loaded.respondents, loaded.min_group_size());
    let columns = column_rows(&loaded.summaries, respondents, k, |summary| {
        (
            loaded.mapping.kinds.contains_key(&summary.name),
            loaded.mapping.use_for_segments(&summary.name),
        )
    });
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

    let answers_fold = !(loaded.merges.is_empty() && loaded.folds.is_empty());
    let answers = (merges_list(loaded), folds_list(loaded));
    let answers_summary = format!(
        "How answers were read: {} merged, {} — review or undo",
        loaded.merges.len(),
        counted(loaded.folds.len(), "multi-select question")
    );
    view! {
        <section class="panel survey-overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">"2. Check the columns"</h2>
            <p class="stage-summary">
                <strong>{loaded.file_name.clone()}</strong>
                {stage_summary(loaded)}
            </p>
            <ReadAs options=loaded.recipe.read_options format=loaded.format.clone() />
            {event_picker(loaded)}
            <RecordsExtract />
            <CommunityProfilePanel />
            {answers_fold.then(|| view! {
                <Fold open=folds.answers summary=answers_summary>{answers}</Fold>
            })}
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
                    {columns}
                </table>
            </div>
            <Fold open=folds.preview summary=format!("Preview of the first {PREVIEW_ROWS} rows, as analysed")>
                <div class="table-scroll" role="region" aria-label="Preview of the first rows" tabindex="0">
                    <table class="preview-table">
                        <caption>{format!("Preview of the first {PREVIEW_ROWS} rows")}</caption>
                        <thead>
                            <tr>{header}</tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Fold>
            <PrivacyReport open=folds.privacy />
        </section>
    }
}

/// Step 2 in one line: respondents and questions, then what reading and the guard did.
fn stage_summary(loaded: &SurveyView) -> String {
    let mut parts = vec![format!(
        ": {} respondents, {} questions",
        ShownCount::of(loaded.respondents),
        loaded.summaries.len()
    )];
    let dropped = loaded.report.dropped.len();
    if dropped > 0 {
        parts.push(format!(
            "{} dropped as identifiers",
            counted(dropped, "column")
        ));
    }
    if !loaded.merges.is_empty() {
        parts.push(counted(loaded.merges.len(), "answer merge"));
    }
    if !loaded.folds.is_empty() {
        parts.push(counted(loaded.folds.len(), "multi-select question"));
    }
    format!("{}.", parts.join(" · "))
}

/// An answer as a person reads it: a multi-select's options joined by "; ".
fn shown_answer(cell: &str) -> String {
    chosen(cell).collect::<Vec<_>>().join("; ")
}
