use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

use super::*;
use crate::follow_up::{Decision, Review};
use crate::personas::{add_months, ReviewState};
use crate::test_support::persona;

const NOW: OffsetDateTime = datetime!(2026-12-01 09:00 UTC);

#[test]
fn merge_adds_new_updates_newer_and_skips_older() {
    let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    let mut newer_a = persona("a", "A renamed");
    newer_a.updated_at += Duration::hours(1);
    let mut older_b = persona("b", "B old");
    older_b.updated_at -= Duration::hours(1);
    let summary = library
        .merge(&[newer_a.clone(), older_b, persona("c", "C")], "Sam", NOW)
        .unwrap();
    assert_eq!(
        summary,
        MergeSummary {
            added: 1,
            updated: 1,
            unchanged: 1
        }
    );
    let names: Vec<_> = library.personas().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["A renamed", "B", "C"]);
    // The imported version keeps its own time, so a second import of it changes nothing,
    // and the replaced one is in the history.
    assert_eq!(library.get("a").unwrap().updated_at, newer_a.updated_at);
    assert_eq!(library.merge(&[newer_a], "Sam", NOW).unwrap().unchanged, 1);
    assert_eq!(library.history("a")[0].persona.name, "A");
}

#[test]
fn saving_a_rebuilt_persona_keeps_creation_time_and_the_staffs_fields() {
    let mut library = Library::new(vec![persona("a", "A")]);
    library
        .edit("a", "Sam", NOW, |p| {
            p.owner = "Outpatients".into();
            p.tags = vec!["clinic".into()];
        })
        .unwrap();
    let mut rebuilt = persona("a", "A again");
    rebuilt.created_at += Duration::days(2);
    let summary = library.save(&[rebuilt], "Sam", NOW).unwrap();
    assert_eq!(summary.updated, 1);
    let saved = library.get("a").unwrap();
    assert_eq!(saved.name, "A again");
    assert_eq!(saved.created_at, persona("a", "A").created_at);
    assert_eq!((saved.owner.as_str(), saved.tags.len()), ("Outpatients", 1));
    assert_eq!(library.history("a")[0].change, "rebuilt from the survey");
}

#[test]
fn an_edit_is_kept_with_who_when_and_what_in_the_history() {
    let mut library = Library::new(vec![persona("a", "A")]);
    let changed = library
        .edit("a", "Sam", NOW, |p| {
            p.name = "Commuters".into();
            p.summary = "They drive.".into();
        })
        .unwrap();
    assert_eq!(changed, [Field::Name, Field::Summary]);
    let saved = library.get("a").unwrap();
    assert_eq!((saved.name.as_str(), saved.updated_at), ("Commuters", NOW));
    let version = &library.history("a")[0];
    assert_eq!(
        (version.by.as_str(), version.at, version.change.as_str()),
        ("Sam", NOW, "edited name, summary")
    );
    assert_eq!(version.persona.name, "A");
    // No change, no version.
    assert!(library.edit("a", "Sam", NOW, |_| {}).unwrap().is_empty());
    assert_eq!(library.history("a").len(), 1);
}

#[test]
fn an_edit_that_breaks_a_rule_is_refused_and_changes_nothing() {
    let mut library = Library::new(vec![persona("a", "A")]);
    let before = library.clone();
    let refused = library.edit("a", "Sam", NOW, |p| p.name = "  ".into());
    assert!(matches!(refused, Err(EditError::Invalid(_))));
    let identifying = library.edit("a", "Sam", NOW, |p| {
        p.summary = "Email jo@example.org".into()
    });
    assert!(matches!(identifying, Err(EditError::Invalid(_))));
    assert_eq!(library, before);
    assert_eq!(
        library.edit("zz", "Sam", NOW, |p| p.name = "X".into()),
        Err(EditError::Missing)
    );
}

