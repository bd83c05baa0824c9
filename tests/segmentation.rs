//! Automatic segments: planted personas in generated surveys come back (adjusted Rand
//! index), Auto picks the planted number, the same seed gives the same segments, and no
//! segment is smaller than the minimum group size.

use persona_builder::pipeline::LoadedSurvey;
use persona_builder::privacy::PrivacySettings;
use persona_builder::segments::clustering::{
    choose, segment, Candidate, SegmentError, SegmentSettings, Stability, AUTO_RANGE,
};
use persona_builder::survey::ReadOptions;
use proptest::prelude::*;
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;

/// A generated survey with `sizes.len()` planted segments, and each respondent's segment.
struct Planted {
    csv: String,
    truth: Vec<usize>,
}

/// Respondents of segment s mostly give segment s's answers; `noise` of the answers are
/// random and `missing` are blank.
fn planted(sizes: &[usize], noise: f64, missing: f64, seed: u64) -> Planted {
    let mut rng = XorShiftRng::seed_from_u64(seed);
    let travel = ["Bus", "Car", "Taxi", "On foot"];
    let lives = ["Alone", "Partner", "Family", "Carer"];
    let ease = [
        "Very difficult",
        "Difficult",
        "Neither easy nor difficult",
        "Easy",
        "Very easy",
    ];
    let channels = [
        vec!["App", "Text"],
        vec!["Phone"],
        vec!["Letter", "Phone"],
        vec!["Email", "App"],
    ];
    let ages = [32.0, 55.0, 78.0, 45.0];
    let ease_of = [4, 1, 0, 3];
    let mut csv = String::from(
        "Respondent ID,Age,How do you travel to the clinic?,Who do you live with?,Getting to the clinic is easy,How would you like to hear from us?\n",
    );
    let mut truth = Vec::new();
    let mut id = 0;
    for (s, &size) in sizes.iter().enumerate() {
        for _ in 0..size {
            id += 1;
            truth.push(s);
            let pick = |own: &str, all: &[&str], rng: &mut XorShiftRng| -> String {
                if rng.random_range(0.0..1.0) < missing {
                    String::new()
                } else if rng.random_range(0.0..1.0) < noise {
                    all[rng.random_range(0..all.len())].to_string()
                } else {
                    own.to_string()
                }
            };
            let age = (ages[s] + rng.random_range(-7.0..7.0f64)).round();
            let travel = pick(travel[s], &travel, &mut rng);
            let lives = pick(lives[s], &lives, &mut rng);
            let ease = pick(ease[ease_of[s]], &ease, &mut rng);
            let chosen = if rng.random_range(0.0..1.0) < missing {
                String::new()
            } else {
                channels[s].join(", ")
            };
            csv.push_str(&format!(
                "R{id:05},{age},{travel},{lives},{ease},\"{chosen}\"\n"
            ));
        }
    }
    Planted { csv, truth }
}

