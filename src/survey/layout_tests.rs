use super::*;
use crate::survey::Answer;

fn columns(names: &[&str], rows: &[&[&str]]) -> Vec<Column> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| Column {
            name: n.to_string(),
            answers: rows.iter().map(|r| Answer::from(r[i])).collect(),
        })
        .collect()
}

#[test]
fn recognises_each_tool_by_its_columns() {
    let cases: Vec<(&[&str], Layout)> = vec![
        (
            &["StartDate", "EndDate", "ResponseId", "Q1"],
            Layout::Qualtrics,
        ),
        (
            &["Respondent ID", "Collector ID", "Start Date", "Q"],
            Layout::SurveyMonkey,
        ),
        (&["Timestamp", "How old are you?"], Layout::GoogleForms),
        (
            &["ID", "Start time", "Completion time", "Email", "Name", "Q"],
            Layout::MicrosoftForms,
        ),
        (
            &["record_id", "survey_timestamp", "q1", "survey_complete"],
            Layout::Redcap,
        ),
        (
            &[
                "start",
                "end",
                "group/q1",
                "_id",
                "_uuid",
                "_submission_time",
            ],
            Layout::KoboToolbox,
        ),
        (
            &[
                "id",
                "submitdate",
                "lastpage",
                "startlanguage",
                "seed",
                "Q3[SQ001]",
            ],
            Layout::LimeSurvey,
        ),
        (&["Who do you live with?", "Age"], Layout::Generic),
    ];
    for (names, layout) in cases {
        let row: Vec<&str> = names.iter().map(|_| "x").collect();
        assert_eq!(detect(&columns(names, &[&row])), layout, "{names:?}");
    }
}

#[test]
fn qualtrics_header_rows_become_names_and_metadata_is_named() {
    let cols = columns(
        &["StartDate", "Progress", "Q1"],
        &[
            &["Start Date", "Progress", "How do you travel?"],
            &[
                "{\"ImportId\":\"startDate\"}",
                "{\"ImportId\":\"progress\"}",
                "{\"ImportId\":\"QID1\"}",
            ],
            &["2024-01-01 10:00:00", "100", "Bus"],
        ],
    );
    let shaped = shape(detect(&cols), cols);
    let names: Vec<_> = shaped.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Start Date (StartDate)",
            "Progress",
            "How do you travel? (Q1)"
        ]
    );
    assert_eq!(shaped.columns[2].answers, ["Bus"]);
    assert_eq!(shaped.metadata, ["Start Date (StartDate)", "Progress"]);
}

#[test]
fn other_text_columns_are_known_by_each_tools_name_for_them() {
    for name in [
        "Where do you sleep? — Other (please specify)",
        "How did you hear? - Other - Text (Q5_4_TEXT)",
        "Q5_4_TEXT",
        "q3[other]",
        "clinic/reason_other",
        "race_other",
    ] {
        assert!(is_other_text(name), "{name}");
    }
    for name in [
        "Other comments",
        "Q5_4",
        "This is a free text question. (Q2)",
        "mother",
        "feedback_text",
    ] {
        assert!(!is_other_text(name), "{name}");
    }
}

#[test]
fn tool_metadata_includes_legacy_and_timing_columns() {
    assert!(Layout::SurveyMonkey.is_metadata("StartDate"));
    for name in ["groupTime7", "interviewtime", "123X45X678time"] {
        assert!(Layout::LimeSurvey.is_metadata(name), "{name}");
    }
    assert!(!Layout::LimeSurvey.is_metadata("g2[SQ001]"));
}

#[test]
fn a_first_respondent_is_never_taken_for_a_header_row() {
    let cols = columns(
        &["Respondent ID", "Collector ID", "Age"],
        &[&["114", "431", "34"], &["115", "431", "56"]],
    );
    assert_eq!(detect(&cols), Layout::SurveyMonkey);
    let shaped = shape(Layout::SurveyMonkey, cols);
    assert_eq!(shaped.columns[2].answers, ["34", "56"]);
}

#[test]
fn surveymonkey_second_row_names_options_and_is_dropped() {
    let cols = columns(
        &["Respondent ID", "Which do you use?", "Unnamed: 3", "Age"],
        &[&["", "App", "Website", "Response"], &["1", "App", "", "34"]],
    );
    let shaped = shape(detect(&cols), cols);
    let names: Vec<_> = shaped.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Respondent ID",
            "Which do you use? — App",
            "Which do you use? — Website",
            "Age"
        ]
    );
    assert_eq!(shaped.columns[3].answers, ["34"]);
}
