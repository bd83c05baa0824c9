use time::macros::date;

use super::*;
use crate::personas::{Action, Persona, Trait};
use crate::test_support::persona;

const QUESTION: &str = "Is transport a barrier to your appointments?";

fn barrier(pct: f64, n: usize) -> Trait {
    Trait {
        attribute: QUESTION.into(),
        value: "Yes".into(),
        segment_pct: pct,
        overall_pct: 30.0,
        n,
        role: Some(crate::columns::Role::Barrier),
        distinctive: true,
    }
}

/// A persona of 100 whose transport barrier was `first` percent at the first wave,
/// with a plan to bring it to `target`, then `later` waves of 100 each.
fn followed(first: usize, target: f64, later: &[usize]) -> (Persona, Plan) {
    let mut p = persona("p1", "Lives alone");
    p.segment.size = 100;
    p.segment.share = 0.5;
    p.provenance.rows = 200;
    p.traits = vec![barrier(first as f64, first)];
    p.actions = vec![Action {
        text: "Offer telehealth.".into(),
        evidence: format!("{first} of 100 answered “Yes” to “{QUESTION}”."),
    }];
    p.waves.clear();
    record_wave(&mut p, date!(2026 - 01 - 10), 200);
    let mut plan = Plan::adopt(
        &p,
        "Offer telehealth.",
        &p.actions[0].evidence,
        date!(2026 - 01 - 12),
    );
    plan.target = Some(target);
    p.plans.push(plan.clone());
    for (i, &now) in later.iter().enumerate() {
        p.traits = vec![barrier(now as f64, now)];
        let day = date!(2026 - 04 - 10) + time::Duration::days(91 * i as i64);
        record_wave(&mut p, day, 200);
    }
    (p, plan)
}

fn verdict(first: usize, target: f64, later: &[usize]) -> Progress {
    let (p, plan) = followed(first, target, later);
    judge(&plan, &p)
}

#[test]
fn adopting_an_action_measures_the_answer_its_evidence_names() {
    let (p, plan) = followed(60, 30.0, &[]);
    assert_eq!(
        plan.measure,
        Some(Measure::Answer {
            question: QUESTION.into(),
            answer: "Yes".into()
        })
    );
    assert_eq!((plan.id.as_str(), plan.from_wave), ("plan-1", 1));
    assert_eq!(plan.status, PlanStatus::Planned);
    assert_eq!(p.waves.len(), 1);
    assert_eq!(judge(&plan, &p), Progress::AwaitingWave);
}

#[test]
fn a_plan_is_judged_by_its_change_beyond_sampling_error() {
    let is = |progress: Progress, expected: Verdict| match progress {
        Progress::Judged(j) => assert_eq!(j.verdict, expected, "{}", j.describe()),
        other => panic!("{other:?}"),
    };
    // 60 → 20 of 100, target 30: a real fall past the target.
    is(verdict(60, 30.0, &[40, 20]), Verdict::Met);
    // 60 → 45: real (the interval of the change is about −28 to −1) but short of 30.
    is(verdict(60, 30.0, &[45]), Verdict::Moving);
    // 60 → 52: within sampling error.
    is(verdict(60, 30.0, &[52]), Verdict::NotYet);
    // Reaching the target by a change sampling error could explain is not yet met.
    is(verdict(40, 35.0, &[33]), Verdict::NotYet);
    // 60 → 75: real and the wrong way.
    is(verdict(60, 30.0, &[75]), Verdict::Worse);
    // A target to hold it where it is.
    is(verdict(60, 60.0, &[57]), Verdict::Met);
    is(verdict(60, 60.0, &[80]), Verdict::Worse);
}

#[test]
fn a_plan_without_a_target_or_a_shown_figure_is_not_judged() {
    let (mut p, mut plan) = followed(60, 30.0, &[40]);
    plan.target = None;
    assert_eq!(judge(&plan, &p), Progress::NotMeasured);
    plan.target = Some(30.0);
    p.waves[1].figures.clear();
    assert_eq!(judge(&plan, &p), Progress::NotShown);
}

