//! Sensitive questions (health conditions, sexuality, religion, ethnicity…): when every
//! member of a segment gives the same answer to one, showing it would tell anyone who
//! knows a member that answer (l-diversity), so it is withheld unless the user confirms.

use super::identifiers::normalise_header;

/// Word stems that make a question sensitive.
const SENSITIVE_STEMS: &[&str] = &[
    "diagnos",
    "condition",
    "illness",
    "disease",
    "disorder",
    "diabet",
    "cancer",
    "hiv",
    "aids",
    "hepatitis",
    "mental",
    "depress",
    "anxiety",
    "psychiatr",
    "pregnan",
    "abortion",
    "sexual",
    "sexuality",
    "gender identity",
    "religio",
    "faith",
    "ethnic",
    "race",
    "disabilit",
    "medication",
    "substance",
    "alcohol",
    "drug",
    "addict",
    "sti",
    "std",
    "immigration",
    "criminal",
    "hiv status",
];

/// True when the question asks about something sensitive.
pub fn is_sensitive_question(name: &str) -> bool {
    let padded = format!(" {} ", normalise_header(name));
    SENSITIVE_STEMS
        .iter()
        .any(|stem| padded.contains(&format!(" {stem}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_health_and_identity_questions() {
        for q in [
            "Diagnosis",
            "has_diabetes",
            "Which conditions do you have?",
            "Ethnicity",
            "race",
            "Religion",
        ] {
            assert!(is_sensitive_question(q), "{q}");
        }
        for q in [
            "Who do you live with?",
            "Preferred contact",
            "How do you travel?",
            "Terrace access",
        ] {
            assert!(!is_sensitive_question(q), "{q}");
        }
    }
}
