//! REDCap data dictionaries: which fields the project marks as identifiers.

use std::collections::HashSet;

use super::{read_csv, ReadError};

const FIELD_NAME: &str = "Variable / Field Name";
const IDENTIFIER: &str = "Identifier?";

/// Why a data dictionary could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DictionaryError {
    #[error("{0}")]
    Unreadable(ReadError),
    #[error(
        "This is not a REDCap data dictionary: it has no “{FIELD_NAME}” and “{IDENTIFIER}” columns."
    )]
    NotADictionary,
}

/// The field names a REDCap data dictionary marks with `Identifier? = y`.
pub fn redcap_identifier_fields(bytes: &[u8]) -> Result<HashSet<String>, DictionaryError> {
    let dictionary = read_csv(bytes).map_err(DictionaryError::Unreadable)?;
    let column = |name: &str| dictionary.columns().iter().find(|c| c.name == name);
    let (Some(fields), Some(marks)) = (column(FIELD_NAME), column(IDENTIFIER)) else {
        return Err(DictionaryError::NotADictionary);
    };
    Ok(fields
        .answers
        .iter()
        .zip(&marks.answers)
        .filter(|(_, mark)| mark.trim().eq_ignore_ascii_case("y"))
        .map(|(field, _)| field.trim().to_string())
        .collect())
}

/// Whether a data column belongs to a marked field (checkbox fields export as
/// `field___code`).
pub fn is_marked(column: &str, marked: &HashSet<String>) -> bool {
    marked.contains(column)
        || column
            .split_once("___")
            .is_some_and(|(field, _)| marked.contains(field))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_identifier_marks_of_a_real_dictionary() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/survey-samples/redcap-data-dictionary.csv"
        );
        let bytes = std::fs::read(path).expect("shared REDCap dictionary");
        let marked = redcap_identifier_fields(&bytes).unwrap();
        let expected: HashSet<String> =
            ["email", "first_name", "last_name", "address", "telephone_1"]
                .map(String::from)
                .into();
        assert_eq!(marked, expected);
    }

    #[test]
    fn checkbox_columns_follow_their_field() {
        let marked: HashSet<String> = ["consent".to_string()].into();
        assert!(is_marked("consent___1", &marked));
        assert!(is_marked("consent", &marked));
        assert!(!is_marked("consent_form", &marked));
    }

    #[test]
    fn refuses_other_files() {
        assert_eq!(
            redcap_identifier_fields(b"a,b\n1,2\n"),
            Err(DictionaryError::NotADictionary)
        );
    }
}
