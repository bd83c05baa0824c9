//! Every refusal the user reads is whole sentences: it starts with a capital and ends with
//! a full stop, so the page can put its own sentence after it ("… The library is
//! unchanged.") without running two together.

use persona_builder::library::EditError;
use persona_builder::persona_file::{self, ImportError, PersonaProblem};
use persona_builder::pipeline::BuildError;
use persona_builder::protocol::ViewTooLarge;
use persona_builder::survey::{DictionaryError, FileKind, QuoteRun, ReadError};

fn assert_sentences(message: &str) {
    let first = message.chars().next().expect("a message");
    assert!(
        first.is_uppercase() || first == '“',
        "starts with a capital: {message}"
    );
    assert!(message.ends_with('.'), "ends with a full stop: {message}");
    assert!(!message.contains(".."), "one full stop: {message}");
    assert!(!message.contains(". ."), "one full stop: {message}");
}

#[test]
fn reading_refusals_are_whole_sentences() {
    let errors = [
        ReadError::TooLarge {
            mib: 60,
            max_mib: 50,
        },
        ReadError::Empty,
        ReadError::Binary,
        ReadError::BadEncoding {
            encoding: "UTF-8".into(),
            offset: 3,
        },
        ReadError::NotAWorkbook,
        ReadError::PasswordProtected,
        ReadError::Damaged {
            kind: FileKind::Xls,
        },
        ReadError::SpreadsheetTooLarge {
            what: "the workbook holds 10001 files".into(),
        },
        ReadError::NoSheetData { sheet: "Q".into() },
        ReadError::NoSheetData {
            sheet: String::new(),
        },
        ReadError::Json {
            detail: "expected value at line 1 column 2".into(),
        },
        ReadError::NotFlatJson {
            row: 2,
            key: "a".into(),
        },
        ReadError::HeaderOnly,
        ReadError::TooManyFields {
            row: 3,
            found: 3,
            expected: 2,
        },
        ReadError::Malformed {
            row: 3,
            detail: "found record with 3 fields".into(),
        },
        ReadError::TooManyColumns {
            found: 100_000,
            max: 5_000,
        },
        ReadError::CellTooLong {
            respondent: 0,
            column: "Q".into(),
            chars: 40_000,
            max: 32_767,
        },
        ReadError::UnclosedQuote {
            line: 5,
            runs: QuoteRun::ToTheEnd,
        },
        ReadError::UnclosedQuote {
            line: 5,
            runs: QuoteRun::Over(100),
        },
    ];
    for error in errors {
        assert_sentences(&error.to_string());
    }
    for error in [
        DictionaryError::TooLarge { mib: 60 },
        DictionaryError::NotADictionary,
        DictionaryError::Unreadable(ReadError::Empty),
    ] {
        assert_sentences(&error.to_string());
    }
    assert_sentences(&ViewTooLarge { bytes: 9 << 20 }.to_string());
}

#[test]
fn import_export_and_library_refusals_are_whole_sentences() {
    let file = |personas: &str| {
        format!(
            r#"{{"format":"persona-builder","schema_version":2,"exported_at":"2026-11-24T10:00:00Z","personas":{personas}}}"#
        )
    };
    let bad_files = [
        vec![b' '; persona_file::MAX_FILE_BYTES + 1],
        b"\xEF\xBB\xBF{\"a\":\"\xff\"}".to_vec(),
        b"{\"format\": ".to_vec(),
        b"{\"format\":1,\"format\":2}".to_vec(),
        br#"{"format":"other"}"#.to_vec(),
        br#"{"format":"persona-builder","schema_version":9}"#.to_vec(),
        br#"{"format":"persona-builder","schema_version":"2"}"#.to_vec(),
        br#"{"format":"persona-builder","schema_version":2}"#.to_vec(),
        file("[1]").into_bytes(),
        file("[{\"id\":\"a\",\"id\":\"b\"}]").into_bytes(),
    ];
    for bytes in bad_files {
        let error: ImportError = persona_file::import(&bytes).unwrap_err();
        assert_sentences(&error.to_string());
    }
    assert_sentences(&EditError::Invalid(PersonaProblem::BlankName).to_string());
    assert_sentences(&EditError::Missing.to_string());
    assert_sentences(&BuildError::NotAGrouping.to_string());
    assert_sentences(
        &BuildError::AllGroupsTooSmall {
            question: "Q".into(),
            k: 11,
        }
        .to_string(),
    );
    assert_sentences(&BuildError::RuleGroupTooSmall { k: 11, meet: true }.to_string());
}
