//! Keeping a persona current: its review state, marking it reviewed, and copies (what
//! an edit changed is `fields`).

use time::{Date, OffsetDateTime};

use super::{add_months, Persona, REVIEW_INTERVAL_MONTHS};
use crate::survey::sha256_hex;

/// Days before its review date from which a persona counts as due soon.
pub const DUE_SOON_DAYS: i64 = 14;

/// Where a persona stands in its review cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReviewState {
    /// Its review date has passed.
    Overdue,
    /// Due within [`DUE_SOON_DAYS`].
    DueSoon,
    Current,
}

impl ReviewState {
    /// Every state, overdue first.
    pub const ALL: [ReviewState; 3] = [Self::Overdue, Self::DueSoon, Self::Current];

    /// The word shown on the card and in the filter.
    pub fn label(self) -> &'static str {
        match self {
            Self::Overdue => "overdue",
            Self::DueSoon => "due soon",
            Self::Current => "current",
        }
    }
}

impl Persona {
    /// Where the persona stands in its review cycle on `today`.
    pub fn review_state(&self, today: Date) -> ReviewState {
        let days_left = (self.review_due - today).whole_days();
        if days_left < 0 {
            ReviewState::Overdue
        } else if days_left <= DUE_SOON_DAYS {
            ReviewState::DueSoon
        } else {
            ReviewState::Current
        }
    }

    /// Records a review on `today`: the next one is due a quarter later.
    pub fn mark_reviewed(&mut self, today: Date) {
        self.last_reviewed = Some(today);
        self.review_due = add_months(today, REVIEW_INTERVAL_MONTHS);
    }

    /// A copy under a new id and name, created `now`, with no notes, ratings or reviews
    /// of its own (its plan and timeline come with it).
    pub fn duplicate(&self, now: OffsetDateTime) -> Persona {
        let key = format!("{}\u{1f}copy\u{1f}{}", self.id, now.unix_timestamp_nanos());
        Persona {
            id: sha256_hex(key.as_bytes())[..32].to_string(),
            name: format!("Copy of {}", self.name),
            created_at: now,
            updated_at: now,
            notes: Vec::new(),
            ratings: Vec::new(),
            reviews: Vec::new(),
            ..self.clone()
        }
    }

    /// Whether `text` (lower case) appears in its name, summary, owner, tags or answers.
    pub fn mentions(&self, text: &str) -> bool {
        let found = |s: &str| s.to_lowercase().contains(text);
        found(&self.name)
            || found(&self.summary)
            || found(&self.owner)
            || self.tags.iter().any(|t| found(t))
            || self
                .traits
                .iter()
                .any(|t| found(&t.value) || found(&t.attribute))
    }
}

/// Tags from what staff typed ("a, b, a"): trimmed, with blanks and repeats left out.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::persona;
    use time::macros::{date, datetime};

    #[test]
    fn review_state_follows_the_due_date() {
        let p = persona("a", "A"); // due 2027-02-24
        assert_eq!(p.review_state(date!(2027 - 02 - 25)), ReviewState::Overdue);
        assert_eq!(p.review_state(date!(2027 - 02 - 24)), ReviewState::DueSoon);
        assert_eq!(p.review_state(date!(2027 - 02 - 10)), ReviewState::DueSoon);
        assert_eq!(p.review_state(date!(2027 - 02 - 09)), ReviewState::Current);
    }

    #[test]
    fn marking_reviewed_sets_the_next_date_a_quarter_later() {
        let mut p = persona("a", "A");
        p.mark_reviewed(date!(2027 - 03 - 01));
        assert_eq!(p.last_reviewed, Some(date!(2027 - 03 - 01)));
        assert_eq!(p.review_due, date!(2027 - 06 - 01));
        assert_eq!(p.review_state(date!(2027 - 03 - 01)), ReviewState::Current);
    }

    #[test]
    fn a_duplicate_has_its_own_id_and_name() {
        let p = persona("a", "A");
        let copy = p.duplicate(datetime!(2026-12-01 09:00 UTC));
        assert_ne!(copy.id, p.id);
        assert_eq!(copy.name, "Copy of A");
        assert_eq!(copy.traits, p.traits);
        assert!(crate::persona_file::check_persona(&copy).is_ok());
        assert!(copy.mentions("copy of") && copy.mentions("car"));
    }

    #[test]
    fn tags_are_trimmed_without_blanks_or_repeats() {
        assert_eq!(
            parse_tags(" transport, 2027 plan,,transport "),
            ["transport", "2027 plan"]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}
