//! Sorting respondents with kept class profiles: the profiles of one build are
//! compiled, item by item, into each answer's log-probability in every class, and a
//! respondent goes to their likeliest class (posterior, with the classes' shares) if
//! their answers fit it (see [`ProfileModel::sort`]).

use rustc_hash::FxHashMap;

use super::data::{band_name, band_of};
use super::profile::{AnswerShare, ClassProfile, ItemProfile, OptionShare, Typical};
use crate::columns::{chosen, ColumnKind, ColumnSummary};
use crate::segments::clustering::number;
use crate::survey::Survey;

/// The probability used for a "few" option: half of k over the class's size.
pub const FEW_STAND_IN: f64 = 0.5;
/// A respondent fits their likeliest class unless their answers are more than this many
/// standard deviations less likely in it than its members' were (see [`Typical`]).
pub const TYPICAL_SDS: f64 = 3.0;
/// No probability used in sorting is under this (rounding can give 0).
const FLOOR: f64 = 0.001;

/// Kept class profiles as a model for sorting a survey: each item matched to the
/// survey's question of the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileModel {
    log_weights: Vec<f64>,
    typical: Vec<Option<Typical>>,
    items: Vec<(usize, Test)>,
}

/// One item's log-probabilities in every class (`Vec`s are per class).
#[derive(Debug, Clone, PartialEq)]
enum Test {
    /// A choice: each listed answer's, and (when every class has unlisted answers)
    /// that of any other answer.
    Choice {
        known: FxHashMap<String, Vec<f64>>,
        other: Option<Vec<f64>>,
    },
    /// A number: each band's.
    Bands {
        edges: Vec<f64>,
        bands: Vec<Vec<f64>>,
    },
    /// A multi-select option: chosen, not chosen.
    Option {
        option: String,
        chosen: Vec<f64>,
        not: Vec<f64>,
    },
}

impl ProfileModel {
    /// The model of `classes` (profile and segment size each), `k` the minimum group
    /// size; `None` when fewer than half of their items' questions are in the survey,
    /// or the classes disagree on items.
    pub fn new(
        classes: &[(&ClassProfile, usize)],
        summaries: &[ColumnSummary],
        k: usize,
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
            let all: Vec<(&ItemProfile, usize)> = classes
                .iter()
                .map(|(p, size)| (&p.items[i], *size))
                .collect();
            if all.iter().any(|(p, _)| p.question() != item.question()) {
                return None;
            }
            let summary = summaries.iter().find(|s| s.name == item.question());
            if let Some(test) = summary.and_then(|s| compile(&all, s.kind, k)) {
                items.push((summary.expect("found").index, test));
            }
        }
        let total: f64 = classes.iter().map(|(p, _)| p.share).sum();
        let enough = !items.is_empty() && 2 * items.len() >= first.items.len();
        (enough && total > 0.0).then(|| ProfileModel {
            log_weights: classes
                .iter()
                .map(|(p, _)| (p.share / total).ln())
                .collect(),
            typical: classes.iter().map(|(p, _)| p.typical).collect(),
            items,
        })
    }

    /// The respondent's likeliest class, if their answers fit it: their mean
    /// log-probability per answered item there is at most [`TYPICAL_SDS`] standard
    /// deviations below its members' ([`Typical`]).
    pub fn sort(&self, survey: &Survey, row: usize) -> Option<usize> {
        let (logs, answered) = self.log_probabilities(survey, row)?;
        let joint = |c: usize| logs[c] + self.log_weights[c];
        let best = (0..logs.len()).fold(0, |b, c| if joint(c) > joint(b) { c } else { b });
        let score = logs[best] / answered as f64;
        match self.typical[best] {
            Some(t) => (score >= t.mean - TYPICAL_SDS * t.sd).then_some(best),
            None => Some(best),
        }
    }

    /// Each class's log-probability of the respondent's answers (Σ ln p(x_j | c) over
    /// the items answered), and how many items they answered; `None` for none.
    pub fn log_probabilities(&self, survey: &Survey, row: usize) -> Option<(Vec<f64>, usize)> {
        let mut logs = vec![0.0; self.log_weights.len()];
        let mut answered = 0;
        for (column, test) in &self.items {
            let answer = survey.columns()[*column].answers[row].trim();
            if answer.is_empty() {
                continue;
            }
            let found = match test {
                Test::Choice { known, other } => known.get(answer).or(other.as_ref()),
                Test::Bands { edges, bands } => number(answer).map(|x| &bands[band_of(edges, x)]),
                Test::Option {
                    option,
                    chosen: yes,
                    not,
                } => Some(if chosen(answer).any(|o| o == option) {
                    yes
                } else {
                    not
                }),
            };
            if let Some(l) = found {
                logs.iter_mut().zip(l).for_each(|(total, l)| *total += l);
                answered += 1;
            }
        }
        (answered > 0).then_some((logs, answered))
    }
}

