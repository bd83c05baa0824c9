//! Whatever bytes arrive, reading and importing end in a result, never a panic.

use persona_builder::persona_file::import;
use persona_builder::pipeline::{build_by_answer, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::survey::ReadOptions;
use proptest::prelude::*;
use time::OffsetDateTime;

/// CSV-like text: short fields from a small alphabet with delimiters, quotes and line
/// breaks, so many inputs parse and reach the later stages.
fn csv_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just(",".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\"".to_string()),
            "[A-Ca-c0-9@. +-]{0,6}",
        ],
        0..400,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = LoadedSurvey::read("any.csv", bytes, ReadOptions::default(), PrivacySettings::default());
    }

    #[test]
    fn the_whole_pipeline_survives_csv_like_text(text in csv_like()) {
        if let Ok(loaded) = LoadedSurvey::read("any.csv", text.as_bytes(), ReadOptions::default(), PrivacySettings::default()) {
            for column in 0..loaded.summaries.len() {
                let _ = build_by_answer(&loaded, column, OffsetDateTime::UNIX_EPOCH);
            }
        }
    }

    #[test]
    fn workbook_lookalikes_never_panic(
        ole in any::<bool>(),
        rest in prop::collection::vec(any::<u8>(), 0..4096),
    ) {
        let magic: &[u8] = if ole { b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" } else { b"PK\x03\x04" };
        let bytes = [magic, &rest].concat();
        let _ = LoadedSurvey::read("any.xlsx", bytes, ReadOptions::default(), PrivacySettings::default());
    }

    #[test]
    fn truncated_or_damaged_workbooks_never_panic(
        which in 0usize..4,
        cut in 0.0f64..1.0,
        flip in any::<(usize, u8)>(),
    ) {
        let name = ["survey.xlsx", "survey.xls", "survey.ods", "two-sheets.xlsx"][which];
        let mut bytes = std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let index = flip.0 % bytes.len();
        bytes[index] ^= flip.1;
        bytes.truncate(((bytes.len() as f64) * cut) as usize);
        let _ = LoadedSurvey::read(name, bytes, ReadOptions::default(), PrivacySettings::default());
    }

    #[test]
    fn importing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import(&bytes);
    }
}
