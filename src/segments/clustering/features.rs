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

/// The variables segmentation uses, and every respondent's values (row by row).
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// The summaries (columns) used, in variable order.
    pub columns: Vec<usize>,
    values: Vec<Value>,
    rows: usize,
}

impl Features {
    /// The variables of every column that can shape segments ([`can_shape_segments`]).
    pub fn from_survey(survey: &Survey, summaries: &[ColumnSummary]) -> Self {
        let used: Vec<&ColumnSummary> =
            summaries.iter().filter(|s| can_shape_segments(s)).collect();
        let rows = survey.respondents();
        let per_column: Vec<Vec<Value>> = used
            .iter()
            .map(|s| values_of(&survey.columns()[s.index].answers, s))
            .collect();
        let mut values = Vec::with_capacity(rows * used.len());
        for row in 0..rows {
            values.extend(per_column.iter().map(|column| column[row]));
        }
        Features {
            columns: used.iter().map(|s| s.index).collect(),
            values,
            rows,
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

    /// One respondent's values.
    pub fn row(&self, row: usize) -> &[Value] {
        let width = self.width();
        &self.values[row * width..(row + 1) * width]
    }
}

fn values_of(answers: &Answers, summary: &ColumnSummary) -> Vec<Value> {
    let index_of = |answer: &str| summary.counts.iter().position(|a| a.value == answer);
    match summary.kind {
        ColumnKind::MultiSelect => answers
            .iter()
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
            answers
                .iter()
                .map(|a| match order.iter().position(|o| o == a.trim()) {
                    Some(i) => Value::Position(i as f32 / last),
                    None => Value::Missing,
                })
                .collect()
        }
        ColumnKind::Numeric => {
            let numbers: Vec<Option<f64>> = answers.iter().map(|a| number(a)).collect();
            let (low, high) = numbers
                .iter()
                .flatten()
                .fold((f64::MAX, f64::MIN), |(l, h), &n| (l.min(n), h.max(n)));
            let span = (high - low).max(f64::EPSILON);
            numbers
                .iter()
                .map(|n| match n {
                    Some(n) => Value::Position(((n - low) / span) as f32),
                    None => Value::Missing,
                })
                .collect()
        }
        _ => answers
            .iter()
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
