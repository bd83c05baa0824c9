//! Delimited UTF-8 text read straight from its file's slices: each slice, as it is read,
//! is hashed for the fingerprint, watched for quotes that never close
//! ([`quotes::Watch`]) and handed to the csv reader, so the file is never held whole
//! (a national survey's 350 MB are 4 MiB at a time). What its first slice cannot
//! vouch for (another encoding, JSON, a workbook, quotes read literally) and a file
//! that turns out not to be UTF-8 after all are read whole, as before.

use std::io;

use sha2::{Digest, Sha256};

use super::csv_text::{malformed, read_rows, rows_reader, RowsError};
use super::decode::streams_as_utf8;
use super::quotes::{Unclosed, Watch};
use super::{
    delimiter, hex, is_spreadsheet, read_survey_reporting, shape, FileKind, Fingerprint, Progress,
    ProgressSink, ReadError, ReadOptions, SlicedFile, SourceFormat, Stage, Survey, UnclosedQuotes,
    SLICE_BYTES,
};

/// The survey in `file`: streamed when it can be, else read whole; `fingerprint` as
/// [`read_survey_reporting`] has it.
pub(super) fn read_sliced(
    file: &SlicedFile,
    fingerprint: Fingerprint,
    options: ReadOptions,
    progress: ProgressSink,
) -> Result<Survey, ReadError> {
    if let Some(survey) = streamed(file, SLICE_BYTES, &fingerprint, options, progress)? {
        return Ok(survey);
    }
    // The file's only copy while it is read; gone once its columns are.
    let (bytes, fingerprint) = file.read_whole(fingerprint, progress)?;
    read_survey_reporting(&bytes, fingerprint, options, progress)
}

/// The survey read `slice_bytes` at a time, or `None` when it is not text that can be.
fn streamed(
    file: &SlicedFile,
    slice_bytes: usize,
    fingerprint: &Fingerprint,
    options: ReadOptions,
    progress: ProgressSink,
) -> Result<Option<Survey>, ReadError> {
    let total = file.size();
    let mut first = vec![0; slice_bytes.min(total)];
    file.read_at(0, &mut first)?;
    let Some(text) = streams_as_utf8(&first, options.encoding) else {
        return Ok(None);
    };
    let starts_json = text.start.trim_start().starts_with('[');
    let refuses = options.unclosed_quotes == UnclosedQuotes::Refuse;
    if is_spreadsheet(&first) || text.start.trim().is_empty() || starts_json || !refuses {
        return Ok(None);
    }
    // Sniffed from the first slice's records (50 of them fit but for answers of 80 KB).
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| delimiter::sniff(text.start));
    let (bom, encoding) = (text.bom, text.encoding);
    progress(Progress {
        stage: Stage::Streaming,
        rows: 0,
        done: 0,
        total,
    });
    let mut slices = SliceReader::new(file, first, bom, delimiter, fingerprint);
    let read = read_rows(
        rows_reader(&mut slices, delimiter),
        total,
        Stage::Streaming,
        None,
        progress,
    );
    let (columns, warnings) = match read {
        Ok(columns) => match slices.watch.at_end() {
            Some(unclosed) => return Err(unclosed.refused()),
            None => columns,
        },
        Err(RowsError::Csv(error)) if matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) => {
            return Ok(None);
        }
        Err(error) => return Err(slices.reason(error)),
    };
    progress(Progress {
        stage: Stage::Streaming,
        rows: columns.first().map_or(0, |column| column.answers.len()),
        done: total,
        total,
    });
    let format = SourceFormat {
        kind: FileKind::Csv,
        encoding: Some(encoding.to_string()),
        delimiter: Some(delimiter),
        ..SourceFormat::default()
    };
    let source_sha256 = match (slices.hasher, fingerprint) {
        (Some(hasher), _) => hex(&hasher.finalize()),
        (None, Fingerprint::Known(sha256)) => sha256.clone(),
        (None, _) => String::new(),
    };
    shape(
        (columns, warnings, format),
        source_sha256,
        options,
        progress,
    )
    .map(Some)
}

