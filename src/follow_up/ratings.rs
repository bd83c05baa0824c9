//! Staff say whether a persona rings true: "Does this match the patients you see?",
//! 1–5 with a comment, named by the **Your name** field. Only names and numbers are
//! kept; no patient data.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::personas::dates::review_date;
use crate::personas::Persona;

/// The question staff are asked.
pub const RATING_QUESTION: &str = "Does this match the patients you see?";
/// The lowest and highest score.
pub const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// One member of staff's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// Who (the **Your name** field; may be blank).
    #[serde(default)]
    pub by: String,
    #[serde(with = "review_date")]
    pub date: Date,
    /// 1 (not at all) to 5 (exactly).
    pub score: u8,
    #[serde(default)]
    pub comment: String,
}

impl Rating {
    /// The score in words.
    pub fn score_label(score: u8) -> &'static str {
        match score {
            1 => "Not at all",
            2 => "A little",
            3 => "Partly",
            4 => "Mostly",
            _ => "Exactly",
        }
    }
}

/// The ratings in short: how many staff, and their average score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatingSummary {
    pub count: usize,
    pub average: f64,
}

impl RatingSummary {
    /// "4.5 from 2 staff".
    pub fn describe(&self) -> String {
        let staff = if self.count == 1 {
            "member of staff"
        } else {
            "staff"
        };
        format!("{:.1} of 5 from {} {staff}", self.average, self.count)
    }
}

/// Records `rating` on the persona: a named person's new rating replaces their earlier
/// one (so each counts once); unnamed ratings are all kept.
pub fn rate(persona: &mut Persona, rating: Rating) {
    let name = rating.by.trim().to_lowercase();
    if !name.is_empty() {
        persona
            .ratings
            .retain(|r| r.by.trim().to_lowercase() != name);
    }
    persona.ratings.push(rating);
}

/// The persona's ratings in short, `None` before the first.
pub fn summary(persona: &Persona) -> Option<RatingSummary> {
    let count = persona.ratings.len();
    (count > 0).then(|| RatingSummary {
        count,
        average: persona
            .ratings
            .iter()
            .map(|r| f64::from(r.score))
            .sum::<f64>()
            / count as f64,
    })
}
