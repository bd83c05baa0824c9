//! The rules every persona of a file meets, on import and on export (the helpers are
//! the parent module's).

use super::*;

#[test]
fn control_characters_and_direction_overrides_are_refused_in_every_text() {
    let cases = [
        ("/personas/0/name", "Sam\u{202E}my"),
        ("/personas/0/name", "Bell\u{7}"),
        ("/personas/0/summary", "nul\u{0}"),
        ("/personas/0/owner", "isolate\u{2066}"),
        ("/personas/0/traits/0/value", "Car\u{202A}"),
        ("/personas/0/provenance/method", "group-by\u{1b}"),
    ];
    for (pointer, bad) in cases {
        let mut file = exported();
        *file.pointer_mut(pointer).unwrap() = json!(bad);
        let error = import_value(&file).unwrap_err().to_string();
        assert!(
            error.contains("holds a control character or a text-direction mark"),
            "{pointer} = {bad:?}: {error}"
        );
    }
    let mut multi_line = exported();
    multi_line["personas"][0]["summary"] = json!("Two lines,\nand a\ttab.");
    assert!(import_value(&multi_line).is_ok());
}

#[test]
fn refuses_small_segments_and_small_trait_counts() {
    let mut file = exported();
    file["personas"][0]["segment"]["size"] = json!(10);
    let error = import_value(&file).unwrap_err();
    assert!(error.to_string().contains("at least 11"), "{error}");

    let mut file = exported();
    file["personas"][1]["traits"][0]["n"] = json!(3);
    assert!(matches!(
        import_value(&file),
        Err(ImportError::BadPersona(refused)) if refused.position == 2
    ));
}

#[test]
fn refuses_out_of_range_numbers_bad_ids_and_duplicates() {
    let cases: Vec<(&str, Value)> = vec![
        ("/personas/0/segment/share", json!(1.5)),
        ("/personas/0/traits/0/segment_pct", json!(-1)),
        ("/personas/0/id", json!("../../etc")),
        ("/personas/0/name", json!("   ")),
        ("/personas/0/name", json!("x".repeat(201))),
        ("/personas/0/provenance/source_sha256", json!("not-a-hash")),
        ("/personas/0/provenance/min_group_size", json!(5)),
        ("/personas/1/id", json!("p1")),
    ];
    for (pointer, bad) in cases {
        let mut file = exported();
        *file.pointer_mut(pointer).unwrap() = bad.clone();
        assert!(
            import_value(&file).is_err(),
            "{pointer} = {bad} was accepted"
        );
    }
}

#[test]
fn refuses_files_over_the_size_cap_before_parsing() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(matches!(import(&big), Err(ImportError::TooLarge { .. })));
}

#[test]
fn quotes_are_left_out_unless_the_user_includes_them() {
    let mut quoted = persona("p1", "Partner");
    quoted.quotes.push(Quote {
        text: "The bus takes an hour each way".into(),
        interview: None,
    });
    let without = export(std::slice::from_ref(&quoted), ExportOptions::default(), NOW).unwrap();
    assert!(import(without.as_bytes()).unwrap()[0].quotes.is_empty());
    let with = export(
        &[quoted],
        ExportOptions {
            include_quotes: true,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(import(with.as_bytes()).unwrap()[0].quotes.len(), 1);
}

#[test]
fn refuses_identifiers_in_any_persona_text_on_import_and_export() {
    let cases: Vec<(&str, Value)> = vec![
        ("/personas/0/traits/0/value", json!("jane.doe@example.org")),
        ("/personas/0/traits/0/value", json!("SW1A 1AA")),
        ("/personas/0/traits/0/attribute", json!("130.92.34.66")),
        ("/personas/0/name", json!("Call 0161 496 0000")),
        ("/personas/0/summary", json!("Patient MRN1234567 said so")),
        (
            "/personas/0/quotes",
            json!([{"text": "write to me at a@b.org"}]),
        ),
    ];
    for (pointer, bad) in cases {
        let mut file = exported();
        *file.pointer_mut(pointer).unwrap() = bad.clone();
        let error = import_value(&file).unwrap_err();
        assert!(
            error.to_string().contains("looks like an identifier"),
            "{pointer} = {bad}: {error}"
        );
    }
    let mut shared_code = exported();
    shared_code["personas"][0]["traits"][0]["value"] = json!("COVID-19");
    assert!(import_value(&shared_code).is_ok());

    let mut leaky = persona("p1", "Partner");
    leaky.traits[0].value = "jane.doe@example.org".into();
    assert!(export(&[leaky], ExportOptions::default(), NOW).is_err());
}

#[test]
fn counts_must_reach_the_persona_s_own_minimum() {
    let mut file = exported();
    file["personas"][0]["provenance"]["min_group_size"] = json!(25);
    file["personas"][0]["traits"][0]["n"] = json!(20);
    let error = import_value(&file).unwrap_err();
    assert!(error.to_string().contains("fewer than 25"), "{error}");
}

#[test]
fn a_version_1_file_without_the_library_fields_still_imports() {
    let mut file = exported();
    file["schema_version"] = json!(1);
    let imported = import_value(&file).unwrap();
    assert_eq!(imported[0].owner, "");
    assert!(imported[0].tags.is_empty() && imported[0].notes.is_empty());
}

#[test]
fn owner_tags_notes_and_definition_round_trip_and_are_checked() {
    use crate::personas::Note;
    use crate::segments::rules::{Rule, Test};
    let mut p = persona("p1", "Partner");
    p.owner = "Outpatients team".into();
    p.tags = vec!["diabetes clinic".into()];
    p.notes = vec![Note {
        date: time::macros::date!(2026 - 12 - 01),
        author: "Sam".into(),
        text: "Asked for evening slots at the December clinic.".into(),
    }];
    p.last_reviewed = Some(time::macros::date!(2026 - 11 - 30));
    p.segment.definition = Some(Rule::one(
        "lives_with",
        Test::Is {
            value: "Partner".into(),
        },
    ));
    let text = export(std::slice::from_ref(&p), ExportOptions::default(), NOW).unwrap();
    assert_eq!(import(text.as_bytes()).unwrap(), vec![p.clone()]);

    let mut blank_tag = p.clone();
    blank_tag.tags.push("  ".into());
    assert_eq!(check_persona(&blank_tag), Err(PersonaProblem::BlankTag));
    let mut identifying = p.clone();
    identifying.notes[0].text = "Call her on 07700 900123".into();
    assert_eq!(
        check_persona(&identifying),
        Err(PersonaProblem::LooksIdentifying { field: "note" })
    );
}