#[test]
fn the_timeline_numbers_its_waves_and_follows_each_measure() {
    let (p, plan) = followed(60, 30.0, &[40, 20]);
    let numbers: Vec<u32> = p.waves.iter().map(|w| w.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    let line = series(&p, plan.measure.as_ref().unwrap());
    let values: Vec<Option<f64>> = line.iter().map(|(_, v)| *v).collect();
    assert_eq!(values, [Some(60.0), Some(40.0), Some(20.0)]);
    assert_eq!(series(&p, &Measure::Share)[2].1, Some(50.0));
}

#[test]
fn a_tracked_figure_below_k_is_not_recorded() {
    let (mut p, _) = followed(60, 30.0, &[]);
    // A trait list never holds a count below k; a measure the persona no longer shows
    // is simply missing from that wave.
    p.traits.clear();
    record_wave(&mut p, date!(2026 - 05 - 01), 200);
    assert!(p.waves[1].figures.is_empty());
    assert_eq!(p.waves[1].size, 100);
}

#[test]
fn a_newer_rating_by_the_same_name_replaces_the_older() {
    let mut p = persona("p1", "Lives alone");
    let by = |name: &str, score: u8| Rating {
        by: name.into(),
        date: date!(2026 - 03 - 01),
        score,
        comment: String::new(),
    };
    rate(&mut p, by("Ana", 2));
    rate(&mut p, by("Ben", 5));
    rate(&mut p, by("ana ", 4));
    let summary = rating_summary(&p).unwrap();
    assert_eq!((summary.count, summary.average), (2, 4.5));
    assert_eq!(summary.describe(), "4.5 of 5 from 2 staff");
}

#[test]
fn a_review_moves_the_dates_and_the_next_agenda_starts_after_it() {
    let (mut p, _) = followed(60, 30.0, &[40]);
    p.plans[0].due = Some(date!(2026 - 03 - 01));
    let agenda = Agenda::of(&p, date!(2026 - 05 - 01));
    assert_eq!(agenda.waves_since.len(), 1, "the wave since it was made");
    assert_eq!(agenda.plans_due.len(), 1);
    let review = Review {
        date: date!(2026 - 05 - 01),
        by: "Ana".into(),
        decision: Decision::Keep,
        note: "Still our transport group.".into(),
        next_due: date!(2026 - 08 - 01),
        at_wave: 0,
    };
    record_review(&mut p, review);
    assert_eq!(p.review_due, date!(2026 - 08 - 01));
    assert_eq!(p.reviews[0].at_wave, 2);
    let agenda = Agenda::of(&p, date!(2026 - 08 - 02));
    assert!(agenda.waves_since.is_empty());
    assert_eq!(agenda.wave_before.unwrap().number, 2);
}

#[test]
fn a_newer_version_keeps_the_plans_ratings_and_timeline_only_the_kept_one_has() {
    let (kept, _) = followed(60, 30.0, &[40]);
    let mut next = kept.clone();
    next.plans.clear();
    next.waves.truncate(1);
    carry_over(&kept, &mut next);
    assert_eq!(next.plans.len(), 1);
    assert_eq!(next.waves.len(), 2);
}

#[test]
fn the_outreach_brief_starts_with_the_obstacle_and_the_plan() {
    let (mut p, _) = followed(60, 30.0, &[]);
    p.frustrations = vec!["Transport gets in the way".into()];
    let brief = OutreachBrief::draft(&p);
    assert!(
        brief.say_first.contains("Transport gets in the way"),
        "{}",
        brief.say_first
    );
    assert!(brief.say_first.contains("Offer telehealth."));
    assert!(brief.offers.starts_with("• Offer telehealth."));
    assert!(!brief.format.is_empty());
}
