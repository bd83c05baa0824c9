//! What a persona keeps of its class, so that a later survey wave can be sorted with
//! the same model, and how a wave is sorted with it.
//!
//! A profile holds aggregates only, each resting on at least k respondents of the
//! class, under the same small-cell rules as every figure (`privacy::disclosure`):
//! - a choice's answer probability θ is listed only when θ × (members who answered)
//!   is at least k, and the answers left unlisted together hold 0 or at least k (the
//!   smallest listed answer is unlisted until they do); unlisted answers share the rest
//!   of the probability evenly, so no count under k can be worked out by subtraction;
//! - a multi-select option's probability is listed when both those choosing it and
//!   those not number at least k; otherwise it is only "few" (fewer than k chose it) or
//!   "most" (fewer than k did not), as the page shows "<11";
//! - a number's bands are listed like a choice's answers, with the band edges (the
//!   survey's quintiles, each band holding at least k respondents).

use serde::{Deserialize, Serialize};

use super::data::{Data, ItemKind, ANOTHER_ANSWER, MISSING};
use super::model::Model;
use super::sort::ProfileModel;
use crate::columns::ColumnSummary;
use crate::privacy::disclosure::listable;
use crate::survey::Survey;

/// A class's typical log-probability is worked out from at most this many members.
const TYPICAL_MEMBERS: usize = 2000;
/// Listed probabilities are kept to this many decimals.
const DECIMALS: f64 = 1000.0;

/// One class of a latent class model as a persona file keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassProfile {
    /// The class's share in the model, π_c (0–1).
    pub share: f64,
    /// How likely its own members' answers are under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical: Option<Typical>,
    pub items: Vec<ItemProfile>,
}

/// The mean and standard deviation, over a class's members, of the mean log-probability
/// of their answers per answered item under the class's profile: aggregates of all its
/// members, to tell a respondent unlike every class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Typical {
    pub mean: f64,
    pub sd: f64,
}

/// One item of a class profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItemProfile {
    /// A single choice or scale: the listed answers' probabilities; `unlisted` other
    /// answers share the rest.
    Choice {
        question: String,
        answers: Vec<AnswerShare>,
        unlisted: usize,
    },
    /// One option of a multi-select.
    Option {
        question: String,
        option: String,
        chosen: OptionShare,
    },
    /// A number in bands (`edges` ascending; the answers name bands, as "12 to under
    /// 20"); `unlisted` other bands share the rest.
    Bands {
        question: String,
        edges: Vec<f64>,
        answers: Vec<AnswerShare>,
        unlisted: usize,
    },
}

/// An answer and its probability in the class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerShare {
    pub answer: String,
    pub share: f64,
}

/// How often a class chose an option.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionShare {
    /// The probability, 0–1.
    Share(f64),
    /// Fewer than k members chose it.
    Few,
    /// Fewer than k members did not.
    Most,
    /// Too few members answered to say.
    Unknown,
}

/// The profile of every class of `model`: `members[c]` are class c's rows of `data`,
/// `k` the minimum group size.
/// `rows` are the survey rows of `data`'s respondents.
pub fn profiles(
    model: &Model,
    data: &Data,
    members: &[Vec<usize>],
    (survey, summaries, rows): (&Survey, &[ColumnSummary], &[usize]),
    k: usize,
) -> Vec<ClassProfile> {
    let mut profiles: Vec<ClassProfile> = (0..model.classes())
        .map(|c| ClassProfile {
            share: (model.weights[c] * 10_000.0).round() / 10_000.0,
            typical: None,
            items: (0..data.items.len())
                .map(|j| item_profile(model, data, j, c, &members[c], k))
                .collect(),
        })
        .collect();
    let classes: Vec<(&ClassProfile, usize)> = profiles
        .iter()
        .zip(members)
        .map(|(p, m)| (p, m.len()))
        .collect();
    let Some(kept) = ProfileModel::new(&classes, summaries, k) else {
        return profiles;
    };
    let typical: Vec<Option<Typical>> = members
        .iter()
        .enumerate()
        .map(|(c, members)| {
            // Every member of a small class; evenly spaced ones of a large one.
            let step = members.len().div_ceil(TYPICAL_MEMBERS).max(1);
            let scores: Vec<f64> = members
                .iter()
                .step_by(step)
                .filter_map(|&m| kept.log_probabilities(survey, rows[m]))
                .map(|(logs, answered)| logs[c] / answered as f64)
                .collect();
            let n = scores.len() as f64;
            let mean = scores.iter().sum::<f64>() / n;
            let sd = (scores.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / n).sqrt();
            (scores.len() >= k).then(|| Typical {
                mean: round(mean),
                sd: round(sd),
            })
        })
        .collect();
    for (profile, typical) in profiles.iter_mut().zip(typical) {
        profile.typical = typical;
    }
    profiles
}

/// Item `j` of class `c` under the small-cell rules (see the module's doc).
fn item_profile(
    model: &Model,
    data: &Data,
    j: usize,
    c: usize,
    members: &[usize],
    k: usize,
) -> ItemProfile {
    let item = &data.items[j];
    let answered = members
        .iter()
        .filter(|&&row| data.codes_of(row)[j] != MISSING)
        .count();
    let classes = model.classes();
    let share = |l: usize| round_down(model.probabilities[j][l * classes + c]);
    // Whole respondents the rounded share stands for among those who answered.
    let implied = |p: f64| (p * answered as f64 + 1e-9).floor() as usize;
    let listed = || {
        let levels = item.kind.levels();
        let real = (0..levels)
            .filter(|&l| item.kind.level_name(l) != ANOTHER_ANSWER)
            .count();
        let counts: Vec<[usize; 1]> = (0..real).map(|l| [implied(share(l))]).collect();
        let listed = listable(&counts, [answered], k, usize::MAX);
        let answers = listed
            .iter()
            .map(|&l| AnswerShare {
                answer: item.kind.level_name(l),
                share: share(l),
            })
            .collect();
        (answers, levels - listed.len())
    };
    let question = item.question.clone();
    match &item.kind {
        ItemKind::Choice { .. } => {
            let (answers, unlisted) = listed();
            ItemProfile::Choice {
                question,
                answers,
                unlisted,
            }
        }
        ItemKind::Bands { edges } => {
            let (answers, unlisted) = listed();
            ItemProfile::Bands {
                question,
                edges: edges.clone(),
                answers,
                unlisted,
            }
        }
        ItemKind::Option { option } => {
            let p = share(1);
            let (yes, no) = (implied(p), implied(1.0 - p));
            let chosen = match (yes >= k, no >= k) {
                (true, true) => OptionShare::Share(p),
                (false, true) => OptionShare::Few,
                (true, false) => OptionShare::Most,
                (false, false) => OptionShare::Unknown,
            };
            ItemProfile::Option {
                question,
                option: option.clone(),
                chosen,
            }
        }
    }
}

fn round(x: f64) -> f64 {
    (x * DECIMALS).round() / DECIMALS
}

/// `x` to [`DECIMALS`], rounded down: shares rounded to the nearest could add up to more
/// than 1, which no persona file may say.
fn round_down(x: f64) -> f64 {
    (x * DECIMALS).floor() / DECIMALS
}

impl ItemProfile {
    /// The question the item comes from.
    pub fn question(&self) -> &str {
        match self {
            ItemProfile::Choice { question, .. }
            | ItemProfile::Option { question, .. }
            | ItemProfile::Bands { question, .. } => question,
        }
    }
}
