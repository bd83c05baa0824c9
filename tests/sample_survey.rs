//! The sample survey a newcomer tries: it reads as a real export would — identifiers
//! dropped, spellings merged — and its planted kinds of patient come back as personas.

use persona_builder::pipeline::{build, GroupBy, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::segments::Method;
use persona_builder::survey::sample::{sample, SAMPLE_FILE_NAME, SAMPLE_ROWS};
use persona_builder::survey::ReadOptions;
use time::macros::datetime;

#[test]
fn the_sample_survey_shows_the_whole_flow() {
    let loaded = LoadedSurvey::read(
        SAMPLE_FILE_NAME,
        sample(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    assert_eq!(loaded.survey.respondents(), SAMPLE_ROWS);
    let dropped: Vec<&str> = loaded
        .report
        .dropped
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    for identifier in ["Response ID", "Email (optional, for follow-up)"] {
        assert!(dropped.contains(&identifier), "{dropped:?}");
    }
    assert!(!loaded.answers.merges.is_empty(), "spellings are merged");
    let built = build(
        &loaded,
        GroupBy::Similarity {
            count: None,
            seed: 11,
            method: Method::LatentClasses,
        },
        datetime!(2026-12-02 10:00 UTC),
    )
    .unwrap();
    // Five kinds were planted; Auto finds at least four of them.
    assert!(
        (4..=6).contains(&built.personas.len()),
        "{} personas: {:?}",
        built.personas.len(),
        built.notes
    );
    for p in &built.personas {
        assert!(!p.headline.is_empty(), "{}", p.name);
        assert!(persona_builder::persona_file::check_persona(p).is_ok());
    }
}
