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
    /// The file could not be read (again) from where it lies: the browser refuses a
    /// chosen file that was changed, moved or deleted since.
    #[error(
        "The file could not be read: it may have been changed, moved or deleted since it \
         was chosen. Choose it again."
    )]
    Unreadable,
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
    #[error(
        "This is a zip archive, not an Excel or OpenDocument workbook. Export the responses \
         as XLSX or CSV and try again."
    )]
    NotAWorkbook,
    #[error(
        "The workbook is protected with a password, so it cannot be read. Open it in Excel or \
         LibreOffice, save an unprotected copy and choose that copy."
    )]
    PasswordProtected,
    #[error(
        "The {kind} workbook looks damaged: its reader could not make sense of it. Open it in \
         Excel or LibreOffice and save it again (or save it as .xlsx or .csv), then try again."
    )]
    Damaged { kind: super::FileKind },
    /// A workbook reached a reader built without the spreadsheet reader: the page hands
    /// workbooks to the workbook worker, so this means the page missed one.
    #[error(
        "This workbook was sent to the wrong reader. Reload the page and choose the file again."
    )]
    WorkbookElsewhere,
    #[error("The spreadsheet was refused before it was opened: {what}.")]
    SpreadsheetTooLarge { what: String },
    #[error("The spreadsheet has no data{}.", if sheet.is_empty() { String::new() } else { format!(" in sheet “{sheet}”") })]
    NoSheetData { sheet: String },
    #[error("The file looks like JSON but cannot be read: {detail}.")]
    Json { detail: String },
    #[error(
        "JSON surveys must be an array of flat objects, one per respondent; \
         {} is not.",
        if *row == 0 { "the file".to_string() } else if key.is_empty() { format!("item {row}") } else { format!("“{key}” in item {row}") }
    )]
    NotFlatJson { row: usize, key: String },
    #[error("The file has a header row but no responses.")]
    HeaderOnly,
    /// A records extract that could not be linked to the survey (see [`crate::records`]).
    #[error("{0}")]
    NotLinked(crate::records::LinkError),
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
    #[error("The file could not be read as CSV near row {row}: {detail}.")]
    Malformed { row: u64, detail: String },
    #[error(
        "The file has {} columns; surveys of up to {} columns can be read. Export only the \
         questions you need (or check the delimiter) and try again.",
        grouped(*found), grouped(*max)
    )]
    TooManyColumns { found: usize, max: usize },
    #[error(
        "{} is {} characters long; an answer can hold up to {} (what a spreadsheet cell \
         holds). The file looks damaged: export it again.",
        cell_place(*respondent, column), grouped(*chars), grouped(*max)
    )]
    CellTooLong {
        /// The respondent (from 1) whose answer it is; 0 for the header.
        respondent: usize,
        /// The column's name (its first characters).
        column: String,
        chars: usize,
        max: usize,
    },
    #[error(
        "The quote that opens a field on line {line} {}, so the rows after it would be read \
         as one answer. Check that line in a text editor, or read the file with unclosed \
         quotes taken literally.",
        match runs { QuoteRun::ToTheEnd => "is never closed".to_string(),
                     QuoteRun::Over(lines) => format!("runs on for more than {lines} lines") }
    )]
    UnclosedQuote {
        /// The line (from 1) where the quoted field opens.
        line: u64,
        runs: QuoteRun,
    },
}

/// How far an unclosed quote runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteRun {
    /// To the end of the file.
    ToTheEnd,
    /// Over more than this many line breaks (`survey::MAX_QUOTED_LINES`).
    Over(usize),
}

/// Where a cell is, for a message: "A column name" or "Respondent 5's answer to “Q”".
fn cell_place(respondent: usize, column: &str) -> String {
    if respondent == 0 {
        format!("A column name in the header (“{column}…”)")
    } else {
        format!("Respondent {respondent}'s answer to “{column}”")
    }
}

/// A count with thousands separated by commas: 100000 → "100,000".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}
