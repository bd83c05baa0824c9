//! The quarterly review: what a reviewer looks at for each overdue persona (what
//! changed since the last review, plans due, notes and ratings since), and what they
//! record — who, the decision, the next date.

use serde::{Deserialize, Serialize};
use time::Date;

use super::plan::Plan;
use super::ratings::Rating;
use super::timeline::WaveRecord;
use crate::personas::dates::review_date;
use crate::personas::{Note, Persona};

/// What a review decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// It still stands for the patients: keep it as it is.
    #[default]
    Keep,
    /// It needs changes (noted in the review).
    Revise,
    /// It no longer stands for the patients we see.
    Retire,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Keep, Decision::Revise, Decision::Retire];

    /// The decision as staff read it.
    pub fn label(self) -> &'static str {
        match self {
            Decision::Keep => "Keep as it is",
            Decision::Revise => "Revise it",
            Decision::Retire => "Retire it",
        }
    }
}

/// One review of a persona.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[serde(with = "review_date")]
    pub date: Date,
    /// Who reviewed (the **Your name** field; may be blank).
    #[serde(default)]
    pub by: String,
    pub decision: Decision,
    /// What was agreed, in the reviewer's words.
    #[serde(default)]
    pub note: String,
    /// When it is next due.
    #[serde(with = "review_date")]
    pub next_due: Date,
    /// The latest wave of its timeline when reviewed (its number).
    #[serde(default)]
    pub at_wave: u32,
}

/// What the reviewer of one persona looks at.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda<'a> {
    /// The day of the last review (or of its making).
    pub since: Date,
    /// The waves recorded since the last review (or since it was made).
    pub waves_since: Vec<&'a WaveRecord>,
    /// The wave current at the last review, to compare against.
    pub wave_before: Option<&'a WaveRecord>,
    /// Open plan items due by `today` (or past due).
    pub plans_due: Vec<&'a Plan>,
    pub notes_since: Vec<&'a Note>,
    pub ratings_since: Vec<&'a Rating>,
}

impl<'a> Agenda<'a> {
    /// The agenda of `persona`'s review on `today`.
    pub fn of(persona: &'a Persona, today: Date) -> Self {
        let since = persona
            .last_reviewed
            .unwrap_or_else(|| persona.created_at.date());
        let seen = persona.reviews.last().map_or(1, |r| r.at_wave);
        let split = persona.waves.iter().position(|w| w.number > seen);
        let (before, after) = persona.waves.split_at(split.unwrap_or(persona.waves.len()));
        Agenda {
            since,
            waves_since: after.iter().collect(),
            wave_before: before.last(),
            plans_due: persona
                .plans
                .iter()
                .filter(|p| p.status.is_open() && p.due.is_some_and(|d| d <= today))
                .collect(),
            notes_since: persona.notes.iter().filter(|n| n.date >= since).collect(),
            ratings_since: persona.ratings.iter().filter(|r| r.date >= since).collect(),
        }
    }
}

/// Records a review on the persona: kept in its reviews (at its latest wave), with its
/// review dates moved.
pub fn record_review(persona: &mut Persona, mut review: Review) {
    review.at_wave = persona.waves.last().map_or(0, |w| w.number);
    persona.last_reviewed = Some(review.date);
    persona.review_due = review.next_due;
    persona.reviews.push(review);
    let excess = persona.reviews.len().saturating_sub(MAX_REVIEWS);
    persona.reviews.drain(..excess);
}

/// Most reviews a persona keeps (the oldest go first): 25 years of quarters.
pub const MAX_REVIEWS: usize = 100;
