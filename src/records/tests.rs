use super::aggregate::Rule;
use super::*;
use crate::survey::{Answer, Answers, Column, Survey};

const K: usize = 11;

fn column(name: &str, answers: impl IntoIterator<Item = String>) -> Column {
    Column {
        name: name.into(),
        answers: answers.into_iter().map(Answer::from).collect::<Answers>(),
    }
}

/// A survey of `n` respondents with record numbers `MRN` 1000.. and an age band.
fn survey(n: usize) -> Survey {
    Survey::new(
        vec![
            column("MRN", (0..n).map(|i| format!("{}", 1000 + i))),
            column(
                "Age band",
                (0..n).map(|i| ["18-34", "35-64", "65+"][i % 3].to_string()),
            ),
        ],
        "sha".into(),
        vec![],
    )
}

/// An extract of the patients `ids` (record numbers as the survey writes them, padded
/// with zeros), `visits` rows each, with a status and a wait in days.
fn extract(ids: impl IntoIterator<Item = usize>, visits: impl Fn(usize) -> usize) -> Survey {
    let (mut key, mut status, mut wait, mut clinic) = (vec![], vec![], vec![], vec![]);
    for id in ids {
        for visit in 0..visits(id) {
            key.push(format!("{:08}", 1000 + id));
            status.push(
                if (id + visit) % 4 == 0 {
                    "No-show"
                } else {
                    "Attended"
                }
                .to_string(),
            );
            wait.push(format!("{}", 2 + visit * 2));
            clinic.push("North".to_string());
        }
    }
    Survey::new(
        vec![
            column("Patient number", key),
            column("Status", status),
            column("Wait (days)", wait),
            column("Clinic", clinic),
        ],
        "extract-sha".into(),
        vec![],
    )
}

fn answers_of<'a>(survey: &'a Survey, name: &str) -> Vec<&'a str> {
    let column = survey
        .columns()
        .iter()
        .find(|c| c.name == name)
        .expect(name);
    column.answers.iter().map(|a| a.as_str()).collect()
}

#[test]
fn one_to_one_links_on_the_record_number_and_drops_it() {
    let (linked, report) = link(survey(60), &extract(0..60, |_| 1), "ehr.csv", None, K).unwrap();
    assert_eq!(
        report.key,
        KeyChoice {
            survey_column: "MRN".into(),
            extract_column: "Patient number".into()
        }
    );
    assert_eq!(report.matched, Matched::All);
    assert!(report.aggregation.is_none());
    let names: Vec<&str> = linked.columns().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Age band",
            "Records: Status",
            "Records: Wait (days)",
            "Records: Clinic"
        ]
    );
    assert!(!names
        .iter()
        .any(|n| n.contains("MRN") || n.contains("Patient number")));
    assert_eq!(answers_of(&linked, "Records: Status")[0], "No-show");
    assert_eq!(answers_of(&linked, "Records: Status")[1], "Attended");
    assert!(report.to_string().contains("all 60 respondents"));
}

#[test]
fn several_rows_per_patient_are_counted_averaged_and_said() {
    let (linked, report) = link(
        survey(40),
        &extract(0..40, |id| 1 + id % 5),
        "ehr.csv",
        None,
        K,
    )
    .unwrap();
    let rows = answers_of(&linked, "Records: rows per patient");
    assert_eq!(&rows[..5], ["1", "2", "3", "4", "5"]);
    // Patient 3 has 4 visits, the first of which (3 + 1) % 4 == 0 is a no-show.
    assert_eq!(
        answers_of(&linked, "Records: Status: No-show (rows)")[3],
        "1"
    );
    assert_eq!(
        answers_of(&linked, "Records: Status: Attended (rows)")[3],
        "3"
    );
    // Waits 2, 4, 6, 8 days: mean 5.
    assert_eq!(answers_of(&linked, "Records: Wait (days)")[3], "5");
    // The same clinic in every row keeps its value.
    assert_eq!(answers_of(&linked, "Records: Clinic")[3], "North");
    let aggregation = report.aggregation.expect("several rows");
    assert_eq!(aggregation.patients, Some(32));
    assert_eq!(
        aggregation.rules,
        [
            ("Status".to_string(), Rule::CountPerAnswer),
            ("Wait (days)".to_string(), Rule::Mean)
        ]
    );
    assert!(aggregation
        .to_string()
        .contains("“Wait (days)” is the patient's mean"));
}

#[test]
fn partial_overlap_leaves_the_unmatched_unanswered_and_hides_a_small_remainder() {
    let (linked, report) = link(survey(100), &extract(0..70, |_| 1), "ehr.csv", None, K).unwrap();
    assert_eq!(report.matched, Matched::Count(70));
    assert_eq!(answers_of(&linked, "Records: Status")[80], "");
    assert!(report.to_string().contains("70 of 100 respondents"));

    let (_, report) = link(survey(100), &extract(0..95, |_| 1), "ehr.csv", None, K).unwrap();
    assert_eq!(report.matched, Matched::AllButFew);
    assert!(!report.to_string().contains("95"), "{report}");
}

#[test]
fn no_overlap_or_too_small_a_one_is_refused() {
    let unrelated = extract(5000..5100, |_| 1);
    assert_eq!(
        link(survey(100), &unrelated, "ehr.csv", None, K).unwrap_err(),
        LinkError::NoSharedKey { min: K }
    );
    let key = KeyChoice {
        survey_column: "MRN".into(),
        extract_column: "Patient number".into(),
    };
    let few = extract(0..5, |_| 1);
    assert_eq!(
        link(survey(100), &few, "ehr.csv", Some(&key), K).unwrap_err(),
        LinkError::TooFewMatched { min: K }
    );
    let gone = KeyChoice {
        survey_column: "Record".into(),
        ..key
    };
    assert!(matches!(
        link(
            survey(100),
            &extract(0..100, |_| 1),
            "ehr.csv",
            Some(&gone),
            K
        ),
        Err(LinkError::MissingColumn { .. })
    ));
}

#[test]
fn the_key_is_proposed_by_overlap_then_by_name() {
    // The extract's wait column (2..) overlaps no record number; the key does.
    let candidates = propose_keys(&survey(50), &extract(0..50, |_| 2), K);
    assert_eq!(candidates[0].key.extract_column, "Patient number");
    assert_eq!(candidates[0].matched, 50);
    assert!(candidates[0].named >= 1, "MRN is a record number by name");

    // A survey whose IDs are small numbers overlaps an unnamed number column too; the
    // named pair wins when the overlap is as large.
    let ids = Survey::new(
        vec![
            column("Respondent ID", (0..40).map(|i| i.to_string())),
            column("Score", (0..40).map(|i| (i % 7).to_string())),
        ],
        "s".into(),
        vec![],
    );
    let records = Survey::new(
        vec![
            column("Count", (0..40).map(|i| i.to_string())),
            column("Record ID", (0..40).map(|i| format!("{i:04}"))),
        ],
        "e".into(),
        vec![],
    );
    let candidates = propose_keys(&ids, &records, K);
    assert_eq!(candidates[0].key.extract_column, "Record ID");
    assert_eq!(candidates[1].key.extract_column, "Count");
    assert!(candidates
        .iter()
        .all(|c| c.key.survey_column == "Respondent ID"));
}

#[test]
fn keys_compare_trimmed_lower_cased_and_without_leading_zeros() {
    assert_eq!(normalise_key(" 000123 "), "123");
    assert_eq!(normalise_key("000"), "0");
    assert_eq!(normalise_key("AB-12"), "ab-12");
    assert_eq!(normalise_key("  "), "");
}
