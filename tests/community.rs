//! A community profile through the worker's session, as the page asks: respondents
//! compared with the catchment, weighted to it, personas with weighted shares that pass
//! the persona file's rules, and profiles that cannot be used changing nothing.

mod support;

use persona_builder::community::{CommunityProfile, Shown};
use persona_builder::persona_file::check_persona;
use persona_builder::pipeline::{ColumnMapping, GroupBy, Recipe};
use persona_builder::protocol::{Reply, Request, Session};
use support::{ask, view};
use time::macros::datetime;

/// 300 respondents: the survey reached few older patients (30 aged 75 or more).
fn survey_csv() -> Vec<u8> {
    let mut csv = String::from("Age,Gender,How do you travel?\n");
    for i in 0..300 {
        let age = if i < 30 { 78 + i % 10 } else { 20 + i % 50 };
        let gender = if i % 5 < 3 { "Female" } else { "Male" };
        let travel = ["Bus", "Car", "On foot"][i % 3];
        csv.push_str(&format!("{age},{gender},{travel}\n"));
    }
    csv.into_bytes()
}

const PROFILE: &str = "Category,Share\nUnder 45,45\n45-74,35\n75+,20\nFemale,51\nMale,49\n";

fn loaded() -> Session {
    let mut session = Session::default();
    let open = Request::Open {
        file_name: "survey.csv".into(),
        recipe: Box::new(Recipe::default()),
        mapping: ColumnMapping::default(),
        dictionary_file: None,
        extract_file: None,
    };
    view(ask(&mut session, open, vec![survey_csv()]));
    session
}

fn community(profile: &str, weighted: bool) -> Request {
    Request::Community {
        profile: Some(CommunityProfile::parse(profile).unwrap()),
        weighted,
    }
}

#[test]
fn respondents_are_compared_with_the_community_then_weighted_to_it() {
    let mut session = loaded();
    let shown = view(ask(&mut session, community(PROFILE, false), vec![]));
    let c = shown.community.expect("compared");
    let older = c
        .representation
        .iter()
        .find(|r| r.category == "75+")
        .unwrap();
    assert_eq!(older.respondents, Shown::Percent(10.0));
    assert!(
        older.under,
        "10 % of respondents against 20 % of the catchment"
    );
    assert_eq!(
        older.to_string(),
        "“75+” (Age) is 20 % of your catchment but 10 % of respondents"
    );
    assert!(c.weighting.is_none());

    let weighted = view(ask(&mut session, community(PROFILE, true), vec![]));
    let c = weighted.community.unwrap();
    let w = c.weighting.expect("weighted");
    assert!(w.effective_n < 300 && w.effective_n > 150, "{w:?}");
    for r in &c.representation {
        let got = r.weighted_pct.expect("a weighted share");
        assert!((got - r.community_pct).abs() < 0.5, "{r:?}");
    }

    // Personas by gender carry their weighted share of the community and pass the
    // persona file's rules.
    let gender = weighted.columns.iter().position(|c| c == "Gender").unwrap();
    let build = Request::Build {
        group_by: GroupBy::Answer { column: gender },
        now: datetime!(2026-12-02 10:00 UTC),
    };
    let Reply::Built { built } = ask(&mut session, build, vec![]) else {
        panic!("built");
    };
    let female = built
        .personas
        .iter()
        .find(|p| p.segment.size == 180)
        .unwrap();
    assert_eq!(female.segment.share, 0.6);
    let share = female.segment.weighted_share.expect("weighted");
    assert!((share - 0.51).abs() < 0.006, "{share}");
    assert_eq!(
        female.provenance.community.unwrap().effective_n,
        w.effective_n
    );
    for p in &built.personas {
        check_persona(p).expect("valid");
    }
}

#[test]
fn a_profile_that_cannot_be_used_changes_nothing_and_a_new_read_keeps_one_that_can() {
    let mut session = loaded();
    let Reply::Failed { failure } = ask(
        &mut session,
        community("Under 45,45\n45-74,35\n", false),
        vec![],
    ) else {
        panic!("refused");
    };
    assert!(
        failure.to_string().contains("add up to 80.0 %"),
        "{failure}"
    );

    let Reply::Failed { failure } = ask(
        &mut session,
        community("75+,60\nUnder 75,40\n", true),
        vec![],
    ) else {
        panic!("refused");
    };
    assert!(failure.to_string().contains("did not settle"), "{failure}");

    let shown = view(ask(&mut session, community(PROFILE, true), vec![]));
    assert!(shown.community.is_some());
    let mut settings = shown.recipe.settings.clone();
    settings.min_group_size = 12;
    let again = view(ask(&mut session, Request::Settings { settings }, vec![]));
    assert!(
        again.community.unwrap().weighting.is_some(),
        "kept after the read again"
    );

    let gone = Request::Community {
        profile: None,
        weighted: false,
    };
    assert!(view(ask(&mut session, gone, vec![])).community.is_none());
}
