//! One patient's rows of the extract made into one answer per field (docs/records.md):
//! a field that never differs within a patient keeps its value; otherwise numbers take
//! the patient's mean, a field of a few answers (an appointment's status) becomes a count
//! of rows per answer, and any other text takes the patient's most frequent answer. With
//! several rows per patient, the number of rows is a field of its own.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::RECORD_PREFIX;
use crate::columns::{are_numbers, parse_number};
use crate::privacy::ShownCount;
use crate::survey::{Answer, Answers, Column};

/// A varying field with at most this many distinct answers is counted per answer.
const MAX_COUNTED_ANSWERS: usize = 5;

/// How patients with several rows were made one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aggregation {
    /// Respondents found with more than one row, under the small-cell rules.
    pub patients: Option<usize>,
    /// How each field that differed within a patient was taken, in field order.
    pub rules: Vec<(String, Rule)>,
}

/// What a field that differs within a patient became.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Mean,
    CountPerAnswer,
    MostFrequent,
}

impl fmt::Display for Aggregation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = match self.patients {
            Some(n) => format!("{n} respondents have"),
            None => format!(
                "Fewer than {} respondents have",
                crate::privacy::MIN_GROUP_SIZE
            ),
        };
        write!(f, "{who} several rows in the extract; each is made one row: “rows per patient” counts them")?;
        for (field, rule) in &self.rules {
            let how = match rule {
                Rule::Mean => "the patient's mean",
                Rule::CountPerAnswer => "a count of rows per answer",
                Rule::MostFrequent => "the patient's most frequent answer",
            };
            write!(f, "; “{field}” is {how}")?;
        }
        f.write_str(". Fields the same in all of a patient's rows keep their value.")
    }
}

/// The record columns for each survey respondent, whose extract rows `patients` gives
/// (`None`: not found), and how several rows were made one, if any patient had them.
pub(super) fn per_patient(
    fields: &[&Column],
    patients: &[Option<&[usize]>],
) -> (Vec<Column>, Option<Aggregation>) {
    let several = patients
        .iter()
        .flatten()
        .filter(|rows| rows.len() > 1)
        .count();
    if several == 0 {
        let columns = fields
            .iter()
            .map(|field| {
                record_column(&field.name, patients, |rows| field.answers[rows[0]].clone())
            })
            .collect();
        return (columns, None);
    }
    let mut columns = vec![record_column(super::ROWS_PER_PATIENT, patients, |rows| {
        Answer::from(rows.len().to_string())
    })];
    let mut rules = Vec::new();
    for field in fields {
        let varies = patients.iter().flatten().any(|rows| {
            rows.iter()
                .any(|&r| field.answers[r] != field.answers[rows[0]])
        });
        if !varies {
            columns.push(record_column(&field.name, patients, |rows| {
                field.answers[rows[0]].clone()
            }));
            continue;
        }
        let distinct: Vec<&Answer> = field
            .answers
            .tallied()
            .filter(|(value, count)| !value.trim().is_empty() && *count > 0)
            .map(|(value, _)| value)
            .collect();
        let rule = if are_numbers(field.answers.tallied().map(|(v, c)| (v.as_str(), c))) {
            columns.push(record_column(&field.name, patients, |rows| {
                mean(&field.answers, rows)
            }));
            Rule::Mean
        } else if distinct.len() <= MAX_COUNTED_ANSWERS {
            for answer in distinct {
                let name = format!("{}: {answer} (rows)", field.name);
                columns.push(record_column(&name, patients, |rows| {
                    let n = rows
                        .iter()
                        .filter(|&&r| field.answers[r] == *answer)
                        .count();
                    Answer::from(n.to_string())
                }));
            }
            Rule::CountPerAnswer
        } else {
            columns.push(record_column(&field.name, patients, |rows| {
                most_frequent(&field.answers, rows)
            }));
            Rule::MostFrequent
        };
        rules.push((field.name.clone(), rule));
    }
    let patients = match ShownCount::of(several) {
        ShownCount::Exact(n) => Some(n),
        ShownCount::Suppressed => None,
    };
    (columns, Some(Aggregation { patients, rules }))
}

/// A `Records: …` column: `value` of each found respondent's rows, unanswered otherwise.
fn record_column(
    name: &str,
    patients: &[Option<&[usize]>],
    mut value: impl FnMut(&[usize]) -> Answer,
) -> Column {
    let answers: Answers = patients
        .iter()
        .map(|rows| rows.map_or_else(Answer::default, &mut value))
        .collect();
    Column {
        name: format!("{RECORD_PREFIX}{name}"),
        answers,
    }
}

/// The mean of the rows' numbers, to one decimal place (unanswered when none is a number).
fn mean(answers: &Answers, rows: &[usize]) -> Answer {
    let numbers: Vec<f64> = rows
        .iter()
        .filter_map(|&r| parse_number(&answers[r]))
        .collect();
    if numbers.is_empty() {
        return Answer::default();
    }
    let mean = numbers.iter().sum::<f64>() / numbers.len() as f64;
    let rounded = (mean * 10.0).round() / 10.0;
    Answer::from(format!("{rounded}"))
}

/// The answer given in most of the rows (the earliest row's on a tie), ignoring blanks.
fn most_frequent(answers: &Answers, rows: &[usize]) -> Answer {
    let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for (order, &r) in rows.iter().enumerate() {
        let value = answers[r].as_str();
        if !value.trim().is_empty() {
            counts.entry(value).or_insert((0, order)).0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|(_, (a, first_a)), (_, (b, first_b))| a.cmp(b).then(first_b.cmp(first_a)))
        .map_or_else(Answer::default, |(value, _)| Answer::from(value))
}
