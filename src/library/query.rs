//! Finding personas in the library: search, filters, and the order they are listed in.

use time::Date;

use super::Library;
use crate::follow_up::Review;
use crate::personas::{add_months, Persona, ReviewState, REVIEW_INTERVAL_MONTHS};

/// What the user searches and filters the library by; empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words in the name, summary, owner, tags or answers (any case).
    pub text: String,
    pub tag: Option<String>,
    pub owner: Option<String>,
    pub review: Option<ReviewState>,
}

impl Query {
    fn matches(&self, persona: &Persona, today: Date) -> bool {
        let text = self.text.trim().to_lowercase();
        (text.is_empty() || persona.mentions(&text))
            && self.tag.as_ref().is_none_or(|t| persona.tags.contains(t))
            && self.owner.as_ref().is_none_or(|o| &persona.owner == o)
            && self.review.is_none_or(|r| persona.review_state(today) == r)
    }
}

impl Library {
    /// The personas the query matches: overdue ones first (longest overdue first), then
    /// the rest in library order.
    pub fn find(&self, query: &Query, today: Date) -> Vec<&Persona> {
        let mut found: Vec<&Persona> = self
            .personas()
            .iter()
            .filter(|p| query.matches(p, today))
            .collect();
        // A stable sort keeps library order among the ones not overdue.
        found.sort_by_key(|p| match p.review_state(today) {
            ReviewState::Overdue => (0, Some(p.review_due)),
            _ => (1, None),
        });
        found
    }

    /// The review summary's rows: each persona's latest review when it is less than a
    /// quarter old on `today`, in the order they were reviewed (then library order).
    pub fn reviewed_lately(&self, today: Date) -> Vec<(&Persona, &Review)> {
        let mut rows: Vec<(&Persona, &Review)> = self
            .personas()
            .iter()
            .filter_map(|p| p.reviews.last().map(|r| (p, r)))
            .filter(|(_, r)| add_months(r.date, REVIEW_INTERVAL_MONTHS) > today)
            .collect();
        rows.sort_by_key(|(_, r)| r.date);
        rows
    }

    /// Every tag in use, sorted.
    pub fn tags(&self) -> Vec<String> {
        self.distinct(|p| p.tags.clone())
    }

    /// Every owner named, sorted.
    pub fn owners(&self) -> Vec<String> {
        self.distinct(|p| {
            (!p.owner.is_empty())
                .then(|| p.owner.clone())
                .into_iter()
                .collect()
        })
    }

    fn distinct(&self, of: impl Fn(&Persona) -> Vec<String>) -> Vec<String> {
        let all: std::collections::BTreeSet<String> = self.personas().iter().flat_map(of).collect();
        all.into_iter().collect()
    }
}
