use serde_json::{json, Value};
use time::macros::datetime;
use time::OffsetDateTime;

use crate::personas::Quote;

use super::*;
use crate::test_support::persona;

const NOW: OffsetDateTime = datetime!(2026-11-24 12:00 UTC);

fn exported() -> Value {
    let personas = [persona("p1", "Partner"), persona("p2", "Alone")];
    let text = export(&personas, ExportOptions::default(), NOW).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn import_value(value: &Value) -> Result<Vec<Persona>, ImportError> {
    import(value.to_string().as_bytes())
}

#[test]
fn export_then_import_gives_the_same_personas() {
    let personas = vec![persona("p1", "Partner"), persona("p2", "Alone")];
    let text = export(&personas, ExportOptions::default(), NOW).unwrap();
    assert_eq!(import(text.as_bytes()).unwrap(), personas);
}

#[test]
fn export_has_every_documented_field() {
    let file = exported();
    assert_eq!(file["format"], "persona-builder");
    assert_eq!(file["schema_version"], 3);
    assert_eq!(file["exported_at"], "2026-11-24T12:00:00Z");
    let p = &file["personas"][0];
    for field in [
        "id",
        "name",
        "summary",
        "segment",
        "traits",
        "quotes",
        "actions",
        "created_at",
        "updated_at",
        "review_due",
        "provenance",
    ] {
        assert!(p.get(field).is_some(), "missing {field}");
    }
    assert_eq!(p["segment"]["size"], 25);
    assert_eq!(p["segment"]["share"], 0.625);
    assert_eq!(p["review_due"], "2027-02-24");
    for field in ["attribute", "value", "segment_pct", "overall_pct", "n"] {
        assert!(p["traits"][0].get(field).is_some(), "trait {field}");
    }
    for field in ["source_sha256", "rows", "method", "k", "seed"] {
        assert!(p["provenance"].get(field).is_some(), "provenance {field}");
    }
}

#[test]
fn a_minimal_file_with_only_the_documented_fields_imports() {
    let mut file = exported();
    let p = &mut file["personas"][0];
    p["segment"].as_object_mut().unwrap().remove("rule");
    p["provenance"]
        .as_object_mut()
        .unwrap()
        .remove("min_group_size");
    p["review_due"] = json!("2027-02-24T00:00:00Z");
    let personas = import_value(&file).unwrap();
    assert_eq!(personas[0].provenance.min_group_size, 11);
}

#[test]
fn refuses_malformed_json_with_its_position() {
    let error = import(b"{\n  \"format\": \"persona-builder\",\n  oops }").unwrap_err();
    assert!(
        matches!(error, ImportError::NotJson { line: 3, .. }),
        "{error}"
    );
}

#[test]
fn refuses_other_formats_and_newer_or_bad_schemas() {
    let mut file = exported();
    file["format"] = json!("something-else");
    assert!(matches!(
        import_value(&file),
        Err(ImportError::NotPersonaFile { .. })
    ));
    file.as_object_mut().unwrap().remove("format");
    assert!(import_value(&file)
        .unwrap_err()
        .to_string()
        .contains("missing"));

    let mut file = exported();
    file["schema_version"] = json!(4);
    let error = import_value(&file).unwrap_err();
    assert_eq!(error, ImportError::NewerSchema { found: 4 });
    assert!(error.to_string().contains("newer"));
    for bad in [json!(0), json!("1"), json!(1.5), Value::Null] {
        file["schema_version"] = bad;
        assert!(matches!(
            import_value(&file),
            Err(ImportError::BadSchemaVersion { .. })
        ));
    }
    assert!(matches!(
        import(b"[1,2,3]"),
        Err(ImportError::NotPersonaFile { .. })
    ));
}

#[test]
fn names_the_missing_field_and_where() {
    let mut file = exported();
    file["personas"][1]
        .as_object_mut()
        .unwrap()
        .remove("segment");
    let error = import_value(&file).unwrap_err();
    let ImportError::BadShape { path, detail } = &error else {
        panic!("{error}")
    };
    assert_eq!(path, "personas[1]");
    assert!(detail.contains("missing field `segment`"), "{detail}");
}

#[test]
fn refuses_unknown_fields_that_could_smuggle_rows() {
    let mut file = exported();
    file["personas"][0]["rows"] = json!([["Jane Doe", "jane@example.org"]]);
    assert!(matches!(
        import_value(&file),
        Err(ImportError::BadShape { .. })
    ));
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
        Err(ImportError::BadPersona { position: 2, .. })
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
