//! Survey files as tools and spreadsheets write them: every encoding, delimiter and line
//! ending, with quoted fields holding delimiters, quotes and line breaks.

use persona_builder::survey::{read_survey, FileKind, Layout, ReadError, ReadOptions};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/survey-samples/");

/// The same little survey, written with `delimiter` and `newline`.
fn survey_text(delimiter: char, newline: &str) -> String {
    let d = delimiter;
    let rows = [
        format!("Région{d}Âge{d}Commentaire"),
        format!("Île-de-France{d}34{d}\"Trop loin{d} vraiment\""),
        format!("Zürich{d}71{d}\"Er sagte \"\"nein\"\"{newline}dann ging er\""),
        format!("Málaga{d}45{d}€5 par trajet"),
    ];
    rows.join(newline) + newline
}

fn encode(text: &str, encoding: &str) -> Vec<u8> {
    match encoding {
        "UTF-8" => text.as_bytes().to_vec(),
        "UTF-8 BOM" => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        "UTF-16LE" => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        "UTF-16BE" => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        "windows-1252" => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
        _ => unreachable!(),
    }
}

#[test]
fn every_encoding_delimiter_and_line_ending() {
    for encoding in ["UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "windows-1252"] {
        for delimiter in [',', ';', '\t', '|'] {
            for newline in ["\r\n", "\n", "\r"] {
                let case = format!("{encoding} {delimiter:?} {newline:?}");
                let bytes = encode(&survey_text(delimiter, newline), encoding);
                let survey = read_survey(&bytes, ReadOptions::default())
                    .unwrap_or_else(|e| panic!("{case}: {e}"));
                let format = survey.format.clone().unwrap();
                assert_eq!(format.delimiter, Some(delimiter as u8), "{case}");
                let expected_encoding = encoding.trim_end_matches(" BOM");
                assert_eq!(
                    format.encoding.as_deref(),
                    Some(expected_encoding),
                    "{case}"
                );
                let names: Vec<_> = survey.columns().iter().map(|c| c.name.as_str()).collect();
                assert_eq!(names, ["Région", "Âge", "Commentaire"], "{case}");
                let comments = &survey.columns()[2].answers;
                assert_eq!(
                    comments[0],
                    format!("Trop loin{delimiter} vraiment"),
                    "{case}"
                );
                assert_eq!(
                    comments[1],
                    format!("Er sagte \"nein\"{newline}dann ging er"),
                    "{case}"
                );
                assert_eq!(comments[2], "€5 par trajet", "{case}");
                assert_eq!(
                    survey.columns()[0].answers,
                    ["Île-de-France", "Zürich", "Málaga"]
                );
            }
        }
    }
}

#[test]
fn excel_windows_1252_semicolon_csv_with_decimal_commas() {
    let text = "Geschlecht;Gewicht;Ort\r\nweiblich;72,5;Köln\r\nmännlich;80,1;Düsseldorf\r\n";
    let bytes = encode(text, "windows-1252");
    let survey = read_survey(&bytes, ReadOptions::default()).unwrap();
    assert_eq!(survey.columns()[1].answers, ["72,5", "80,1"]);
    assert_eq!(survey.columns()[2].answers, ["Köln", "Düsseldorf"]);
}

#[test]
fn json_arrays_of_flat_objects() {
    let text = r#"[{"Who do you live with?":"Alone","Age":71},{"Who do you live with?":"Partner","Age":45}]"#;
    let survey = read_survey(text.as_bytes(), ReadOptions::default()).unwrap();
    assert_eq!(survey.format.as_ref().unwrap().kind, FileKind::Json);
    assert_eq!(survey.columns()[0].answers, ["Alone", "Partner"]);
    assert_eq!(survey.columns()[1].answers, ["71", "45"]);
}

#[test]
fn invalid_utf8_in_a_file_that_claims_utf8_names_the_problem() {
    let error = read_survey(b"\xEF\xBB\xBFq\nbad \xff byte\n", ReadOptions::default()).unwrap_err();
    assert!(
        matches!(
            &error,
            ReadError::BadEncoding {
                encoding,
                offset: 9
            } if encoding == "UTF-8"
        ),
        "{error}"
    );
    assert!(error.to_string().contains("not valid UTF-8"));
}

#[test]
fn real_exports_read_completely() {
    let qualtrics = std::fs::read(format!("{SAMPLES}qualtrics-3-header-rows-de.csv")).unwrap();
    let survey = read_survey(&qualtrics, ReadOptions::default()).unwrap();
    assert_eq!(survey.format.as_ref().unwrap().layout, Layout::Qualtrics);
    // Three header rows: export tags, question texts (German here), ImportIds.
    assert_eq!(survey.respondents(), 1);
    assert_eq!(survey.columns()[0].name, "Anfangsdatum (StartDate)");
    assert!(survey
        .columns()
        .iter()
        .any(|c| c.name == "This is a multiple choice question. (Q1)"));
    assert!(survey.metadata.contains(&"Beendet (Finished)".to_string()));
    let redcap = std::fs::read(format!("{SAMPLES}redcap-raw.csv")).unwrap();
    let survey = read_survey(&redcap, ReadOptions::default()).unwrap();
    assert_eq!(survey.respondents(), 2);
    assert_eq!(survey.format.as_ref().unwrap().layout, Layout::Redcap);
    assert!(survey.columns().iter().any(|c| c.name == "consent___1"));
    assert!(survey
        .metadata
        .contains(&"prescreening_survey_timestamp".to_string()));
    assert!(survey
        .metadata
        .contains(&"prescreening_survey_complete".to_string()));
}
