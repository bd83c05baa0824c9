//! The page ⇄ workbook worker conversation. A workbook (XLSX, XLS, ODS) is read by a
//! worker of its own, the only wasm that links the spreadsheet reader: the page sends it
//! a [`WorkbookRequest`] with the file beside it; it answers [`WorkbookReply::Read`] with
//! the sheet beside it — a [`crate::survey::ReadWorkbook`] as JSON in a `Blob` of type
//! [`WORKBOOK_TYPE`], which the page passes on, unread, to the survey worker in place of
//! the file.

use serde::{Deserialize, Serialize};

use super::Failure;

/// The media type of the `Blob` holding a read workbook, by which the survey worker
/// knows it from a file.
pub const WORKBOOK_TYPE: &str = "application/vnd.persona-builder.read-workbook+json";

/// Read the workbook beside the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookRequest {
    /// The sheet to read; `None` takes the first with data.
    pub sheet: Option<usize>,
    /// Read a Word (.docx) file's text instead (interview notes): it travels back as
    /// a plain-text `Blob`.
    #[serde(default)]
    pub document: bool,
}

/// The workbook worker's messages (externally tagged, as [`super::Request`] is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookReply {
    /// The worker is listening.
    Ready,
    /// The sheet was read; it travels beside this message.
    Read,
    /// The workbook could not be read.
    Failed { failure: Failure },
}
