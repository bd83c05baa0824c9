//! Delimited text exports (CSV and its cousins), from decoded text to columns.

use crate::wording::counted;
use std::collections::{HashMap, HashSet};
use std::io;

use super::cells::{check_width, without_unsafe_chars};
use super::quotes::{self, UnclosedQuotes};
use super::{AnswersBuilder, Column, Progress, ProgressSink, ReadError, Stage, ROWS_PER_REPORT};

/// Reads delimited text whose first row names the columns.
///
/// A quote that never closes is refused or read literally, as `unclosed` says; the rows
/// are then read as [`read_rows`] says.
pub(super) fn read_delimited(
    text: &str,
    delimiter: u8,
    unclosed: UnclosedQuotes,
    progress: ProgressSink,
) -> Result<(Vec<Column>, Vec<String>), ReadError> {
    let total = text.len();
    let (text, literal) = quotes::checked(text, delimiter, unclosed, &mut |done| {
        progress(Progress {
            stage: Stage::Decoding,
            rows: 0,
            done,
            total,
        })
    })?;
    let reader = rows_reader(text.as_bytes(), delimiter);
    let read = read_rows(reader, text.len(), Stage::Reading, literal, progress);
    read.map_err(|error| match error {
        RowsError::Csv(error) => malformed(error),
        RowsError::Refused(error) => error,
    })
}

/// A csv reader of delimited rows from `bytes`, the header read as a row like the rest.
pub(super) fn rows_reader<R: io::Read>(bytes: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes)
}

/// Why [`read_rows`] stopped: the csv reader's error, kept whole so that a caller
/// reading as the file arrives can tell an encoding or I/O error from a malformed row,
/// or a refusal of ours.
pub(super) enum RowsError {
    Csv(csv::Error),
    Refused(ReadError),
}

impl From<ReadError> for RowsError {
    fn from(error: ReadError) -> Self {
        RowsError::Refused(error)
    }
}

/// The columns of the rows `reader` reads from text of `total` bytes, their progress
/// told as `stage`. A header wider than [`super::MAX_COLUMNS`] is refused before
/// anything else is read. Short rows are padded with blank answers (and a warning says
/// so); rows with more answers than the header are refused, because their answers
/// cannot be placed. `warning` (of how the text was read) goes after the header's.
pub(super) fn read_rows<R: io::Read>(
    mut reader: csv::Reader<R>,
    total: usize,
    stage: Stage,
    warning: Option<String>,
    progress: ProgressSink,
) -> Result<(Vec<Column>, Vec<String>), RowsError> {
    let mut header = csv::StringRecord::new();
    if !reader.read_record(&mut header).map_err(RowsError::Csv)? {
        return Err(ReadError::Empty.into());
    }
    check_width(header.len())?;
    let (names, mut warnings) = column_names(header.iter());
    warnings.extend(warning);
    let width = names.len();
    let mut answers: Vec<AnswersBuilder> = (0..width).map(|_| AnswersBuilder::default()).collect();
    let mut short_rows = Vec::new();

    // Rows are counted as a spreadsheet shows them (header = row 1); the csv crate's
    // line numbers are off by one after CRLF line ends.
    let mut record = csv::StringRecord::new();
    let mut read = 0usize;
    for row in 2u64.. {
        if !reader.read_record(&mut record).map_err(RowsError::Csv)? {
            break;
        }
        read += 1;
        let done = reader.position().byte() as usize;
        if read == ROWS_PER_REPORT {
            let rows = expected_rows(read, done, total, width);
            answers.iter_mut().for_each(|slot| slot.expect(rows));
        }
        if read.is_multiple_of(ROWS_PER_REPORT) {
            progress(Progress {
                stage,
                rows: read,
                done,
                total,
            });
        }
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.len() > width {
            return Err(ReadError::TooManyFields {
                row,
                found: record.len(),
                expected: width,
            }
            .into());
        }
        if record.len() < width {
            short_rows.push(row);
        }
        for (column, slot) in answers.iter_mut().enumerate() {
            slot.push_str(record.get(column).unwrap_or("").trim());
        }
    }

    if answers.first().is_none_or(AnswersBuilder::is_empty) {
        return Err(ReadError::HeaderOnly.into());
    }
    if let Some(first) = short_rows.first() {
        warnings.push(format!(
            "{} had fewer answers than there are columns (first: row {first}); \
             their missing answers count as unanswered.",
            counted(short_rows.len(), "row")
        ));
    }
    let columns = names
        .into_iter()
        .zip(answers)
        .map(|(name, answers)| Column {
            name,
            answers: answers.finish(),
        })
        .collect();
    Ok((columns, warnings))
}

/// How many rows a text of `total` bytes holds in all, judged from the first `read`
/// rows' `bytes` (with a twentieth to spare), and never more than a row of `width`
/// empty answers a line could give.
fn expected_rows(read: usize, bytes: usize, total: usize, width: usize) -> usize {
    let judged = read as f64 * total as f64 / bytes.max(1) as f64 * 1.05;
    (judged as usize).min(total / width.max(1))
}

/// Trims header names (and drops characters no text keeps, see
/// [`super::is_unsafe_char`]), names blank ones after their position and makes repeats
/// unique.
pub(super) fn column_names<'a>(raw: impl Iterator<Item = &'a str>) -> (Vec<String>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut suffixes: HashMap<String, usize> = HashMap::new();
    let mut warnings = Vec::new();
    for (index, name) in raw.enumerate() {
        let mut name = without_unsafe_chars(name).trim().to_string();
        if name.is_empty() {
            name = format!("Column {}", index + 1);
            warnings.push(format!(
                "Column {} has no name in the header; it is called “{name}”.",
                index + 1
            ));
        }
        if seen.contains(&name) {
            // Suffixes tried go on from the last one used, so many repeats stay linear.
            let next = suffixes.entry(name.clone()).or_insert(2);
            let (k, unique) = (*next..)
                .map(|k| (k, format!("{name} ({k})")))
                .find(|(_, candidate)| !seen.contains(candidate))
                .expect("an unused suffix exists");
            *next = k + 1;
            warnings.push(format!(
                "The header names “{name}” more than once; the repeat is called “{unique}”."
            ));
            name = unique;
        }
        seen.insert(name.clone());
        names.push(name);
    }
    (names, warnings)
}

