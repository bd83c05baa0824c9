//! Respondents' answers as the variables segmentation compares, each kept in its own
//! type (no fake numbers): numbers and ordered scales on 0–1, single choices as
//! categories, multi-selects as sets of options; a blank answer is missing.

use crate::columns::{chosen, ColumnKind, ColumnSummary};
use crate::privacy::generalise::CAPPED_AGE;
use crate::segments::can_shape_segments;
use crate::survey::{Answers, Survey};

/// One respondent's answer to one variable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Missing,
    /// A number or a scale position, scaled to 0–1 over the variable's range.
    Position(f32),
    /// A single choice: the index of the answer.
    Category(u16),
    /// The options chosen, one bit each (the 64 most chosen options).
    Options(u64),
}

/// The variables segmentation uses, and every respondent's values, read through the
/// survey's codes: each column's value per distinct answer is worked out once, and a
/// row's values are looked up by its codes when asked for, so nothing proportional to
/// respondents × variables is held beside the survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Features<'a> {
    /// The summaries (columns) used, in variable order.
    pub columns: Vec<usize>,
    /// Per variable, the value of each distinct answer and every respondent's code.
    variables: Vec<(Vec<Value>, &'a [u32])>,
    rows: usize,
}

impl<'a> Features<'a> {
    /// The variables of every column that can shape segments ([`can_shape_segments`]).
    pub fn from_survey(survey: &'a Survey, summaries: &[ColumnSummary]) -> Self {
        let used: Vec<&ColumnSummary> =
            summaries.iter().filter(|s| can_shape_segments(s)).collect();
        let variables = used
            .iter()
            .map(|s| {
                let answers = &survey.columns()[s.index].answers;
                (values_of(answers, s), answers.codes())
            })
            .collect();
        Features {
            columns: used.iter().map(|s| s.index).collect(),
            variables,
            rows: survey.respondents(),
        }
    }

    /// The number of respondents.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The number of variables.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// One respondent's values, in variable order.
    pub fn row(&self, row: usize) -> Vec<Value> {
        let mut values = Vec::with_capacity(self.width());
        self.row_into(row, &mut values);
        values
    }

    /// One respondent's values into `values` (cleared first), for loops over many rows.
    pub fn row_into(&self, row: usize, values: &mut Vec<Value>) {
        values.clear();
        values.extend(
            self.variables
                .iter()
                .map(|(distinct, codes)| distinct[codes[row] as usize]),
        );
    }
}

/// The value of each of the column's distinct answers ([`Answers::distinct`] order).
fn values_of(answers: &Answers, summary: &ColumnSummary) -> Vec<Value> {
    let index_of = |answer: &str| summary.counts.iter().position(|a| a.value == answer);
    let distinct = answers.distinct().iter().map(|a| a.as_str());
    match summary.kind {
        ColumnKind::MultiSelect => distinct
            .map(|answer| {
                let mut bits = 0u64;
                for option in chosen(answer) {
                    if let Some(i) = index_of(option).filter(|&i| i < 64) {
                        bits |= 1 << i;
                    }
                }
                if chosen(answer).next().is_none() {
                    Value::Missing
                } else {
                    Value::Options(bits)
                }
            })
            .collect(),
        ColumnKind::Scale => {
            let order = summary.scale.clone().unwrap_or_default();
            let last = order.len().saturating_sub(1).max(1) as f32;
            distinct
                .map(|a| match order.iter().position(|o| o == a.trim()) {
                    Some(i) => Value::Position(i as f32 / last),
                    None => Value::Missing,
                })
                .collect()
        }
        ColumnKind::Numeric => {
            let numbers: Vec<Option<f64>> = distinct.map(number).collect();
            // The range of the numbers someone gave (a distinct answer may be given by
            // no one after a rewrite).
            let (low, high) = numbers
                .iter()
                .zip(answers.counts())
                .filter_map(|(n, given)| n.filter(|_| given > 0))
                .fold((f64::MAX, f64::MIN), |(l, h), n| (l.min(n), h.max(n)));
            let span = (high - low).max(f64::EPSILON);
            numbers
                .iter()
                .map(|n| match n {
                    Some(n) => Value::Position(((n - low) / span) as f32),
                    None => Value::Missing,
                })
                .collect()
        }
        _ => distinct
            .map(|a| match index_of(a.trim()) {
                Some(i) => Value::Category(i.min(u16::MAX as usize) as u16),
                None => Value::Missing,
            })
            .collect(),
    }
}

/// A number as written ("3.5", "3,5"), or the capped age "90+" as 90.
pub(crate) fn number(answer: &str) -> Option<f64> {
    let answer = answer.trim();
    if answer == CAPPED_AGE {
        return Some(90.0);
    }
    answer
        .parse()
        .or_else(|_| answer.replace(',', ".").parse())
        .ok()
}
