use super::*;
use crate::columns::{ColumnKind, Role};
use crate::pipeline::{ColumnMapping, GroupBy};
use crate::privacy::PrivacySettings;
use crate::protocol::{Envelope, Failure, SurveyView, PREVIEW_ROWS};
use crate::survey::{EncodingChoice, Progress, ReadError, ReadOptions, Stage, ROWS_PER_REPORT};
use std::collections::{BTreeMap, HashMap};
use time::macros::datetime;

fn survey_csv(rows: usize) -> Vec<u8> {
    let mut csv = String::from("Respondent ID;How do you travel?;Age\n");
    let travel = ["Bus", "Car", "On foot"];
    for i in 0..rows {
        csv.push_str(&format!("R{i};{};{}\n", travel[i % 3], 20 + i % 60));
    }
    csv.into_bytes()
}

/// A request to read a file under `recipe`, with no mapping and no dictionary.
fn open(file_name: &str, recipe: Recipe) -> Request {
    Request::Open {
        file_name: file_name.into(),
        recipe: Box::new(recipe),
        mapping: ColumnMapping::default(),
        dictionary_file: None,
        extract_file: None,
    }
}

fn read(session: &mut Session, bytes: Vec<u8>) -> (Vec<Progress>, Reply) {
    replies_of(session, open("wave.csv", Recipe::default()), vec![bytes])
}

fn build_by_first_column(
    session: &mut Session,
    now: time::OffsetDateTime,
) -> (Vec<Progress>, Reply) {
    let group_by = GroupBy::Answer { column: 0 };
    replies_of(session, Request::Build { group_by, now }, vec![])
}

fn view(reply: Reply) -> SurveyView {
    match reply {
        Reply::Survey { view } => *view,
        other => panic!("expected a survey, got {other:?}"),
    }
}

#[test]
fn a_read_reports_progress_in_order_and_answers_with_the_view() {
    let mut session = Session::default();
    let (progress, reply) = read(&mut session, survey_csv(3 * ROWS_PER_REPORT));
    let view = view(reply);
    assert_eq!(view.respondents, 3 * ROWS_PER_REPORT);
    assert_eq!(view.report.dropped[0].name, "Respondent ID");
    assert_eq!(view.preview.len(), PREVIEW_ROWS);
    assert_eq!(view.columns, ["How do you travel?", "Age"]);
    let reading: Vec<_> = progress
        .iter()
        .filter(|p| p.stage == Stage::Reading)
        .collect();
    assert_eq!(reading.len(), 3, "a report per {ROWS_PER_REPORT} rows");
    assert!(reading.windows(2).all(|w| w[0].done < w[1].done));
    assert!(reading.iter().all(|p| p.done <= p.total));
    assert_eq!(reading[2].rows, 3 * ROWS_PER_REPORT);
    let stages: Vec<_> = progress.iter().map(|p| p.stage).collect();
    let guard_at = stages.iter().position(|s| *s == Stage::Guarding).unwrap();
    let summary_at = stages
        .iter()
        .position(|s| *s == Stage::Summarising)
        .unwrap();
    assert!(guard_at > 0 && summary_at > guard_at);
    assert_eq!(
        stages[0],
        Stage::Checking,
        "the file's fingerprint comes first"
    );
    let percents: Vec<u32> = progress.iter().map(Progress::percent).collect();
    assert!(percents.windows(2).all(|w| w[0] <= w[1]), "{percents:?}");
}

#[test]
fn a_fingerprint_the_page_worked_out_is_kept_and_not_worked_out_again() {
    let mut session = Session::default();
    let bytes = survey_csv(40);
    let known = crate::survey::sha256_hex(&bytes);
    let request = open("wave.csv", Recipe::default());
    let contents = Contents::File {
        bytes,
        sha256: Some(known.clone()),
    };
    let mut seen = Vec::new();
    view(session.handle(request, vec![contents], &mut |p| seen.push(p.stage)));
    assert!(!seen.contains(&Stage::Checking), "{seen:?}");
    let (progress, reply) = build_by_first_column(&mut session, datetime!(2026-11-25 12:00 UTC));
    assert!(progress.is_empty());
    let Reply::Built { built } = reply else {
        panic!("expected personas, got {reply:?}");
    };
    assert!(built
        .personas
        .iter()
        .all(|p| p.provenance.source_sha256 == known));
}

