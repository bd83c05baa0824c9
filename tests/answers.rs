//! Answers as real exports write them, on our own small fixtures for the formats the
//! shared samples lack: Qualtrics check-all answers joined by a comma and no space,
//! `|`-joined options with commas inside, a free-typed gender question with 67
//! spellings, count questions, coded labels. Through the whole path: read, guard,
//! answer steps, summaries, personas, the persona file's checks.

use std::collections::BTreeSet;

use persona_builder::columns::{
    histogram, shown_answers, ColumnKind, ColumnSummary, MergeReason, ANOTHER_ANSWER,
};
use persona_builder::persona_file::check_persona;
use persona_builder::pipeline::{build_by_answer, build_found_personas, Built, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::segments::Method;
use persona_builder::survey::{Layout, ReadOptions};
use time::macros::datetime;

mod support;
use support::column;

const K: usize = 11;

fn load(name: &str, csv: &str) -> LoadedSurvey {
    LoadedSurvey::read(
        name,
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn values(summary: &ColumnSummary) -> BTreeSet<String> {
    summary.counts.iter().map(|a| a.value.clone()).collect()
}

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Nothing shown of the survey or its personas rests on 1 to k−1 respondents.
fn nothing_shown_under_k(loaded: &LoadedSurvey, built: &[Built]) {
    let respondents = loaded.survey.respondents();
    for summary in &loaded.summaries {
        let bars = [
            shown_answers(summary, respondents, K),
            histogram(summary, respondents, K),
        ];
        for bar in bars.iter().flatten() {
            assert!(
                bar.count.is_none_or(|c| c == 0 || c >= K),
                "{}: {} shown as {:?}",
                summary.name,
                bar.label,
                bar.count
            );
        }
    }
    for persona in built.iter().flat_map(|b| &b.personas) {
        check_persona(persona).unwrap_or_else(|e| panic!("{}: {e}", persona.name));
        assert!(persona.traits.iter().all(|t| t.n >= K));
    }
}

/// Our own fixture (`tests/fixtures/`), shared with the e2e suite.
fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A Qualtrics export (three header rows) of 132 respondents whose three check-all
/// questions hold the chosen options' text joined by "," with no space, as Qualtrics
/// writes choice text.
fn qualtrics_check_all() -> String {
    fixture("qualtrics-check-all.csv")
}

#[test]
fn qualtrics_comma_joined_check_all_answers_are_options_and_traits() {
    let loaded = load("qualtrics.csv", &qualtrics_check_all());
    assert_eq!(
        loaded.survey.format.as_ref().unwrap().layout,
        Layout::Qualtrics
    );
    assert_eq!(loaded.survey.respondents(), 132);
    let channels = column(&loaded, "How would you like us to contact you? (Q3)");
    assert_eq!(channels.kind, ColumnKind::MultiSelect);
    assert_eq!(
        values(channels),
        [
            "Email",
            "Letter",
            "Mobile app",
            "Phone call",
            "Text message"
        ]
        .map(String::from)
        .into()
    );
    for question in [
        "Which conditions do you have?",
        "What stops you from attending",
    ] {
        assert_eq!(
            column(&loaded, question).kind,
            ColumnKind::MultiSelect,
            "{question}"
        );
    }
    let lives = column(&loaded, "Who do you live with?").index;
    let built = build_by_answer(&loaded, lives, datetime!(2026-11-24 10:00 UTC)).unwrap();
    let traits: BTreeSet<&str> = built.personas[0]
        .traits
        .iter()
        .map(|t| t.attribute.as_str())
        .collect();
    assert!(
        traits.contains("How would you like us to contact you? (Q3)"),
        "{traits:?}"
    );
    assert!(
        traits.contains("Which conditions do you have? (Q2)"),
        "{traits:?}"
    );
    nothing_shown_under_k(&loaded, &[built]);
}

#[test]
fn pipe_joined_options_keep_the_commas_inside_them() {
    let options = [
        "Anxiety Disorder (Generalized, Social, Phobia, etc)",
        "Mood Disorder (Depression, Bipolar Disorder, etc)",
        "Attention Deficit Hyperactivity Disorder",
        "Substance Use Disorder",
        "Stress Response Syndromes",
    ];
    let mut csv =
        String::from("\"If yes, what condition(s) have you been diagnosed with?\",Age group\n");
    for i in 0..90 {
        let chosen: Vec<&str> = options
            .iter()
            .enumerate()
            .filter(|(j, _)| (i + j) % 3 == 0 || i % 5 == *j)
            .map(|(_, o)| *o)
            .collect();
        csv.push_str(&format!(
            "{},{}\n",
            field(&chosen.join("|")),
            ["18-34", "35-64", "65+"][i % 3]
        ));
    }
    let loaded = load("conditions.csv", &csv);
    let conditions = column(&loaded, "If yes, what condition(s)");
    assert_eq!(conditions.kind, ColumnKind::MultiSelect);
    assert_eq!(values(conditions), options.map(String::from).into());
    nothing_shown_under_k(&loaded, &[]);
}

#[test]
fn free_text_with_commas_stays_free_text() {
    let mut csv = String::from("Anything else you would like to tell us?\n");
    for i in 0..60 {
        csv.push_str(&format!(
            "\"The waiting room, on day {i}, was cold, noisy and full\"\n"
        ));
    }
    let loaded = load("comments.csv", &csv);
    let comments = column(&loaded, "Anything else");
    assert_eq!(comments.kind, ColumnKind::FreeText);
    assert!(loaded.answers.folds.is_empty());
}

/// A free-typed gender question answered in 67 spellings ("Male", "m", "Cis male",
/// "Femake", "I identify as female.", "Nonbinary", "Rather not say", "asdf"…) by 275
/// respondents, beside a count of clinic visits.
fn gender_csv() -> String {
    fixture("free-typed-gender.csv")
}

#[test]
fn sixty_seven_spellings_of_gender_become_the_documented_categories() {
    let csv = gender_csv();
    let spellings: BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|line| line.rsplit_once(','))
        .map(|(gender, _)| gender)
        .collect();
    assert_eq!(spellings.len(), 67, "two differ only by a trailing space");
    let loaded = load("gender.csv", &csv);
    let gender = column(&loaded, "What is your gender?");
    assert_eq!(gender.kind, ColumnKind::Categorical);
    assert_eq!(
        values(gender),
        [
            "Female",
            "Male",
            "Non-binary or another gender",
            "Prefer not to say",
            ANOTHER_ANSWER
        ]
        .map(String::from)
        .into()
    );
    let count = |value: &str| {
        gender
            .counts
            .iter()
            .find(|a| a.value == value)
            .unwrap()
            .count
    };
    assert_eq!(count("Male"), 123);
    assert_eq!(count("Female"), 111);
    assert_eq!(count("Non-binary or another gender"), 23);
    assert_eq!(count("Prefer not to say"), 12);
    assert_eq!(
        count(ANOTHER_ANSWER),
        6,
        "too few to list; the rule hides it"
    );
    let shown = shown_answers(gender, loaded.survey.respondents(), K);
    assert!(shown.iter().all(|b| b.label != ANOTHER_ANSWER));
    let rare = loaded
        .answers
        .merges
        .iter()
        .find(|m| m.reason == MergeReason::Rare)
        .unwrap();
    assert_eq!(
        rare.from,
        [
            "?",
            "Attack helicopter",
            "Transgender",
            "asdf",
            "male and female",
            "she/her"
        ]
    );
    nothing_shown_under_k(&loaded, &[]);
}

#[test]
fn an_undone_mapping_stays_undone_for_the_next_wave() {
    let mut loaded = load("gender.csv", &gender_csv());
    let mut mapping = loaded.mapping.clone();
    let male = loaded
        .answers
        .merges
        .iter()
        .find(|m| m.into == "Male")
        .unwrap()
        .key();
    mapping.set_merge_undone(male.clone(), true);
    loaded.set_mapping(mapping.clone()).unwrap();
    let gender = column(&loaded, "What is your gender?");
    assert!(values(gender).contains("male"), "the spellings are back");
    assert!(values(gender).contains("Female"), "the other mappings stay");
    // The next wave of the same survey, with the mapping the page remembered.
    let mut next = load("gender-wave-2.csv", &gender_csv());
    next.apply_fitting(&loaded.mapping);
    assert_eq!(next.summaries, loaded.summaries);
    assert!(next.mapping.undone_merges.contains(&male));
}

#[test]
fn counts_are_summarised_as_median_and_quartiles_in_personas() {
    let loaded = load("gender.csv", &gender_csv());
    let visits = column(&loaded, "How many times did you visit");
    assert_eq!(visits.kind, ColumnKind::Numeric, "nine distinct counts");
    let gender = column(&loaded, "What is your gender?").index;
    let built = build_by_answer(&loaded, gender, datetime!(2026-11-24 10:00 UTC)).unwrap();
    let male = built
        .personas
        .iter()
        .find(|p| p.segment.rule.as_deref() == Some("What is your gender? = Male"))
        .unwrap();
    let numbers = &male.numbers[0];
    assert_eq!(numbers.attribute, visits.name);
    assert_eq!(numbers.segment.n, 123);
    assert!(numbers.segment.median.is_some() && numbers.segment.q1.is_some());
    assert!(numbers.overall.q3.is_some());
    assert!(
        male.traits.iter().all(|t| t.attribute != visits.name),
        "not listed as answers"
    );
    let found = build_found_personas(
        &loaded,
        Method::LatentClasses,
        Some(2),
        7,
        datetime!(2026-11-24 10:00 UTC),
    )
    .unwrap();
    nothing_shown_under_k(&loaded, &[built, found]);
}

#[test]
fn coded_labels_keep_the_label_and_order_the_scale_by_code() {
    let mut csv = String::from(
        "The clinic is easy to reach,How often do you feel unwell?,I trust my nurse\n",
    );
    let reach = [
        "Strongly disagree (1)",
        "Disagree (2)",
        "Agree (4)",
        "Strongly agree (5)",
    ];
    let often = [
        "(1): Not at all",
        "(2): A little",
        "(3): Quite a bit",
        "(4): Very much",
    ];
    let trust = [
        "1 - Strongly disagree",
        "2 - Disagree",
        "3 - Neutral",
        "4 - Agree",
    ];
    for i in 0..48 {
        csv.push_str(&format!(
            "{},{},{}\n",
            reach[i % 4],
            often[(i / 2) % 4],
            trust[(i / 3) % 4]
        ));
    }
    let loaded = load("coded.csv", &csv);
    let scale = |question: &str| column(&loaded, question).scale.clone().unwrap();
    assert_eq!(
        scale("The clinic is easy to reach"),
        ["Strongly disagree", "Disagree", "Agree", "Strongly agree"]
    );
    assert_eq!(
        scale("How often do you feel unwell?"),
        ["Not at all", "A little", "Quite a bit", "Very much"]
    );
    assert_eq!(
        scale("I trust my nurse"),
        ["Strongly disagree", "Disagree", "Neutral", "Agree"]
    );
    nothing_shown_under_k(&loaded, &[]);
}
