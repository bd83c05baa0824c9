//! Which survey column and extract column name the same patient: by the overlap of their
//! values, favouring names that say "record number" or "ID".

use rustc_hash::FxHashSet;

use super::{normalise_key, KeyChoice};
use crate::privacy::identifiers::{identifier_reason, DropReason, IdentifierField};
use crate::survey::{Column, Survey};

/// A survey column is a key only when nearly every answered value is its own: this share
/// of its answered rows must hold distinct values.
const DISTINCT_SHARE: f64 = 0.9;
/// Weight of each side whose name says it is a key (a record number, a respondent ID).
const NAME_WEIGHT: f64 = 0.5;

/// A possible key pair and how well it links.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyCandidate {
    pub key: KeyChoice,
    /// Survey respondents whose value is found in the extract's column.
    pub matched: usize,
    /// How many of the two names say they are a key (0–2).
    pub named: u8,
}

impl KeyCandidate {
    fn score(&self) -> f64 {
        self.matched as f64 * (1.0 + NAME_WEIGHT * f64::from(self.named))
    }
}

/// Every key pair matching at least `min_matched` respondents, best first: most
/// respondents found, each side whose name says it is a key counting half as much again.
pub fn propose_keys(survey: &Survey, extract: &Survey, min_matched: usize) -> Vec<KeyCandidate> {
    let extract_values: Vec<(&Column, FxHashSet<String>)> = extract
        .columns()
        .iter()
        .map(|c| (c, normalised_values(c)))
        .filter(|(_, values)| values.len() >= min_matched.max(1))
        .collect();
    let mut candidates = Vec::new();
    for column in survey.columns().iter().filter(|c| is_unique_enough(c)) {
        let values: Vec<String> = column
            .answers
            .distinct()
            .iter()
            .map(|v| normalise_key(v))
            .collect();
        let counts = column.answers.counts();
        for (extract_column, found) in &extract_values {
            let matched = values
                .iter()
                .zip(&counts)
                .filter(|(value, _)| !value.is_empty() && found.contains(*value))
                .map(|(_, &count)| count)
                .sum();
            if matched >= min_matched.max(1) {
                candidates.push(KeyCandidate {
                    key: KeyChoice {
                        survey_column: column.name.clone(),
                        extract_column: extract_column.name.clone(),
                    },
                    matched,
                    named: u8::from(is_key_name(column)) + u8::from(is_key_name(extract_column)),
                });
            }
        }
    }
    candidates.sort_by(|a, b| b.score().total_cmp(&a.score()));
    candidates
}

fn normalised_values(column: &Column) -> FxHashSet<String> {
    column
        .answers
        .distinct()
        .iter()
        .map(|v| normalise_key(v))
        .filter(|v| !v.is_empty())
        .collect()
}

/// Whether nearly every answered row holds a value of its own.
fn is_unique_enough(column: &Column) -> bool {
    let answered: usize = column
        .answers
        .tallied()
        .filter(|(value, _)| !value.trim().is_empty())
        .map(|(_, count)| count)
        .sum();
    let distinct = column
        .answers
        .tallied()
        .filter(|(value, count)| !value.trim().is_empty() && *count > 0)
        .count();
    answered > 0 && distinct as f64 >= DISTINCT_SHARE * answered as f64
}

/// Whether the guard would drop the column by its name as a record number or ID.
fn is_key_name(column: &Column) -> bool {
    let named = Column {
        name: column.name.clone(),
        answers: Default::default(),
    };
    matches!(
        identifier_reason(&named, &Default::default()),
        Some(DropReason::Name(
            IdentifierField::ToolField
                | IdentifierField::RecordNumber
                | IdentifierField::RecordId
                | IdentifierField::NhsNumber
                | IdentifierField::NationalId
        ))
    )
}
