use super::*;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

/// The same file read again under its recipe as `change` leaves it (as the session does).
fn rebuilt(
    survey: &LoadedSurvey,
    change: impl FnOnce(&mut Recipe),
) -> Result<LoadedSurvey, ReadError> {
    let mut recipe = survey.recipe.clone();
    change(&mut recipe);
    survey.rebuilt(recipe, &mut |_| {})
}

fn loaded(rows: &[(&str, usize)]) -> LoadedSurvey {
    let mut csv = String::from("Respondent ID,lives_with\n");
    let mut i = 0;
    for (value, times) in rows {
        for _ in 0..*times {
            i += 1;
            csv.push_str(&format!("R{i},{value}\n"));
        }
    }
    LoadedSurvey::read(
        "survey.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap()
}

#[test]
fn guards_before_summarising_and_preselects() {
    let survey = loaded(&[("Partner", 30), ("Alone", 12), ("Family", 4), ("", 8)]);
    assert_eq!(survey.report.dropped[0].name, "Respondent ID");
    assert_eq!(survey.summaries.len(), 1);
    assert_eq!(survey.suggested_grouping, Some(0));
    let built = build_by_answer(&survey, 0, NOW).unwrap();
    assert_eq!(built.personas.len(), 2);
    assert_eq!(
        built.notes,
        [
            "1 answer group had fewer than 11 respondents and is not a persona of its own.",
            "12 respondents gave another answer to “lives_with” or none, and are in no persona."
        ]
    );
}

#[test]
fn scrubbed_free_text_stays_free_text() {
    let mut csv = String::from("lives_with,Comments\n");
    for i in 0..40 {
        csv.push_str(&format!(
            "{},Write to me at p{i}@example.org\n",
            ["A", "B"][i % 2]
        ));
    }
    let survey = LoadedSurvey::read(
        "s.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    assert_eq!(survey.summaries[1].kind, ColumnKind::FreeText);
    assert_eq!(survey.summaries[1].role, Role::Quotes);
    assert!(survey.survey.columns()[1]
        .answers
        .iter()
        .all(|a| a == "Write to me at [email]"));
    assert!(!survey.summaries[1].can_group());
}

#[test]
fn the_user_can_change_how_the_file_is_read() {
    let bytes = "a;b\nJos\u{e9};1\nAna;2\n".as_bytes();
    let survey = LoadedSurvey::read(
        "s.csv",
        bytes,
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    assert_eq!(survey.survey.format.clone().unwrap().delimiter, Some(b';'));
    let commas = ReadOptions {
        delimiter: Some(b','),
        ..ReadOptions::default()
    };
    let reread = rebuilt(&survey, |r| r.read_options = commas).unwrap();
    assert_eq!(reread.survey.columns()[0].name, "a;b");
    assert_eq!(survey.survey.columns()[0].answers[0], "José");
    let latin = ReadOptions {
        encoding: crate::survey::EncodingChoice::Windows1252,
        ..ReadOptions::default()
    };
    let misread = rebuilt(&survey, |r| r.read_options = latin).unwrap();
    assert_eq!(misread.survey.columns()[0].answers[0], "JosÃ©");
    assert_eq!(
        misread.survey.format.clone().unwrap().encoding,
        Some("windows-1252".to_string())
    );
}

#[test]
fn spellings_are_merged_before_grouping_and_a_merge_can_be_undone() {
    let survey = loaded(&[("Partner", 12), ("partner ", 3), ("Alone", 20)]);
    let merges = &survey.answers.merges;
    assert_eq!(merges.len(), 1);
    let built = build_by_answer(&survey, 0, NOW).unwrap();
    let sizes: Vec<_> = built.personas.iter().map(|p| p.segment.size).collect();
    assert_eq!(sizes, [20, 15]);
    let mut apart = survey.clone();
    let mut mapping = survey.mapping.clone();
    mapping.set_merge_undone(merges[0].key(), true);
    apart.set_mapping(mapping.clone()).unwrap();
    assert_eq!(apart.summaries[0].distinct(), 3);
    assert_eq!(
        apart.answers.merges.len(),
        1,
        "an undone merge is still listed"
    );
    assert!(apart.mapping.undone_merges.contains(&merges[0].key()));
    // Reading the file again another way keeps it undone.
    let reread = rebuilt(&apart, |r| r.settings.keep_zip3 = true).unwrap();
    assert_eq!(reread.summaries[0].distinct(), 3);
    let mut again = reread;
    mapping.set_merge_undone(merges[0].key(), false);
    again.set_mapping(mapping).unwrap();
    assert_eq!(again.summaries[0].distinct(), 2);
}

#[test]
fn an_ignored_column_neither_groups_nor_describes_and_roles_survive_rereads() {
    let survey = loaded(&[("Partner", 15), ("Alone", 15)]);
    assert_eq!(survey.summaries[0].role, Role::Demographic);
    let mut ignored = survey.clone();
    let mapping = ColumnMapping {
        roles: [("lives_with".to_string(), Role::Ignore)].into(),
        ..ColumnMapping::default()
    };
    ignored.set_mapping(mapping).unwrap();
    assert!(!ignored.summaries[0].can_group());
    assert_eq!(ignored.suggested_grouping, None);
    assert_eq!(
        build_by_answer(&ignored, 0, NOW),
        Err(BuildError::NotAGrouping)
    );
    let stricter = rebuilt(&ignored, |_| {}).unwrap();
    assert_eq!(stricter.summaries[0].role, Role::Ignore);
    assert_eq!(survey.layout_key(), ignored.layout_key());
    assert_eq!(survey.layout_key().len(), 16);
}

#[test]
fn every_group_under_k_is_a_clear_error() {
    let survey = loaded(&[("Partner", 10), ("Alone", 6)]);
    let error = build_by_answer(&survey, 0, NOW).unwrap_err();
    assert!(matches!(error, BuildError::AllGroupsTooSmall { k: 11, .. }));
    assert!(error.to_string().contains("“lives_with”"));
}

#[test]
fn a_raised_minimum_applies_to_segments_and_provenance() {
    let survey = loaded(&[("Partner", 30), ("Alone", 15), ("Family", 20)]);
    let mut settings = survey.recipe.settings.clone();
    settings.set_min_group_size(20).unwrap();
    let stricter = rebuilt(&survey, |r| r.settings = settings).unwrap();
    let built = build_by_answer(&stricter, 0, NOW).unwrap();
    let sizes: Vec<_> = built
        .personas
        .iter()
        .map(|p| (p.name.as_str(), p.segment.size))
        .collect();
    // Alone (15) is under 20, and so would be the remainder: it joins Family.
    assert_eq!(
        sizes,
        [
            ("Lives with a partner", 30),
            ("Lives with family or another answer", 35)
        ]
    );
    assert!(built
        .personas
        .iter()
        .all(|p| p.provenance.min_group_size == 20));
}

#[test]
fn a_column_that_does_not_group_is_refused() {
    let survey = loaded(&[("Partner", 20)]);
    assert_eq!(
        build_by_answer(&survey, 0, NOW),
        Err(BuildError::NotAGrouping)
    );
    assert_eq!(
        build_by_answer(&survey, 9, NOW),
        Err(BuildError::NotAGrouping)
    );
}

/// Personas built from the loaded survey: found across the questions, by a rule, and by a
/// question of any length.
#[path = "build_tests.rs"]
mod build;
