//! Recommended actions from a small library of rules taken from practice (see
//! docs/actions.md): a persona whose traits show a need gets the action that answers it,
//! with the trait that triggered it as evidence. Only strong traits trigger a rule
//! ([`Trait::is_strong`]).

use super::{Action, Trait};
use crate::columns::Role;

/// One rule: which traits show the need, and what to do about it.
struct Rule {
    /// Roles whose traits may trigger the rule (empty: any).
    roles: &'static [Role],
    /// Words or phrases, any of which in the question or answer shows the need.
    cues: &'static [&'static str],
    action: &'static str,
}

/// The library, in the order actions are listed.
const RULES: &[Rule] = &[
    Rule {
        roles: &[Role::Barrier],
        cues: &["transport", "travel", "bus", "distance", "far", "parking", "drive", "journey"],
        action: "Offer telehealth visits, or a shuttle or transport help for visits that must be in person.",
    },
    Rule {
        roles: &[Role::Barrier],
        cues: &["work", "working hours", "shift", "time off", "busy", "no time", "opening hours"],
        action: "Offer evening or weekend sessions, and shorter visits.",
    },
    Rule {
        roles: &[Role::Barrier],
        cues: &["childcare", "child care", "children", "kids", "caring for"],
        action: "Offer childcare during visits, or sessions in school hours.",
    },
    Rule {
        roles: &[Role::Barrier],
        cues: &["cost", "afford", "price", "money", "pay", "expensive", "insurance"],
        action: "Offer payment plans and clear cost information before visits.",
    },
    Rule {
        roles: &[],
        cues: &[
            "no internet", "not online", "never use", "no smartphone", "not comfortable",
            "uncomfortable", "not confident", "65–74", "75–84", "85+", "90+",
        ],
        action: "Reach them by phone call, printed material and face-to-face visits rather than apps or portals.",
    },
    Rule {
        roles: &[Role::ChannelPreference],
        cues: &["app", "text", "sms", "email", "video", "online", "portal"],
        action: "Use the app, text reminders and video visits.",
    },
    Rule {
        roles: &[Role::ChannelPreference],
        cues: &["phone", "letter", "post", "mail", "in person", "face to face"],
        action: "Contact them by phone or letter, and offer face-to-face appointments.",
    },
    Rule {
        roles: &[Role::Motivation],
        cues: &["holistic", "complementary", "wellbeing", "well being", "whole person", "alternative"],
        action: "Build their interest in holistic care into the care plan.",
    },
];

/// Whether `text` is one of the library's own actions (not one staff wrote).
pub fn is_library_action(text: &str) -> bool {
    RULES.iter().any(|rule| rule.action == text)
}

/// The actions a persona's traits call for, each with the trait that triggered it.
pub fn recommend(traits: &[Trait], segment_size: usize) -> Vec<Action> {
    RULES
        .iter()
        .filter_map(|rule| {
            let trigger = traits
                .iter()
                .filter(|t| t.is_strong() && applies(rule, t))
                .max_by(|a, b| a.segment_pct.total_cmp(&b.segment_pct))?;
            Some(Action {
                text: rule.action.to_string(),
                evidence: format!(
                    "{} of {segment_size} ({}% vs {}% of all respondents) answered “{}” to “{}”.",
                    trigger.n,
                    trigger.segment_pct,
                    trigger.overall_pct,
                    trigger.value,
                    trigger.attribute
                ),
            })
        })
        .collect()
}

/// Whether the trait calls for the rule's action: its role fits and it names a cue — an
/// answer that says "no" or "nothing" ("No" to "Is transport a barrier?") calls for none.
fn applies(rule: &Rule, t: &Trait) -> bool {
    if super::phrases::is_negative(&t.value) {
        return false;
    }
    let role_fits = rule.roles.is_empty() || t.role.is_some_and(|r| rule.roles.contains(&r));
    let text = words(&format!("{} {}", t.attribute, t.value));
    role_fits && rule.cues.iter().any(|cue| text.contains(&words(cue)))
}

/// Lower-case words padded with spaces, so that cues match whole words ("car" is not
/// found in "care").
fn words(text: &str) -> String {
    let spaced: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "–+".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    format!(
        " {} ",
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(attribute: &str, value: &str, role: Role, segment_pct: f64, distinctive: bool) -> Trait {
        Trait {
            attribute: attribute.into(),
            value: value.into(),
            segment_pct,
            overall_pct: 20.0,
            n: 30,
            role: Some(role),
            distinctive,
        }
    }

    #[test]
    fn barriers_and_channels_call_for_their_actions_with_evidence() {
        let traits = [
            t(
                "What makes it hard to attend?",
                "Transport",
                Role::Barrier,
                40.0,
                true,
            ),
            t(
                "How would you like to hear from us?",
                "Text",
                Role::ChannelPreference,
                60.0,
                false,
            ),
            t("Age", "75–84", Role::Demographic, 55.0, true),
        ];
        let actions = recommend(&traits, 50);
        let texts: Vec<&str> = actions.iter().map(|a| a.text.as_str()).collect();
        assert!(texts[0].starts_with("Offer telehealth"));
        assert!(texts
            .iter()
            .any(|a| a.starts_with("Reach them by phone call")));
        assert!(texts.iter().any(|a| a.starts_with("Use the app")));
        assert_eq!(
            actions[0].evidence,
            "30 of 50 (40% vs 20% of all respondents) answered “Transport” to “What makes it hard to attend?”."
        );
    }

    #[test]
    fn weak_or_unrelated_traits_trigger_nothing() {
        let traits = [
            // Too few in the segment, or not setting it apart and not a majority.
            t(
                "What makes it hard to attend?",
                "Cost",
                Role::Barrier,
                20.0,
                true,
            ),
            t(
                "What makes it hard to attend?",
                "Parking",
                Role::Barrier,
                40.0,
                false,
            ),
            // A behaviour, not a barrier; and "car" is not found inside "care".
            t("How do you travel?", "Bus", Role::Behaviour, 90.0, true),
            t(
                "What matters to you?",
                "Good care",
                Role::Motivation,
                90.0,
                true,
            ),
            // "No" to a barrier question names the barrier but says it is not one.
            t(
                "Is transport a barrier to your appointments?",
                "No",
                Role::Barrier,
                85.0,
                true,
            ),
        ];
        assert!(recommend(&traits, 50).is_empty());
    }
}