/// One item of every class (with the class's size) as log-probabilities; `None` when
/// the survey's question is not of the item's kind.
fn compile(all: &[(&ItemProfile, usize)], kind: ColumnKind, k: usize) -> Option<Test> {
    let log = |p: f64| p.max(FLOOR).ln();
    let multi = kind == ColumnKind::MultiSelect;
    match all[0].0 {
        ItemProfile::Choice { .. } if !multi => {
            let listed = |p: &ItemProfile| match p {
                ItemProfile::Choice {
                    answers, unlisted, ..
                } => Some((answers.clone(), *unlisted)),
                _ => None,
            };
            let classes: Vec<(Vec<AnswerShare>, usize)> =
                all.iter().map(|(p, _)| listed(p)).collect::<Option<_>>()?;
            let mut known: FxHashMap<String, Vec<f64>> = FxHashMap::default();
            for answer in classes
                .iter()
                .flat_map(|(a, _)| a.iter().map(|a| &a.answer))
            {
                let per_class = classes
                    .iter()
                    .map(|(a, u)| log(share_of(a, *u, answer)))
                    .collect();
                known.insert(answer.clone(), per_class);
            }
            let other = classes
                .iter()
                .map(|(a, u)| (*u > 0).then(|| log(rest(a, *u))))
                .collect();
            Some(Test::Choice { known, other })
        }
        ItemProfile::Bands { edges, .. } => {
            let bands = (0..=edges.len())
                .map(|b| {
                    let name = band_name(edges, b);
                    all.iter()
                        .map(|(p, _)| match p {
                            ItemProfile::Bands {
                                answers, unlisted, ..
                            } => log(share_of(answers, *unlisted, &name)),
                            _ => log(FLOOR),
                        })
                        .collect()
                })
                .collect();
            Some(Test::Bands {
                edges: edges.clone(),
                bands,
            })
        }
        ItemProfile::Option { option, .. } if multi => {
            let p: Vec<f64> = all
                .iter()
                .map(|(profile, size)| {
                    let few = (FEW_STAND_IN * k as f64 / (*size).max(1) as f64).min(0.5);
                    match profile {
                        ItemProfile::Option { chosen: c, .. } => match c {
                            OptionShare::Share(p) => *p,
                            OptionShare::Few => few,
                            OptionShare::Most => 1.0 - few,
                            OptionShare::Unknown => 0.5,
                        },
                        _ => 0.5,
                    }
                })
                .collect();
            Some(Test::Option {
                option: option.clone(),
                chosen: p.iter().map(|&p| log(p)).collect(),
                not: p.iter().map(|&p| log(1.0 - p)).collect(),
            })
        }
        _ => None,
    }
}

/// An answer's share in a class: listed, or an even part of what the listed leave.
fn share_of(answers: &[AnswerShare], unlisted: usize, answer: &str) -> f64 {
    match answers.iter().find(|a| a.answer == answer) {
        Some(a) => a.share,
        None if unlisted > 0 => rest(answers, unlisted),
        None => FLOOR,
    }
}

fn rest(answers: &[AnswerShare], unlisted: usize) -> f64 {
    let listed: f64 = answers.iter().map(|a| a.share).sum();
    (1.0 - listed) / unlisted as f64
}
