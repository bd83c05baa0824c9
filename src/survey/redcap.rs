//! REDCap data dictionaries: which fields the project marks as identifiers, the fields'
//! labels, and the labels of their coded choices (`1, Female | 2, Male`), so that a raw
//! export (codes) reads like a labelled one.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::{
    read_detected, read_workbook_survey, Column, ReadError, ReadOptions, ReadWorkbook, Survey,
};

const FIELD_NAME: &str = "Variable / Field Name";
const FIELD_TYPE: &str = "Field Type";
const FIELD_LABEL: &str = "Field Label";
const CHOICES: &str = "Choices, Calculations, OR Slider Labels";
const IDENTIFIER: &str = "Identifier?";

/// Data dictionaries larger than this are refused before they are read (5 MiB; one of
/// 10,000 fields takes about 3 MiB).
pub const MAX_DICTIONARY_BYTES: usize = 5 * 1024 * 1024;

/// Why a data dictionary could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DictionaryError {
    #[error(
        "The file is {mib} MiB; a REDCap data dictionary is at most {} MiB. Choose the \
         project's data dictionary (its CSV export), not the data.",
        MAX_DICTIONARY_BYTES / (1024 * 1024)
    )]
    TooLarge { mib: usize },
    #[error("{0}")]
    Unreadable(ReadError),
    #[error(
        "This is not a REDCap data dictionary: it has no “{FIELD_NAME}” and “{IDENTIFIER}” columns."
    )]
    NotADictionary,
}

/// One field of a REDCap project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The question as respondents saw it, without markup.
    pub label: String,
    /// Codes and their labels, for radio, dropdown, checkbox, yes/no and true/false.
    pub choices: Vec<(String, String)>,
}

/// What a REDCap data dictionary says about a project's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictionary {
    /// Fields marked `Identifier? = y`.
    pub identifiers: BTreeSet<String>,
    /// Every field by its variable name.
    pub fields: BTreeMap<String, Field>,
}

impl Dictionary {
    /// Refuses a dictionary over [`MAX_DICTIONARY_BYTES`]; call it before reading the bytes.
    pub fn check_size(bytes: usize) -> Result<(), DictionaryError> {
        if bytes > MAX_DICTIONARY_BYTES {
            return Err(DictionaryError::TooLarge {
                mib: bytes.div_ceil(1024 * 1024),
            });
        }
        Ok(())
    }

    /// Reads a data dictionary exported from REDCap (CSV).
    pub fn parse(bytes: &[u8]) -> Result<Self, DictionaryError> {
        Self::check_size(bytes.len())?;
        Self::from_read(read_detected(bytes))
    }

    /// [`Self::parse`] for a dictionary kept as a workbook, which the workbook worker read.
    pub fn parse_workbook(read: &ReadWorkbook) -> Result<Self, DictionaryError> {
        Self::check_size(read.file_bytes)?;
        Self::from_read(read_workbook_survey(read, ReadOptions::default()))
    }

    fn from_read(dictionary: Result<Survey, ReadError>) -> Result<Self, DictionaryError> {
        let dictionary = dictionary.map_err(DictionaryError::Unreadable)?;
        let column = |name: &str| dictionary.columns().iter().find(|c| c.name == name);
        let (Some(names), Some(marks)) = (column(FIELD_NAME), column(IDENTIFIER)) else {
            return Err(DictionaryError::NotADictionary);
        };
        let cell = |column: Option<&Column>, row: usize| {
            column.map_or(String::new(), |c| c.answers[row].trim().to_string())
        };
        let (types, labels, choices) = (column(FIELD_TYPE), column(FIELD_LABEL), column(CHOICES));
        let mut result = Dictionary::default();
        for (row, name) in names.answers.iter().enumerate() {
            let name = name.trim().to_string();
            if name.is_empty() {
                continue;
            }
            if marks.answers[row].trim().eq_ignore_ascii_case("y") {
                result.identifiers.insert(name.clone());
            }
            let field = Field {
                label: without_markup(&cell(labels, row)),
                choices: choices_of(&cell(types, row), &cell(choices, row)),
            };
            result.fields.insert(name, field);
        }
        Ok(result)
    }

    /// The survey with coded answers replaced by their labels and columns named by their
    /// questions (checkbox columns `field___code` become `question___label`, which the
    /// multi-select fold understands). Columns the dictionary does not know are kept.
    pub fn label(&self, survey: &Survey) -> Survey {
        let mut used: HashSet<String> = HashSet::new();
        let columns = survey
            .columns()
            .iter()
            .map(|original| {
                let mut column = self.label_column(original);
                // Two fields with one label keep apart by their variable names.
                if !used.insert(column.name.clone()) {
                    column.name = format!("{} ({})", column.name, original.name);
                    used.insert(column.name.clone());
                }
                column
            })
            .collect();
        survey.with_columns(columns)
    }

