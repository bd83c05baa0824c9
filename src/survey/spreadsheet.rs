//! Spreadsheets: XLSX, XLS and ODS through calamine. Before a zipped workbook is opened its
//! archive is checked (entries, expanded size, compression ratio, declared sheet size), so
//! a zip bomb is refused before any large allocation. Cells come through as values:
//! numbers as written, dates as dates, never as serial numbers.
//!
//! calamine's readers can panic on damaged files (its XLS reader slices without checks).
//! Natively the panic is caught and worded as [`ReadError::Damaged`]; in the browser,
//! where a panic aborts, reading runs in a Web Worker whose loss the page reports the same
//! way (see `browser/pipeline_worker.rs`).

use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{
    open_workbook_from_rs, Data, Ods, OdsError, Reader, Sheets, Xls, XlsError, Xlsx, XlsxError,
};

use super::cells::check_width;
use super::csv_text::column_names;
use super::sheet::{SheetRead, OLE_MAGIC};
use super::{FileKind, ReadError};

/// The most entries a workbook archive may hold.
pub const MAX_ENTRIES: usize = 10_000;
/// The most a workbook may expand to, in bytes (400 MiB).
pub const MAX_EXPANDED_BYTES: u64 = 400 * 1024 * 1024;
/// The highest compression ratio allowed for a large entry.
pub const MAX_RATIO: u64 = 100;
/// Entries smaller than this (expanded) are not held to the ratio.
const RATIO_FLOOR: u64 = 10 * 1024 * 1024;
/// The most cells a sheet may declare.
pub const MAX_CELLS: u64 = 30_000_000;

/// Reads sheet `wanted` (or the first sheet with a header and answers) of a workbook.
pub fn read_spreadsheet(bytes: &[u8], wanted: Option<usize>) -> Result<SheetRead, ReadError> {
    let kind = if bytes.starts_with(OLE_MAGIC) {
        // Excel's encrypted workbooks are OLE files holding an encrypted package.
        if is_encrypted_ooxml(bytes) {
            return Err(ReadError::PasswordProtected);
        }
        // A password-protected XLS is found by calamine (its FILEPASS record).
        FileKind::Xls
    } else {
        check_archive(bytes)?
    };
    catch_unwind(AssertUnwindSafe(|| read_workbook(bytes, kind, wanted)))
        .unwrap_or(Err(ReadError::Damaged { kind }))
}

fn read_workbook(
    bytes: &[u8],
    kind: FileKind,
    wanted: Option<usize>,
) -> Result<SheetRead, ReadError> {
    // Open the reader for the kind found.
    let cursor = Cursor::new(bytes);
    let opened = if kind == FileKind::Ods {
        open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(calamine::Error::from)
    } else if kind == FileKind::Xls {
        open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(calamine::Error::from)
    } else {
        open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(calamine::Error::from)
    };
    let mut workbook = opened.map_err(|e| unreadable(kind, e))?;
    let sheets = workbook.sheet_names();
    if sheets.is_empty() {
        return Err(ReadError::NoSheetData {
            sheet: String::new(),
        });
    }
    let mut ranges = Vec::new();
    let order: Vec<usize> = match wanted {
        Some(i) if i < sheets.len() => vec![i],
        _ => (0..sheets.len()).collect(),
    };
    for index in order {
        let range = workbook
            .worksheet_range_at(index)
            .ok_or(ReadError::NoSheetData {
                sheet: sheets[index].clone(),
            })?
            .map_err(|e| unreadable(kind, e))?;
        let (height, width) = range.get_size();
        if (height as u64) * (width as u64) > MAX_CELLS {
            return Err(ReadError::SpreadsheetTooLarge {
                what: format!(
                    "sheet “{}” has {height} rows × {width} columns",
                    sheets[index]
                ),
            });
        }
        check_width(width)?;
        // A header and at least one answer; a cover sheet with a title is passed over.
        if height >= 2 || wanted.is_some() {
            ranges.push((index, range));
            break;
        }
    }
    let Some((sheet, range)) = ranges.pop() else {
        return Err(ReadError::NoSheetData {
            sheet: wanted
                .and_then(|i| sheets.get(i))
                .cloned()
                .unwrap_or_default(),
        });
    };
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(cell_text).collect())
        .unwrap_or_default();
    let (names, warnings) = column_names(header.iter().map(String::as_str));
    let mut answers: Vec<Vec<String>> = vec![Vec::new(); names.len()];
    for row in rows {
        if row.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        for (slot, cell) in answers.iter_mut().zip(cells) {
            slot.push(cell);
        }
    }
    if answers.first().is_none_or(Vec::is_empty) {
        return Err(ReadError::HeaderOnly);
    }
    Ok(SheetRead {
        kind,
        sheets,
        sheet,
        names,
        answers,
        warnings,
    })
}

