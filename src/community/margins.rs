//! Which survey question each community category belongs to, who of the respondents is
//! in it, and where respondents differ from the community.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{CommunityError, CommunityProfile, SUM_TOLERANCE};
use crate::columns::{ColumnSummary, Role};
use crate::privacy::generalise::is_age_header;
use crate::privacy::identifiers::normalise_header;
use crate::segments::rules::bounds;
use crate::survey::Survey;

/// Points below the community's share at which a group counts as under-represented…
const UNDER_POINTS: f64 = 5.0;
/// …or this fraction of the community's share, whichever is reached first.
const UNDER_FRACTION: f64 = 0.5;

/// One survey question with the community's shares of its categories.
#[derive(Debug, Clone, PartialEq)]
pub struct Margin {
    /// The survey question (column name).
    pub question: String,
    /// Each category with its share of the catchment, as a fraction (they sum to 1).
    pub categories: Vec<(String, f64)>,
    /// Per respondent, the category their answer falls in; `None` when it falls in none
    /// (unanswered, or a band that straddles two of the community's).
    pub member_of: Vec<Option<usize>>,
}

impl Margin {
    /// Respondents in each category.
    pub fn counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.categories.len()];
        for c in self.member_of.iter().flatten() {
            counts[*c] += 1;
        }
        counts
    }
}

/// The margins the profile's shares make on this survey, and the categories found in
/// no question (to tell the user). A question's shares must add up to about 100 %.
pub fn margins(
    survey: &Survey,
    summaries: &[ColumnSummary],
    profile: &CommunityProfile,
) -> Result<(Vec<Margin>, Vec<String>), CommunityError> {
    let mut found: Vec<(usize, Vec<(String, f64)>)> = Vec::new();
    let mut unmatched = Vec::new();
    for share in &profile.shares {
        match column_of(
            survey,
            summaries,
            share.question.as_deref(),
            &share.category,
        ) {
            Some(column) => match found.iter_mut().find(|(c, _)| *c == column) {
                Some((_, categories)) => categories.push((share.category.clone(), share.percent)),
                None => found.push((column, vec![(share.category.clone(), share.percent)])),
            },
            None => unmatched.push(share.category.clone()),
        }
    }
    if found.is_empty() {
        return Err(CommunityError::NothingMatched);
    }
    let mut all = Vec::new();
    for (column, categories) in found {
        let question = survey.columns()[column].name.clone();
        let total: f64 = categories.iter().map(|(_, p)| p).sum();
        if (total - 100.0).abs() > SUM_TOLERANCE {
            let total_tenths = (total * 10.0).round() as u32;
            return Err(CommunityError::SharesDoNotSum {
                question,
                total_tenths,
            });
        }
        let member_of = survey.columns()[column]
            .answers
            .iter()
            .map(|answer| categories.iter().position(|(c, _)| falls_in(answer, c)))
            .collect();
        let categories = categories
            .into_iter()
            .map(|(c, p)| (c, p / total))
            .collect();
        all.push(Margin {
            question,
            categories,
            member_of,
        });
    }
    Ok((all, unmatched))
}

/// The survey column a category belongs to: the named question when the profile names
/// one; an age band to the age question; any other category to the question (a
/// demographic one first) that has it among its answers.
fn column_of(
    survey: &Survey,
    summaries: &[ColumnSummary],
    question: Option<&str>,
    category: &str,
) -> Option<usize> {
    let columns = survey.columns();
    if let Some(question) = question {
        let wanted = normalise_header(question);
        return columns
            .iter()
            .position(|c| normalise_header(&c.name) == wanted)
            .or_else(|| {
                columns
                    .iter()
                    .position(|c| normalise_header(&c.name).contains(&wanted))
            });
    }
    if band(category).is_some() {
        return columns.iter().position(|c| is_age_header(&c.name));
    }
    let has = |index: usize| {
        columns[index]
            .answers
            .distinct()
            .iter()
            .any(|a| same(a, category))
    };
    let demographic = |s: &&ColumnSummary| s.role == Role::Demographic;
    summaries
        .iter()
        .filter(demographic)
        .chain(summaries.iter().filter(|s| !demographic(s)))
        .map(|s| s.index)
        .find(|&i| i < columns.len() && has(i))
}

/// Whether an answer falls in a category: an age band inside the category's band (or
/// an age within it), any other answer when they are the same words.
fn falls_in(answer: &str, category: &str) -> bool {
    match (band(answer), band(category)) {
        (Some((low, high)), Some((from, to))) => from <= low && high <= to,
        _ => same(answer, category),
    }
}

