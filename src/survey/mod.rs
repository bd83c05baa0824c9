//! Stage 1 — reading: survey export bytes in, a [`Survey`] (columns of text answers) out.
//!
//! The survey lives only in memory; nothing in this module is ever stored or exported.

mod answers;
mod cells;
mod csv_text;
mod decode;
mod delimiter;
mod error;
mod fingerprint;
mod json;
mod layout;
mod longitudinal;
mod progress;
mod quotes;
mod redcap;
pub mod sample;
mod sheet;
mod sliced_text;
mod slices;
#[cfg(feature = "workbooks")]
mod spreadsheet;

pub use answers::{Answers, AnswersBuilder, CHANGES_PER_REPORT};
pub use cells::{check_width, is_unsafe_char, without_unsafe_chars, MAX_CELL_CHARS, MAX_COLUMNS};
pub use decode::{decode_by_bom, EncodingChoice};
pub use delimiter::{name as delimiter_name, CANDIDATES as DELIMITERS};
pub use error::{grouped, QuoteRun, ReadError};
pub use fingerprint::{hex, is_sha256, sha256_hex, Fingerprint};
pub use layout::{is_other_text, Layout};
pub use longitudinal::{one_row_per_record, Event, Longitudinal, EVENT_COLUMN};
pub use progress::{Progress, ProgressSink, Stage, ANSWERS_PER_REPORT, ROWS_PER_REPORT};
pub use quotes::{UnclosedQuotes, MAX_QUOTED_LINES};
pub use redcap::{is_marked, Dictionary, DictionaryError, Field, MAX_DICTIONARY_BYTES};
pub use sheet::{is_spreadsheet, ReadWorkbook, SheetRead, Source, MAGIC_BYTES};
pub use slices::{FileSlices, SlicedFile, SLICE_BYTES};
#[cfg(feature = "workbooks")]
pub use spreadsheet::{read_spreadsheet, MAX_CELLS, MAX_ENTRIES, MAX_EXPANDED_BYTES, MAX_RATIO};

/// Survey files larger than this are refused before they are read, from their size alone
/// (400 MiB): what a browser tab holds while it reads — a national survey of 1,000,000
/// respondents × 20 questions is ~354 MB (docs/performance.md has the measurements).
pub const MAX_SURVEY_BYTES: usize = 400 * 1024 * 1024;

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

/// How to read a file; `None`/`Automatic` means "work it out". The same options serve a
/// first read and a read again another way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ReadOptions {
    pub encoding: EncodingChoice,
    /// Comma, semicolon, tab or pipe; `None` sniffs it.
    pub delimiter: Option<u8>,
    /// The workbook sheet to read; `None` takes the first with data.
    pub sheet: Option<usize>,
    /// The survey tool that wrote the file; `None` detects it.
    pub layout: Option<Layout>,
    /// Refuse a file with a quote that never closes, or read such quotes literally.
    pub unclosed_quotes: UnclosedQuotes,
}

/// The kinds of file a survey is read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FileKind {
    /// Delimited text (comma, semicolon, tab or pipe).
    #[default]
    Csv,
    Json,
    Xlsx,
    Xls,
    Ods,
}

impl FileKind {
    /// Its usual name: "CSV", "XLSX"…
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Csv => "CSV",
            FileKind::Json => "JSON",
            FileKind::Xlsx => "XLSX",
            FileKind::Xls => "XLS",
            FileKind::Ods => "ODS",
        }
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What kind of file was read, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceFormat {
    pub kind: FileKind,
    /// The text encoding used, e.g. "UTF-8" or "windows-1252" (not for workbooks).
    pub encoding: Option<String>,
    /// The delimiter used, for delimited text.
    pub delimiter: Option<u8>,
    /// A workbook's sheet names, and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<usize>,
    /// The survey tool whose layout was applied.
    pub layout: Layout,
}

