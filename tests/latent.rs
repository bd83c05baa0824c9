//! Latent class analysis, the default automatic method: planted kinds come back in
//! their number, pure noise is reported as no clear segments, missing answers do not
//! move a clear solution, the same seed gives the same classes, every shown count is a
//! direct recount of at least k, and a question left out of segments shapes none.
//! (EM raising its objective at every round is a property test in `latent/em.rs`.)

#[allow(dead_code)]
#[path = "../benches/segmentation/planted.rs"]
mod planted;
#[allow(dead_code)]
#[path = "../benches/pipeline/quality.rs"]
mod quality;

use persona_builder::columns::chosen;
use persona_builder::persona_file::check_persona;
use persona_builder::pipeline::{build, refresh, GroupBy, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::segments::latent::{latent_classes, LatentSegmentation, Verdict};
use persona_builder::segments::{Method, SegmentError, SegmentSettings};
use persona_builder::survey::ReadOptions;
use planted::{Cell, Separation};
use proptest::prelude::*;
use time::OffsetDateTime;

const NOW: OffsetDateTime = OffsetDateTime::UNIX_EPOCH;

fn cell(kinds: usize, missing: f64, respondents: usize) -> Cell {
    Cell {
        kinds,
        separation: Separation::Clear,
        missing,
        questions: 16,
        respondents,
    }
}

fn load(csv: Vec<u8>) -> LoadedSurvey {
    LoadedSurvey::read(
        "planted.csv",
        csv,
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap()
}

fn classes(loaded: &LoadedSurvey, settings: SegmentSettings) -> LatentSegmentation {
    let rows: Vec<usize> = (0..loaded.survey.respondents()).collect();
    latent_classes(&loaded.survey, &loaded.summaries, &rows, settings).unwrap()
}

fn agreement(found: &LatentSegmentation, truth: &[usize]) -> f64 {
    let members: Vec<Vec<usize>> = found.segments.iter().map(|s| s.members.clone()).collect();
    let labels: Vec<u8> = truth.iter().map(|&t| t as u8).collect();
    quality::agreement(&members, &labels).adjusted_rand
}

fn labels(found: &LatentSegmentation, n: usize) -> Vec<usize> {
    let mut labels = vec![usize::MAX; n];
    for (s, segment) in found.segments.iter().enumerate() {
        for &row in &segment.members {
            labels[row] = s;
        }
    }
    labels
}

#[test]
fn a_planted_four_kind_survey_gives_four_classes() {
    let survey = planted::generate(cell(4, 0.05, 1200), 3);
    let loaded = load(survey.csv);
    let found = classes(&loaded, SegmentSettings::default());
    assert_eq!(found.verdict, Verdict::Chosen, "{:?}", found.candidates);
    assert_eq!(found.fitted, Some(4), "{:?}", found.candidates);
    let ari = agreement(&found, &survey.truth);
    assert!(ari >= 0.9, "adjusted Rand index {ari:.3}");
    assert!(
        found
            .segments
            .iter()
            .all(|s| s.membership > 0.9 && s.stability >= 0.75),
        "{:?}",
        found
            .segments
            .iter()
            .map(|s| (s.membership, s.stability))
            .collect::<Vec<_>>()
    );
    assert!(found.fits_well > 0.9, "{}", found.fits_well);
    // BIC is lowest at the number chosen, among those tried.
    let best = found
        .candidates
        .iter()
        .min_by(|a, b| a.bic.total_cmp(&b.bic));
    assert_eq!(best.map(|c| c.count), Some(4));
    assert!(found.one_class.bic > best.unwrap().bic);
}

#[test]
fn pure_noise_is_no_clear_segments_and_builds_no_personas() {
    for seed in 0..3 {
        let survey = planted::generate(cell(0, 0.05, 1200), seed);
        let loaded = load(survey.csv);
        let found = classes(&loaded, SegmentSettings::default());
        assert_eq!(
            found.verdict,
            Verdict::NoClearSegments,
            "{:?}",
            found.candidates
        );
        assert!(found.segments.is_empty());
        let auto = GroupBy::Similarity {
            count: None,
            seed: 11,
            method: Method::LatentClasses,
        };
        let built = build(&loaded, auto, NOW).unwrap();
        assert!(built.personas.is_empty());
        assert!(
            built.notes[0].starts_with("No clear segments"),
            "{:?}",
            built.notes
        );
        let report = built.segmentation.unwrap();
        assert_eq!(
            (report.verdict, report.fitted),
            (Verdict::NoClearSegments, None)
        );
        assert!(!report.candidates.is_empty() && report.one_class.is_some());
    }
}

#[test]
fn missing_answers_do_not_move_a_clear_solution() {
    let full = planted::generate(cell(4, 0.0, 1200), 5);
    let holes = planted::generate(cell(4, 0.15, 1200), 5);
    // The same respondents (the same kinds, drawn alike): only the blanks differ.
    assert_eq!(full.truth, holes.truth);
    let (a, b) = (load(full.csv), load(holes.csv));
    let (with, without) = (
        classes(&a, SegmentSettings::default()),
        classes(&b, SegmentSettings::default()),
    );
    assert_eq!(with.fitted, Some(4));
    assert_eq!(without.fitted, Some(4), "{:?}", without.candidates);
    let n = full.truth.len();
    let between = quality::agreement(
        &with
            .segments
            .iter()
            .map(|s| s.members.clone())
            .collect::<Vec<_>>(),
        &labels(&without, n)
            .iter()
            .map(|&l| l as u8)
            .collect::<Vec<_>>(),
    );
    assert!(between.adjusted_rand >= 0.9, "{:.3}", between.adjusted_rand);
    assert!(agreement(&without, &full.truth) >= 0.9);
}

#[test]
fn the_user_may_set_the_number_but_not_above_eight() {
    let loaded = load(planted::generate(cell(3, 0.05, 600), 1).csv);
    let set = SegmentSettings {
        count: Some(5),
        ..SegmentSettings::default()
    };
    let found = classes(&loaded, set);
    assert_eq!(
        (found.verdict, found.fitted, found.auto),
        (Verdict::Set, Some(5), false)
    );
    assert!(found.segments.iter().all(|s| s.members.len() >= 11));
    let rows: Vec<usize> = (0..600).collect();
    let nine = SegmentSettings {
        count: Some(9),
        ..SegmentSettings::default()
    };
    assert_eq!(
        latent_classes(&loaded.survey, &loaded.summaries, &rows, nine),
        Err(SegmentError::TooManyClasses { most: 8 })
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]
    #[test]
    fn the_same_seed_gives_the_same_classes(seed in 0u64..1000, data in 0u64..1000) {
        let loaded = load(planted::generate(cell(3, 0.1, 400), data).csv);
        let settings = SegmentSettings { seed, ..SegmentSettings::default() };
        prop_assert_eq!(classes(&loaded, settings), classes(&loaded, settings));
    }

    /// Every number a latent class persona shows is a direct count of at least k, its
    /// class profile passes the persona file's small-cell checks, and a second wave
    /// like the first is sorted back into the same personas by the kept model.
    #[test]
    fn shown_counts_are_direct_recounts_of_at_least_k(data in 0u64..1000) {
        let loaded = load(planted::generate(cell(3, 0.1, 700), data).csv);
        let auto = GroupBy::Similarity { count: None, seed: 11, method: Method::LatentClasses };
        let built = build(&loaded, auto, NOW).unwrap();
        prop_assert!(!built.personas.is_empty(), "{:?}", built.notes);
        let survey = &loaded.survey;
        let total = survey.respondents();
        let percent = |part: usize, whole: usize| (1000.0 * part as f64 / whole as f64).round() / 10.0;
        let found = classes(&loaded, SegmentSettings::default());
        prop_assert_eq!(found.segments.len(), built.personas.len());
        let mut everyone = 0;
        for (persona, segment) in built.personas.iter().zip(&found.segments) {
            prop_assert!(check_persona(persona).is_ok(), "{:?}", check_persona(persona));
            prop_assert!(persona.segment.class_profile.is_some());
            let quality = persona.segment.quality.unwrap();
            prop_assert!(quality.membership.is_some() && quality.silhouette.is_none());
            prop_assert!(persona.provenance.fit.is_some());
            let size = persona.segment.size;
            prop_assert!(size >= 11);
            everyone += size;
            let members = &segment.members;
            prop_assert_eq!(members.len(), size);
            for t in &persona.traits {
                let column = survey.columns().iter().find(|c| c.name == t.attribute).unwrap();
                let gives = |row: usize| {
                    let answer = column.answers[row].trim();
                    answer == t.value || chosen(answer).any(|o| o == t.value)
                };
                let n = members.iter().filter(|&&r| gives(r)).count();
                prop_assert_eq!(t.n, n);
                prop_assert!(n >= 11);
                prop_assert_eq!(t.segment_pct, percent(n, size));
                prop_assert_eq!(t.overall_pct, percent((0..total).filter(|&r| gives(r)).count(), total));
            }
        }
        prop_assert_eq!(everyone, total, "everyone is in a persona");
        let again = refresh(&loaded, &built.personas, NOW);
        for (r, persona) in again.personas.iter().zip(&built.personas) {
            let after = r.size_after.unwrap_or(0);
            prop_assert!(after.abs_diff(persona.segment.size) * 10 <= persona.segment.size, "{} → {:?}", persona.segment.size, r.size_after);
        }
    }
}

#[test]
fn a_question_left_out_of_segments_shapes_none() {
    let mut loaded = load(planted::generate(cell(3, 0.05, 600), 2).csv);
    let question = loaded.summaries[0].name.clone();
    let mut mapping = loaded.mapping.clone();
    mapping.set_use_for_segments(&question, false);
    loaded.set_mapping(mapping).unwrap();
    let auto = GroupBy::Similarity {
        count: None,
        seed: 11,
        method: Method::LatentClasses,
    };
    let built = build(&loaded, auto, NOW).unwrap();
    let report = built.segmentation.unwrap();
    assert!(
        !report.questions.contains(&question),
        "{:?}",
        report.questions
    );
    assert_eq!(report.left_out, std::slice::from_ref(&question));
    assert!(built
        .notes
        .iter()
        .any(|n| n.contains("Left out of the segments") && n.contains(&question)));
    assert!(built.personas.iter().all(|p| p
        .segment
        .class_profile
        .as_ref()
        .unwrap()
        .items
        .iter()
        .all(|i| i.question() != question)));
    // The same for similar answers.
    let similar = GroupBy::Similarity {
        count: None,
        seed: 11,
        method: Method::SimilarAnswers,
    };
    let report = build(&loaded, similar, NOW).unwrap().segmentation.unwrap();
    assert!(!report.questions.contains(&question));
}

#[test]
fn real_exports_get_classes_of_at_least_k_or_are_told_there_are_none() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/survey-samples/");
    for file in [
        "surveymonkey-2-header-rows-ohbm-2022.csv",
        "surveymonkey-2-header-rows-538-sleeping-alone.csv",
    ] {
        let loaded = LoadedSurvey::read(
            file,
            std::fs::read(format!("{dir}{file}")).unwrap(),
            ReadOptions::default(),
            PrivacySettings::default(),
        )
        .unwrap();
        let found = classes(&loaded, SegmentSettings::default());
        let sizes: Vec<usize> = found.segments.iter().map(|s| s.members.len()).collect();
        assert!(sizes.iter().all(|&n| n >= 11), "{sizes:?}");
        match found.verdict {
            Verdict::NoClearSegments => assert!(sizes.is_empty()),
            _ => assert_eq!(sizes.iter().sum::<usize>(), loaded.survey.respondents()),
        }
        assert!(found.variables.len() >= 5, "most questions take part");
    }
}
