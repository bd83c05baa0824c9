//! Stage 1 — reading: survey export bytes in, a [`Survey`] (columns of text answers) out.
//!
//! The survey lives only in memory; nothing in this module is ever stored or exported.

mod csv_text;
mod error;
mod redcap;

pub use csv_text::read_csv;
pub use error::ReadError;
pub use redcap::{is_marked, redcap_identifier_fields, DictionaryError};

use sha2::{Digest, Sha256};

/// Survey files larger than this are refused before they are read (50 MiB).
pub const MAX_SURVEY_BYTES: usize = 50 * 1024 * 1024;

/// Refuses a file over [`MAX_SURVEY_BYTES`]; call it before reading the bytes.
pub fn check_size(bytes: usize) -> Result<(), ReadError> {
    if bytes > MAX_SURVEY_BYTES {
        return Err(ReadError::TooLarge {
            mib: bytes.div_ceil(1024 * 1024),
            max_mib: MAX_SURVEY_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// One question of the survey with every respondent's answer ("" when unanswered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub answers: Vec<String>,
}

/// A survey held column by column, one answer per respondent in every column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Survey {
    columns: Vec<Column>,
    respondents: usize,
    /// Hex SHA-256 of the uploaded bytes, kept as provenance (it identifies no one).
    pub source_sha256: String,
    /// Things the reader repaired and the user should know about.
    pub warnings: Vec<String>,
}

impl Survey {
    /// Builds a survey from equally long columns.
    ///
    /// # Panics
    /// When the columns differ in length; readers guarantee they do not.
    pub fn new(columns: Vec<Column>, source_sha256: String, warnings: Vec<String>) -> Self {
        let respondents = columns.first().map_or(0, |c| c.answers.len());
        assert!(
            columns.iter().all(|c| c.answers.len() == respondents),
            "every column needs one answer per respondent"
        );
        Survey {
            columns,
            respondents,
            source_sha256,
            warnings,
        }
    }

    /// The survey's questions, in file order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The number of respondents (data rows).
    pub fn respondents(&self) -> usize {
        self.respondents
    }

    /// The first `limit` respondents' answers, row by row, for a preview.
    pub fn preview_rows(&self, limit: usize) -> Vec<Vec<&str>> {
        (0..self.respondents.min(limit))
            .map(|row| {
                self.columns
                    .iter()
                    .map(|c| c.answers[row].as_str())
                    .collect()
            })
            .collect()
    }
}

/// Hex SHA-256 of a byte slice.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
