//! Why a survey file could not be read, worded for the person who uploaded it.

use thiserror::Error;

/// A survey file that cannot be turned into a [`super::Survey`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error(
        "The file is {mib} MiB; surveys of up to {max_mib} MiB can be read. \
         Export fewer responses or columns and try again."
    )]
    TooLarge { mib: usize, max_mib: usize },
    #[error("The file is empty. Export the survey again and choose the new file.")]
    Empty,
    #[error(
        "This does not look like a CSV survey export: it contains binary data. \
         Export the responses as CSV (comma-separated values) and try again."
    )]
    Binary,
    #[error(
        "The file is not valid UTF-8 text (first bad byte at offset {offset}). \
         Save or export it as “CSV UTF-8” and try again."
    )]
    NotUtf8 { offset: usize },
    #[error("The file has a header row but no responses.")]
    HeaderOnly,
    #[error(
        "Row {row} has {found} answers but the header names {expected} columns. \
         Check that the file was exported with commas between answers."
    )]
    TooManyFields {
        /// Spreadsheet-style row number: the header is row 1.
        row: u64,
        found: usize,
        expected: usize,
    },
    #[error("The file could not be read as CSV near row {row}: {detail}")]
    Malformed { row: u64, detail: String },
}