/// A csv reader's error as the user is told of it: the row it stopped at.
pub(super) fn malformed(error: csv::Error) -> ReadError {
    let row = error.position().map_or(0, |p| p.record() + 1);
    ReadError::Malformed {
        row,
        detail: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{check_size, read_detected, sha256_hex, Survey, MAX_SURVEY_BYTES};
    use super::*;

    fn answers<'a>(survey: &'a Survey, column: &str) -> Vec<&'a str> {
        let column = survey
            .columns()
            .iter()
            .find(|c| c.name == column)
            .expect("column exists");
        column.answers.iter().map(|a| a.as_str()).collect()
    }

    #[test]
    fn reads_quoted_fields_with_commas_quotes_and_newlines() {
        let csv = "id,comment,lives_with\r\n1,\"Far, far away\",Alone\r\n2,\"He said \"\"hi\"\"\nthen left\",Partner\r\n";
        let survey = read_detected(csv.as_bytes()).unwrap();
        assert_eq!(survey.respondents(), 2);
        assert_eq!(
            answers(&survey, "comment"),
            ["Far, far away", "He said \"hi\"\nthen left"]
        );
        assert_eq!(answers(&survey, "lives_with"), ["Alone", "Partner"]);
        assert!(survey.warnings.is_empty());
    }

    #[test]
    fn strips_a_utf8_bom_and_keeps_accents() {
        let survey = read_detected("\u{FEFF}Région,Âge\nÎle-de-France,34\n".as_bytes()).unwrap();
        assert_eq!(survey.columns()[0].name, "Région");
        assert_eq!(answers(&survey, "Âge"), ["34"]);
    }

    #[test]
    fn pads_short_rows_and_says_so() {
        let survey = read_detected(b"a,b,c\r\n1,2,3\r\n4,5\r\n").unwrap();
        assert_eq!(answers(&survey, "c"), ["3", ""]);
        assert_eq!(survey.warnings.len(), 1);
        assert!(
            survey.warnings[0].contains("row 3"),
            "{:?}",
            survey.warnings
        );
    }

    #[test]
    fn refuses_rows_with_more_answers_than_columns_naming_the_row() {
        for csv in [
            "a,b\n1,2\n3,4,5\n",
            "a,b\r\n1,2\r\n3,4,5\r\n",
            "a,b\r\n\"1\n1\",2\r\n3,4,5\r\n",
        ] {
            let error = read_detected(csv.as_bytes()).unwrap_err();
            assert_eq!(
                error,
                ReadError::TooManyFields {
                    row: 3,
                    found: 3,
                    expected: 2
                },
                "{csv:?}"
            );
            assert!(error.to_string().contains("Row 3"));
        }
    }

    #[test]
    fn names_blank_and_repeated_headers() {
        let survey = read_detected(b"Q,,Q\n1,2,3\n").unwrap();
        let names: Vec<_> = survey.columns().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Q", "Column 2", "Q (2)"]);
        assert_eq!(survey.warnings.len(), 2);
    }

    #[test]
    fn rejects_empty_header_only_and_binary_files() {
        assert_eq!(read_detected(b"").unwrap_err(), ReadError::Empty);
        assert_eq!(read_detected(b"  \r\n\n").unwrap_err(), ReadError::Empty);
        assert_eq!(
            read_detected(b"a,b,c\r\n").unwrap_err(),
            ReadError::HeaderOnly
        );
        assert_eq!(
            read_detected(b"a,b\n,\n , \n").unwrap_err(),
            ReadError::HeaderOnly
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert_eq!(read_detected(png).unwrap_err(), ReadError::Binary);
    }

    #[test]
    fn refuses_files_over_the_size_cap() {
        let error = check_size(MAX_SURVEY_BYTES + 1).unwrap_err();
        assert!(error.to_string().contains("up to 400 MiB"), "{error}");
        assert!(check_size(1024).is_ok());
    }

    #[test]
    fn keeps_the_hash_of_the_uploaded_bytes() {
        let survey = read_detected(b"a\n1\n").unwrap();
        assert_eq!(survey.source_sha256, sha256_hex(b"a\n1\n"));
        assert_eq!(survey.source_sha256.len(), 64);
    }

    #[test]
    fn a_real_surveymonkey_export_reads_completely() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/survey-samples/surveymonkey-2-header-rows-ohbm-2022.csv"
        );
        let Ok(bytes) = std::fs::read(path) else {
            panic!("shared survey sample missing at {path}");
        };
        let survey = read_detected(&bytes).unwrap();
        // 311 responses; SurveyMonkey's second header row names the check-all options.
        assert_eq!(survey.respondents(), 311);
        assert_eq!(
            survey.format.as_ref().unwrap().layout,
            super::super::Layout::SurveyMonkey
        );
        let platforms = survey
            .columns()
            .iter()
            .filter(|c| {
                c.name
                    .starts_with("Which of the following platforms do you use")
            })
            .count();
        assert_eq!(platforms, 10);
        assert!(survey
            .columns()
            .iter()
            .any(|c| c.name.contains("— OHBM website (")));
    }
}
