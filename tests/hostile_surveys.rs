//! Survey files a probe of the app found hostile or broken: too wide, with a quote that
//! never closes, UTF-16 without a byte-order mark, control characters, a dictionary
//! that is really a huge file. Each is refused with a figure the user can act on, or
//! read as a person would read it.

use persona_builder::pipeline::{ColumnMapping, Recipe};
use persona_builder::privacy::PrivacySettings;
use persona_builder::protocol::{Beside, Contents, Reply, Request, Session};
use persona_builder::survey::{
    read_survey, QuoteRun, ReadError, ReadOptions, UnclosedQuotes, MAX_COLUMNS,
    MAX_DICTIONARY_BYTES,
};

/// `columns` × `rows` of short answers, as the probe's wide file.
fn wide_csv(columns: usize, rows: usize) -> Vec<u8> {
    let header: Vec<String> = (0..columns).map(|c| format!("q{c}")).collect();
    let mut csv = header.join(",") + "\n";
    for row in 0..rows {
        let answers: Vec<String> = (0..columns).map(|c| ((row + c) % 7).to_string()).collect();
        csv += &(answers.join(",") + "\n");
    }
    csv.into_bytes()
}

/// A request to read a survey (and, when named, a dictionary beside it).
fn open(dictionary_file: Option<&str>) -> Request {
    Request::Open {
        file_name: "probe.csv".into(),
        recipe: Box::new(Recipe::default()),
        mapping: ColumnMapping::default(),
        dictionary_file: dictionary_file.map(str::to_string),
        extract_file: None,
    }
}

fn contents(bytes: Vec<u8>) -> Contents {
    Contents::file(bytes)
}

fn read_in_session(bytes: Vec<u8>) -> Reply {
    Session::default().handle(open(None), vec![contents(bytes)], &mut |_| {})
}

