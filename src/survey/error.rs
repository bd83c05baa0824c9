//! Why a survey file could not be read, worded for the person who uploaded it.

use thiserror::Error;

/// A survey file that cannot be turned into a [`super::Survey`].
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
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
        "The file is not valid {encoding} text (first bad byte at offset {offset}). \
         Choose another text encoding, or export it again as “CSV UTF-8”."
    )]
    BadEncoding {
        encoding: std::borrow::Cow<'static, str>,
        offset: usize,
    },
    #[error("The spreadsheet cannot be read: {detail}.")]
    Spreadsheet { detail: String },
    #[error(
        "The workbook is protected by a password. Open it in Excel or LibreOffice, remove the \
         password (or save an unprotected copy) and try again."
    )]
    PasswordProtected,
    #[error(
        "The {kind} workbook looks damaged: its reader could not make sense of it. Open it in \
         Excel or LibreOffice and save it again (or save it as .xlsx or .csv), then try again."
    )]
    Damaged { kind: super::FileKind },
    #[error("The spreadsheet was refused before it was opened: {what}.")]
    SpreadsheetTooLarge { what: String },
    #[error("The spreadsheet has no data{}.", if sheet.is_empty() { String::new() } else { format!(" in sheet “{sheet}”") })]
    NoSheetData { sheet: String },
    #[error("The file looks like JSON but cannot be read: {detail}")]
    Json { detail: String },
    #[error(
        "JSON surveys must be an array of flat objects, one per respondent; \
         {} is not.",
        if *row == 0 { "the file".to_string() } else if key.is_empty() { format!("item {row}") } else { format!("“{key}” in item {row}") }
    )]
    NotFlatJson { row: usize, key: String },
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