/// The file as an [`io::Read`], a slice at a time, each slice hashed and watched as it
/// is read.
struct SliceReader<'f> {
    file: &'f SlicedFile,
    slice: Vec<u8>,
    /// How much of `slice` has been read.
    used: usize,
    /// Where the next slice starts in the file.
    next: usize,
    hasher: Option<Sha256>,
    watch: Watch,
    /// The quote found unclosed, which stops the read.
    unclosed: Option<Unclosed>,
    /// Why the file could not be read on.
    failed: Option<ReadError>,
}

impl<'f> SliceReader<'f> {
    /// The reader of `file` whose `first` slice is read, its byte-order mark (`bom`
    /// bytes) skipped.
    fn new(
        file: &'f SlicedFile,
        first: Vec<u8>,
        bom: usize,
        delimiter: u8,
        fingerprint: &Fingerprint,
    ) -> Self {
        let mut reader = SliceReader {
            file,
            next: first.len(),
            slice: Vec::new(),
            used: bom,
            hasher: (*fingerprint == Fingerprint::Hash).then(Sha256::new),
            watch: Watch::new(delimiter),
            unclosed: None,
            failed: None,
        };
        reader.take(first);
        reader
    }

    /// `slice` hashed and watched, to be read next.
    fn take(&mut self, slice: Vec<u8>) {
        if let Some(hasher) = &mut self.hasher {
            hasher.update(&slice);
        }
        self.unclosed = self.watch.feed(&slice[self.used..], &mut |_| {});
        self.slice = slice;
    }

    /// Reads the next slice in place of the last; false at the end of the file.
    fn advance(&mut self) -> Result<bool, ReadError> {
        let len = self.slice.len().min(self.file.size() - self.next);
        if len == 0 {
            return Ok(false);
        }
        let mut slice = std::mem::take(&mut self.slice);
        slice.truncate(len);
        self.file.read_at(self.next, &mut slice)?;
        self.next += len;
        self.used = 0;
        self.take(slice);
        Ok(true)
    }

    /// Why the rows stopped at `error`. A quote that never closes explains whatever
    /// went wrong after it, so the rest of the file is watched for one first, as the
    /// whole file is before it is read.
    fn reason(&mut self, error: RowsError) -> ReadError {
        while self.unclosed.is_none() && self.failed.is_none() {
            match self.advance() {
                Ok(true) => {}
                Ok(false) => {
                    self.unclosed = self.watch.at_end();
                    break;
                }
                Err(failed) => self.failed = Some(failed),
            }
        }
        if let Some(unclosed) = self.unclosed {
            return unclosed.refused();
        }
        match error {
            RowsError::Csv(error) if matches!(error.kind(), csv::ErrorKind::Io(_)) => {
                self.failed.take().unwrap_or(ReadError::Unreadable)
            }
            RowsError::Csv(error) => malformed(error),
            RowsError::Refused(error) => error,
        }
    }
}

impl io::Read for SliceReader<'_> {
    fn read(&mut self, into: &mut [u8]) -> io::Result<usize> {
        if self.unclosed.is_some() {
            return Err(io::Error::other("a quote never closes"));
        }
        if self.used == self.slice.len() {
            match self.advance() {
                Ok(true) => {}
                Ok(false) => return Ok(0),
                Err(failed) => {
                    self.failed = Some(failed);
                    return Err(io::Error::other("the file could not be read"));
                }
            }
            if self.unclosed.is_some() {
                return Err(io::Error::other("a quote never closes"));
            }
        }
        let n = into.len().min(self.slice.len() - self.used);
        into[..n].copy_from_slice(&self.slice[self.used..self.used + n]);
        self.used += n;
        Ok(n)
    }
}

#[cfg(test)]
#[path = "sliced_text_tests.rs"]
mod tests;
