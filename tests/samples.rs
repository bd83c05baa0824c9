//! Every real export in `../shared/survey-samples/` (see its README), read as a person
//! would read it with no manual fix: the respondents, the key columns' kinds, the
//! multi-select questions folded with their options. The files stay outside the repo.

use std::rc::Rc;

use persona_builder::columns::{chosen, ColumnKind, Part};
use persona_builder::pipeline::{LoadedSurvey, Recipe};
use persona_builder::survey::{Dictionary, Fingerprint, Layout};

mod support;
use support::{column, dropped};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/survey-samples/");

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(format!("{SAMPLES}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn dictionary(name: &str) -> Dictionary {
    Dictionary::parse(&sample(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The sample read, guarded and summarised, with a REDCap dictionary when given.
fn load(name: &str, dictionary: Option<Dictionary>) -> LoadedSurvey {
    let recipe = Recipe {
        dictionary,
        ..Recipe::default()
    };
    LoadedSurvey::open(
        name,
        Rc::new(sample(name).into()),
        Fingerprint::Hash,
        recipe,
        &mut |_| {},
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn kind(loaded: &LoadedSurvey, question: &str) -> ColumnKind {
    column(loaded, question).kind
}

/// The options a question's respondents chose, most chosen first.
fn options(loaded: &LoadedSurvey, question: &str) -> Vec<String> {
    let summary = column(loaded, question);
    assert_eq!(summary.kind, ColumnKind::MultiSelect, "{question}");
    summary.counts.iter().map(|a| a.value.clone()).collect()
}

fn scale(loaded: &LoadedSurvey, question: &str) -> Vec<String> {
    let summary = column(loaded, question);
    assert_eq!(summary.kind, ColumnKind::Scale, "{question}");
    summary.scale.clone().unwrap()
}

fn layout(loaded: &LoadedSurvey) -> Layout {
    loaded.survey.format.as_ref().unwrap().layout
}

#[test]
fn qualtrics_three_header_rows_in_german() {
    let loaded = load("qualtrics-3-header-rows-de.csv", None);
    assert_eq!(layout(&loaded), Layout::Qualtrics);
    assert_eq!(loaded.survey.respondents(), 1);
    for metadata in [
        "IP-Adresse (IPAddress)",
        "Antwort-ID (ResponseId)",
        "Beendet (Finished)",
    ] {
        assert!(dropped(&loaded).contains(&metadata), "{metadata}");
    }
    assert_eq!(
        kind(&loaded, "This is a free text question. (Q2)"),
        ColumnKind::FreeText
    );
    assert!(loaded
        .summaries
        .iter()
        .any(|s| s.name == "This is a multiple choice question. (Q1)"));
}

#[test]
fn surveymonkey_ohbm_check_all_options_and_single_choices_with_commas() {
    let loaded = load("surveymonkey-2-header-rows-ohbm-2022.csv", None);
    assert_eq!(layout(&loaded), Layout::SurveyMonkey);
    assert_eq!(loaded.survey.respondents(), 311);
    let platforms = options(&loaded, "Which of the following platforms do you use");
    assert_eq!(platforms.len(), 10);
    assert!(platforms[0].starts_with("OHBM website"));
    assert_eq!(
        options(&loaded, "How important is each of these types").len(),
        8
    );
    assert_eq!(
        options(&loaded, "Do you currently follow any of the following OHBM").len(),
        8
    );
    // Options with commas in them are single choices, not lists.
    for question in [
        "What is your current career status?",
        "How would you describe your access to OHBM Twitter?",
        "How would you describe your access to the OHBM blog?",
    ] {
        assert_eq!(
            kind(&loaded, question),
            ColumnKind::Categorical,
            "{question}"
        );
    }
    let career = column(&loaded, "What is your current career status?");
    assert!(career.counts.iter().any(|a| a.value
        == "Established faculty member / group leader / principal investigator (i.e., 5 or more years from initial appointment)"));
    let folds: Vec<&str> = loaded
        .answers
        .folds
        .iter()
        .map(|f| f.question.as_str())
        .collect();
    assert_eq!(folds.len(), 3, "{folds:?}");
}

#[test]
fn surveymonkey_538_reasons_ranges_and_other_text() {
    let loaded = load("surveymonkey-2-header-rows-538-sleeping-alone.csv", None);
    assert_eq!(loaded.survey.respondents(), 1093);
    assert!(dropped(&loaded).contains(&"StartDate"));
    let reasons = options(
        &loaded,
        "What are the reasons that you sleep in separate beds?",
    );
    assert_eq!(reasons.len(), 11);
    assert_eq!(reasons[0], "One of us snores");
    assert_eq!(kind(&loaded, "Gender"), ColumnKind::Categorical);
    assert_eq!(scale(&loaded, "Age"), ["18-29", "30-44", "45-60", "> 60"]);
    let income = scale(&loaded, "Household Income");
    assert_eq!(income.first().map(String::as_str), Some("$0 - $24,999"));
    assert_eq!(income.last().map(String::as_str), Some("$150,000+"));
    assert_eq!(
        scale(
            &loaded,
            "How long have you been in your current relationship?"
        )[0],
        "Less than 1 year"
    );
    assert_eq!(
        kind(
            &loaded,
            "Which of the following best describes your current occupation?"
        ),
        ColumnKind::Categorical
    );
    let other = column(
        &loaded,
        "Which of the following best describes your current occupation? — Other",
    );
    assert_eq!(other.kind, ColumnKind::FreeText);
    assert_eq!(
        other.part,
        Some(Part::OtherText {
            question: "Which of the following best describes your current occupation?".into()
        })
    );
    let partner = "When you're not sleeping in the same bed, where does your partner";
    assert_eq!(
        kind(&loaded, partner),
        ColumnKind::Categorical,
        "commas inside one answer"
    );
}

#[test]
fn redcap_raw_export_with_its_dictionary() {
    let raw = load("redcap-raw.csv", None);
    assert_eq!(raw.survey.respondents(), 2);
    let loaded = load(
        "redcap-raw.csv",
        Some(dictionary("redcap-data-dictionary.csv")),
    );
    assert_eq!(loaded.survey.respondents(), 2);
    for identifier in ["email", "first_name", "last_name", "address", "telephone_1"] {
        assert!(
            loaded.report.dropped.iter().any(|d| d.name == identifier),
            "{identifier} dropped"
        );
    }
    let diabetes = column(&loaded, "I currently have Type 2 Diabetes");
    assert!(diabetes
        .counts
        .iter()
        .all(|a| ["True", "False"].contains(&a.value.as_str())));
}

#[test]
fn redcap_ibd_semicolons_decimal_commas_and_events() {
    for with_dictionary in [false, true] {
        let dictionary = with_dictionary.then(|| dictionary("redcap-semicolon-ibd-dictionary.csv"));
        let loaded = load("redcap-semicolon-ibd-dummy-data.csv", dictionary);
        assert_eq!(loaded.survey.respondents(), 8, "one respondent per record");
        let longitudinal = loaded.longitudinal.as_ref().unwrap();
        assert_eq!(longitudinal.chosen, "week_0");
        assert_eq!(longitudinal.events.len(), 6);
        assert_eq!(longitudinal.events[0].records, 8);
        let bmi = if with_dictionary { "BMI" } else { "bmi" };
        assert_eq!(kind(&loaded, bmi), ColumnKind::Numeric, "decimal commas");
    }
    let loaded = load(
        "redcap-semicolon-ibd-dummy-data.csv",
        Some(dictionary("redcap-semicolon-ibd-dictionary.csv")),
    );
    assert_eq!(kind(&loaded, "Biological Sex"), ColumnKind::Categorical);
    let biologics = options(&loaded, "Prior exposure to another biological drug?");
    assert!(
        biologics.contains(&"Infliximab".to_string()),
        "{biologics:?}"
    );
    assert_eq!(
        scale(&loaded, "Abdominal pain"),
        ["none", "mild", "moderate", "severe"],
        "ordered by code"
    );
    let comorbidity = column(&loaded, "Comorbidities - Asthma");
    assert_eq!(
        comorbidity.part,
        Some(Part::GridRow {
            stem: "Comorbidities".into(),
            row: "Asthma".into()
        })
    );
    let dictionary = dictionary("redcap-semicolon-ibd-dictionary.csv");
    assert!(dictionary.identifiers.contains("last_name"));
    assert!(dictionary.identifiers.contains("dob"));
}

#[test]
fn redcap_longitudinal_demo_with_its_dictionary() {
    let loaded = load(
        "redcap-longitudinal-data.csv",
        Some(dictionary("redcap-longitudinal-dictionary.csv")),
    );
    assert_eq!(loaded.survey.respondents(), 3, "records 100, 220 and 304");
    let longitudinal = loaded.longitudinal.as_ref().unwrap();
    assert_eq!(longitudinal.chosen, "enrollment");
    let events: Vec<&str> = longitudinal
        .events
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        events.starts_with(&["enrollment", "dose_1", "visit_1"]),
        "{events:?}"
    );
    assert!(
        !longitudinal.carried.is_empty(),
        "visit forms come from later events"
    );
    for identifier in ["first_name", "last_name", "email", "telephone_1", "dob"] {
        assert!(
            loaded.report.dropped.iter().any(|d| d.name == identifier),
            "{identifier} dropped"
        );
    }
    let gym = options(&loaded, "Gym (Weight Training)");
    assert!(gym.contains(&"Monday".to_string()), "{gym:?}");
    assert_eq!(kind(&loaded, "Height (cm)"), ColumnKind::Numeric);
    assert_eq!(kind(&loaded, "Gender"), ColumnKind::Categorical);
}

#[test]
fn limesurvey_codes_arrays_timings_and_ranges() {
    let loaded = load("limesurvey-artifact-eval-2019.xlsx", None);
    assert_eq!(layout(&loaded), Layout::LimeSurvey);
    assert_eq!(loaded.survey.respondents(), 257);
    for metadata in ["submitdate", "lastpage", "groupTime7", "interviewtime"] {
        assert!(dropped(&loaded).contains(&metadata), "{metadata}");
    }
    let conferences = options(&loaded, "g0");
    assert!(conferences.iter().any(|o| o == "CICFP_Y2019"));
    let g1 = column(&loaded, "g1");
    assert_eq!(g1.kind, ColumnKind::Categorical);
    let answers: Vec<&str> = g1.counts.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(answers, ["Yes", "Not applicable", "No"]);
    assert_eq!(kind(&loaded, "g3"), ColumnKind::FreeText);
    assert_eq!(
        kind(&loaded, "g2[SQ001]"),
        ColumnKind::Numeric,
        "a 1–10 rating"
    );
    assert_eq!(
        scale(&loaded, "au1[SQ001]"),
        ["None", "1-5", "5-10", "10-20"]
    );
}

#[test]
fn google_forms_checkboxes_with_letter_codes() {
    let loaded = load("google-forms-care-seeking-test.csv", None);
    assert_eq!(layout(&loaded), Layout::GoogleForms);
    assert_eq!(loaded.survey.respondents(), 4);
    for identifier in ["Timestamp", "Email Address", "Name"] {
        assert!(dropped(&loaded).contains(&identifier), "{identifier}");
    }
    let fever = "If a member of your family were to contract high fever, would you ?";
    let mut chosen_options = options(&loaded, fever);
    chosen_options.sort();
    assert_eq!(
        chosen_options,
        [
            "Go to a local healer",
            "Treat it at home",
            "Visit a religious preacher"
        ]
    );
    let answers = &loaded
        .survey
        .columns()
        .iter()
        .find(|c| c.name == fever)
        .unwrap()
        .answers;
    let first: Vec<&str> = chosen(&answers[0]).collect();
    assert_eq!(
        first,
        ["Go to a local healer", "Visit a religious preacher"]
    );
    let likely = column(
        &loaded,
        "Do you think it is likely that member of your family would contract high fever",
    );
    let values: Vec<&str> = likely.counts.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(values, ["No", "Yes"], "letter codes dropped");
}

#[test]
fn redcap_data_dictionaries_read() {
    let small = dictionary("redcap-data-dictionary.csv");
    assert!(small.identifiers.contains("email"));
    assert_eq!(
        small.fields["sex"].choices[0],
        ("0".into(), "Female".into())
    );
    let longitudinal = dictionary("redcap-longitudinal-dictionary.csv");
    assert!(longitudinal.fields.contains_key("gym"));
    let ibd = dictionary("redcap-semicolon-ibd-dictionary.csv");
    assert!(ibd.fields.len() > 300);
}

/// The personas found automatically in every real export pass the rules an export
/// applies, so they can be saved and shared. The OHBM survey's answer options name web
/// sites ("OHBM website (https://www.humanbrainmapping.org)"), which the identifier
/// check once took for a patient's address: no persona of it could be saved.
#[test]
fn automatic_personas_of_every_real_export_pass_the_export_check() {
    use persona_builder::persona_file::check_persona;
    use persona_builder::pipeline::{build, GroupBy};
    let automatic = GroupBy::Similarity {
        count: None,
        seed: 42,
        method: persona_builder::segments::Method::LatentClasses,
    };
    let mut built_any = 0;
    for name in [
        "surveymonkey-2-header-rows-ohbm-2022.csv",
        "surveymonkey-2-header-rows-538-sleeping-alone.csv",
        "qualtrics-3-header-rows-de.csv",
        "google-forms-care-seeking-test.csv",
        "limesurvey-artifact-eval-2019.xlsx",
    ] {
        let loaded = load(name, None);
        let Ok(built) = build(&loaded, automatic.clone(), time::OffsetDateTime::UNIX_EPOCH) else {
            continue; // too few respondents for segments: nothing to save
        };
        built_any += usize::from(!built.personas.is_empty());
        for p in &built.personas {
            assert_eq!(check_persona(p), Ok(()), "{name}: “{}”", p.name);
            // Only the survey's own addresses are set aside: another one is refused.
            if p.summary.contains("https://") {
                let mut quoting_another = p.clone();
                quoting_another
                    .summary
                    .push_str(" See https://example.org/jane.doe");
                assert!(check_persona(&quoting_another).is_err(), "{name}");
            }
        }
    }
    assert!(built_any >= 2, "the larger exports give personas");
}
