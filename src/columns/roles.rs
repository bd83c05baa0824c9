//! A column's role for personas — demographic, condition, behaviour, channel
//! preference, barrier, motivation, experience, a linked record field, free-text quotes, or ignore — proposed from the
//! question text and the column's kind; the user can change it.

use serde::{Deserialize, Serialize};

use super::ColumnKind;
use crate::privacy::identifiers::normalise_header;

/// What a column tells about a persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Demographic,
    Condition,
    Behaviour,
    ChannelPreference,
    Barrier,
    Motivation,
    /// How respondents rate their care: satisfaction, recommendation, scores.
    Experience,
    /// A field of a linked records extract (appointments, no-shows, diagnoses).
    Record,
    Quotes,
    /// Describes the survey, not the respondent: left out of personas.
    Other,
    Ignore,
}

impl Role {
    /// Every role, for a picker.
    pub const ALL: [Role; 11] = [
        Role::Demographic,
        Role::Condition,
        Role::Behaviour,
        Role::ChannelPreference,
        Role::Barrier,
        Role::Motivation,
        Role::Experience,
        Role::Record,
        Role::Quotes,
        Role::Other,
        Role::Ignore,
    ];

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Role::Demographic => "demographic",
            Role::Condition => "condition",
            Role::Behaviour => "behaviour",
            Role::ChannelPreference => "channel preference",
            Role::Barrier => "barrier",
            Role::Motivation => "motivation",
            Role::Experience => "experience of care",
            Role::Record => "from the records",
            Role::Quotes => "free-text quotes",
            Role::Other => "other",
            Role::Ignore => "ignore",
        }
    }

    /// The persona section its traits are shown in, and the sections' order.
    pub fn section(self) -> (usize, &'static str) {
        match self {
            Role::Demographic => (0, "Demographics"),
            Role::Condition => (1, "Conditions"),
            Role::Behaviour => (2, "Behaviours"),
            Role::Motivation => (3, "Motivations and what matters"),
            Role::Barrier => (4, "Obstacles"),
            Role::ChannelPreference => (5, "Preferred channels"),
            Role::Experience => (6, "Experience of care"),
            Role::Record => (7, "From the records"),
            Role::Quotes | Role::Other | Role::Ignore => (8, "Other answers"),
        }
    }

    /// Whether the column takes part in personas at all.
    pub fn is_used(self) -> bool {
        self != Role::Ignore
    }
}

/// Word stems that suggest a role, checked in this order: how care is rated before
/// anything else ("How satisfied are you with your appointments?"), obstacles before
/// behaviours ("What stops you from attending?"), digital comfort before conditions
/// ("How comfortable are you using health apps?" is a behaviour), language before
/// channels ("Which language do you prefer?" is who they are), then channels,
/// conditions, motivations, behaviours and who respondents are. A stem matches at the
/// start of a word ("diabet" in "diabetes"); one ending in a space only as a whole word
/// ("app " is not "appointment").
const CUES: &[(Role, &[&str])] = &[
    (
        Role::Experience,
        &[
            "satisf",
            "recommend",
            "rate your",
            "rate the",
            "how would you rate",
            "overall experience",
            "experience of care",
            "quality of care",
            "how likely are you to",
            "net promoter",
        ],
    ),
    (
        Role::Barrier,
        &[
            "barrier",
            "difficult",
            "hard to",
            "harder",
            "problem",
            "cost",
            "afford",
            "childcare",
            "work hours",
            "prevent",
            "stop you",
            "stops you",
            "stopped you",
            "stopping you",
            "keeps you from",
            "kept you from",
            "get in the way",
            "gets in the way",
            "obstacle",
            "challenge",
            "miss appointment",
            "missed appointment",
            "missed an appointment",
            "why did you miss",
            "unable to attend",
            "can't attend",
            "cannot attend",
            "struggle",
        ],
    ),
    (
        Role::Behaviour,
        &[
            "comfortable using",
            "confident using",
            "comfortable with technology",
            "internet",
            "online",
            "smartphone",
            "computer",
            "digital",
            "app ",
            "apps ",
        ],
    ),
    // "Which language do you prefer?" is who they are, not a channel.
    (Role::Demographic, &["language", "religion", "ethnic"]),
    (
        Role::ChannelPreference,
        &[
            "contact",
            "channel",
            "prefer",
            "hear from",
            "reminder",
            "communicat",
            "phone call",
            "text message",
            "email",
            "letter",
            "face to face",
            "video",
            "best time",
            "what time",
            "when suits",
            "which days",
        ],
    ),
    (
        Role::Condition,
        &[
            "diagnos",
            "condition",
            "illness",
            "disease",
            "diabet",
            "asthma",
            "copd",
            "cancer",
            "health",
            "medication",
            "medicine",
            "pain",
            "mental",
            "anxi",
            "depress",
            "disabilit",
            "symptom",
            "blood pressure",
            "hypertension",
            "heart",
            "comorb",
        ],
    ),
    (
        Role::Motivation,
        &[
            "important",
            "matter",
            "motivat",
            "goal",
            "value",
            "hope",
            "want",
            "why",
            "reason",
        ],
    ),
    (
        Role::Behaviour,
        &[
            "travel",
            "transport",
            "get to",
            "visit",
            "how often",
            "how many times",
            "frequen",
            "use",
            "attend",
            "appointment",
            "smok",
            "alcohol",
            "drink",
            "exercise",
            "diet",
            "sleep",
        ],
    ),
    (
        Role::Demographic,
        &[
            "age",
            "gender",
            "sex",
            "ethnic",
            "race",
            "live with",
            "lives with",
            "living with",
            "live alone",
            "household",
            "income",
            "education",
            "qualification",
            "employ",
            "occupation",
            "career",
            "work",
            "marital",
            "relationship status",
            "language",
            "region",
            "location",
            "where do you live",
            "postcode area",
            "children",
            "religion",
            "carer",
        ],
    ),
];

