//! What a survey is read from: a file's bytes, or a workbook sheet already read into a
//! table. In the browser workbooks are read by a worker of their own (the only one that
//! links the spreadsheet reader, see `browser/workbook_service.rs`), which hands the
//! survey worker the sheet as a [`ReadWorkbook`]; natively (and in the tests) the bytes
//! are read here with the reader in `spreadsheet.rs` (the `workbooks` feature).

use serde::{Deserialize, Serialize};

use super::{sha256_hex, Column, FileKind, ProgressSink, ReadError, SlicedFile};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
pub(super) const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// How many leading bytes [`is_spreadsheet`] looks at.
pub const MAGIC_BYTES: usize = 8;

/// Whether the bytes are a workbook (a zip or an OLE compound file), from their first
/// [`MAGIC_BYTES`].
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC)
}

/// A sheet read into a table of text cells, with the workbook's sheet names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetRead {
    pub kind: FileKind,
    pub sheets: Vec<String>,
    pub sheet: usize,
    /// The column names, told apart as the CSV reader tells them apart.
    pub names: Vec<String>,
    /// Each column's answers, one per respondent.
    pub answers: Vec<Vec<String>>,
    pub warnings: Vec<String>,
}

impl SheetRead {
    /// The table as survey columns.
    pub(super) fn columns(&self) -> Vec<Column> {
        self.names
            .iter()
            .zip(&self.answers)
            .map(|(name, answers)| Column {
                name: name.clone(),
                answers: answers.iter().map(String::as_str).collect(),
            })
            .collect()
    }
}

/// A workbook as its worker read it: the sheet, and the file's fingerprint and size
/// (the survey worker never sees the file itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadWorkbook {
    /// Hex SHA-256 of the workbook file.
    pub sha256: String,
    /// The workbook file's size in bytes.
    pub file_bytes: usize,
    pub sheet: SheetRead,
}

/// What a survey is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file's bytes (delimited text, JSON, or — natively — a workbook).
    File(Vec<u8>),
    /// A file read a slice at a time from where it lies (in the browser, the `File` the
    /// user chose), read again rather than kept.
    Sliced(SlicedFile),
    /// A workbook sheet its own worker has read.
    Workbook(Box<ReadWorkbook>),
}

impl Source {
    /// The size of the file it came from, in bytes.
    pub fn file_bytes(&self) -> usize {
        match self {
            Source::File(bytes) => bytes.len(),
            Source::Sliced(file) => file.size(),
            Source::Workbook(read) => read.file_bytes,
        }
    }

    /// The file's hex SHA-256 (a sliced file read again a slice at a time; a workbook's
    /// as its worker worked it out).
    pub fn fingerprint(&self, progress: ProgressSink) -> Result<String, ReadError> {
        Ok(match self {
            Source::File(bytes) => sha256_hex(bytes),
            Source::Sliced(file) => file.fingerprint(progress)?,
            Source::Workbook(read) => read.sha256.clone(),
        })
    }
}

impl From<Vec<u8>> for Source {
    fn from(bytes: Vec<u8>) -> Self {
        Source::File(bytes)
    }
}
