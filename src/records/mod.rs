//! A records extract linked to the survey (docs/records.md): an EHR or practice-system
//! export — appointments, no-shows, diagnoses, visits — read by the survey reader, joined
//! to the respondents on a shared key in the worker, the key then dropped before the
//! privacy guard or anything later sees the data.
//!
//! [`propose_keys`] finds the key pair by name and by the overlap of values; [`link`]
//! joins, one patient's several rows made into one by the rules of [`aggregate`], and
//! reports the match under the small-cell rules. The joined fields become columns named
//! `Records: …`, which the guard checks like any question (identifiers dropped, dates
//! generalised) and which take the role [`crate::columns::Role::Record`]. Nothing of the
//! extract is stored: it lives in the worker beside the survey file.

mod aggregate;
mod key;

pub use aggregate::Aggregation;
pub use key::{propose_keys, KeyCandidate};

use std::fmt;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::privacy::ShownCount;
use crate::survey::{Column, Survey};

/// What a record field's column name starts with, telling it from the survey's questions.
pub const RECORD_PREFIX: &str = "Records: ";

/// The field counting a patient's rows, when some have several.
pub const ROWS_PER_PATIENT: &str = "rows per patient";

/// The shared key: a survey column and an extract column naming the same patient.
/// Names only, so it may travel in a [`crate::pipeline::Recipe`] to the page and back.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyChoice {
    pub survey_column: String,
    pub extract_column: String,
}

/// How the link went, as the page shows it: every count under the small-cell rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkReport {
    /// The extract's file name.
    pub file_name: String,
    pub key: KeyChoice,
    /// Other key pairs that match at least k respondents, best first, to choose instead.
    pub alternatives: Vec<KeyChoice>,
    pub respondents: usize,
    pub matched: Matched,
    /// Set when some patients have several rows in the extract: how they were made one.
    pub aggregation: Option<Aggregation>,
    /// The record fields added, as column names (with [`RECORD_PREFIX`]).
    pub fields: Vec<String>,
}

/// How many respondents the extract matched, as it may be shown: a count of 1–10 either
/// side (matched or not) would single people out, so it is given as "fewer than k".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matched {
    /// Every respondent was found.
    All,
    /// This many were found and at least k were not.
    Count(usize),
    /// All but fewer than k were found.
    AllButFew,
}

impl Matched {
    fn of(matched: usize, respondents: usize) -> Matched {
        match respondents - matched {
            0 => Matched::All,
            missing if ShownCount::of(missing) == ShownCount::Suppressed => Matched::AllButFew,
            _ => Matched::Count(matched),
        }
    }
}

impl fmt::Display for LinkReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found = match self.matched {
            Matched::All => format!("all {} respondents", self.respondents),
            Matched::Count(n) => format!("{n} of {} respondents", self.respondents),
            Matched::AllButFew => format!(
                "all but fewer than {} of {} respondents",
                crate::privacy::MIN_GROUP_SIZE,
                self.respondents
            ),
        };
        write!(
            f,
            "“{}” linked on “{}” = “{}”: {found} found in the records; the key was then dropped.",
            self.file_name, self.key.survey_column, self.key.extract_column
        )
    }
}

/// Why an extract could not be linked; the survey stays as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkError {
    /// No survey column and extract column share values for at least k respondents.
    NoSharedKey { min: usize },
    /// The chosen key pair names a column that is not there.
    MissingColumn { name: String },
    /// The chosen key matches fewer than k respondents.
    TooFewMatched { min: usize },
    /// The extract has no field besides its key.
    NoFields,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NoSharedKey { min } => write!(
                f,
                "No column of the records extract shares its values with a column of the \
                 survey for at least {min} respondents, so the two cannot be linked. The \
                 extract needs the record number or respondent ID the survey also has."
            ),
            LinkError::MissingColumn { name } => write!(
                f,
                "The key column “{name}” is not in the files any more. Choose the key again."
            ),
            LinkError::TooFewMatched { min } => write!(
                f,
                "The key matches fewer than {min} respondents, too few to say anything about \
                 them without singling someone out. Check that the extract covers the \
                 patients who answered the survey."
            ),
            LinkError::NoFields => write!(
                f,
                "The records extract holds nothing besides its key, so there is nothing to add."
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// A key value as both files are compared: trimmed, lower-cased, leading zeros of a
/// number dropped ("000123" and "123" are one patient).
pub(crate) fn normalise_key(value: &str) -> String {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = value.trim_start_matches('0');
        return if trimmed.is_empty() { "0" } else { trimmed }.to_string();
    }
    value.to_lowercase()
}

/// Joins the extract's fields to the survey's respondents on `key` (or on the best
/// proposed key when `key` is `None`), then drops the key from both: the survey that
/// comes back has the survey's questions but the key, then one `Records: …` column per
/// field (unmatched respondents unanswered there).
pub fn link(
    survey: Survey,
    extract: &Survey,
    file_name: &str,
    key: Option<&KeyChoice>,
    min_group_size: usize,
) -> Result<(Survey, LinkReport), LinkError> {
    let proposed = propose_keys(&survey, extract, min_group_size);
    let key = match key {
        Some(key) => key.clone(),
        None => proposed
            .first()
            .map(|c| c.key.clone())
            .ok_or(LinkError::NoSharedKey {
                min: min_group_size,
            })?,
    };
    let column = |of: &Survey, name: &str| {
        of.columns()
            .iter()
            .position(|c| c.name == name)
            .ok_or_else(|| LinkError::MissingColumn { name: name.into() })
    };
    let survey_key = column(&survey, &key.survey_column)?;
    let extract_key = column(extract, &key.extract_column)?;
    if extract.columns().len() < 2 {
        return Err(LinkError::NoFields);
    }

    let mut rows_of: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (row, value) in extract.columns()[extract_key].answers.iter().enumerate() {
        let value = normalise_key(value);
        if !value.is_empty() {
            rows_of.entry(value).or_default().push(row);
        }
    }
    let patients: Vec<Option<&[usize]>> = survey.columns()[survey_key]
        .answers
        .iter()
        .map(|value| rows_of.get(&normalise_key(value)).map(Vec::as_slice))
        .collect();
    let matched = patients.iter().flatten().count();
    if matched < min_group_size {
        return Err(LinkError::TooFewMatched {
            min: min_group_size,
        });
    }

    let fields: Vec<&Column> = extract
        .columns()
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != extract_key)
        .map(|(_, c)| c)
        .collect();
    let (record_columns, aggregation) = aggregate::per_patient(&fields, &patients);
    let report = LinkReport {
        file_name: file_name.to_string(),
        alternatives: proposed
            .into_iter()
            .map(|c| c.key)
            .filter(|k| *k != key)
            .collect(),
        key,
        respondents: survey.respondents(),
        matched: Matched::of(matched, survey.respondents()),
        aggregation,
        fields: record_columns.iter().map(|c| c.name.clone()).collect(),
    };
    let linked = survey.map_columns(|columns| {
        let mut columns: Vec<Column> = columns
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| i != survey_key)
            .map(|(_, c)| c)
            .collect();
        columns.extend(record_columns);
        columns
    });
    Ok((linked, report))
}

#[cfg(test)]
mod tests;
