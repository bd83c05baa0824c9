//! Workbooks as the browser reads them: the workbook worker reads the sheet
//! (`read_spreadsheet`), the sheet crosses to the survey worker as JSON, and the survey
//! worker's session goes on from it. The result must be what reading the workbook's
//! bytes in one place gives: the same survey, summaries, report and fingerprint.

use persona_builder::pipeline::{ColumnMapping, Recipe};
use persona_builder::protocol::{Contents, Reply, Request, Session};
use persona_builder::survey::{
    read_spreadsheet, sha256_hex, Dictionary, ReadOptions, ReadWorkbook,
};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
/// Real exports (see its README), beside the repository.
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/survey-samples/");

fn open(file_name: &str, sheet: Option<usize>) -> Request {
    let recipe = Recipe {
        read_options: ReadOptions {
            sheet,
            ..ReadOptions::default()
        },
        ..Recipe::default()
    };
    Request::Open {
        file_name: file_name.into(),
        recipe: Box::new(recipe),
        mapping: ColumnMapping::default(),
        dictionary_file: None,
        extract_file: None,
    }
}

/// The workbook as its worker hands it on: read, fingerprinted, through JSON.
fn as_the_workbook_worker_reads_it(bytes: &[u8], sheet: Option<usize>) -> Contents {
    let read = ReadWorkbook {
        sha256: sha256_hex(bytes),
        file_bytes: bytes.len(),
        sheet: read_spreadsheet(bytes, sheet).unwrap(),
    };
    let json = serde_json::to_vec(&read).unwrap();
    Contents::Workbook(Box::new(serde_json::from_slice(&json).unwrap()))
}

fn reply(contents: Contents, name: &str, sheet: Option<usize>) -> Reply {
    Session::default().handle(open(name, sheet), vec![contents], &mut |_| {})
}

#[test]
fn a_sheet_read_by_the_workbook_worker_is_the_survey_read_from_the_bytes() {
    let mut files: Vec<(String, Vec<u8>)> = [
        "survey.xlsx",
        "survey.xls",
        "survey.ods",
        "ms-forms.xlsx",
        "two-sheets.xlsx",
    ]
    .iter()
    .map(|name| {
        (
            name.to_string(),
            std::fs::read(format!("{FIXTURES}{name}")).unwrap(),
        )
    })
    .collect();
    if let Ok(real) = std::fs::read(format!("{SAMPLES}limesurvey-artifact-eval-2019.xlsx")) {
        files.push(("limesurvey.xlsx".into(), real));
    }
    for (name, bytes) in files {
        for sheet in [None, Some(1)] {
            if sheet.is_some() && name != "two-sheets.xlsx" {
                continue;
            }
            let whole = reply(Contents::file(bytes.clone()), &name, sheet);
            let split = reply(as_the_workbook_worker_reads_it(&bytes, sheet), &name, sheet);
            assert!(matches!(whole, Reply::Survey { .. }), "{name}: {whole:?}");
            assert_eq!(split, whole, "{name}, sheet {sheet:?}");
        }
    }
}

#[test]
fn a_dictionary_kept_as_a_workbook_reads_as_its_bytes_do() {
    let bytes = std::fs::read(format!("{FIXTURES}survey.xlsx")).unwrap();
    let Contents::Workbook(read) = as_the_workbook_worker_reads_it(&bytes, None) else {
        unreachable!()
    };
    // The fixture is no dictionary: both refuse it the same way.
    assert_eq!(Dictionary::parse_workbook(&read), Dictionary::parse(&bytes));
}
