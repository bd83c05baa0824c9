//! Workbooks: XLSX, XLS and ODS fixtures (made by tools/make-fixtures.mjs), the sheet
//! picker, and archives refused before they are expanded.

use std::io::{Cursor, Write};

use persona_builder::survey::{read_survey, FileKind, ReadError, ReadOptions, MAX_ENTRIES};
use zip::write::SimpleFileOptions;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}{name}")).unwrap()
}

fn answers(
    survey: &persona_builder::survey::Survey,
    column: &str,
) -> Vec<persona_builder::survey::Answer> {
    survey
        .columns()
        .iter()
        .find(|c| c.name == column)
        .unwrap()
        .answers
        .to_vec()
}

#[test]
fn xlsx_xls_and_ods_read_as_values_not_serial_numbers() {
    for (file, kind) in [
        ("survey.xlsx", FileKind::Xlsx),
        ("survey.xls", FileKind::Xls),
        ("survey.ods", FileKind::Ods),
    ] {
        let survey = read_survey(&fixture(file), ReadOptions::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(survey.format.as_ref().unwrap().kind, kind, "{file}");
        assert_eq!(survey.respondents(), 30, "{file}");
        assert_eq!(
            answers(&survey, "Who do you live with?")[..3],
            ["Alone", "Partner", "Family"],
            "{file}"
        );
        assert_eq!(answers(&survey, "Age")[0], "30", "{file}");
        assert_eq!(answers(&survey, "Visit date")[0], "2024-01-01", "{file}");
        assert_eq!(answers(&survey, "Visit date")[13], "2024-02-14", "{file}");
        assert_eq!(
            answers(&survey, "Score")[..3],
            ["2.5", "3.25", "4"],
            "{file}"
        );
        assert_eq!(
            answers(&survey, "Consent")[..2],
            ["false", "true"],
            "{file}"
        );
        assert_eq!(
            answers(&survey, "Comment")[..2],
            ["", "Bus route 1 is too slow"],
            "{file}"
        );
    }
}

#[test]
fn a_damaged_xls_is_refused_with_what_to_do_never_a_crash() {
    let whole = fixture("survey.xls");
    // calamine panics on these (found by probing); the panic becomes a worded refusal.
    let mut flipped = whole.clone();
    flipped[2228] ^= 0x01;
    for damaged in [&whole[..518], &whole[..555], &flipped[..]] {
        let error = read_survey(damaged, ReadOptions::default()).unwrap_err();
        assert_eq!(
            error,
            ReadError::Damaged {
                kind: FileKind::Xls
            }
        );
        assert!(error.to_string().contains("save it as .xlsx or .csv"));
    }
    // Every truncation ends in a survey or a refusal.
    for len in (0..whole.len()).step_by(37) {
        let _ = read_survey(&whole[..len], ReadOptions::default());
    }
}

#[test]
fn the_first_sheet_with_answers_is_read_and_any_sheet_can_be_chosen() {
    let bytes = fixture("two-sheets.xlsx");
    let survey = read_survey(&bytes, ReadOptions::default()).unwrap();
    let format = survey.format.clone().unwrap();
    assert_eq!(format.sheets, ["Cover", "Responses", "Wave 2"]);
    assert_eq!(format.sheet, Some(1));
    assert_eq!(survey.respondents(), 30);
    let wave2 = ReadOptions {
        sheet: Some(2),
        ..ReadOptions::default()
    };
    assert_eq!(read_survey(&bytes, wave2).unwrap().respondents(), 11);
    let cover = ReadOptions {
        sheet: Some(0),
        ..ReadOptions::default()
    };
    assert_eq!(
        read_survey(&bytes, cover).unwrap_err(),
        ReadError::HeaderOnly
    );
}

#[test]
fn a_workbook_without_data_says_so() {
    let error = read_survey(&fixture("empty.xlsx"), ReadOptions::default()).unwrap_err();
    assert!(
        matches!(error, ReadError::NoSheetData { .. } | ReadError::HeaderOnly),
        "{error}"
    );
    assert!(error.to_string().contains("no data") || error.to_string().contains("no responses"));
}

/// A zip holding `entries` of (name, bytes).
fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn zip_bombs_are_refused_before_they_are_expanded() {
    let workbook = ("xl/workbook.xml", b"<workbook/>".to_vec());
    // Too many entries.
    let many: Vec<(String, Vec<u8>)> = (0..=MAX_ENTRIES)
        .map(|i| (format!("x/{i}"), vec![]))
        .collect();
    let many: Vec<(&str, Vec<u8>)> = many.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let error = read_survey(&zip_of(&many), ReadOptions::default()).unwrap_err();
    assert!(error.to_string().contains("holds 10001 files"), "{error}");
    // A sheet that expands a thousandfold.
    let zeros = ("xl/worksheets/sheet1.xml", vec![b'0'; 40 * 1024 * 1024]);
    let error =
        read_survey(&zip_of(&[workbook.clone(), zeros]), ReadOptions::default()).unwrap_err();
    assert!(error.to_string().contains("like a zip bomb"), "{error}");
    // A sheet that declares a million rows by sixteen thousand columns.
    let sheet = br#"<?xml version="1.0"?><worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>"#;
    let error = read_survey(
        &zip_of(&[workbook, ("xl/worksheets/sheet1.xml", sheet.to_vec())]),
        ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("1048576 rows × 16384 columns"),
        "{error}"
    );
}

#[test]
fn password_protected_truncated_and_foreign_archives_get_clear_messages() {
    let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    encrypted.extend(vec![0; 512]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        read_survey(&encrypted, ReadOptions::default()).unwrap_err(),
        ReadError::PasswordProtected
    );

    // Only the other stream of an encrypted package is named.
    let mut info = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    info.extend(vec![0xFF; 300]);
    info.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    let error = read_survey(&info, ReadOptions::default()).unwrap_err();
    assert_eq!(error, ReadError::PasswordProtected);
    assert!(
        error
            .to_string()
            .contains("protected with a password, so it cannot be read")
            && error.to_string().contains("save an unprotected copy"),
        "{error}"
    );

    let whole = fixture("survey.xlsx");
    let error = read_survey(&whole[..whole.len() / 2], ReadOptions::default()).unwrap_err();
    assert_eq!(
        error,
        ReadError::Damaged {
            kind: FileKind::Xlsx
        }
    );

    let foreign = zip_of(&[("readme.txt", b"hello".to_vec())]);
    let error = read_survey(&foreign, ReadOptions::default()).unwrap_err();
    assert_eq!(error, ReadError::NotAWorkbook);
    assert!(
        error
            .to_string()
            .contains("not an Excel or OpenDocument workbook"),
        "{error}"
    );
}

#[test]
fn a_compound_file_that_is_no_workbook_is_called_damaged_in_plain_words() {
    // An OLE header with a sector shift no reader accepts (calamine: "Invalid sector shift").
    let mut fake = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    fake.extend(vec![0x41; 2048]);
    let error = read_survey(&fake, ReadOptions::default()).unwrap_err();
    assert_eq!(
        error,
        ReadError::Damaged {
            kind: FileKind::Xls
        }
    );
    let message = error.to_string();
    assert!(
        !message.contains("Cfb") && !message.contains("sector"),
        "{message}"
    );
}

#[test]
fn an_xls_marked_with_a_password_record_says_so() {
    // survey.xls with its first record after BOF turned into FILEPASS (RC4, type 1).
    let mut bytes = fixture("survey.xls");
    let workbook = find_workbook_stream(&bytes);
    let bof_len = u16::from_le_bytes([bytes[workbook + 2], bytes[workbook + 3]]) as usize;
    let next = workbook + 4 + bof_len;
    let record_len = u16::from_le_bytes([bytes[next + 2], bytes[next + 3]]) as usize;
    assert!(
        record_len >= 2,
        "the record after BOF has room for FILEPASS's type"
    );
    bytes[next..next + 2].copy_from_slice(&0x002Fu16.to_le_bytes());
    bytes[next + 4..next + 6].copy_from_slice(&1u16.to_le_bytes());
    assert_eq!(
        read_survey(&bytes, ReadOptions::default()).unwrap_err(),
        ReadError::PasswordProtected
    );
}

/// The offset of the workbook stream's BOF record (0x0809, BIFF8) in an XLS file.
fn find_workbook_stream(bytes: &[u8]) -> usize {
    bytes
        .chunks(512)
        .position(|sector| sector.starts_with(&[0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]))
        .map(|i| i * 512)
        .expect("a BIFF8 workbook globals BOF")
}
