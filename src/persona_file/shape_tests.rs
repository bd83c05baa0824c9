use serde_json::{json, Value};
use time::macros::date;

use super::*;
use crate::follow_up::{rate, record_review, Decision, Measure, Plan, PlanStatus, Rating, Review};
use crate::personas::Persona;
use crate::test_support::persona;

/// A persona with something in most of its fields: a plan with a measure (an internally
/// tagged enum), a rating, a review, a tag.
fn rich() -> Value {
    let mut p = persona("p1", "Partner");
    let mut plan = Plan::adopt(&p, "Offer a shuttle.", "", date!(2026 - 11 - 25));
    plan.status = PlanStatus::InProgress;
    plan.measure = Some(Measure::Answer {
        question: "transport".into(),
        answer: "Car".into(),
    });
    p.plans.push(plan);
    let rating = Rating {
        by: "Ben".into(),
        date: date!(2026 - 11 - 26),
        score: 4,
        comment: "Matches our clinic.".into(),
    };
    rate(&mut p, rating);
    let review = Review {
        date: date!(2026 - 11 - 27),
        by: "Ana".into(),
        decision: Decision::Keep,
        note: String::new(),
        next_due: date!(2027 - 02 - 27),
        at_wave: 0,
    };
    record_review(&mut p, review);
    p.tags.push("clinic".into());
    serde_json::to_value(&p).unwrap()
}

/// Each JSON pointer under `value` (its own is `pointer`).
fn pointers(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                pointers(item, format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(pointer);
}

/// The persona broken in every way one change can: each field removed, each value of
/// the wrong type or out of range, an unknown field in each object.
fn broken(value: &Value) -> Vec<Value> {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    let mut out = Vec::new();
    for pointer in all {
        let node = value.pointer(&pointer).unwrap().clone();
        let replacements = match &node {
            Value::String(_) => vec![json!(5), json!(null)],
            Value::Number(_) => vec![json!("x"), json!(-1), json!(1.5), json!(1e300)],
            Value::Bool(_) => vec![json!("x")],
            Value::Null => vec![json!([1]), json!("x")],
            Value::Array(_) => vec![json!({}), json!([{ "x": 1 }])],
            Value::Object(_) => vec![json!(7), json!([])],
        };
        for replacement in replacements {
            let mut changed = value.clone();
            *changed.pointer_mut(&pointer).unwrap() = replacement;
            out.push(changed);
        }
        if let Value::Object(map) = &node {
            let mut changed = value.clone();
            let target = changed.pointer_mut(&pointer).unwrap();
            target["zz_unknown"] = json!(1);
            out.push(changed);
            for key in map.keys() {
                let mut changed = value.clone();
                let target = changed.pointer_mut(&pointer).unwrap();
                target.as_object_mut().unwrap().shift_remove(key);
                out.push(changed);
            }
        }
    }
    out
}

/// What serde_path_to_error says of `text`, the reference the walk is held to.
fn reference(text: &str) -> Result<Persona, ShapeError> {
    let value: Value = serde_json::from_str(text).unwrap();
    serde_path_to_error::deserialize(value).map_err(|e| ShapeError {
        path: e.path().to_string(),
        detail: e.inner().to_string(),
    })
}

#[test]
fn every_shape_error_of_a_persona_is_placed_and_worded_as_a_path_tracking_reader_does() {
    let mut errors = 0;
    for value in broken(&rich()) {
        for text in [
            value.to_string(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            let got = from_text::<Persona>(&text);
            assert_eq!(got, reference(&text), "{text}");
            errors += usize::from(got.is_err());
        }
    }
    assert!(errors > 400, "{errors}");
}

#[test]
fn paths_name_fields_and_indexes_as_before() {
    let text = r#"{"a": {"b": [1, {"c": "x"}]}, "d\"e": 1}"#;
    let path = |needle: &str| path_at(text, text.find(needle).unwrap() + needle.len());
    assert_eq!(path(r#""x""#), "a.b[1].c");
    assert_eq!(path("[1"), "a.b[0]");
    assert_eq!(path("}]"), "a.b");
    assert_eq!(path("}]}"), "a");
    assert_eq!(path(r#""d\"e""#), "d\"e");
    assert_eq!(path_at(text, text.len()), ".");
    assert_eq!(path_at(text, 0), ".");
}

#[test]
fn the_detail_has_no_line_and_column() {
    let error = from_text::<Persona>("{\n  \"id\": 5\n}").unwrap_err();
    assert_eq!(error.path, "id");
    assert_eq!(error.detail, "invalid type: integer `5`, expected a string");
}
