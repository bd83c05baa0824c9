use super::*;
use crate::persona_file::PersonaProblem;
use crate::test_support::persona;
use serde_json::json;
use time::macros::datetime;

fn stored_text(library: &Library) -> String {
    serde_json::to_string(&library.to_stored()).unwrap()
}

/// A version 1 library (the old format) of five personas, the third too small.
fn five_with_one_bad() -> String {
    let mut personas: Vec<serde_json::Value> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|id| serde_json::to_value(persona(id, &id.to_uppercase())).unwrap())
        .collect();
    personas[2]["segment"]["size"] = json!(5);
    // Written by hand, with spacing of its own, as an older build might have.
    let list: Vec<String> = personas.iter().map(|p| p.to_string()).collect();
    format!(
        "{{\"storage_version\": 1, \"personas\": [\n  {}\n]}}",
        list.join(",\n  ")
    )
}

#[test]
fn storage_round_trip_keeps_personas_and_history() {
    let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    library
        .edit("a", "Sam", datetime!(2026-12-01 9:00 UTC), |p| {
            p.name = "A2".into()
        })
        .unwrap();
    let text = stored_text(&library);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["storage_version"], 2);
    assert_eq!(Library::from_stored(&text).unwrap(), library);
}

#[test]
fn a_version_1_library_is_migrated() {
    let v1 = json!({
        "storage_version": 1,
        "personas": [serde_json::to_value(persona("a", "A")).unwrap()],
    });
    let library = Library::from_stored(&v1.to_string()).unwrap();
    assert_eq!(library.personas(), [persona("a", "A")]);
    assert!(library.history("a").is_empty());
    assert!(library.set_aside().is_empty());
}

#[test]
fn a_newer_or_damaged_store_is_refused_whole() {
    let newer = json!({"storage_version": 3, "personas": []}).to_string();
    assert_eq!(Library::from_stored(&newer), Err(LoadError::Newer(3)));
    for damaged in [
        r#"{"storage_version": 2, "personas": "x"}"#,
        r#"{"personas": []}"#,
        r#"{"storage_version": 2, "storage_version": 3, "personas": []}"#,
        r#"[1, 2]"#,
        r#"{"storage_version": 2, "personas": []"#,
    ] {
        assert!(
            matches!(Library::from_stored(damaged), Err(LoadError::Damaged(_))),
            "{damaged}"
        );
    }
}

#[test]
fn one_bad_persona_among_five_is_set_aside_and_the_rest_load() {
    let text = five_with_one_bad();
    let library = Library::from_stored(&text).unwrap();
    let ids: Vec<&str> = library.personas().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "d", "e"]);
    let [aside] = library.set_aside() else {
        panic!("one persona is set aside")
    };
    assert_eq!(aside.persona.position, 3);
    assert_eq!(aside.persona.name.as_deref(), Some("C"));
    assert_eq!(
        aside.persona.reason,
        Refusal::Broken(PersonaProblem::SegmentTooSmall { size: 5, k: 11 })
    );
    assert_eq!(
        aside.persona.to_string(),
        "Persona 3 (“C”): it rests on 5 respondents; a persona needs at least 11."
    );
    // As stored, to the byte.
    assert!(text.contains(aside.persona.raw_json()));

    // The rest stay usable, and saving keeps the set-aside persona as it was.
    let mut edited = library.clone();
    edited
        .edit("a", "Sam", datetime!(2026-12-01 9:00 UTC), |p| {
            p.name = "A2".into()
        })
        .unwrap();
    let saved = stored_text(&edited);
    assert!(saved.contains(aside.persona.raw_json()));
    let again = Library::from_stored(&saved).unwrap();
    assert_eq!(again.personas().len(), 4);
    assert_eq!(
        again.set_aside()[0].persona.raw_json(),
        aside.persona.raw_json()
    );

    // Downloaded as they are, with the reason; removed, they leave storage.
    let file: serde_json::Value = serde_json::from_str(&library.set_aside_file()).unwrap();
    let original: serde_json::Value = serde_json::from_str(aside.persona.raw_json()).unwrap();
    assert_eq!(file["personas"][0], original);
    assert!(file["reasons"][0].as_str().unwrap().contains("at least 11"));
    let mut removed = edited;
    assert_eq!(removed.remove_set_aside().len(), 1);
    let saved = stored_text(&removed);
    assert!(!saved.contains(aside.persona.raw_json()));
    assert!(Library::from_stored(&saved).unwrap().set_aside().is_empty());
}

