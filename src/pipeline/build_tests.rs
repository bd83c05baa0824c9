//! Building personas from a loaded survey (the helpers are the parent module's).

use super::*;

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