fn same(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// An age band's bounds, inclusive: "65–74", "65-74", "75+", "Under 18", or an age;
/// an open top band as survey tools write it ("> 60", "over 60", "60 and over", "60 or
/// older") starts at its age, as "60+" does.
fn band(text: &str) -> Option<(f64, f64)> {
    let text = text.trim();
    let lower = text.to_lowercase();
    if let Some(age) = lower.strip_prefix("under ") {
        let age: f64 = age.trim().parse().ok()?;
        return Some((0.0, age - 1.0));
    }
    let open_top = ["> ", ">", "over "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .or_else(|| {
            [" and over", " or over", " or older", " and older"]
                .iter()
                .find_map(|s| lower.strip_suffix(s))
        });
    if let Some(age) = open_top.and_then(|a| a.trim().parse::<f64>().ok()) {
        return Some((age, f64::INFINITY));
    }
    bounds(text).filter(|(low, high)| *low >= 0.0 && low <= high)
}

/// What may be said of a category's respondents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    /// Percent of the respondents who answered the question (at least k in it).
    Percent(f64),
    /// None answered so.
    Nobody,
    /// Fewer than k did, or their share is withheld so that such a group cannot be
    /// worked out from the others.
    Withheld,
}

/// One category, the community against the respondents (and weighted, when weighted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Representation {
    pub question: String,
    pub category: String,
    /// Percent of the catchment.
    pub community_pct: f64,
    pub respondents: Shown,
    /// Percent after weighting (when weighted and shown).
    pub weighted_pct: Option<f64>,
    /// Whether respondents fall well short of the community's share.
    pub under: bool,
}

impl fmt::Display for Representation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = match self.respondents {
            Shown::Percent(p) => format!("{} % of respondents", one_decimal(p)),
            Shown::Nobody => "no respondents".to_string(),
            Shown::Withheld => format!(
                "fewer than {} respondents or a share withheld",
                crate::privacy::MIN_GROUP_SIZE
            ),
        };
        write!(
            f,
            "“{}” ({}) is {} % of your catchment but {who}",
            self.category,
            self.question,
            one_decimal(self.community_pct)
        )?;
        if let Some(w) = self.weighted_pct {
            write!(f, "; {} % weighted", one_decimal(w))?;
        }
        Ok(())
    }
}

fn one_decimal(p: f64) -> String {
    let rounded = (p * 10.0).round() / 10.0;
    format!("{rounded}")
}

/// Each category of each margin, the community against the respondents, under the
/// small-cell rules: a category of 1 to k−1 respondents is withheld, and so is the next
/// smallest of its question when it alone is (or it could be worked out by subtraction).
pub fn compare(margins: &[Margin], weights: Option<&[f64]>, k: usize) -> Vec<Representation> {
    let mut all = Vec::new();
    for margin in margins {
        let counts = margin.counts();
        let answered: usize = counts.iter().sum();
        let mut withheld: Vec<bool> = counts.iter().map(|&n| n > 0 && n < k).collect();
        if withheld.iter().filter(|&&w| w).count() == 1 {
            let next = (0..counts.len())
                .filter(|&i| !withheld[i] && counts[i] > 0)
                .min_by_key(|&i| counts[i]);
            if let Some(i) = next {
                withheld[i] = true;
            }
        }
        let weighted = weights.map(|w| weighted_shares(margin, w));
        for (i, (category, share)) in margin.categories.iter().enumerate() {
            let respondents = match counts[i] {
                0 => Shown::Nobody,
                _ if withheld[i] => Shown::Withheld,
                n => Shown::Percent(100.0 * n as f64 / answered.max(1) as f64),
            };
            let community_pct = 100.0 * share;
            let under = match respondents {
                Shown::Percent(p) => {
                    community_pct - p >= UNDER_POINTS || p < UNDER_FRACTION * community_pct
                }
                Shown::Nobody | Shown::Withheld => community_pct >= UNDER_POINTS,
            };
            all.push(Representation {
                question: margin.question.clone(),
                category: category.clone(),
                community_pct,
                weighted_pct: weighted
                    .as_ref()
                    .filter(|_| !withheld[i])
                    .map(|w| 100.0 * w[i]),
                respondents,
                under,
            });
        }
    }
    all
}

/// Each category's weighted share of the respondents in the margin.
pub(super) fn weighted_shares(margin: &Margin, weights: &[f64]) -> Vec<f64> {
    let mut sums = vec![0.0; margin.categories.len()];
    for (row, c) in margin.member_of.iter().enumerate() {
        if let Some(c) = c {
            sums[*c] += weights[row];
        }
    }
    let total: f64 = sums.iter().sum();
    sums.iter()
        .map(|s| s / total.max(f64::MIN_POSITIVE))
        .collect()
}
