//! Whatever bytes arrive, reading and importing end in a result, never a panic.

use persona_builder::persona_file::import;
use persona_builder::pipeline::{build_personas, LoadedSurvey};
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
                let _ = build_personas(&loaded, column, OffsetDateTime::UNIX_EPOCH);
            }
        }
    }

    #[test]
    fn importing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import(&bytes);
    }
}
