//! JSON exports: an array of flat objects, one per respondent. Keys become columns in
//! the order they are first seen; a key a respondent lacks is an unanswered question.

use std::collections::HashMap;

use serde_json::Value;

use super::cells::check_width;
use super::csv_text::column_names;
use super::{Answer, Column, ReadError};

/// Reads `[{"q1": "yes", "age": 34}, …]` into columns named as a header row would name
/// them (see `column_names`), with the warnings naming them gave.
pub fn read_json(text: &str) -> Result<(Vec<Column>, Vec<String>), ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Json {
        detail: e.to_string(),
    })?;
    let Value::Array(rows) = value else {
        return Err(ReadError::NotFlatJson {
            row: 0,
            key: String::new(),
        });
    };
    let mut keys: Vec<String> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    let mut answers: Vec<Vec<Answer>> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let Value::Object(fields) = row else {
            return Err(ReadError::NotFlatJson {
                row: index + 1,
                key: String::new(),
            });
        };
        for (key, value) in fields {
            let text = match value {
                Value::Null => String::new(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.trim().to_string(),
                Value::Array(_) | Value::Object(_) => {
                    return Err(ReadError::NotFlatJson {
                        row: index + 1,
                        key: key.clone(),
                    })
                }
            };
            let column = match position.get(key.as_str()) {
                Some(&column) => column,
                None => {
                    check_width(keys.len() + 1)?;
                    position.insert(key, keys.len());
                    keys.push(key.clone());
                    answers.push(vec![Answer::default(); index]);
                    keys.len() - 1
                }
            };
            answers[column].push(text.into());
        }
        for column in &mut answers {
            column.resize(index + 1, Answer::default());
        }
    }
    if rows.is_empty() || keys.is_empty() {
        return Err(ReadError::HeaderOnly);
    }
    let (names, warnings) = column_names(keys.iter().map(String::as_str));
    let columns = names
        .into_iter()
        .zip(answers)
        .map(|(name, answers)| Column {
            name,
            answers: answers.into(),
        })
        .collect();
    Ok((columns, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flat_objects_with_missing_keys() {
        let text = r#"[{"lives_with":"Alone","age":71,"consent":true},
                        {"age":45,"lives_with":"Partner"},
                        {"lives_with":null,"comment":"Too far"}]"#;
        let (columns, warnings) = read_json(text).unwrap();
        let names: Vec<_> = columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["lives_with", "age", "consent", "comment"]);
        assert!(warnings.is_empty());
        assert_eq!(columns[0].answers, ["Alone", "Partner", ""]);
        assert_eq!(columns[1].answers, ["71", "45", ""]);
        assert_eq!(columns[2].answers, ["true", "", ""]);
        assert_eq!(columns[3].answers, ["", "", "Too far"]);
    }

    #[test]
    fn refuses_nested_values_naming_the_row_and_key() {
        let error = read_json(r#"[{"a":1},{"a":{"b":2}}]"#).unwrap_err();
        assert_eq!(
            error,
            ReadError::NotFlatJson {
                row: 2,
                key: "a".into()
            }
        );
        assert!(matches!(
            read_json(r#"{"a":1}"#),
            Err(ReadError::NotFlatJson { .. })
        ));
        assert!(matches!(
            read_json("[1,2]"),
            Err(ReadError::NotFlatJson { row: 1, .. })
        ));
        assert!(matches!(read_json("[{\"a\":"), Err(ReadError::Json { .. })));
        assert_eq!(read_json("[]").unwrap_err(), ReadError::HeaderOnly);
    }
}