#[test]
fn restoring_brings_back_an_earlier_version_and_keeps_the_current_one() {
    let mut library = Library::new(vec![persona("a", "A")]);
    library
        .edit("a", "Sam", NOW, |p| p.name = "B".into())
        .unwrap();
    let later = NOW + Duration::hours(1);
    library
        .edit("a", "Jo", later, |p| p.name = "C".into())
        .unwrap();
    // History: [B (replaced by C), A (replaced by B)].
    library
        .restore("a", 1, "Jo", later + Duration::hours(1))
        .unwrap();
    assert_eq!(library.get("a").unwrap().name, "A");
    let names: Vec<_> = library
        .history("a")
        .iter()
        .map(|v| v.persona.name.as_str())
        .collect();
    assert_eq!(names, ["C", "B", "A"]);
    assert!(library.history("a")[0]
        .change
        .starts_with("restored the version of"));
    assert_eq!(
        library.restore("a", 9, "Jo", later),
        Err(EditError::NoSuchVersion)
    );
}

#[test]
fn history_keeps_the_newest_versions_only() {
    let mut library = Library::new(vec![persona("a", "A")]);
    for i in 0..MAX_VERSIONS + 5 {
        library
            .edit("a", "Sam", NOW + Duration::minutes(i as i64), |p| {
                p.name = format!("Name {i}")
            })
            .unwrap();
    }
    assert_eq!(library.history("a").len(), MAX_VERSIONS);
    assert_eq!(
        library.history("a")[0].persona.name,
        format!("Name {}", MAX_VERSIONS + 3)
    );
}

#[test]
fn marking_reviewed_records_the_review() {
    let mut library = Library::new(vec![persona("a", "A")]);
    library
        .mark_reviewed("a", "Sam", datetime!(2027-03-01 10:00 UTC))
        .unwrap();
    let p = library.get("a").unwrap();
    assert_eq!(p.review_due, date!(2027 - 06 - 01));
    assert_eq!(library.history("a")[0].change, "marked reviewed");
}

