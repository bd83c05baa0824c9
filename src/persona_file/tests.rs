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
fn export_is_laid_out_as_the_pretty_printer_writes_the_personas() {
    let mut personas = vec![persona("p1", "Partner"), persona("p2", "Alone")];
    personas[0].segment.share = 1.0 / 3.0;
    personas[1].traits[0].value = "Car \u{2014} \"mostly\"".into();
    let text = export(&personas, ExportOptions::default(), NOW).unwrap();
    let file = PersonaFile {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        exported_at: NOW,
        personas,
    };
    assert_eq!(text, serde_json::to_string_pretty(&file).unwrap());
}

#[test]
fn export_has_every_documented_field() {
    let file = exported();
    assert_eq!(file["format"], "persona-builder");
    assert_eq!(file["schema_version"], SCHEMA_VERSION);
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
    file["schema_version"] = json!(SCHEMA_VERSION + 1);
    let error = import_value(&file).unwrap_err();
    let found = u64::from(SCHEMA_VERSION + 1);
    assert_eq!(error, ImportError::NewerSchema { found });
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
    let ImportError::BadPersona(refused) = &error else {
        panic!("{error}")
    };
    assert_eq!(refused.position, 2);
    let Refusal::BadShape { path, detail } = &refused.reason else {
        panic!("{error}")
    };
    assert_eq!(path, ".");
    assert!(detail.contains("missing field `segment`"), "{detail}");
    file["personas"][0]["segment"]["size"] = json!("many");
    let error = read_file(file.to_string().as_bytes()).unwrap().refused[0].to_string();
    assert!(
        error.starts_with("Persona 1 (“Partner”): it is incomplete or has unexpected content at segment.size: invalid type"),
        "{error}"
    );
}

#[test]
fn refuses_unknown_fields_that_could_smuggle_rows() {
    let mut file = exported();
    file["personas"][0]["rows"] = json!([["Jane Doe", "jane@example.org"]]);
    assert!(matches!(
        import_value(&file),
        Err(ImportError::BadPersona(Refused {
            reason: Refusal::BadShape { .. },
            ..
        }))
    ));
    let mut file = exported();
    file["rows"] = json!([["Jane Doe"]]);
    assert!(matches!(
        import_value(&file),
        Err(ImportError::BadShape { .. })
    ));
}

#[test]
fn the_valid_personas_of_a_file_can_be_taken_and_the_others_are_listed() {
    let mut file = exported();
    file["personas"][1]["segment"]["size"] = json!(7);
    let imported = read_file(file.to_string().as_bytes()).unwrap();
    assert_eq!(imported.personas, [persona("p1", "Partner")]);
    let [refused] = &imported.refused[..] else {
        panic!("{imported:?}")
    };
    assert_eq!(refused.position, 2);
    assert_eq!(refused.name.as_deref(), Some("Alone"));
    assert_eq!(
        refused.reason,
        Refusal::Broken(PersonaProblem::SegmentTooSmall { size: 7, k: 11 })
    );
    let original: Value = serde_json::from_str(refused.raw_json()).unwrap();
    assert_eq!(original, file["personas"][1]);
    // All or nothing, the same file is refused, naming the persona.
    let error = import_value(&file).unwrap_err().to_string();
    assert_eq!(
        error,
        "A persona in the file was refused, so none was taken. \
         Persona 2 (“Alone”): it rests on 7 respondents; a persona needs at least 11."
    );
    // Two personas with one id: the second is refused.
    let mut twice = exported();
    twice["personas"][1]["id"] = json!("p1");
    let imported = read_file(twice.to_string().as_bytes()).unwrap();
    assert_eq!(imported.personas.len(), 1);
    assert_eq!(
        imported.refused[0].reason,
        Refusal::RepeatedId { id: "p1".into() }
    );
}

#[test]
fn a_file_with_a_utf8_bom_or_in_utf16_imports() {
    let text = export(&[persona("p1", "Partner")], ExportOptions::default(), NOW).unwrap();
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(import(&with_bom).unwrap(), [persona("p1", "Partner")]);
    for big_endian in [false, true] {
        let bytes = crate::test_support::utf16(&text, big_endian);
        assert_eq!(import(&bytes).unwrap(), [persona("p1", "Partner")]);
    }
    let broken = [b"\xEF\xBB\xBF".as_slice(), b"{\"format\": \"\xff\"}"].concat();
    let error = import(&broken).unwrap_err();
    assert_eq!(error, ImportError::NotText { encoding: "UTF-8" });
}

#[test]
fn repeated_keys_are_refused_in_the_file_and_in_a_persona() {
    let text = export(&[persona("p1", "Partner")], ExportOptions::default(), NOW).unwrap();
    let version = format!("\"schema_version\": {SCHEMA_VERSION}");
    assert!(text.contains(&version));
    let twice = text.replacen(&version, &format!("\"schema_version\": 999, {version}"), 1);
    let error = import(twice.as_bytes()).unwrap_err();
    assert_eq!(
        error,
        ImportError::RepeatedKey {
            key: "schema_version".into()
        }
    );
    assert!(error.to_string().contains("names “schema_version” twice"));
    let in_persona = text.replacen(
        "\"name\": \"Partner\"",
        "\"name\": \"Partner\", \"name\": \"X\"",
        1,
    );
    assert_ne!(in_persona, text);
    let imported = read_file(in_persona.as_bytes()).unwrap();
    assert!(imported.personas.is_empty());
    assert_eq!(
        imported.refused[0].reason,
        Refusal::RepeatedKey { key: "name".into() }
    );
}

/// The rules each persona in a file meets: its texts, counts, numbers, quotes and the
/// library's own fields.
#[path = "rules_tests.rs"]
mod rules;