fn failure(reply: Reply) -> String {
    match reply {
        Reply::Failed { failure } => failure.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_csv_of_100000_columns_is_refused_with_the_figure() {
    let bytes = wide_csv(100_000, 30);
    assert!(
        bytes.len() < persona_builder::survey::MAX_SURVEY_BYTES,
        "within the size cap"
    );
    let error = read_survey(&bytes, ReadOptions::default()).unwrap_err();
    assert_eq!(
        error,
        ReadError::TooManyColumns {
            found: 100_000,
            max: MAX_COLUMNS
        }
    );
    let message = failure(read_in_session(bytes));
    assert!(
        message.contains("100,000 columns") && message.contains("up to 5,000 columns"),
        "{message}"
    );
    // As JSON, and as wide as allowed.
    let keys: Vec<String> = (0..=MAX_COLUMNS).map(|c| format!("\"q{c}\":1")).collect();
    let json = format!("[{{{}}}]", keys.join(","));
    assert!(matches!(
        read_survey(json.as_bytes(), ReadOptions::default()),
        Err(ReadError::TooManyColumns { found: 5_001, .. })
    ));
    assert!(read_survey(&wide_csv(MAX_COLUMNS, 12), ReadOptions::default()).is_ok());
}

#[test]
fn many_repeats_of_one_column_name_are_told_apart() {
    let header = vec!["Q"; 3_000].join(",");
    let csv = format!("{header}\n{}\n", vec!["1"; 3_000].join(","));
    let survey = read_survey(csv.as_bytes(), ReadOptions::default()).unwrap();
    let names: Vec<&str> = survey.columns().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names[..3], ["Q", "Q (2)", "Q (3)"]);
    assert_eq!(names[2_999], "Q (3000)");
}

/// The probe's file: 90 rows, row 5 opens a quote it never closes.
fn unclosed_quote_csv() -> String {
    let mut csv = String::from("Who do you live with?,Comment\r\n");
    for row in 2..=91 {
        let comment = if row == 5 { "\"Too far" } else { "fine" };
        csv += &format!("{},{comment}\r\n", ["Alone", "Partner"][row % 2]);
    }
    csv
}

#[test]
fn an_unclosed_quote_is_reported_with_its_line_and_can_be_read_literally() {
    let csv = unclosed_quote_csv();
    let error = read_survey(csv.as_bytes(), ReadOptions::default()).unwrap_err();
    assert_eq!(
        error,
        ReadError::UnclosedQuote {
            line: 5,
            runs: QuoteRun::ToTheEnd
        }
    );
    let message = error.to_string();
    assert!(
        message.starts_with("The quote that opens a field on line 5 is never closed,"),
        "{message}"
    );
    let literal = ReadOptions {
        unclosed_quotes: UnclosedQuotes::Literal,
        ..ReadOptions::default()
    };
    let survey = read_survey(csv.as_bytes(), literal).unwrap();
    assert_eq!(survey.respondents(), 90);
    assert_eq!(survey.columns()[1].answers[3], "\"Too far");
    assert_eq!(survey.columns()[1].answers[4], "fine");
    assert!(survey.warnings.iter().any(|w| w.contains("line 5")));

    // The option travels with the request to read the file.
    let request = Request::Open {
        file_name: "probe.csv".into(),
        recipe: Box::new(Recipe {
            read_options: literal,
            ..Recipe::default()
        }),
        mapping: ColumnMapping::default(),
        dictionary_file: None,
        extract_file: None,
    };
    let json = serde_json::to_string(&request).unwrap();
    let back: Request = serde_json::from_str(&json).unwrap();
    assert_eq!(back, request);
}

#[test]
fn a_quote_closed_only_many_lines_later_is_reported_too() {
    let mut csv = String::from("id,comment\n1,\"opens here\n");
    for row in 2..300 {
        csv += &format!("{row},fine\n");
    }
    csv += "300,closes\" here\n";
    let error = read_survey(csv.as_bytes(), ReadOptions::default()).unwrap_err();
    assert_eq!(
        error,
        ReadError::UnclosedQuote {
            line: 2,
            runs: QuoteRun::Over(100)
        }
    );
    assert!(error.to_string().contains("more than 100 lines"), "{error}");
}

#[test]
fn utf16_without_a_bom_is_read() {
    let text = "Région\tÂge\r\nÎle-de-France\t34\r\nZürich\t71\r\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let survey = read_survey(&bytes, ReadOptions::default()).unwrap();
    let format = survey.format.clone().unwrap();
    assert_eq!(format.encoding.as_deref(), Some("UTF-16LE"));
    assert_eq!(format.delimiter, Some(b'\t'));
    assert_eq!(survey.columns()[0].name, "Région");
    assert_eq!(survey.columns()[0].answers, ["Île-de-France", "Zürich"]);
}

#[test]
fn control_characters_and_direction_overrides_never_reach_the_survey() {
    let csv = "Na\u{202E}me,Comment\u{7}\n\u{202E}Sam,\"bell\u{7} and \u{2066}isolate\u{2069}\"\n";
    let survey = read_survey(csv.as_bytes(), ReadOptions::default()).unwrap();
    let names: Vec<&str> = survey.columns().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Name", "Comment"]);
    assert_eq!(survey.columns()[0].answers, ["Sam"]);
    assert_eq!(survey.columns()[1].answers, ["bell and isolate"]);
    assert!(survey.warnings.iter().any(|w| w.contains("text-direction")));
    // Escaped in JSON, too.
    let json = r#"[{"name\u0000":"a\u0007b","x":"\u202Ec"}]"#;
    let survey = read_survey(json.as_bytes(), ReadOptions::default()).unwrap();
    assert_eq!(survey.columns()[0].name, "name");
    assert_eq!(survey.columns()[0].answers, ["ab"]);
    assert_eq!(survey.columns()[1].answers, ["c"]);
}

#[test]
fn an_answer_longer_than_a_spreadsheet_cell_is_refused() {
    let csv = format!("id,comment\n1,ok\n2,\"{}\"\n", "x".repeat(40_000));
    let error = read_survey(csv.as_bytes(), ReadOptions::default()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("Respondent 2's answer to “comment” is 40,000 characters long;"),
        "{message}"
    );
}

#[test]
fn a_huge_file_offered_as_a_dictionary_is_refused_from_its_size() {
    let rows: String = (0..30).map(|i| format!("{},Bus\n", 20 + i)).collect();
    let survey = format!("Age,Travel\n{rows}").into_bytes();
    // From its size alone, before the worker reads it: the second file is the dictionary.
    let over_the_survey_cap = persona_builder::survey::MAX_SURVEY_BYTES + 1;
    assert!(Beside::Survey.check_size(over_the_survey_cap).is_err());
    let error = Beside::Dictionary
        .check_size(60 * 1024 * 1024)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("a REDCap data dictionary is at most 5 MiB"),
        "{error}"
    );
    assert!(Beside::Dictionary.check_size(10 * 1024 * 1024).is_err());
    assert!(Beside::Survey.check_size(10 * 1024 * 1024).is_ok());
    // And on its bytes, in the session.
    let files = vec![
        contents(survey),
        contents(vec![b'a'; MAX_DICTIONARY_BYTES + 1]),
    ];
    let reply = Session::default().handle(open(Some("export.csv")), files, &mut |_| {});
    let message = failure(reply);
    assert!(
        message.contains("a REDCap data dictionary is at most 5 MiB"),
        "{message}"
    );
}

#[test]
fn personas_built_from_a_survey_with_hidden_characters_hold_none_and_pass_the_rules() {
    use persona_builder::persona_file::check_persona;
    use persona_builder::pipeline::{build_by_answer, LoadedSurvey};
    use persona_builder::survey::is_unsafe_char;

    let mut csv = String::from("Who do you live with?\u{202E},Travel\u{7}\n");
    for i in 0..60 {
        let lives = ["Part\u{202D}ner", "Alone\u{1b}"][i % 2];
        let travel = ["Bus\u{2066}", "Car"][i % 3 % 2];
        csv += &format!("{lives},{travel}\n");
    }
    let loaded = LoadedSurvey::read(
        "hidden.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap();
    let built = build_by_answer(&loaded, 0, time::OffsetDateTime::UNIX_EPOCH).unwrap();
    assert_eq!(built.personas.len(), 2);
    for persona in &built.personas {
        assert_eq!(check_persona(persona), Ok(()));
        let text = serde_json::to_string(persona).unwrap();
        let decoded: String = serde_json::from_str::<serde_json::Value>(&text)
            .unwrap()
            .to_string();
        assert!(!decoded.chars().any(is_unsafe_char), "{decoded}");
        let rule = persona.segment.rule.as_deref().unwrap_or_default();
        assert!(
            rule == "Who do you live with? = Partner" || rule == "Who do you live with? = Alone",
            "{rule}"
        );
    }
}
