//! The community as the reference (docs/community.md): the catchment's population shares
//! as a community health assessment reports them — age bands, gender, language,
//! deprivation — compared with who answered the survey, and respondents weighted to the
//! community by raking.
//!
//! [`CommunityProfile::parse`] reads the shares (typed in, or a small CSV of
//! `category,share` or `question,category,share`); [`margins`] finds the survey question
//! each category belongs to (an age band by its bounds, any other category by the
//! answers); [`compare`] says where respondents differ from the community;
//! [`rake`] weights respondents to the margins (iterative proportional fitting).

mod margins;
mod rake;

pub use margins::{compare, margins, Margin, Representation, Shown};
pub use rake::{rake, Weights, MAX_WEIGHT, MIN_WEIGHT};

use std::fmt;

use serde::{Deserialize, Serialize};

/// The most categories a profile may hold.
pub const MAX_CATEGORIES: usize = 200;
/// How far a question's shares may be from 100 % (in points) and still be taken as
/// adding up (reports round each share).
pub const SUM_TOLERANCE: f64 = 2.0;

/// One population share: the category ("75+", "Female", "Spanish"), the question it
/// answers when the profile says so, and its percent of the catchment (0–100).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub category: String,
    pub percent: f64,
}

/// The catchment's population shares. Names and percentages only: nothing about anyone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunityProfile {
    pub shares: Vec<Share>,
}

/// Why a community profile cannot be used; nothing changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommunityError {
    /// A line is not `category,share` or `question,category,share` with a percent.
    Malformed {
        line: usize,
    },
    Empty,
    TooMany {
        max: usize,
    },
    /// No category names an answer (or age band) of the survey.
    NothingMatched,
    /// A question's shares do not add up to about 100 % (their total in tenths of a
    /// point).
    SharesDoNotSum {
        question: String,
        total_tenths: u32,
    },
    /// A category of the community that no respondent gave: respondents cannot be
    /// weighted up to it.
    NoRespondents {
        question: String,
        category: String,
    },
    /// Raking did not settle within its iterations (margins that contradict each other).
    NotConverged {
        iterations: usize,
    },
}

impl fmt::Display for CommunityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommunityError::Malformed { line } => write!(
                f,
                "Line {line} of the community profile is not “category, share” (or “question, \
                 category, share”) with the share as a percent, such as “75+, 12”."
            ),
            CommunityError::Empty => f.write_str("The community profile holds no shares."),
            CommunityError::TooMany { max } => {
                write!(f, "A community profile holds at most {max} shares.")
            }
            CommunityError::NothingMatched => f.write_str(
                "None of the profile's categories is an answer (or age band) of the survey, so \
                 respondents cannot be compared with the community. Write the categories as \
                 the survey's answers are written.",
            ),
            CommunityError::SharesDoNotSum {
                question,
                total_tenths,
            } => write!(
                f,
                "The shares for “{question}” add up to {}.{} %, not about 100 %. Give every \
                 category of that question, including “other” ones.",
                total_tenths / 10,
                total_tenths % 10
            ),
            CommunityError::NoRespondents { question, category } => write!(
                f,
                "No respondent answered “{category}” to “{question}”, so respondents cannot be \
                 weighted to the community's share of it. Leave that category out, or join \
                 it with a neighbouring one."
            ),
            CommunityError::NotConverged { iterations } => write!(
                f,
                "Weighting respondents to the community did not settle after {iterations} \
                 rounds: the shares of different questions contradict each other for these \
                 respondents. The unweighted figures stand."
            ),
        }
    }
}

impl std::error::Error for CommunityError {}

impl CommunityProfile {
    /// Reads shares as typed or pasted: one per line, `category, share` or
    /// `question, category, share`, split on commas, semicolons or tabs; the share a
    /// percent ("12", "12.5", "12 %", "12,5"). A first line whose share is not a number is
    /// taken as a header and skipped; blank lines are skipped.
    pub fn parse(text: &str) -> Result<Self, CommunityError> {
        let mut shares = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim().trim_start_matches('\u{feff}');
            if line.is_empty() {
                continue;
            }
            let delimiter = [';', '\t']
                .into_iter()
                .find(|d| line.contains(*d))
                .unwrap_or(',');
            let fields: Vec<&str> = line
                .split(delimiter)
                .map(|f| f.trim().trim_matches('"'))
                .collect();
            let percent = fields.last().and_then(|p| read_percent(p));
            let (question, category) = match fields.as_slice() {
                [category, _] => (None, *category),
                [question, category, _] => (Some(*question), *category),
                _ => return Err(CommunityError::Malformed { line: i + 1 }),
            };
            match percent {
                Some(percent) if !category.is_empty() => shares.push(Share {
                    question: question.filter(|q| !q.is_empty()).map(str::to_string),
                    category: category.to_string(),
                    percent,
                }),
                None if shares.is_empty() && i == first_line(text) => continue,
                _ => return Err(CommunityError::Malformed { line: i + 1 }),
            }
        }
        if shares.is_empty() {
            return Err(CommunityError::Empty);
        }
        if shares.len() > MAX_CATEGORIES {
            return Err(CommunityError::TooMany {
                max: MAX_CATEGORIES,
            });
        }
        Ok(CommunityProfile { shares })
    }
}

impl CommunityProfile {
    /// The profile as [`CommunityProfile::parse`] reads it, a share a line.
    pub fn to_text(&self) -> String {
        self.shares
            .iter()
            .map(|s| match &s.question {
                Some(q) => format!("{q}, {}, {}\n", s.category, s.percent),
                None => format!("{}, {}\n", s.category, s.percent),
            })
            .collect()
    }
}

/// The index of the first line that is not blank.
fn first_line(text: &str) -> usize {
    text.lines().position(|l| !l.trim().is_empty()).unwrap_or(0)
}

/// A percent as reports write it: "12", "12.5", "12,5", "12 %"; 0–100.
fn read_percent(text: &str) -> Option<f64> {
    let number = text.trim().trim_end_matches('%').trim();
    crate::columns::parse_number(number).filter(|p| (0.0..=100.0).contains(p))
}

#[cfg(test)]
mod tests;