/// The role proposed for a column from its kind and question text.
pub fn propose(name: &str, kind: ColumnKind) -> Role {
    match kind {
        ColumnKind::FreeText => return Role::Quotes,
        ColumnKind::Empty | ColumnKind::Unique => return Role::Ignore,
        _ => {}
    }
    let text = format!(" {} ", normalise_header(name));
    CUES.iter()
        .find(|(_, stems)| stems.iter().any(|stem| text.contains(&format!(" {stem}"))))
        .map_or(Role::Other, |(role, _)| *role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposes_roles_from_question_text() {
        let cases = [
            ("Who do you live with?", Role::Demographic),
            ("Age", Role::Demographic),
            ("Which conditions do you have?", Role::Condition),
            ("How do you travel to the clinic?", Role::Behaviour),
            ("Is getting here difficult?", Role::Barrier),
            (
                "How would you like us to contact you?",
                Role::ChannelPreference,
            ),
            ("What matters most to you?", Role::Motivation),
            ("Wave", Role::Other),
            ("Which language do you prefer?", Role::Demographic),
            // Common patient-survey questions that were guessed wrongly.
            (
                "What most often stops you from attending care?",
                Role::Barrier,
            ),
            ("What gets in the way of your appointments?", Role::Barrier),
            (
                "How comfortable are you using health apps?",
                Role::Behaviour,
            ),
            ("How comfortable are you using apps?", Role::Behaviour),
            (
                "How satisfied are you with your last visit?",
                Role::Experience,
            ),
            (
                "How likely are you to recommend the clinic to a friend?",
                Role::Experience,
            ),
            ("Overall, how would you rate your care?", Role::Experience),
            (
                "When suits you best for appointments?",
                Role::ChannelPreference,
            ),
            (
                "How many times did you visit a clinic in the last 12 months?",
                Role::Behaviour,
            ),
        ];
        for (question, role) in cases {
            assert_eq!(
                propose(question, ColumnKind::Categorical),
                role,
                "{question}"
            );
        }
        assert_eq!(
            propose("Anything else?", ColumnKind::FreeText),
            Role::Quotes
        );
        assert_eq!(propose("Unused", ColumnKind::Empty), Role::Ignore);
    }

    #[test]
    fn guesses_the_roles_of_the_real_samples_questions() {
        // Questions from the exports in ../shared/survey-samples/ (see their README).
        let cases = [
            // SurveyMonkey, sleeping alone (fivethirtyeight)
            (
                "Which of the following best describes your current relationship status?",
                Role::Demographic,
            ),
            ("Gender", Role::Demographic),
            ("Household Income", Role::Demographic),
            ("Education", Role::Demographic),
            ("Location (Census Region)", Role::Demographic),
            (
                "Which of the following best describes your current occupation?",
                Role::Demographic,
            ),
            (
                "When both you and your partner are at home, how often do you sleep in separate beds?",
                Role::Behaviour,
            ),
            // SurveyMonkey, OHBM community survey
            ("What is your current career status?", Role::Demographic),
            (
                "What geographic region are you currently located in?",
                Role::Demographic,
            ),
            // REDCap
            ("has_diabetes", Role::Condition),
            ("ethnicity", Role::Demographic),
            ("sex", Role::Demographic),
            ("comorb_asthma", Role::Condition),
            ("smoking", Role::Behaviour),
            ("alcohol", Role::Behaviour),
            // Google Forms care-seeking test
            ("Qualification", Role::Demographic),
            ("Region", Role::Demographic),
        ];
        for (question, role) in cases {
            assert_eq!(
                propose(question, ColumnKind::Categorical),
                role,
                "{question}"
            );
        }
    }
}