/// Why calamine could not read a workbook, in words: a password, or damage (its own
/// messages, "Cfb error: Invalid sector shift", say nothing to the person reading).
fn unreadable(kind: FileKind, error: calamine::Error) -> ReadError {
    match error {
        calamine::Error::Xls(XlsError::Password)
        | calamine::Error::Xlsx(XlsxError::Password)
        | calamine::Error::Ods(OdsError::Password) => ReadError::PasswordProtected,
        _ => ReadError::Damaged { kind },
    }
}

/// A cell as the text a person would read in the spreadsheet.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::DateTimeIso(s) => iso_date_time(s.trim()),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if dt.is_duration() {
                let hours = (dt.as_f64() * 24.0).floor() as u64;
                format!("{hours}:{mi:02}:{s:02}")
            } else if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
    }
}

/// An ISO date-time as the other workbook dates are written: "2024-01-01" at midnight,
/// "2024-01-01 09:30:00" otherwise (fractions and zone dropped).
fn iso_date_time(iso: &str) -> String {
    let Some((date, time)) = iso.split_once('T') else {
        return iso.to_string();
    };
    let clock: String = time.chars().take(8).collect();
    if clock.chars().all(|c| c == '0' || c == ':') {
        date.to_string()
    } else {
        format!("{date} {clock}")
    }
}

/// Checks a zip workbook without expanding it; returns XLSX or ODS.
fn check_archive(bytes: &[u8]) -> Result<FileKind, ReadError> {
    let too_large = |what: String| ReadError::SpreadsheetTooLarge { what };
    let damaged = |_| ReadError::Damaged {
        kind: FileKind::Xlsx,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if archive.len() > MAX_ENTRIES {
        return Err(too_large(format!(
            "the workbook holds {} files",
            archive.len()
        )));
    }
    let mut expanded: u64 = 0;
    let mut kind = None;
    let mut sheets = Vec::new();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(damaged)?;
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        expanded = expanded.saturating_add(size);
        if size > RATIO_FLOOR && size / packed > MAX_RATIO {
            return Err(too_large(format!(
                "“{name}” expands {}-fold, like a zip bomb",
                size / packed
            )));
        }
        match name.as_str() {
            "xl/workbook.xml" => kind = Some(FileKind::Xlsx),
            "content.xml" => kind = kind.or(Some(FileKind::Ods)),
            sheet if sheet.starts_with("xl/worksheets/") && sheet.ends_with(".xml") => {
                sheets.push(name.clone())
            }
            _ => {}
        }
    }
    if expanded > MAX_EXPANDED_BYTES {
        return Err(too_large(format!(
            "the workbook expands to {} MiB (at most {} MiB)",
            expanded / (1024 * 1024),
            MAX_EXPANDED_BYTES / (1024 * 1024)
        )));
    }
    for name in sheets {
        if let Some((rows, cols)) = declared_dimension(&mut archive, &name) {
            if rows * cols > MAX_CELLS {
                return Err(too_large(format!(
                    "a sheet declares {rows} rows × {cols} columns"
                )));
            }
            check_width(usize::try_from(cols).unwrap_or(usize::MAX))?;
        }
    }
    kind.ok_or(ReadError::NotAWorkbook)
}

/// The size a worksheet declares in `<dimension ref="A1:Z100"/>`, read from the first
/// few kilobytes of the sheet only.
fn declared_dimension(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Option<(u64, u64)> {
    let mut head = Vec::with_capacity(4096);
    archive
        .by_name(name)
        .ok()?
        .take(4096)
        .read_to_end(&mut head)
        .ok()?;
    let head = String::from_utf8_lossy(&head);
    let start = head.find("<dimension ref=\"")? + "<dimension ref=\"".len();
    let reference = &head[start..start + head[start..].find('"')?];
    let (_, last) = reference.split_once(':')?;
    let letters: String = last.chars().take_while(char::is_ascii_alphabetic).collect();
    let rows: u64 = last[letters.len()..].parse().ok()?;
    let cols = letters.bytes().fold(0u64, |n, b| {
        n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    Some((rows, cols))
}

/// An Office file encrypted with a password is an OLE file holding the streams
/// "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO); their names are written in
/// UTF-16 in the file's directory, which either one marks.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    ["EncryptedPackage", "EncryptionInfo"].iter().any(|name| {
        let marker: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(marker.len()).any(|w| w == marker.as_slice())
    })
}
