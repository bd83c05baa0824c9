//! The app's own figures are not identifiers: personas built from national-survey sizes
//! (their summaries say "…of 100000 respondents") pass the export check, while a record
//! number staff type into a persona is still refused.

use persona_builder::persona_file::{check_persona, export, ExportOptions, PersonaProblem};
use persona_builder::personas::{Note, Persona};
use persona_builder::pipeline::{build, GroupBy, LoadedSurvey, Recipe};
use persona_builder::segments::{Method, DEFAULT_SEED};
use persona_builder::survey::{sample as synthetic, Fingerprint};
use std::rc::Rc;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-12-01 09:00 UTC);

fn open(name: &str, csv: Vec<u8>) -> LoadedSurvey {
    LoadedSurvey::open(
        name,
        Rc::new(csv.into()),
        Fingerprint::Hash,
        Recipe::default(),
        &mut |_| {},
    )
    .expect("the survey reads")
}

fn column(loaded: &LoadedSurvey, name: &str) -> usize {
    loaded
        .summaries
        .iter()
        .position(|s| s.name == name)
        .unwrap_or_else(|| panic!("no column “{name}”"))
}

/// Builds `group_by`'s personas and checks each one, then the export of them all.
fn exports(loaded: &LoadedSurvey, group_by: GroupBy) -> Vec<Persona> {
    let built = build(loaded, group_by.clone(), NOW).expect("personas build");
    assert!(!built.personas.is_empty(), "{group_by:?} built no persona");
    for persona in &built.personas {
        assert_eq!(check_persona(persona), Ok(()), "{}", persona.summary);
    }
    export(&built.personas, ExportOptions::default(), NOW).expect("the personas export");
    built.personas
}

fn auto() -> GroupBy {
    GroupBy::Similarity {
        count: None,
        seed: DEFAULT_SEED,
        method: Method::LatentClasses,
    }
}

#[test]
fn personas_of_a_100000_row_survey_export() {
    let loaded = open("national.csv", synthetic::generate(100_000).csv);
    let mut personas = exports(&loaded, auto());
    let clinic = column(&loaded, "Which clinic did you visit?");
    personas.extend(exports(&loaded, GroupBy::Answer { column: clinic }));
    assert!(personas
        .iter()
        .any(|p| p.summary.contains("of 100000 respondents")));
    typed_identifiers_are_still_refused(&personas[0]);
}

/// A million respondents with few questions, so the test stays quick: what matters is
/// that counts of six and seven digits reach the persona's texts.
#[test]
fn personas_of_a_1000000_row_survey_export() {
    let mut csv = String::from("Age group,Gender,Which clinic did you visit?\n");
    let ages = ["18-34", "35-54", "55-74", "75+"];
    let clinics = ["Riverside", "Northgate", "Harbour View"];
    for row in 0..1_000_000usize {
        let gender = ["Female", "Male"][(row / 3) % 2];
        let line = format!("{},{gender},{}\n", ages[row % 4], clinics[(row / 7) % 3]);
        csv.push_str(&line);
    }
    let loaded = open("million.csv", csv.into_bytes());
    let clinic = column(&loaded, "Which clinic did you visit?");
    let mut personas = exports(&loaded, GroupBy::Answer { column: clinic });
    personas.extend(exports(&loaded, auto()));
    assert!(personas
        .iter()
        .any(|p| p.summary.contains("of 1000000 respondents")));
    typed_identifiers_are_still_refused(&personas[0]);
}

/// Staff's own text is still held to the identifier rules, even beside the app's
/// figures, and a record number that happens to hold a count is still one.
fn typed_identifiers_are_still_refused(built: &Persona) {
    let rows = built.provenance.rows;
    let size = built.segment.size;
    let typed = [
        "Patient MRN 4829107 called about this".to_string(),
        format!("See record {rows}9 before the meeting"),
        format!("MRN{size} asked for a call back"),
        format!("Ring 07700 {size}"),
        format!("{size}-4471 is her number"),
        "Write to jane.doe@example.org".to_string(),
    ];
    for text in typed {
        let mut noted = built.clone();
        noted.notes.push(Note {
            date: NOW.date(),
            author: String::new(),
            text: text.clone(),
        });
        assert!(
            matches!(
                check_persona(&noted),
                Err(PersonaProblem::LooksIdentifying { field: "note" })
            ),
            "{text} passed"
        );
        let mut edited = built.clone();
        edited.summary = format!("{} {text}", edited.summary);
        assert!(
            matches!(
                check_persona(&edited),
                Err(PersonaProblem::LooksIdentifying { field: "summary" })
            ),
            "{text} passed in the summary"
        );
    }
    let mut quoted = built.clone();
    quoted.notes.push(Note {
        date: NOW.date(),
        author: String::new(),
        text: format!("Checked against the {rows} respondents on 3 March."),
    });
    assert_eq!(
        check_persona(&quoted),
        Ok(()),
        "the app's own figure, retyped"
    );
}
