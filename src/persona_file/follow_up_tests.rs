//! Plans, the wave timeline, ratings and reviews in the persona file (schema 4).

use serde_json::{json, Value};
use time::macros::{date, datetime};

use super::*;
use crate::follow_up::{rate, record_review, Decision, Measure, Plan, PlanStatus, Rating, Review};
use crate::test_support::persona;

fn followed() -> Persona {
    let mut p = persona("p1", "Partner");
    let mut plan = Plan::adopt(&p, "Offer a shuttle.", "", date!(2026 - 11 - 25));
    plan.owner = "Ana Ruiz".into();
    plan.status = PlanStatus::InProgress;
    plan.due = Some(date!(2027 - 01 - 31));
    plan.measure = Some(Measure::Answer {
        question: "transport".into(),
        answer: "Car".into(),
    });
    plan.target = Some(60.0);
    p.plans.push(plan);
    rate(
        &mut p,
        Rating {
            by: "Ben".into(),
            date: date!(2026 - 11 - 26),
            score: 4,
            comment: "Matches our Tuesday clinic.".into(),
        },
    );
    record_review(
        &mut p,
        Review {
            date: date!(2026 - 11 - 27),
            by: "Ana Ruiz".into(),
            decision: Decision::Keep,
            note: String::new(),
            next_due: date!(2027 - 02 - 27),
            at_wave: 0,
        },
    );
    p
}

fn check(p: &Persona) -> Result<(), PersonaProblem> {
    check_persona(p)
}

#[test]
fn plans_waves_ratings_and_reviews_round_trip_under_their_names() {
    let personas = vec![followed()];
    let text = export(
        &personas,
        ExportOptions::default(),
        datetime!(2026-11-28 9:00 UTC),
    )
    .unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["schema_version"], 5);
    let p = &file["personas"][0];
    for field in ["owner", "status", "due", "measure", "target"] {
        assert!(p["plans"][0].get(field).is_some(), "{field}");
    }
    assert_eq!(p["plans"][0]["status"], "in_progress");
    assert_eq!(p["waves"].as_array().unwrap().len(), 1);
    for field in ["date", "size", "share", "figures"] {
        assert!(p["waves"][0].get(field).is_some(), "{field}");
    }
    assert_eq!(p["ratings"][0]["score"], 4);
    assert_eq!(p["reviews"][0]["decision"], "keep");
    assert_eq!(import(text.as_bytes()).unwrap(), personas);
}

#[test]
fn a_version_3_persona_starts_its_timeline_from_its_figures() {
    let mut value: Value = serde_json::from_str(
        &export(
            &[persona("p1", "Partner")],
            ExportOptions::default(),
            datetime!(2026-11-28 9:00 UTC),
        )
        .unwrap(),
    )
    .unwrap();
    value["schema_version"] = json!(3);
    value["personas"][0]
        .as_object_mut()
        .unwrap()
        .remove("waves");
    let imported = import(value.to_string().as_bytes()).unwrap();
    let waves = &imported[0].waves;
    assert_eq!(waves.len(), 1);
    assert_eq!(
        (waves[0].number, waves[0].size, waves[0].respondents),
        (1, 25, 40)
    );
    assert_eq!(waves[0].date, date!(2026 - 11 - 24));
    assert_eq!(waves[0].figures[0].value, 80.0);
}

#[test]
fn every_figure_of_the_timeline_rests_on_k() {
    let mut p = followed();
    p.waves[0].figures[0].n = 10;
    assert!(matches!(check(&p), Err(PersonaProblem::FollowUp(_))));
    let mut p = followed();
    p.waves[0].size = 10;
    assert!(matches!(check(&p), Err(PersonaProblem::FollowUp(_))));
    let mut p = followed();
    p.waves.push(p.waves[0].clone());
    assert!(
        matches!(check(&p), Err(PersonaProblem::FollowUp(_))),
        "numbered in order"
    );
}

#[test]
fn plans_and_ratings_meet_the_format_and_identifier_rules() {
    let mut p = followed();
    p.plans[0].target = Some(150.0);
    assert!(check(&p).is_err(), "a percent target over 100");
    let mut p = followed();
    p.plans.push(p.plans[0].clone());
    assert!(check(&p).is_err(), "two plan items with one id");
    let mut p = followed();
    p.ratings[0].score = 6;
    assert!(check(&p).is_err());
    let mut p = followed();
    p.ratings[0].comment = "Call her on 07700 900123".into();
    assert_eq!(
        check(&p),
        Err(PersonaProblem::LooksIdentifying {
            field: "rating comment"
        })
    );
    let mut p = followed();
    p.reviews[0].note = "See jo@example.org".into();
    assert!(check(&p).is_err());
    let mut p = followed();
    p.plans[0].owner = "Ana\u{202e}".into();
    assert!(matches!(
        check(&p),
        Err(PersonaProblem::UnsafeCharacter { .. })
    ));
}