impl SourceFormat {
    /// "XLSX, sheet “Responses”", "CSV in windows-1252, semicolon delimiter"…
    pub fn describe(&self) -> String {
        let mut text = self.kind.to_string();
        if let Some(encoding) = &self.encoding {
            text.push_str(&format!(" in {encoding}"));
        }
        if let Some(d) = self.delimiter {
            text.push_str(&format!(", {} delimiter", delimiter::name(d)));
        }
        if let Some(sheet) = self.sheet.and_then(|i| self.sheets.get(i)) {
            text.push_str(&format!(", sheet “{sheet}”"));
        }
        if self.layout != Layout::Generic {
            text.push_str(&format!(", {} layout", self.layout.label()));
        }
        text
    }
}

/// Reads a survey export: decodes the text, then reads it as JSON (an array of flat
/// objects) or as delimited text with a sniffed or chosen delimiter.
pub fn read_survey(bytes: &[u8], options: ReadOptions) -> Result<Survey, ReadError> {
    read_survey_reporting(bytes, Fingerprint::Hash, options, &mut |_| {})
}

/// [`read_survey`], telling `progress` how far it has got; `fingerprint` says whether the
/// bytes' fingerprint is worked out here, known or to come.
///
/// The size cap ([`check_size`]) is the browser tab's limit, applied where a file enters
/// it (the page and the worker's `Session`); natively, the benchmark reads larger files
/// to show how the core scales.
pub fn read_survey_reporting(
    bytes: &[u8],
    fingerprint: Fingerprint,
    options: ReadOptions,
    progress: ProgressSink,
) -> Result<Survey, ReadError> {
    let source_sha256 = match fingerprint {
        Fingerprint::Hash => fingerprint::hash_reporting(bytes, progress),
        Fingerprint::Known(sha256) => sha256,
        Fingerprint::Later => String::new(),
    };
    let read = read_columns(bytes, options, progress)?;
    shape(read, source_sha256, options, progress)
}

/// A survey read from `source`: [`read_survey_reporting`] for a file's bytes (a file
/// read in slices is parsed as they arrive where it can be, `sliced_text.rs`); a workbook
/// sheet already read goes straight on to its layout (with its own fingerprint).
pub fn read_source_reporting(
    source: &Source,
    fingerprint: Fingerprint,
    options: ReadOptions,
    progress: ProgressSink,
) -> Result<Survey, ReadError> {
    match source {
        Source::File(bytes) => read_survey_reporting(bytes, fingerprint, options, progress),
        Source::Sliced(file) => sliced_text::read_sliced(file, fingerprint, options, progress),
        Source::Workbook(read) => read_workbook_survey(read, options),
    }
}

/// A survey from a workbook sheet its worker read: the sheet goes straight on to its
/// layout, with the workbook's fingerprint.
pub fn read_workbook_survey(
    read: &ReadWorkbook,
    options: ReadOptions,
) -> Result<Survey, ReadError> {
    shape(
        sheet_columns(&read.sheet),
        read.sha256.clone(),
        options,
        &mut |_| {},
    )
}

/// Columns as the file holds them, what the reader warned of and how it was read.
type ReadColumns = (Vec<Column>, Vec<String>, SourceFormat);

/// The columns tidied and shaped by the file's layout into a survey.
fn shape(
    read: ReadColumns,
    source_sha256: String,
    options: ReadOptions,
    progress: ProgressSink,
) -> Result<Survey, ReadError> {
    let (mut columns, mut warnings, mut format) = read;
    let rows = columns.first().map_or(0, |c| c.answers.len());
    warnings.extend(cells::tidy(&mut columns, &mut |done, total| {
        progress(Progress {
            stage: Stage::Tidying,
            rows,
            done,
            total,
        })
    })?);
    let layout = options.layout.unwrap_or_else(|| layout::detect(&columns));
    let shaped = layout::shape(layout, columns);
    warnings.extend(shaped.warnings);
    if shaped.columns.first().is_none_or(|c| c.answers.is_empty()) {
        return Err(ReadError::HeaderOnly);
    }
    format.layout = layout;
    let mut survey = Survey::new(shaped.columns, source_sha256, warnings);
    survey.format = Some(format);
    survey.metadata = shaped.metadata;
    Ok(survey)
}

