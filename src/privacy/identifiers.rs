//! Finding identifier columns: by their name (the survey tools' metadata and the usual
//! personal fields) and by their content (emails, phones, IPs, coordinates, ID codes,
//! or a different value for every respondent).

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::patterns::{identifier_kind, IdentifierKind};
use crate::survey::{Answers, Column, Layout};

/// Columns with fewer answers are not judged by content (too little to go on).
const MIN_ANSWERS_FOR_CONTENT: usize = 5;
/// Share of answers that must look like one kind of identifier.
const CONTENT_SHARE: f64 = 0.5;
/// Values looked at per column when judging content.
const SAMPLE: usize = 500;

/// Survey-tool metadata and personal fields, as normalised header words.
const EXACT_NAMES: &[&str] = &[
    "ip address",
    "ipaddress",
    "location latitude",
    "location longitude",
    "recipient email",
    "recipient first name",
    "recipient last name",
    "response id",
    "external reference",
    "external data reference",
    "email address",
    "first name",
    "last name",
    "respondent id",
    "collector id",
    "email",
    "name",
    "record id",
    "id",
    "uuid",
    "participant id",
    "patient id",
    "token",
];

/// Header words that mark an identifier, with the field they name. Phrases count
/// anywhere; single words only in short, field-like headers (at most [`FIELD_WORDS`]
/// words), so "Would you prefer a phone call?" stays a question.
const NAME_WORDS: &[(&[&str], &[&str], IdentifierField)] = &[
    (
        &["email address", "e mail address"],
        &["email", "e mail"],
        IdentifierField::Email,
    ),
    (
        &[
            "phone number",
            "telephone number",
            "mobile number",
            "cell number",
            "contact number",
            "phone no",
        ],
        &["phone", "telephone", "mobile", "fax"],
        IdentifierField::Phone,
    ),
    (&["ip address"], &["ip"], IdentifierField::Ip),
    (
        &["location latitude", "location longitude"],
        &["latitude", "longitude", "geolocation", "coordinates"],
        IdentifierField::Location,
    ),
    (
        &[
            "home address",
            "street address",
            "postal address",
            "mailing address",
        ],
        &["address", "street"],
        IdentifierField::Address,
    ),
    (
        &["zip code", "postal code", "post code"],
        &["zip", "zipcode", "postcode"],
        IdentifierField::Zip,
    ),
    (
        &["date of birth", "birth date"],
        &["dob", "birthdate", "birthday"],
        IdentifierField::BirthDate,
    ),
    (
        &[
            "medical record",
            "record number",
            "hospital number",
            "chart number",
        ],
        &["mrn"],
        IdentifierField::RecordNumber,
    ),
    (
        &["nhs number", "nhs no", "chi number"],
        &[],
        IdentifierField::NhsNumber,
    ),
    (
        &[
            "social security",
            "national insurance number",
            "passport number",
            "driver license",
            "drivers license",
            "licence number",
        ],
        &["ssn"],
        IdentifierField::NationalId,
    ),
    (
        &[
            "first name",
            "last name",
            "full name",
            "given name",
            "family name",
            "your name",
            "patient name",
            "respondent name",
            "maiden name",
        ],
        &["name", "surname", "forename"],
        IdentifierField::PersonName,
    ),
    (
        &[
            "respondent id",
            "response id",
            "participant id",
            "patient id",
            "record id",
            "external reference",
            "survey identifier",
        ],
        &["uuid", "guid", "identifier", "id"],
        IdentifierField::RecordId,
    ),
];

/// Headers of at most this many words are field labels, where single words count.
const FIELD_WORDS: usize = 3;

/// The kind of personal field a column's name says it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierField {
    /// A survey tool's own identifier or contact field (`ResponseId`, `RecipientEmail`).
    ToolField,
    Email,
    Phone,
    Ip,
    Location,
    Address,
    Zip,
    BirthDate,
    RecordNumber,
    NhsNumber,
    NationalId,
    PersonName,
    RecordId,
}

impl std::fmt::Display for IdentifierField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IdentifierField::ToolField => "a survey tool's identifier or contact field",
            IdentifierField::Email => "named like an email address",
            IdentifierField::Phone => "named like a phone number",
            IdentifierField::Ip => "named like an IP address",
            IdentifierField::Location => "named like a location",
            IdentifierField::Address => "named like an address",
            IdentifierField::Zip => "named like a ZIP or postcode",
            IdentifierField::BirthDate => "named like a date of birth",
            IdentifierField::RecordNumber => "named like a medical record number",
            IdentifierField::NhsNumber => "named like an NHS number",
            IdentifierField::NationalId => "named like a national ID number",
            IdentifierField::PersonName => "named like a person's name",
            IdentifierField::RecordId => "named like a record ID",
        })
    }
}