#[test]
fn a_recorded_review_is_kept_with_its_next_date_and_refused_if_it_breaks_a_rule() {
    let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    let review = Review {
        date: date!(2027 - 03 - 01),
        by: "Sam".into(),
        decision: Decision::Revise,
        note: "Add the evening clinic.".into(),
        next_due: date!(2027 - 05 - 15),
        at_wave: 0,
    };
    let now = datetime!(2027-03-01 10:00 UTC);
    library
        .record_review("a", review.clone(), "Sam", now)
        .unwrap();
    let p = library.get("a").unwrap();
    // Kept at the wave current then (its timeline's latest).
    let kept = Review {
        at_wave: 1,
        ..review.clone()
    };
    assert_eq!(p.reviews, [kept]);
    assert_eq!(p.review_due, date!(2027 - 05 - 15));
    assert_eq!(p.last_reviewed, Some(date!(2027 - 03 - 01)));
    assert_eq!(p.review_state(date!(2027 - 03 - 01)), ReviewState::Current);
    assert_eq!(library.history("a")[0].change, "reviewed: revise it");
    assert_eq!(library.history("a")[0].by, "Sam");

    // A note that looks like a patient's address is refused; nothing changes.
    let before = library.clone();
    let leaky = Review {
        note: "Call jo@example.org".into(),
        ..review.clone()
    };
    assert!(matches!(
        library.record_review("b", leaky, "Sam", now),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(library, before);
    assert_eq!(
        library.record_review("gone", review, "Sam", now),
        Err(EditError::Missing)
    );
}

#[test]
fn the_review_summary_lists_each_personas_latest_review_of_the_last_quarter() {
    let mut library = Library::new(vec![
        persona("a", "A"),
        persona("b", "B"),
        persona("c", "C"),
    ]);
    let review = |day: time::Date, decision| Review {
        date: day,
        by: String::new(),
        decision,
        note: String::new(),
        next_due: add_months(day, 3),
        at_wave: 0,
    };
    let at = |day: time::Date| day.with_hms(9, 0, 0).unwrap().assume_utc();
    for (id, day, decision) in [
        ("c", date!(2026 - 12 - 01), Decision::Keep),
        ("b", date!(2027 - 02 - 10), Decision::Keep),
        ("b", date!(2027 - 03 - 01), Decision::Retire),
        ("a", date!(2027 - 02 - 20), Decision::Revise),
    ] {
        library
            .record_review(id, review(day, decision), "", at(day))
            .unwrap();
    }
    let rows: Vec<_> = library
        .reviewed_lately(date!(2027 - 03 - 01))
        .into_iter()
        .map(|(p, r)| (p.id.as_str(), r.decision))
        .collect();
    // C's review is a quarter old on 1 March; B counts once, by its latest review.
    assert_eq!(rows, [("a", Decision::Revise), ("b", Decision::Retire)]);
}

#[test]
fn duplicate_and_remove() {
    let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    let copy = library.duplicate("a", NOW).unwrap();
    let names: Vec<_> = library.personas().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["A", "Copy of A", "B"]);
    assert_eq!(library.remove(&copy).unwrap().name, "Copy of A");
    assert!(library.remove(&copy).is_none());
    assert_eq!(library.personas().len(), 2);
}

#[test]
fn find_filters_and_lists_overdue_first() {
    let mut library = Library::new(vec![
        persona("a", "A"),
        persona("b", "B"),
        persona("c", "C"),
    ]);
    library
        .edit("b", "Sam", NOW, |p| {
            p.review_due = date!(2026 - 11 - 01);
            p.tags = vec!["clinic".into()];
            p.owner = "Jo".into();
        })
        .unwrap();
    let today = date!(2026 - 12 - 01);
    let ids = |q: &Query| -> Vec<String> {
        library
            .find(q, today)
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };
    assert_eq!(ids(&Query::default()), ["b", "a", "c"]);
    let overdue = Query {
        review: Some(ReviewState::Overdue),
        ..Query::default()
    };
    assert_eq!(ids(&overdue), ["b"]);
    let tagged = Query {
        tag: Some("clinic".into()),
        ..Query::default()
    };
    assert_eq!(ids(&tagged), ["b"]);
    let owned = Query {
        owner: Some("Jo".into()),
        text: "B".into(),
        ..Query::default()
    };
    assert_eq!(ids(&owned), ["b"]);
    let text = Query {
        text: "  c ".into(),
        ..Query::default()
    };
    assert!(ids(&text).contains(&"c".to_string()));
    assert_eq!(library.tags(), ["clinic"]);
    assert_eq!(library.owners(), ["Jo"]);
}

#[test]
fn saves_merges_and_copies_meet_the_rules_an_import_applies() {
    let mut library = Library::new(vec![persona("a", "A")]);
    let mut phone = persona("b", "B");
    phone.summary = "Call 0161 496 0000 to join.".into();
    let before = library.clone();
    let refused = library.save(&[persona("c", "C"), phone.clone()], "Sam", NOW);
    assert!(matches!(refused, Err(EditError::Refused { ref name, .. }) if name == "B"));
    assert_eq!(library, before, "nothing of a refused save is kept");
    assert!(library.merge(&[phone], "Sam", NOW).is_err());
    assert_eq!(library, before, "nothing of a refused import is kept");

    let mut long = persona("d", &"Lives with a partner and drives ".repeat(7));
    long.name = long.name.trim().chars().take(200).collect();
    library.save(&[long], "Sam", NOW).unwrap();
    let copy = library.duplicate("d", NOW).unwrap();
    let copy = library.get(&copy).unwrap();
    assert!(copy.name.starts_with("Copy of Lives with"));
    assert!(copy.name.chars().count() <= 200 && copy.name.ends_with('…'));
    assert_eq!(check_persona(copy), Ok(()));
}
