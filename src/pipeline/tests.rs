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
            "1 answer group(s) had fewer than 11 respondents and are not personas of their own.",
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

#[test]
fn segments_found_across_the_questions_become_personas_with_quality_and_provenance() {
    let mut csv = String::from("Age,How do you travel?,Who do you live with?,Comment\n");
    for i in 0..90 {
        let (age, travel, lives) = [
            (30, "Car", "Family"),
            (78, "Bus", "Alone"),
            (52, "Taxi", "Partner"),
        ][i % 3];
        csv.push_str(&format!("{},{travel},{lives},note {i}\n", age + i % 3));
    }
    let survey = LoadedSurvey::read(
        "found.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    let method = crate::segments::Method::SimilarAnswers;
    let built = build_found_personas(&survey, method, None, 7, NOW).unwrap();
    assert_eq!(built.personas.len(), 3);
    let names: std::collections::HashSet<&str> =
        built.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 3, "no two personas of a build share a name");
    let first_names: std::collections::HashSet<&str> = built
        .personas
        .iter()
        .map(|p| p.display_name.split([',', ':']).next().unwrap())
        .collect();
    assert_eq!(first_names.len(), 3, "nor an illustrative first name");
    for persona in &built.personas {
        assert_eq!(persona.segment.size, 30);
        assert!(!persona.name.contains("Segment"), "{}", persona.name);
        assert!(!persona.name.is_empty() && !persona.display_name.is_empty());
        let quality = persona
            .segment
            .quality
            .expect("found segments carry quality");
        assert_eq!(
            quality.badge(),
            crate::segments::clustering::Stability::Stable
        );
        assert_eq!(persona.provenance.method, SIMILARITY_METHOD);
        assert_eq!(
            (persona.provenance.segment_count, persona.provenance.seed),
            (3, 7)
        );
    }
    assert!(
        built.notes[0].contains("Auto chose the number"),
        "{:?}",
        built.notes
    );
    let coverage = built.coverage.clone().unwrap();
    assert_eq!(coverage.in_personas, 1.0);
    assert!(coverage.fits_well.unwrap() > 0.9, "{coverage:?}");
    assert!(coverage.unrepresented.is_empty(), "{coverage:?}");
    // The personas pass the same checks as any exported or imported persona.
    let file = crate::persona_file::export(&built.personas, Default::default(), NOW).unwrap();
    assert_eq!(
        crate::persona_file::import(file.as_bytes()).unwrap(),
        built.personas
    );
    let same = build(
        &survey,
        GroupBy::Similarity {
            count: None,
            seed: 7,
            method,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(same, built, "the same seed gives the same personas");
}

#[test]
fn a_rule_gives_one_persona_for_those_who_meet_it_and_small_groups_are_refused() {
    use crate::segments::rules::{Condition, Rule, Test};
    let mut csv = String::from("Age,How do you travel?,Who do you live with?\n");
    for i in 0..90 {
        let (age, travel, lives) = [
            (30, "Car", "Family"),
            (78, "Bus", "Alone"),
            (52, "Bus", "Partner"),
        ][i % 3];
        csv.push_str(&format!("{},{travel},{lives}\n", age + i % 3));
    }
    let survey = LoadedSurvey::read(
        "rule.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    let condition = |question: &str, test| Condition {
        question: question.into(),
        test,
    };
    let rule = Rule {
        conditions: vec![
            condition("Age", Test::AtLeast { number: 65.0 }),
            condition(
                "How do you travel?",
                Test::Is {
                    value: "Bus".into(),
                },
            ),
        ],
    };
    let built = build(&survey, GroupBy::Rule { rule: rule.clone() }, NOW).unwrap();
    let persona = &built.personas[0];
    assert_eq!(persona.name, "Aged 65+, travels by bus");
    assert_eq!(persona.segment.size, 30);
    assert_eq!(
        persona.segment.rule.as_deref(),
        Some("Age at least 65 AND How do you travel? is Bus")
    );
    assert_eq!(persona.provenance.method, "rule");
    // The rule's own questions give no traits; the others do, with counts read directly.
    assert!(persona
        .traits
        .iter()
        .all(|t| t.attribute == "Who do you live with?"));
    assert_eq!(
        (persona.traits[0].value.as_str(), persona.traits[0].n),
        ("Alone", 30)
    );
    // One persona of the three kinds of respondent leaves two of each demographic out.
    let coverage = built.coverage.clone().unwrap();
    assert!((coverage.in_personas - 1.0 / 3.0).abs() < 1e-9);
    let left_out: Vec<(&str, &str)> = coverage
        .unrepresented
        .iter()
        .map(|u| (u.question.as_str(), u.answer.as_str()))
        .collect();
    assert!(
        left_out.contains(&("Who do you live with?", "Family")),
        "{left_out:?}"
    );
    assert!(
        left_out.contains(&("Who do you live with?", "Partner")),
        "{left_out:?}"
    );
    assert!(
        !left_out.contains(&("Who do you live with?", "Alone")),
        "{left_out:?}"
    );
    assert!(left_out.iter().any(|(q, _)| *q == "Age"), "{left_out:?}");
    let few = Rule {
        conditions: vec![condition("Age", Test::AtLeast { number: 80.0 })],
    };
    assert!(matches!(
        build_rule_persona(&survey, &few, NOW),
        Err(BuildError::RuleGroupTooSmall { meet: false, .. })
    ));
    let nearly_all = Rule {
        conditions: vec![condition("Age", Test::AtLeast { number: 0.0 })],
    };
    assert_eq!(
        build_rule_persona(&survey, &nearly_all, NOW)
            .unwrap()
            .personas[0]
            .segment
            .size,
        90
    );
}

#[test]
fn personas_grouped_by_a_very_long_question_pass_every_rule_and_export() {
    let question = format!(
        "{}, who do you live with?",
        "Thinking about the people in your household over the past twelve months ".repeat(4)
    );
    assert!(question.chars().count() > 290);
    let mut csv = format!("\"{question}\",How do you travel?\n");
    for i in 0..60 {
        csv.push_str(&format!(
            "{},{}\n",
            ["Alone", "Partner"][i % 2],
            ["Bus", "Car"][i % 3 % 2]
        ));
    }
    let survey = LoadedSurvey::read(
        "long.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    for group_by in [
        GroupBy::Answer { column: 0 },
        GroupBy::Similarity {
            count: Some(2),
            seed: 3,
            method: crate::segments::Method::LatentClasses,
        },
        GroupBy::Similarity {
            count: Some(2),
            seed: 3,
            method: crate::segments::Method::SimilarAnswers,
        },
    ] {
        let built = build(&survey, group_by, NOW).unwrap();
        for persona in &built.personas {
            assert_eq!(
                crate::persona_file::check_persona(persona),
                Ok(()),
                "{}",
                persona.name
            );
            assert!(!persona.name.contains(&question), "{}", persona.name);
        }
        let options = crate::persona_file::ExportOptions::default();
        crate::persona_file::export(&built.personas, options, NOW).unwrap();
    }
}
