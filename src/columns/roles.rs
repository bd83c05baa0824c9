//! A column's role for personas — demographic, condition, behaviour, channel
//! preference, barrier, motivation, free-text quotes, or ignore — proposed from the
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
    Quotes,
    /// Describes the survey, not the respondent: left out of personas.
    Other,
    Ignore,
}

impl Role {
    /// Every role, for a picker.
    pub const ALL: [Role; 9] = [
        Role::Demographic,
        Role::Condition,
        Role::Behaviour,
        Role::ChannelPreference,
        Role::Barrier,
        Role::Motivation,
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
            Role::Quotes | Role::Other | Role::Ignore => (6, "Other answers"),
        }
    }

    /// Whether the column takes part in personas at all.
    pub fn is_used(self) -> bool {
        self != Role::Ignore
    }
}

/// Word stems that suggest a role, checked in this order (barriers before behaviours,
/// so "Is travel difficult?" is a barrier).
const CUES: &[(Role, &[&str])] = &[
    (
        Role::Barrier,
        &[
            "barrier",
            "difficult",
            "hard to",
            "problem",
            "cost",
            "afford",
            "childcare",
            "work hours",
            "prevent",
            "stop you",
            "obstacle",
            "challenge",
        ],
    ),
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
            "pain",
            "mental",
            "disabilit",
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
        ],
    ),
    (
        Role::Behaviour,
        &[
            "travel",
            "transport",
            "visit",
            "how often",
            "frequen",
            "use",
            "attend",
            "appointment",
            "smok",
            "exercise",
            "internet",
            "online",
            "app",
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
            "household",
            "income",
            "education",
            "employ",
            "work",
            "marital",
            "language",
            "region",
            "where do you live",
            "children",
            "religion",
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
}