fn load(csv: &str) -> LoadedSurvey {
    LoadedSurvey::read(
        "planted.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap()
}

fn labels(
    segmentation: &persona_builder::segments::clustering::Segmentation,
    n: usize,
) -> Vec<usize> {
    let mut labels = vec![usize::MAX; n];
    for (s, segment) in segmentation.segments.iter().enumerate() {
        for &row in &segment.members {
            labels[row] = s;
        }
    }
    labels
}

/// Hubert and Arabie's adjusted Rand index of two labellings.
fn adjusted_rand(a: &[usize], b: &[usize]) -> f64 {
    let choose2 = |x: usize| (x * x.saturating_sub(1) / 2) as f64;
    let (ka, kb) = (a.iter().max().unwrap() + 1, b.iter().max().unwrap() + 1);
    let mut table = vec![vec![0usize; kb]; ka];
    for (&x, &y) in a.iter().zip(b) {
        table[x][y] += 1;
    }
    let index: f64 = table.iter().flatten().map(|&n| choose2(n)).sum();
    let rows: f64 = table.iter().map(|r| choose2(r.iter().sum())).sum();
    let cols: f64 = (0..kb)
        .map(|j| choose2(table.iter().map(|r| r[j]).sum()))
        .sum();
    let expected = rows * cols / choose2(a.len());
    let max = (rows + cols) / 2.0;
    (index - expected) / (max - expected)
}

#[test]
fn planted_segments_come_back_and_auto_picks_their_number() {
    for (sizes, seed) in [(vec![120, 90, 60], 1), (vec![80, 80, 70, 60], 2)] {
        let planted = planted(&sizes, 0.15, 0.05, seed);
        let loaded = load(&planted.csv);
        let found = segment(
            &loaded.survey,
            &loaded.summaries,
            SegmentSettings::default(),
        )
        .unwrap();
        assert!(found.auto);
        assert_eq!(
            found.fitted,
            sizes.len(),
            "Auto picks the planted number: {:?}",
            found.candidates
        );
        let ari = adjusted_rand(&planted.truth, &labels(&found, planted.truth.len()));
        assert!(ari >= 0.8, "adjusted Rand index {ari:.3} for {sizes:?}");
        for s in &found.segments {
            assert_eq!(
                Stability::of(s.stability),
                Stability::Stable,
                "{:?}",
                found.candidates
            );
        }
        // The respondent ID and the free text are not compared; the five questions are.
        assert_eq!(found.variables.len(), 5);
    }
}

#[test]
fn the_user_can_set_the_number_and_small_segments_are_merged() {
    let planted = planted(&[100, 100, 12], 0.1, 0.0, 3);
    let loaded = load(&planted.csv);
    let settings = SegmentSettings {
        count: Some(2),
        ..SegmentSettings::default()
    };
    let two = segment(&loaded.survey, &loaded.summaries, settings).unwrap();
    assert_eq!((two.fitted, two.segments.len(), two.auto), (2, 2, false));
    let raised = SegmentSettings {
        count: Some(3),
        min_group_size: 40,
        ..SegmentSettings::default()
    };
    let merged = segment(&loaded.survey, &loaded.summaries, raised).unwrap();
    assert!(merged.segments.iter().all(|s| s.members.len() >= 40));
    assert_eq!(merged.merged_small, 1);
    let total: usize = merged.segments.iter().map(|s| s.members.len()).sum();
    assert_eq!(total, 212, "everyone is in a segment");
    let too_many = SegmentSettings {
        count: Some(30),
        ..SegmentSettings::default()
    };
    assert!(matches!(
        segment(&loaded.survey, &loaded.summaries, too_many),
        Err(SegmentError::TooManySegments { most: 19, .. })
    ));
}

#[test]
fn auto_prefers_stable_then_separated_then_fewer() {
    let c = |count, silhouette, stability| Candidate {
        count,
        silhouette,
        stability,
    };
    assert_eq!(
        choose(&[c(2, 0.6, 0.7), c(3, 0.5, 0.9), c(4, 0.4, 0.95)]),
        3
    );
    assert_eq!(choose(&[c(2, 0.4, 0.5), c(3, 0.5, 0.5)]), 3);
    assert_eq!(choose(&[c(2, 0.5, 0.8), c(3, 0.5, 0.8)]), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]
    #[test]
    fn the_same_seed_gives_the_same_segments(seed in 0u64..1000, data in 0u64..1000) {
        let planted = planted(&[60, 50, 40], 0.3, 0.1, data);
        let loaded = load(&planted.csv);
        let settings = SegmentSettings { seed, ..SegmentSettings::default() };
        let first = segment(&loaded.survey, &loaded.summaries, settings).unwrap();
        let again = segment(&loaded.survey, &loaded.summaries, settings).unwrap();
        prop_assert_eq!(&first, &again);
        prop_assert!(first.segments.iter().all(|s| s.members.len() >= 11));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]
    /// Every number a found persona shows equals a direct count over its members.
    #[test]
    fn the_evidence_numbers_equal_direct_counts(data in 0u64..1000, noise in 0.0f64..0.4) {
        use persona_builder::columns::chosen;
        use persona_builder::personas::{personas_from_segments, Basis};
        use persona_builder::segments::Segment;
        let planted = planted(&[70, 50, 40], noise, 0.1, data);
        let loaded = load(&planted.csv);
        let found = segment(&loaded.survey, &loaded.summaries, SegmentSettings::default()).unwrap();
        let segments: Vec<Segment> = found.segments.iter().zip('A'..).map(|(s, l)| Segment {
            label: l.to_string(),
            members: s.members.clone(),
        }).collect();
        let basis = Basis::Found { method: "m".into(), seed: 11, fitted: found.fitted, quality: Vec::new(), profiles: Vec::new(), fit: None };
        let now = time::OffsetDateTime::UNIX_EPOCH;
        let synthesis = personas_from_segments(&loaded.survey, &loaded.summaries, &segments, &basis, 11, now);
        let survey = &loaded.survey;
        let total = survey.respondents();
        // One decimal, as the persona format says: tenths of a percent, rounded half up.
        let percent = |part: usize, whole: usize| (1000.0 * part as f64 / whole as f64).round() / 10.0;
        for (persona, segment) in synthesis.personas.iter().zip(&segments) {
            prop_assert_eq!(persona.segment.size, segment.members.len());
            for t in &persona.traits {
                let column = survey.columns().iter().find(|c| c.name == t.attribute).unwrap();
                let gives = |row: usize| {
                    let answer = column.answers[row].trim();
                    answer == t.value || chosen(answer).any(|o| o == t.value)
                };
                let n = segment.members.iter().filter(|&&r| gives(r)).count();
                let overall = (0..total).filter(|&r| gives(r)).count();
                prop_assert_eq!(t.n, n, "{} = {}", t.attribute, t.value);
                prop_assert_eq!(t.segment_pct, percent(n, segment.members.len()));
                prop_assert_eq!(t.overall_pct, percent(overall, total));
                prop_assert!(n >= 11);
            }
        }
    }
}

#[test]
fn a_real_surveymonkey_export_segments() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/survey-samples/surveymonkey-2-header-rows-ohbm-2022.csv"
    );
    let loaded = LoadedSurvey::read(
        "ohbm.csv",
        std::fs::read(path).unwrap(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    let found = segment(
        &loaded.survey,
        &loaded.summaries,
        SegmentSettings::default(),
    )
    .unwrap();
    // Real answers hold weaker structure than planted ones; the figures say so honestly.
    assert_eq!(found.candidates.len(), 7, "Auto tried 2 to 8");
    assert!(AUTO_RANGE.contains(&found.fitted));
    let sizes: Vec<usize> = found.segments.iter().map(|s| s.members.len()).collect();
    assert!(sizes.iter().all(|&n| n >= 11), "{sizes:?}");
    assert_eq!(sizes.iter().sum::<usize>(), loaded.survey.respondents());
    assert!(found.variables.len() >= 10, "most questions take part");
}
