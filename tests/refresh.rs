//! Refreshing personas from a second survey wave whose planted segments shifted: one
//! grew, one split in two, one stayed, and a new group appeared that fits none.

use persona_builder::personas::Persona;
use persona_builder::pipeline::{build, refresh, Built, GroupBy, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::refresh::Drift;
use persona_builder::survey::ReadOptions;
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;
use time::macros::datetime;
use time::OffsetDateTime;

const QUESTIONS: [(&str, [&str; 4]); 6] = [
    (
        "How do you travel to the clinic?",
        ["Bus", "Car", "Taxi", "On foot"],
    ),
    (
        "Who do you live with?",
        ["Alone", "Partner", "Family", "Carer"],
    ),
    (
        "What makes appointments hard?",
        ["Cost", "Work hours", "Childcare", "Nothing"],
    ),
    (
        "How would you like to hear from us?",
        ["App", "Text", "Phone", "Letter"],
    ),
    (
        "When suits you best?",
        ["Morning", "Afternoon", "Evening", "Weekend"],
    ),
    (
        "How often do you visit?",
        ["Weekly", "Monthly", "Yearly", "Rarely"],
    ),
];

/// Each profile's answer (index into the question's answers) to every question.
const A: [usize; 6] = [1, 1, 1, 0, 2, 2];
const B: [usize; 6] = [0, 0, 0, 2, 0, 1];
/// B's travel, household and barrier, with other channels, times and visits.
const B2: [usize; 6] = [0, 0, 0, 3, 1, 3];
const C: [usize; 6] = [2, 2, 2, 1, 3, 0];
const D: [usize; 6] = [3, 3, 3, 3, 3, 3];

/// A share of answers that are random: enough that a segment's other answers pass
/// the small-cell rule and its typical answers are listed.
const NOISE: f64 = 0.2;

/// A wave with `groups` (profile, respondents), [`NOISE`] of the answers random.
fn wave(groups: &[([usize; 6], usize)], seed: u64) -> LoadedSurvey {
    let mut rng = XorShiftRng::seed_from_u64(seed);
    let names: Vec<&str> = QUESTIONS.iter().map(|q| q.0).collect();
    let mut csv = format!("{}\n", names.join(","));
    for (profile, size) in groups {
        for _ in 0..*size {
            let row: Vec<&str> = QUESTIONS
                .iter()
                .zip(profile)
                .map(|((_, answers), &own)| {
                    if rng.random_range(0.0..1.0) < NOISE {
                        answers[rng.random_range(0..4)]
                    } else {
                        answers[own]
                    }
                })
                .collect();
            csv.push_str(&row.join(","));
            csv.push('\n');
        }
    }
    LoadedSurvey::read(
        &format!("wave-{seed}.csv"),
        csv.into_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap()
}

const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

/// Personas found automatically in a first wave of three planted segments.
fn first_wave_segments() -> Built {
    let first = wave(&[(A, 200), (B, 175), (C, 125)], 1);
    let similar = GroupBy::Similarity {
        count: None,
        seed: 11,
        method: persona_builder::segments::Method::SimilarAnswers,
    };
    build(&first, similar, NOW).unwrap()
}

#[test]
fn a_shifted_wave_labels_personas_grown_split_stable_and_proposes_new_ones() {
    let built = first_wave_segments();
    assert_eq!(built.personas.len(), 3, "{:?}", built.notes);
    // Which kept persona stands for which profile: by size.
    let by_size = |size: usize| {
        built
            .personas
            .iter()
            .find(|p| p.segment.size.abs_diff(size) <= 15)
            .unwrap()
    };
    let (a, b, c) = (by_size(200), by_size(175), by_size(125));

    let second = wave(&[(A, 350), (B, 75), (B2, 75), (C, 160), (D, 80)], 2);
    let report = refresh(&second, &built.personas, NOW);
    let label = |id: &str| report.personas.iter().find(|r| r.id == id).unwrap();
    assert_eq!(label(&a.id).drift, Drift::Drifted);
    assert!(label(&a.id).reasons[0].starts_with("It grew"));
    assert_eq!(label(&b.id).drift, Drift::Split);
    assert_eq!(label(&c.id).drift, Drift::Stable);
    // The new group fits none and comes back as a proposal.
    let fits_none = report.fits_none.unwrap();
    assert!((75..=130).contains(&fits_none), "{fits_none}");
    let on_foot = |p: &&Persona| {
        p.traits
            .iter()
            .any(|t| t.value == "On foot" && t.distinctive)
    };
    assert!(
        report.proposals.iter().any(|p| on_foot(&p)),
        "{:?}",
        report.proposals
    );
    assert!(report.proposals.iter().all(|p| p.name.starts_with("New ")));
    // The refreshed persona keeps its id and name and takes the wave's figures.
    let refreshed = label(&a.id).refreshed.as_ref().unwrap();
    assert_eq!(
        (refreshed.id.as_str(), refreshed.name.as_str()),
        (a.id.as_str(), a.name.as_str())
    );
    assert!(refreshed.segment.size > a.segment.size);
    assert_eq!(refreshed.provenance.refreshed.as_ref().unwrap().rows, 740);
    assert!(persona_builder::persona_file::check_persona(refreshed).is_ok());
}

#[test]
fn the_same_wave_again_leaves_every_persona_stable() {
    let built = first_wave_segments();
    let again = wave(&[(A, 200), (B, 175), (C, 125)], 3);
    let report = refresh(&again, &built.personas, NOW);
    for r in &report.personas {
        assert_eq!(r.drift, Drift::Stable, "{}: {:?}", r.name, r.reasons);
    }
}

#[test]
fn personas_defined_by_an_answer_take_exactly_those_who_give_it() {
    let first = wave(&[(A, 200), (B, 175), (C, 125)], 1);
    let built = build(&first, GroupBy::Answer { column: 0 }, NOW).unwrap();
    let second = wave(&[(A, 350), (B, 150), (C, 160), (D, 40)], 2);
    let report = refresh(&second, &built.personas, NOW);
    let travel = &second.survey.columns()[0].answers;
    for (persona, r) in built.personas.iter().zip(&report.personas) {
        let rule = persona.segment.definition.as_ref().unwrap();
        let value = match &rule.conditions[0].test {
            persona_builder::segments::rules::Test::Is { value } => value.clone(),
            other => panic!("{other:?}"),
        };
        let expected = travel.iter().filter(|a| **a == value).count();
        assert_eq!(r.size_after, Some(expected), "{value}");
    }
    assert!(report.not_in_survey.is_empty());
}

#[test]
fn a_wave_where_one_planted_segment_grew_drifts_that_one_only() {
    let built = first_wave_segments();
    let grown = wave(&[(A, 350), (B, 175), (C, 125)], 4);
    let report = refresh(&grown, &built.personas, NOW);
    for r in &report.personas {
        let is_a = r.size_before.abs_diff(200) <= 15;
        let expected = if is_a { Drift::Drifted } else { Drift::Stable };
        assert_eq!(r.drift, expected, "{}: {:?}", r.name, r.reasons);
    }
    let a = report.personas.iter().find(|r| r.drift == Drift::Drifted);
    assert!(a.unwrap().reasons[0].starts_with("It grew"));
}