    fn label_column(&self, column: &Column) -> Column {
        if let Some((name, code)) = column.name.split_once("___") {
            if let Some(field) = self.fields.get(name) {
                let option = field
                    .choices
                    .iter()
                    .find(|(c, _)| c == code)
                    .map_or(code, |(_, label)| label.as_str());
                let question = if field.label.is_empty() {
                    name
                } else {
                    &field.label
                };
                return Column {
                    name: format!("{question}___{option}"),
                    answers: column.answers.clone(),
                };
            }
        }
        let Some(field) = self.fields.get(&column.name) else {
            return column.clone();
        };
        let answers = column
            .answers
            .iter()
            .map(|answer| {
                field
                    .choices
                    .iter()
                    .find(|(code, _)| code == answer.trim())
                    .map_or_else(|| answer.clone(), |(_, label)| label.as_str().into())
            })
            .collect();
        Column {
            name: if field.label.is_empty() {
                column.name.clone()
            } else {
                field.label.clone()
            },
            answers,
        }
    }
}

/// The coded choices of a field, by its type.
fn choices_of(field_type: &str, choices: &str) -> Vec<(String, String)> {
    match field_type {
        "yesno" => vec![("1".into(), "Yes".into()), ("0".into(), "No".into())],
        "truefalse" => vec![("1".into(), "True".into()), ("0".into(), "False".into())],
        "radio" | "dropdown" | "checkbox" => choices
            .split('|')
            .filter_map(|choice| {
                let (code, label) = choice.split_once(',')?;
                Some((code.trim().to_string(), without_markup(label)))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Label text with REDCap's HTML tags removed (labels are shown as text, never as HTML).
fn without_markup(label: &str) -> String {
    let mut text = String::with_capacity(label.len());
    let mut in_tag = false;
    for c in label.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

    fn shared(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../shared/survey-samples/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(path).expect("shared REDCap sample")
    }

    #[test]
    fn reads_the_identifier_marks_of_a_real_dictionary() {
        let dictionary = Dictionary::parse(&shared("redcap-data-dictionary.csv")).unwrap();
        let expected: BTreeSet<String> =
            ["email", "first_name", "last_name", "address", "telephone_1"]
                .map(String::from)
                .into();
        assert_eq!(dictionary.identifiers, expected);
        let ethnicity = &dictionary.fields["ethnicity"];
        assert_eq!(ethnicity.label, "Ethnicity");
        assert_eq!(
            ethnicity.choices[0],
            ("0".into(), "Hispanic or Latino".into())
        );
    }

    #[test]
    fn a_raw_export_reads_as_labels_with_the_dictionary() {
        let dictionary = Dictionary::parse(&shared("redcap-data-dictionary.csv")).unwrap();
        let raw = read_detected(&shared("redcap-raw.csv")).unwrap();
        let labelled = dictionary.label(&raw);
        let column = |name: &str| labelled.columns().iter().find(|c| c.name == name);
        let diabetes = column("I currently have Type 2 Diabetes").expect("labelled");
        assert!(diabetes
            .answers
            .iter()
            .all(|a| ["True", "False", ""].contains(&a.as_str())));
        assert!(labelled.columns().iter().any(
            |c| c.name.starts_with("By checking this box") && c.name.ends_with("___I consent")
        ));
        assert_eq!(labelled.respondents(), raw.respondents());
    }

    #[test]
    fn labels_lose_markup_and_unknown_codes_stay() {
        let csv = "\"Variable / Field Name\",\"Field Type\",\"Field Label\",\"Choices, Calculations, OR Slider Labels\",Identifier?\n\
                   sex,radio,\"<b>Sex</b> at birth\",\"1, Female | 2, Male\",\n\
                   mood,radio,Sex at birth,\"1, Good\",\n";
        let dictionary = Dictionary::parse(csv.as_bytes()).unwrap();
        let data = read_detected(b"sex,mood,other\n1,1,x\n2,9,y\n3,,z\n").unwrap();
        let labelled = dictionary.label(&data);
        let names: Vec<_> = labelled.columns().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Sex at birth", "Sex at birth (mood)", "other"]);
        assert_eq!(labelled.columns()[0].answers, ["Female", "Male", "3"]);
        assert_eq!(labelled.columns()[1].answers, ["Good", "9", ""]);
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
            Dictionary::parse(b"a,b\n1,2\n"),
            Err(DictionaryError::NotADictionary)
        );
    }

    #[test]
    fn refuses_a_file_too_large_to_be_a_dictionary_before_reading_it() {
        // Bytes that would not read as CSV at all: the size is refused first.
        let huge = vec![0xFF; MAX_DICTIONARY_BYTES + 1];
        let error = Dictionary::parse(&huge).unwrap_err();
        assert_eq!(error, DictionaryError::TooLarge { mib: 6 });
        assert!(error.to_string().contains("at most 5 MiB"), "{error}");
        assert!(Dictionary::check_size(MAX_DICTIONARY_BYTES).is_ok());
    }
}