#[test]
fn a_failed_request_leaves_the_loaded_survey_as_it_was() {
    let mut session = Session::default();
    let before = view(read(&mut session, survey_csv(40)).1);
    let utf8 = ReadOptions {
        encoding: EncodingChoice::Utf8,
        ..ReadOptions::default()
    };
    let bad = b"Q1,Q2\n".to_vec();
    let (_, reply) = read(&mut session, bad);
    assert!(matches!(reply, Reply::Failed { .. }));
    let as_utf8 = Recipe {
        read_options: utf8,
        ..Recipe::default()
    };
    let (_, reply) = replies_of(
        &mut session,
        open("wave.csv", as_utf8),
        vec![survey_csv(40)],
    );
    let reread = view(reply);
    assert_eq!(reread.recipe.read_options, utf8);
    assert_eq!(
        reread.summaries, before.summaries,
        "the file read again is as before"
    );
    let lowered = PrivacySettings {
        min_group_size: 5,
        ..PrivacySettings::default()
    };
    let (_, reply) = replies_of(
        &mut session,
        Request::Settings { settings: lowered },
        vec![],
    );
    assert!(matches!(
        reply,
        Reply::Failed {
            failure: Failure::Settings(_)
        }
    ));
    let (_, reply) = replies_of(
        &mut session,
        Request::Mapping {
            mapping: ColumnMapping::default(),
        },
        vec![],
    );
    assert_eq!(view(reply), reread, "a refused setting changed nothing");
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
    let mut session = Session::default();
    let mut bytes = survey_csv(30);
    bytes.resize(crate::survey::MAX_SURVEY_BYTES + 1, b'\n');
    let (progress, reply) = read(&mut session, bytes);
    assert!(progress.is_empty(), "nothing was read");
    let Reply::Failed {
        failure: Failure::Read(error @ ReadError::TooLarge { .. }),
    } = reply
    else {
        panic!("expected a refusal, got {reply:?}");
    };
    let cap = format!("up to {} MiB", crate::survey::MAX_SURVEY_BYTES >> 20);
    assert!(error.to_string().contains(&cap), "{error}");
}

#[test]
fn requests_before_a_file_is_read_are_refused() {
    let mut session = Session::default();
    let now = datetime!(2026-11-25 9:00 UTC);
    let (_, reply) = build_by_first_column(&mut session, now);
    assert!(matches!(
        reply,
        Reply::Failed {
            failure: Failure::NothingLoaded
        }
    ));
    let request = open("x.csv", Recipe::default());
    let (_, reply) = replies_of(&mut session, request, vec![]);
    assert!(matches!(
        reply,
        Reply::Failed {
            failure: Failure::NoContents
        }
    ));
}

#[test]
fn roles_and_builds_act_on_the_loaded_survey() {
    let mut session = Session::default();
    view(read(&mut session, survey_csv(60)).1);
    let mapping = ColumnMapping {
        roles: HashMap::from([("How do you travel?".to_string(), Role::Ignore)]),
        ..ColumnMapping::default()
    };
    let ignored = view(replies_of(&mut session, Request::Mapping { mapping }, vec![]).1);
    assert_eq!(ignored.summaries[0].role, Role::Ignore);
    let now = datetime!(2026-11-25 9:00 UTC);
    let (_, reply) = build_by_first_column(&mut session, now);
    assert!(
        matches!(reply, Reply::Failed { .. }),
        "an ignored column cannot group"
    );
    replies_of(
        &mut session,
        Request::Mapping {
            mapping: ColumnMapping::default(),
        },
        vec![],
    );
    let (_, reply) = build_by_first_column(&mut session, now);
    let Reply::Built { built } = reply else {
        panic!("expected personas, got {reply:?}");
    };
    assert_eq!(built.personas.len(), 3);
}

#[test]
fn messages_cross_as_json_and_strange_ones_are_refused() {
    let request = Envelope {
        seq: 7,
        body: Request::MergeUndone {
            key: ("Sex".into(), "Female".into()),
            undone: true,
        },
    };
    let text = serde_json::to_string(&request).unwrap();
    let back: Envelope<Request> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, request);
    let mut session = Session::default();
    let reply = Envelope {
        seq: 8,
        body: read(&mut session, survey_csv(30)).1,
    };
    let text = serde_json::to_string(&reply).unwrap();
    assert_eq!(
        serde_json::from_str::<Envelope<Reply>>(&text).unwrap(),
        reply
    );
    let odd = r#"{"seq":1,"body":{"op":"settings","settings":{},"extra":1}}"#;
    assert!(serde_json::from_str::<Envelope<Request>>(odd).is_err());
}

/// What the loaded survey becomes under the page's requests: a dictionary's labels, the
/// user's kinds, a wave's comparison, a REDCap event, undone merges and folds.
#[path = "session_survey_tests.rs"]
mod survey;
