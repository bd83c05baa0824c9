//! A refresh tells the truth about labels: the very same wave fed back leaves every
//! kept persona stable, whatever formed it (an answer, a rule, latent classes, similar
//! answers) and however staff edited it; and a wave that spells its answers otherwise
//! ("Male" where the first wave said "M", "Bus Stop" where it said "Bus stop") is not
//! drift.

use persona_builder::personas::Persona;
use persona_builder::pipeline::{build, refresh, GroupBy, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::refresh::Drift;
use persona_builder::segments::rules::{Condition, Rule, Test};
use persona_builder::segments::Method;
use persona_builder::survey::ReadOptions;
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

/// How one wave spells its answers.
struct Spelling {
    man: &'static str,
    woman: &'static str,
    stop: &'static str,
}

const FIRST: Spelling = Spelling {
    man: "M",
    woman: "F",
    stop: "Bus stop",
};
const SECOND: Spelling = Spelling {
    man: "Male",
    woman: "female",
    stop: "Bus Stop",
};

/// Three planted kinds of patient; each wave spells most answers its own way and a few
/// the other way (as free-typed answers do), so its spelling merges pick its own label.
fn wave(own: &Spelling, other: &Spelling, seed: u64) -> LoadedSurvey {
    let mut rng = XorShiftRng::seed_from_u64(seed);
    let mut csv = String::from(
        "What is your gender?,Where do you catch transport?,What makes appointments hard?,\
         How would you like to hear from us?,When suits you best?\n",
    );
    let kinds: [(usize, [&str; 4]); 3] = [
        (220, ["woman", "stop", "Transport", "Phone call"]),
        (180, ["man", "Station", "Work hours", "Text message"]),
        (150, ["woman", "Car park", "Childcare", "Email"]),
    ];
    let times = ["Morning", "Evening", "Weekend"];
    for (kind, (size, answers)) in kinds.iter().enumerate() {
        for _ in 0..*size {
            let spelling = if rng.random_range(0.0..1.0) < 0.15 {
                other
            } else {
                own
            };
            let noisy = |rng: &mut XorShiftRng, own: &str, pool: &[&str]| -> String {
                if rng.random_range(0.0..1.0) < 0.15 {
                    pool[rng.random_range(0..pool.len())].to_string()
                } else {
                    own.to_string()
                }
            };
            let gender = match answers[0] {
                "woman" => spelling.woman,
                _ => spelling.man,
            };
            let place = match answers[1] {
                "stop" => spelling.stop,
                place => place,
            };
            let barrier = noisy(
                &mut rng,
                answers[2],
                &["Transport", "Work hours", "Childcare", "Cost"],
            );
            let channel = noisy(
                &mut rng,
                answers[3],
                &["Phone call", "Text message", "Email", "Letter"],
            );
            let time = noisy(&mut rng, times[kind], &times);
            csv.push_str(&format!("{gender},{place},{barrier},{channel},{time}\n"));
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

/// A library as staff keep it: personas by an answer, by a rule, by latent classes and
/// by similar answers, some of them edited.
fn kept_personas(first: &LoadedSurvey) -> Vec<Persona> {
    let column = |name: &str| {
        first
            .survey
            .columns()
            .iter()
            .position(|c| c.name.starts_with(name))
            .unwrap()
    };
    let mut kept = Vec::new();
    for group_by in [
        GroupBy::Answer {
            column: column("What is your gender?"),
        },
        GroupBy::Answer {
            column: column("Where do you catch"),
        },
        GroupBy::Rule {
            rule: Rule {
                conditions: vec![Condition {
                    question: "Where do you catch transport?".into(),
                    test: Test::Is {
                        value: FIRST.stop.into(),
                    },
                }],
            },
        },
        GroupBy::Similarity {
            count: None,
            seed: 11,
            method: Method::LatentClasses,
        },
        GroupBy::Similarity {
            count: Some(3),
            seed: 11,
            method: Method::SimilarAnswers,
        },
    ] {
        let built = build(first, group_by.clone(), NOW).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !built.personas.is_empty(),
            "{group_by:?}: {:?}",
            built.notes
        );
        kept.extend(built.personas);
    }
    for (i, persona) in kept.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        persona.name = format!("Edited persona {i}");
        persona.summary = "Staff rewrote this summary.".into();
        persona.owner = "Clinic manager".into();
    }
    kept
}

fn assert_all_stable(report: &persona_builder::refresh::Refresh, kept: &[Persona]) {
    assert!(
        report.not_in_survey.is_empty(),
        "{:?}",
        report.not_in_survey
    );
    assert_eq!(report.personas.len(), kept.len());
    for r in &report.personas {
        assert_eq!(r.drift, Drift::Stable, "{}: {:?}", r.name, r.reasons);
    }
}

#[test]
fn the_very_same_wave_fed_back_leaves_every_persona_stable() {
    let first = wave(&FIRST, &SECOND, 1);
    let kept = kept_personas(&first);
    assert!(kept.len() >= 9, "{}", kept.len());
    let report = refresh(&first, &kept, NOW);
    assert_all_stable(&report, &kept);
    // A persona defined by an answer or a rule takes exactly whom it took; a found one
    // about as many (its respondents are sorted by its kept figures, and a few atypical
    // of every persona fit none).
    for (persona, r) in kept.iter().zip(&report.personas) {
        let after = r.size_after.unwrap();
        if persona.segment.definition.is_some() {
            assert_eq!(after, persona.segment.size, "{}", persona.name);
        } else {
            assert!(
                after.abs_diff(persona.segment.size) * 20 <= persona.segment.size,
                "{}: {} → {after}",
                persona.name,
                persona.segment.size
            );
        }
    }
}

#[test]
fn a_wave_that_spells_its_answers_otherwise_is_not_drift() {
    let first = wave(&FIRST, &SECOND, 1);
    let kept = kept_personas(&first);
    let second = wave(&SECOND, &FIRST, 2);
    // The second wave's merges name the answers its own way.
    let names: Vec<&str> = second
        .answers
        .merges
        .iter()
        .map(|m| m.into.as_str())
        .collect();
    assert!(names.contains(&"Bus Stop"), "{names:?}");
    let report = refresh(&second, &kept, NOW);
    assert_all_stable(&report, &kept);
    // What is accepted speaks the new wave's labels and still passes every rule.
    for r in &report.personas {
        let refreshed = r.refreshed.as_ref().unwrap();
        assert!(persona_builder::persona_file::check_persona(refreshed).is_ok());
        assert!(
            refreshed.traits.iter().all(|t| t.value != "Bus stop"),
            "{}",
            r.name
        );
        // Its rule too, so the next wave is sorted in these words.
        let segment = serde_json::to_string(&refreshed.segment).unwrap();
        assert!(!segment.contains("Bus stop"), "{}: {segment}", r.name);
    }
    let ruled = report
        .personas
        .iter()
        .filter(|r| r.refreshed.as_ref().unwrap().segment.definition.is_some())
        .count();
    assert!(ruled > 0, "the kept rule persona keeps its rule");
}

#[test]
fn accepted_figures_reach_the_summary_and_the_actions_evidence() {
    let first = wave(&FIRST, &SECOND, 1);
    let kept = kept_personas(&first);
    let second = wave(&SECOND, &FIRST, 2);
    let report = refresh(&second, &kept, NOW);
    let mut actions = 0;
    for (before, r) in kept.iter().zip(&report.personas) {
        let after = r.refreshed.as_ref().unwrap();
        let size = after.segment.size;
        for action in after.actions.iter() {
            actions += 1;
            assert!(
                action.evidence.contains(&format!(" of {size} ("))
                    || action.evidence.contains("no longer shows"),
                "{}: {}",
                r.name,
                action.evidence
            );
        }
        // A summary staff rewrote stays; one the app wrote speaks the new wave.
        if before.summary == "Staff rewrote this summary." {
            assert_eq!(after.summary, before.summary);
        } else {
            assert!(
                after
                    .summary
                    .starts_with(&format!("{size} of 550 respondents (")),
                "{}",
                after.summary
            );
        }
    }
    assert!(actions > 0, "no persona had an action to check");
}