#[test]
fn a_persona_with_a_bad_kept_version_goes_aside_with_its_history() {
    let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    library
        .edit("a", "Sam", datetime!(2026-12-01 9:00 UTC), |p| {
            p.name = "A2".into()
        })
        .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&stored_text(&library)).unwrap();
    value["history"]["a"][0]["persona"]["name"] = json!("Sam\u{202E}my");
    let text = value.to_string();
    let loaded = Library::from_stored(&text).unwrap();
    assert_eq!(loaded.personas(), [persona("b", "B")]);
    let reason = loaded.set_aside()[0].persona.reason.to_string();
    assert!(
        reason.starts_with("its version history cannot be used: an earlier version: its name"),
        "{reason}"
    );
    // Saved again, the history is still there, under the same id.
    let saved: serde_json::Value = serde_json::from_str(&stored_text(&loaded)).unwrap();
    assert_eq!(saved["history"]["a"], value["history"]["a"]);
}

#[test]
fn repeated_keys_repeated_ids_and_unreadable_entries_are_set_aside() {
    let good = serde_json::to_string(&persona("a", "A")).unwrap();
    let repeated_key = good.replacen("{\"id\":\"a\"", "{\"id\":\"x\",\"id\":\"y\"", 1);
    let text = format!(
        "{{\"storage_version\":2,\"personas\":[{good},{good},{repeated_key},7,{{\"name\":\"\\u0007\"}}]}}"
    );
    let library = Library::from_stored(&text).unwrap();
    assert_eq!(library.personas(), [persona("a", "A")]);
    let reasons: Vec<&Refusal> = library
        .set_aside()
        .iter()
        .map(|s| &s.persona.reason)
        .collect();
    assert_eq!(reasons[0], &Refusal::RepeatedId { id: "a".into() });
    assert_eq!(reasons[1], &Refusal::RepeatedKey { key: "id".into() });
    assert!(matches!(reasons[2], Refusal::BadShape { .. }));
    assert!(matches!(reasons[3], Refusal::BadShape { .. }));
    // A name is shown without what no text may hold.
    assert_eq!(library.set_aside()[3].persona.name.as_deref(), Some(""));
}

#[test]
fn a_loaded_persona_sharing_an_id_with_a_set_aside_one_keeps_its_own_history() {
    // "a" is set aside with its (valid) history; a fixed copy of "a" is imported, edited.
    let mut library = Library::new(vec![persona("a", "A")]);
    let by = datetime!(2026-12-01 9:00 UTC);
    library
        .edit("a", "Sam", by, |p| p.name = "A2".into())
        .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&stored_text(&library)).unwrap();
    value["personas"][0]["segment"]["size"] = json!(5);
    let mut loaded = Library::from_stored(&value.to_string()).unwrap();
    assert_eq!(loaded.set_aside().len(), 1);
    loaded.merge(&[persona("a", "Fixed")], "Sam", by).unwrap();
    loaded
        .edit("a", "Sam", by, |p| p.name = "Fixed 2".into())
        .unwrap();
    let saved = stored_text(&loaded);
    let again = Library::from_stored(&saved).unwrap();
    assert_eq!(again.personas()[0].name, "Fixed 2");
    assert_eq!(again.history("a")[0].persona.name, "Fixed");
    let aside = &again.set_aside()[0];
    assert_eq!(
        aside.persona.raw_json(),
        loaded.set_aside()[0].persona.raw_json()
    );
    // Its own history is still stored beside it, and saved again unchanged.
    assert_eq!(stored_text(&again), saved);
}
