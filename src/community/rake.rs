//! Raking (iterative proportional fitting; Deming and Stephan, 1940): each respondent
//! starts with weight 1; question by question, the weights of each category's members
//! are scaled so the category's weighted share is the community's; the rounds repeat
//! until every share is met. Weights are capped (trimmed raking) between
//! [`MIN_WEIGHT`] and [`MAX_WEIGHT`] times the mean after every round, so that a few
//! respondents of a scarce group do not speak for hundreds; the cost of weighting is
//! told by Kish's effective sample size, (Σw)² / Σw².

use serde::{Deserialize, Serialize};

use super::margins::weighted_shares;
use super::{CommunityError, Margin};

/// The lowest weight, as a multiple of the mean.
pub const MIN_WEIGHT: f64 = 0.2;
/// The highest weight, as a multiple of the mean.
pub const MAX_WEIGHT: f64 = 5.0;
/// Rounds of raking at most.
const MAX_ROUNDS: usize = 200;
/// Raking has settled when every share is within this fraction of its target…
const SETTLED: f64 = 1e-5;
/// …and is accepted, capped, when every share is within this (half a point).
const ACCEPTED: f64 = 0.005;

/// Respondents' weights to the community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// One per respondent, mean 1.
    pub weights: Vec<f64>,
    /// Kish's effective sample size: how many unweighted respondents the weighted ones
    /// are worth.
    pub effective_n: f64,
    pub rounds: usize,
    /// Respondents whose weight sits at a cap.
    pub capped: usize,
}

/// Rakes `respondents` to the margins; refused when a category with a share has no
/// respondent, or the margins cannot be met together within half a point.
pub fn rake(margins: &[Margin], respondents: usize) -> Result<Weights, CommunityError> {
    for margin in margins {
        let counts = margin.counts();
        for ((category, share), n) in margin.categories.iter().zip(counts) {
            if *share > 0.0 && n == 0 {
                return Err(CommunityError::NoRespondents {
                    question: margin.question.clone(),
                    category: category.clone(),
                });
            }
        }
    }
    let mut weights = vec![1.0; respondents];
    let mut rounds = 0;
    let mut gap = largest_gap(margins, &weights);
    while gap > SETTLED && rounds < MAX_ROUNDS {
        for margin in margins {
            let shares = weighted_shares(margin, &weights);
            for (row, c) in margin.member_of.iter().enumerate() {
                if let Some(c) = *c {
                    weights[row] *= margin.categories[c].1 / shares[c];
                }
            }
        }
        cap(&mut weights);
        rounds += 1;
        gap = largest_gap(margins, &weights);
    }
    if gap > ACCEPTED {
        return Err(CommunityError::NotConverged { iterations: rounds });
    }
    let sum: f64 = weights.iter().sum();
    let squares: f64 = weights.iter().map(|w| w * w).sum();
    let capped = weights
        .iter()
        .filter(|&&w| w <= MIN_WEIGHT + 1e-9 || w >= MAX_WEIGHT - 1e-9)
        .count();
    Ok(Weights {
        effective_n: sum * sum / squares,
        weights,
        rounds,
        capped,
    })
}

/// Scales the weights to mean 1 and holds them between the caps.
fn cap(weights: &mut [f64]) {
    let mean = weights.iter().sum::<f64>() / weights.len().max(1) as f64;
    for w in weights.iter_mut() {
        *w = (*w / mean).clamp(MIN_WEIGHT, MAX_WEIGHT);
    }
}

/// The largest gap, as a fraction, between a weighted share and its target.
fn largest_gap(margins: &[Margin], weights: &[f64]) -> f64 {
    margins
        .iter()
        .flat_map(|m| {
            weighted_shares(m, weights)
                .into_iter()
                .zip(&m.categories)
                .map(|(got, (_, want))| (got - want).abs())
                .collect::<Vec<_>>()
        })
        .fold(0.0, f64::max)
}
