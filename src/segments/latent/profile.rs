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

use super::data::{band_name, band_of, Data, ItemKind, ANOTHER_ANSWER, MISSING};
use super::model::Model;
use crate::columns::{chosen, ColumnKind, ColumnSummary};
use crate::privacy::disclosure::listable;
use crate::segments::clustering::number;
use crate::survey::Survey;

/// The probability used for a "few" option: half of k over the class's size.
pub const FEW_STAND_IN: f64 = 0.5;
/// An answer is typical of a class when it is at least this many times likelier there
/// than under the whole model.
pub const TYPICAL_LIFT: f64 = 1.25;
/// Listed probabilities are kept to this many decimals.
const DECIMALS: f64 = 1000.0;
/// No probability used in sorting is under this (rounding can give 0).
const FLOOR: f64 = 0.001;

/// One class of a latent class model as a persona file keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassProfile {
    /// The class's share in the model, π_c (0–1).
    pub share: f64,
    pub items: Vec<ItemProfile>,
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
pub fn profiles(model: &Model, data: &Data, members: &[Vec<usize>], k: usize) -> Vec<ClassProfile> {
    (0..model.classes())
        .map(|c| ClassProfile {
            share: (model.weights[c] * 10_000.0).round() / 10_000.0,
            items: (0..data.items.len())
                .map(|j| item_profile(model, data, j, c, &members[c], k))
                .collect(),
        })
        .collect()
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
    let share = |l: usize| round(model.probabilities[j][l * classes + c]);
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

/// Kept class profiles as a model for sorting a new wave: each item matched to the
/// wave's question of the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileModel {
    weights: Vec<f64>,
    /// Per item: its column in the wave, and every class's item profile.
    items: Vec<(usize, ColumnKind, Vec<ItemProfile>)>,
    sizes: Vec<usize>,
}

impl ProfileModel {
    /// The model of `classes` (profile and segment size each); `None` when fewer than
    /// half of their items' questions are in the wave, or the classes disagree on items.
    pub fn new(
        classes: &[(&ClassProfile, usize)],
        summaries: &[ColumnSummary],
    ) -> Option<ProfileModel> {
        let first = classes.first()?.0;
        if classes
            .iter()
            .any(|(p, _)| p.items.len() != first.items.len())
        {
            return None;
        }
        let mut items = Vec::new();
        for (i, item) in first.items.iter().enumerate() {
            let Some(summary) = summaries.iter().find(|s| s.name == item.question()) else {
                continue;
            };
            let all: Vec<ItemProfile> = classes.iter().map(|(p, _)| p.items[i].clone()).collect();
            if all.iter().any(|p| p.question() != item.question()) {
                return None;
            }
            items.push((summary.index, summary.kind, all));
        }
        let total: f64 = classes.iter().map(|(p, _)| p.share).sum();
        (!items.is_empty() && 2 * items.len() >= first.items.len() && total > 0.0).then(|| {
            ProfileModel {
                weights: classes.iter().map(|(p, _)| p.share / total).collect(),
                sizes: classes.iter().map(|&(_, size)| size).collect(),
                items,
            }
        })
    }

    /// The respondent's likeliest class, if their answers are typical of it: at least
    /// half of the items they answered are [`TYPICAL_LIFT`] times likelier in the class
    /// than under the whole model. `k` is the minimum group size.
    pub fn sort(&self, survey: &Survey, row: usize, k: usize) -> Option<usize> {
        let classes = self.weights.len();
        let mut log_joint: Vec<f64> = self.weights.iter().map(|w| w.ln()).collect();
        let mut densities = Vec::new();
        for (column, kind, profiles) in &self.items {
            let answer = &survey.columns()[*column].answers[row];
            let Some(d) = self.densities(answer, *kind, profiles, k) else {
                continue;
            };
            for c in 0..classes {
                log_joint[c] += d[c].ln();
            }
            densities.push(d);
        }
        let best = (0..classes).fold(0, |b, c| if log_joint[c] > log_joint[b] { c } else { b });
        let typical = densities
            .iter()
            .filter(|d| {
                let overall: f64 = d.iter().zip(&self.weights).map(|(p, w)| p * w).sum();
                d[best] >= TYPICAL_LIFT * overall
            })
            .count();
        (!densities.is_empty() && 2 * typical >= densities.len()).then_some(best)
    }

    /// Each class's probability (or density) of this answer; `None` when it is missing.
    fn densities(
        &self,
        answer: &str,
        kind: ColumnKind,
        profiles: &[ItemProfile],
        k: usize,
    ) -> Option<Vec<f64>> {
        let answer = answer.trim();
        if answer.is_empty() {
            return None;
        }
        let multi = kind == ColumnKind::MultiSelect;
        let unlisted_share = |answers: &[AnswerShare], unlisted: usize| {
            let listed: f64 = answers.iter().map(|a| a.share).sum();
            (unlisted > 0).then(|| (1.0 - listed) / unlisted as f64)
        };
        let share_of = |answers: &[AnswerShare], unlisted: usize, answer: &str| match answers
            .iter()
            .find(|a| a.answer == answer)
        {
            Some(a) => Some(a.share),
            None => unlisted_share(answers, unlisted),
        };
        let values: Vec<Option<f64>> = profiles
            .iter()
            .zip(&self.sizes)
            .map(|(profile, &size)| match profile {
                ItemProfile::Choice {
                    answers, unlisted, ..
                } if !multi => share_of(answers, *unlisted, answer),
                ItemProfile::Bands {
                    edges,
                    answers,
                    unlisted,
                    ..
                } => {
                    let band = band_name(edges, band_of(edges, number(answer)?));
                    share_of(answers, *unlisted, &band)
                }
                ItemProfile::Option {
                    option, chosen: c, ..
                } if multi => {
                    let few = (FEW_STAND_IN * k as f64 / size.max(1) as f64).min(0.5);
                    let p = match c {
                        OptionShare::Share(p) => *p,
                        OptionShare::Few => few,
                        OptionShare::Most => 1.0 - few,
                        OptionShare::Unknown => 0.5,
                    };
                    Some(if chosen(answer).any(|o| o == option) {
                        p
                    } else {
                        1.0 - p
                    })
                }
                _ => None,
            })
            .collect();
        values
            .into_iter()
            .map(|v| v.map(|p| p.max(FLOOR)))
            .collect()
    }
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
