//! A records extract linked to a survey through the worker's session, as the page asks:
//! the key proposed and then dropped from every later stage, record fields as columns
//! with the role "from the records", personas describing them, and refusals that leave
//! the loaded survey as it was.

mod support;

use persona_builder::columns::Role;
use persona_builder::pipeline::{ColumnMapping, GroupBy, Recipe};
use persona_builder::protocol::{Reply, Request, Session};
use persona_builder::records::{KeyChoice, Matched};
use support::{ask, view};
use time::macros::datetime;

const TRAVEL: [&str; 3] = ["Bus", "Car", "On foot"];

/// 150 respondents with record numbers REC10000…, their travel and age.
fn survey_csv() -> Vec<u8> {
    let mut csv = String::from("Record number,How do you travel?,Age\n");
    for i in 0..150 {
        csv.push_str(&format!(
            "REC{},{},{}\n",
            10_000 + i,
            TRAVEL[i % 3],
            30 + i % 40
        ));
    }
    csv.into_bytes()
}

/// Appointments of the first `patients` respondents (keys lower-case): four each; those
/// who travel by bus miss two of them, the others none.
fn extract_csv(patients: usize, first_id: usize) -> Vec<u8> {
    let mut csv = String::from("MRN;Appointment status;Clinic\n");
    for i in 0..patients {
        for visit in 0..4 {
            let missed = i % 3 == 0 && visit < 2;
            let status = if missed { "No-show" } else { "Attended" };
            csv.push_str(&format!("rec{};{status};North\n", first_id + i));
        }
    }
    csv.into_bytes()
}

fn open_with_extract() -> Request {
    Request::Open {
        file_name: "survey.csv".into(),
        recipe: Box::default(),
        mapping: ColumnMapping::default(),
        dictionary_file: None,
        extract_file: Some("appointments.csv".into()),
    }
}

#[test]
fn an_extract_links_on_the_record_number_which_is_then_gone() {
    let mut session = Session::default();
    let reply = ask(
        &mut session,
        open_with_extract(),
        vec![survey_csv(), extract_csv(150, 10_000)],
    );
    let view = view(reply);
    let link = view.link.clone().expect("linked");
    assert_eq!(
        link.key,
        KeyChoice {
            survey_column: "Record number".into(),
            extract_column: "MRN".into()
        }
    );
    assert_eq!(link.matched, Matched::All);
    assert!(link.aggregation.is_some(), "four rows per patient");
    assert!(!view
        .columns
        .iter()
        .any(|c| c == "Record number" || c.contains("MRN")));
    let role = |name: &str| {
        view.summaries
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("{name} in {:?}", view.columns))
            .role
    };
    assert_eq!(
        role("Records: Appointment status: No-show (rows)"),
        Role::Record
    );
    assert_eq!(role("Records: rows per patient"), Role::Record);
    assert_eq!(role("How do you travel?"), Role::Behaviour);

    // Personas by how respondents travel: the bus riders' persona shows what the records
    // say — two no-shows of four appointments.
    let travel = view
        .columns
        .iter()
        .position(|c| c == "How do you travel?")
        .unwrap();
    let now = datetime!(2026-12-02 10:00 UTC);
    let group_by = GroupBy::Answer { column: travel };
    let Reply::Built { built } = ask(&mut session, Request::Build { group_by, now }, vec![]) else {
        panic!("built");
    };
    let bus = built
        .personas
        .iter()
        .find(|p| p.name.starts_with("Travels by bus"))
        .expect("a persona of bus riders");
    let no_shows = bus
        .traits
        .iter()
        .find(|t| t.attribute == "Records: Appointment status: No-show (rows)" && t.value == "2")
        .expect("the bus riders' no-shows");
    assert_eq!(
        (no_shows.segment_pct, no_shows.role),
        (100.0, Some(Role::Record))
    );
    assert!(no_shows.distinctive);
    assert_eq!(bus.name, "Travels by bus, no-show in 2 of their records");
    let records = bus
        .provenance
        .records
        .as_ref()
        .expect("the extract in the provenance");
    assert_eq!(records.matched, Matched::All);
    assert_eq!(records.sha256.len(), 64);
    // What the app built passes the persona file's own rules.
    for persona in &built.personas {
        persona_builder::persona_file::check_persona(persona).expect("a valid persona");
    }

    // The key's values appear nowhere the page or the export sees.
    let shown = serde_json::to_string(&view).unwrap() + &serde_json::to_string(&built).unwrap();
    assert!(
        !shown.to_lowercase().contains("rec100"),
        "a record number leaked"
    );
}

#[test]
fn another_key_can_be_chosen_and_the_extract_taken_away() {
    let mut session = Session::default();
    ask(
        &mut session,
        open_with_extract(),
        vec![survey_csv(), extract_csv(150, 10_000)],
    );
    let wrong = KeyChoice {
        survey_column: "Age".into(),
        extract_column: "MRN".into(),
    };
    let reply = ask(&mut session, Request::LinkKey { key: wrong }, vec![]);
    assert!(matches!(reply, Reply::Failed { .. }), "{reply:?}");
    let view = view(ask(&mut session, Request::Unlink, vec![]));
    assert!(view.link.is_none());
    assert!(!view.columns.iter().any(|c| c.starts_with("Records: ")));
}

#[test]
fn an_extract_without_a_shared_key_or_with_too_few_matches_leaves_the_survey_as_it_was() {
    let mut session = Session::default();
    let plain = Request::Open {
        file_name: "survey.csv".into(),
        recipe: Box::new(Recipe::default()),
        mapping: ColumnMapping::default(),
        dictionary_file: None,
        extract_file: None,
    };
    let before = view(ask(&mut session, plain, vec![survey_csv()]));

    let unrelated = extract_csv(150, 50_000);
    let reply = ask(
        &mut session,
        open_with_extract(),
        vec![survey_csv(), unrelated],
    );
    let Reply::Failed { failure } = reply else {
        panic!("refused");
    };
    assert!(
        failure.to_string().contains("cannot be linked"),
        "{failure}"
    );

    let few = extract_csv(6, 10_000);
    let Reply::Failed { failure } = ask(&mut session, open_with_extract(), vec![survey_csv(), few])
    else {
        panic!("refused");
    };
    // Six patients matched: no key pair reaches k, so none is proposed.
    assert!(failure.to_string().contains("at least 11"), "{failure}");

    let Reply::Built { .. } = ask(
        &mut session,
        Request::Build {
            group_by: GroupBy::Answer { column: 0 },
            now: datetime!(2026-12-02 10:00 UTC),
        },
        vec![],
    ) else {
        panic!("the survey loaded before still builds");
    };
    assert_eq!(before.link, None);
}