/// Why a column was dropped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Its name says it identifies someone.
    Name(IdentifierField),
    /// Most of its answers look like one kind of identifier.
    Content { kind: IdentifierKind, percent: u32 },
    /// A different answer from every respondent, as short codes or whole numbers.
    UniquePerRespondent,
    /// The REDCap data dictionary marks it as an identifier.
    MarkedIdentifier,
    /// The survey tool's own metadata (times, progress, device), not a question.
    Metadata(Layout),
}

impl std::fmt::Display for DropReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DropReason::Name(field) => field.fmt(f),
            DropReason::Content { kind, percent } => {
                write!(f, "{percent}% of its answers look like {}", kind.plural())
            }
            DropReason::UniquePerRespondent => {
                f.write_str("a different short code or number for every respondent, like an ID")
            }
            DropReason::MarkedIdentifier => {
                f.write_str("marked as an identifier in the REDCap data dictionary")
            }
            DropReason::Metadata(Layout::Generic) => {
                f.write_str("survey-tool metadata, not a question")
            }
            DropReason::Metadata(tool) => write!(f, "{} metadata, not a question", tool.label()),
        }
    }
}

/// Lower-cases a header and splits it into words: `RecipientEmail`, `recipient_email`
/// and `Recipient e-mail` all become `recipient email`.
pub fn normalise_header(name: &str) -> String {
    let mut words = String::with_capacity(name.len() + 4);
    let mut previous: Option<char> = None;
    for c in name.chars() {
        if c.is_alphanumeric() {
            let camel_break = c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase());
            if camel_break && !words.ends_with(' ') {
                words.push(' ');
            }
            words.extend(c.to_lowercase());
        } else if !words.ends_with(' ') && !words.is_empty() {
            words.push(' ');
        }
        previous = Some(c);
    }
    words.trim().to_string()
}

/// Why `column` identifies respondents, or `None` when it may be analysed.
pub fn identifier_reason(column: &Column, marked: &HashSet<String>) -> Option<DropReason> {
    if crate::survey::is_marked(&column.name, marked) {
        return Some(DropReason::MarkedIdentifier);
    }
    // Ages and dates are generalised, not dropped, even when every respondent's differs.
    let generalised = super::generalise::is_age_header(&column.name)
        || super::generalise::is_date_column(&column.answers);
    by_name(&column.name).or_else(|| by_content(&column.answers).filter(|_| !generalised))
}

fn by_name(name: &str) -> Option<DropReason> {
    let header = normalise_header(name);
    if EXACT_NAMES.contains(&header.as_str()) {
        return Some(DropReason::Name(IdentifierField::ToolField));
    }
    let padded = format!(" {header} ");
    let has = |w: &&str| padded.contains(&format!(" {w} "));
    let field_like = header.split(' ').count() <= FIELD_WORDS;
    NAME_WORDS
        .iter()
        .find(|(phrases, words, _)| {
            phrases.iter().any(has) || (field_like && words.iter().any(has))
        })
        .map(|&(_, _, field)| DropReason::Name(field))
}

fn by_content(answers: &Answers) -> Option<DropReason> {
    let values: Vec<&str> = answers
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .take(SAMPLE)
        .collect();
    if values.len() < MIN_ANSWERS_FOR_CONTENT {
        return None;
    }
    let mut kinds: Vec<(IdentifierKind, usize)> = Vec::new();
    for kind in values.iter().filter_map(|v| identifier_kind(v)) {
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
    }
    let distinct = values.iter().collect::<FxHashSet<_>>().len();
    let share = |n: usize| n as f64 / values.len() as f64;
    if let Some(&(kind, n)) = kinds.iter().max_by_key(|(_, n)| *n) {
        // ID codes must also be (nearly) unique; the other kinds identify on their own.
        let unique_enough = kind != IdentifierKind::IdCode || share(distinct) >= 0.9;
        if share(n) >= CONTENT_SHARE && unique_enough {
            return Some(DropReason::Content {
                kind,
                percent: (share(n) * 100.0).round() as u32,
            });
        }
    }
    let all_unique = distinct == values.len() && values.len() >= 20;
    let code_like = values
        .iter()
        .all(|v| !v.contains(char::is_whitespace) && v.len() <= 40 && !v.contains('.'));
    (all_unique && code_like).then_some(DropReason::UniquePerRespondent)
}

#[cfg(test)]
#[path = "identifiers_tests.rs"]
mod tests;
