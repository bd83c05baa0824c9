//! A plan followed across three generated survey waves in which a planted transport
//! barrier shrinks: adopted from the recommended action, each refresh accepted adds a
//! wave to the timeline, and the plan is judged moving, then met.

use persona_builder::follow_up::{judge, series, Measure, Plan, Progress, Verdict};
use persona_builder::library::Library;
use persona_builder::personas::Persona;
use persona_builder::pipeline::{build, refresh, GroupBy, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::survey::ReadOptions;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const BARRIER: &str = "Is transport a barrier to getting to appointments?";

/// A wave of 200 people living alone, `barrier` of them held back by transport, and
/// 200 living with a partner, 30 of them.
fn wave(barrier: usize, seed: u32) -> LoadedSurvey {
    let mut csv = format!("Who do you live with?,{BARRIER},How would you like to hear from us?\n");
    for (household, held_back) in [("Alone", barrier), ("Partner", 30)] {
        for i in 0..200 {
            let yes = if i < held_back { "Yes" } else { "No" };
            let channel = if i % 3 == 0 { "Letter" } else { "Phone" };
            csv.push_str(&format!("{household},{yes},{channel}\n"));
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

const FIRST: OffsetDateTime = datetime!(2026-01-15 10:00 UTC);

fn alone(personas: &[Persona]) -> &Persona {
    personas
        .iter()
        .find(|p| {
            p.segment
                .rule
                .as_deref()
                .is_some_and(|r| r.contains("Alone"))
        })
        .unwrap()
}

/// Refreshes the library's personas from `survey` on `now`, accepting every change.
fn accept_wave(library: &mut Library, survey: &LoadedSurvey, now: OffsetDateTime) {
    let report = refresh(survey, library.personas(), now);
    for change in report.personas {
        let next = change.refreshed.unwrap();
        library.update(next, "Ana", now, "refreshed").unwrap();
    }
}

#[test]
fn a_plan_against_a_shrinking_barrier_is_judged_moving_then_met() {
    let built = build(&wave(140, 1), GroupBy::Answer { column: 0 }, FIRST).unwrap();
    let mut library = Library::default();
    library.save(&built.personas, "Ana", FIRST).unwrap();
    let persona = alone(library.personas()).clone();
    assert_eq!(
        persona.waves.len(),
        1,
        "a persona built from one wave has one"
    );

    let action = persona
        .actions
        .iter()
        .find(|a| a.evidence.contains(BARRIER))
        .expect("the transport barrier calls for an action");
    let mut plan = Plan::adopt(&persona, &action.text, &action.evidence, FIRST.date());
    let measure = Measure::Answer {
        question: BARRIER.into(),
        answer: "Yes".into(),
    };
    assert_eq!(plan.measure.as_ref(), Some(&measure));
    plan.owner = "Ben".into();
    plan.target = Some(30.0);
    let id = persona.id.clone();
    library
        .edit(&id, "Ana", FIRST, |p| p.plans.push(plan.clone()))
        .unwrap();

    let quarter = Duration::days(91);
    accept_wave(&mut library, &wave(100, 2), FIRST + quarter);
    let kept = library.get(&id).unwrap();
    assert_eq!(kept.waves.len(), 2);
    // The refresh's label is kept with the wave, for the next review.
    assert_eq!(
        (kept.waves[0].drift, kept.waves[1].drift.is_some()),
        (None, true)
    );
    match judge(&kept.plans[0], kept) {
        Progress::Judged(j) => assert_eq!(j.verdict, Verdict::Moving, "{}", j.describe()),
        other => panic!("{other:?}"),
    }

    accept_wave(&mut library, &wave(40, 3), FIRST + quarter * 2);
    let kept = library.get(&id).unwrap();
    let line: Vec<Option<f64>> = series(kept, &measure).into_iter().map(|(_, v)| v).collect();
    assert_eq!(line, [Some(70.0), Some(50.0), Some(20.0)]);
    let numbers: Vec<u32> = kept.waves.iter().map(|w| w.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    match judge(&kept.plans[0], kept) {
        Progress::Judged(j) => {
            assert_eq!(j.verdict, Verdict::Met, "{}", j.describe());
            assert!(j.change.1 < 0.0);
        }
        other => panic!("{other:?}"),
    }
    // The plan, the owner and the timeline travel in the exported file.
    let file = persona_builder::persona_file::export(
        library.personas(),
        Default::default(),
        FIRST + quarter * 2,
    )
    .unwrap();
    let back = persona_builder::persona_file::import(file.as_bytes()).unwrap();
    assert_eq!(alone(&back).waves.len(), 3);
    assert_eq!(alone(&back).plans[0].owner, "Ben");
}