/// A workbook sheet's columns and how it was read.
fn sheet_columns(read: &SheetRead) -> ReadColumns {
    let format = SourceFormat {
        kind: read.kind,
        sheets: read.sheets.clone(),
        sheet: Some(read.sheet),
        ..SourceFormat::default()
    };
    (read.columns(), read.warnings.clone(), format)
}

/// Columns as the file holds them: a workbook sheet, JSON, or delimited text.
fn read_columns(
    bytes: &[u8],
    options: ReadOptions,
    progress: ProgressSink,
) -> Result<ReadColumns, ReadError> {
    if is_spreadsheet(bytes) {
        #[cfg(feature = "workbooks")]
        return Ok(sheet_columns(&read_spreadsheet(bytes, options.sheet)?));
        #[cfg(not(feature = "workbooks"))]
        return Err(ReadError::WorkbookElsewhere);
    }
    progress(Progress {
        stage: Stage::Decoding,
        rows: 0,
        done: 0,
        total: bytes.len(),
    });
    let decoded = decode::decode(bytes, options.encoding)?;
    let text = decoded.text.as_ref();
    if text.trim_start().starts_with('[') {
        let (columns, warnings) = json::read_json(text)?;
        let format = SourceFormat {
            kind: FileKind::Json,
            encoding: Some(decoded.encoding.to_string()),
            ..SourceFormat::default()
        };
        return Ok((columns, warnings, format));
    }
    let delimiter = options.delimiter.unwrap_or_else(|| delimiter::sniff(text));
    let (columns, warnings) =
        csv_text::read_delimited(text, delimiter, options.unclosed_quotes, progress)?;
    let format = SourceFormat {
        kind: FileKind::Csv,
        encoding: Some(decoded.encoding.to_string()),
        delimiter: Some(delimiter),
        ..SourceFormat::default()
    };
    Ok((columns, warnings, format))
}

/// Reads a survey export with every choice left automatic.
pub fn read_detected(bytes: &[u8]) -> Result<Survey, ReadError> {
    read_survey(bytes, ReadOptions::default())
}

/// One respondent's answer to one question: short answers (most of them) are held
/// inline, without an allocation of their own, so a column's answers lie side by side.
pub type Answer = compact_str::CompactString;

/// One question of the survey with every respondent's answer ("" when unanswered).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub answers: Answers,
}

/// How many distinct answers the columns hold in all: the work of the stages that go
/// through each distinct answer once, and the unit of their progress.
pub fn distinct_answers(columns: &[Column]) -> usize {
    columns.iter().map(|c| c.answers.distinct().len()).sum()
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
    /// How the file was read, when it came from a file.
    pub format: Option<SourceFormat>,
    /// Columns that are the survey tool's metadata (times, progress…), not questions.
    pub metadata: Vec<String>,
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
            format: None,
            metadata: Vec::new(),
        }
    }

    /// The same respondents with other columns (as the privacy guard keeps them).
    pub fn with_columns(&self, columns: Vec<Column>) -> Self {
        let mut survey = Survey::new(columns, self.source_sha256.clone(), self.warnings.clone());
        survey.format = self.format.clone();
        survey.metadata = self.metadata.clone();
        survey
    }

    /// The same respondents with their columns passed through `change` (which may drop,
    /// add or rewrite them), without copying the answers it leaves alone.
    pub fn map_columns(mut self, change: impl FnOnce(Vec<Column>) -> Vec<Column>) -> Self {
        let columns = change(std::mem::take(&mut self.columns));
        let mut survey = Survey::new(columns, self.source_sha256, self.warnings);
        survey.format = self.format;
        survey.metadata = self.metadata;
        survey
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
