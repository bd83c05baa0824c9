//! Answers a person would treat as one, merged: spellings of one answer ("female",
//! "Female ", "FEMALE" → "Female"), free-typed answers mapped to a documented set of
//! categories ([`super::categories`]), and, in such a mapped question, the rare answers
//! no category takes grouped as "Another answer". Every merge is listed for the user,
//! who can undo it.

use std::collections::{BTreeSet, HashMap};

use rustc_hash::FxHashMap;

use super::categories::{category, recognise, AnswerSet, ANOTHER_ANSWER};
use super::multiselect::is_multi_select;
use crate::survey::{sha256_hex, Column, Survey};

/// Columns with more distinct answers than this are free text: spellings are not merged
/// (a set of categories may still place them).
const MAX_DISTINCT: usize = 60;
/// A column with more distinct answers than this is not looked at for categories.
const MAX_TYPED: usize = 1000;

/// Why answers were merged.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum MergeReason {
    /// Spellings of one answer: case, spacing, a final full stop.
    #[default]
    Spelling,
    /// Free-typed answers the documented table places in one category.
    Category { set: AnswerSet },
    /// Answers given by fewer than the minimum group size that no category takes.
    Rare,
}

impl MergeReason {
    /// The reason as the page shows it.
    pub fn label(self) -> &'static str {
        match self {
            MergeReason::Spelling => "spellings of one answer",
            MergeReason::Category { set } => set.label(),
            MergeReason::Rare => "rare answers grouped",
        }
    }
}

/// Answers merged into one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Merge {
    pub column: String,
    /// The answer kept (the best-formed spelling, or the category).
    pub into: String,
    /// The other answers, now counted as `into`.
    pub from: Vec<String>,
    #[serde(default)]
    pub reason: MergeReason,
}

impl Merge {
    /// What identifies a merge for undoing: its column and a fingerprint of the answer
    /// it keeps. The key is remembered per survey layout in the browser's storage, which
    /// holds no answers: a kept spelling may be a rare answer.
    pub fn key(&self) -> (String, String) {
        let fingerprint = sha256_hex(self.into.as_bytes());
        (self.column.clone(), format!("#{}", &fingerprint[..16]))
    }
}

/// The survey with answers merged, except the merges the user undid, and every merge
/// found (applied or not). Multi-select columns are left alone; `k` is the minimum group
/// size under which an answer counts as rare.
pub fn normalise(
    survey: Survey,
    undone: &BTreeSet<(String, String)>,
    k: usize,
    progress: &mut dyn FnMut(usize),
) -> (Survey, Vec<Merge>) {
    let mut merges = Vec::new();
    let survey = survey.map_columns(|columns| {
        columns
            .into_iter()
            .enumerate()
            .map(|(index, mut column)| {
                progress(index);
                if is_multi_select(&column.answers) {
                    return column;
                }
                let found = merges_in(&column, k);
                let applied: FxHashMap<&str, &str> = found
                    .iter()
                    .filter(|m| !undone.contains(&m.key()))
                    .flat_map(|m| m.from.iter().map(|f| (f.as_str(), m.into.as_str())))
                    .collect();
                if !applied.is_empty() {
                    column
                        .answers
                        .rewrite(|answer| applied.get(answer.trim()).map(|&into| into.into()));
                }
                merges.extend(found);
                column
            })
            .collect()
    });
    (survey, merges)
}

/// The distinct answers of a column (trimmed) with their counts, or `None` when it has
/// more than `cap`.
fn distinct_answers(column: &Column, cap: usize) -> Option<Vec<(&str, usize)>> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for (answer, n) in column.answers.tallied() {
        let answer = answer.trim();
        if answer.is_empty() {
            continue;
        }
        *counts.entry(answer).or_default() += n;
        if counts.len() > cap {
            return None;
        }
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_unstable();
    Some(counts)
}

/// Every merge a column's answers call for.
fn merges_in(column: &Column, k: usize) -> Vec<Merge> {
    let Some(counts) = distinct_answers(column, MAX_TYPED) else {
        return Vec::new();
    };
    let mut merges = match recognise(&column.name, counts.iter().copied()) {
        Some(set) => mapped(column, &counts, set, k),
        None if counts.len() <= MAX_DISTINCT => {
            let mut merges = category_merges(column, &counts, AnswerSet::NoAnswer, 2);
            let placed: BTreeSet<&str> = merges
                .iter()
                .flat_map(|m| m.from.iter().map(String::as_str))
                .collect();
            let rest: Vec<(&str, usize)> = counts
                .iter()
                .copied()
                .filter(|(a, _)| !placed.contains(a))
                .collect();
            merges.extend(spelling_merges(column, &rest));
            merges
        }
        None => Vec::new(),
    };
    merges.sort_by(|a, b| a.into.cmp(&b.into));
    merges
}

/// The merges of a column mapped to `set`: one per category, then spellings among the
/// answers no category takes, then those still rarer than `k` grouped.
fn mapped(column: &Column, counts: &[(&str, usize)], set: AnswerSet, k: usize) -> Vec<Merge> {
    let mut merges = category_merges(column, counts, set, 1);
    let unplaced: Vec<(&str, usize)> = counts
        .iter()
        .copied()
        .filter(|(a, _)| category(set, a).is_none())
        .collect();
    let spellings = spelling_merges(column, &unplaced);
    let mut totals: FxHashMap<&str, usize> = FxHashMap::default();
    for (answer, count) in &unplaced {
        let into = spellings
            .iter()
            .find(|m| m.from.iter().any(|f| f == answer))
            .map_or(*answer, |m| m.into.as_str());
        *totals.entry(into).or_default() += count;
    }
    let mut rare: Vec<String> = totals
        .iter()
        .filter(|(_, &n)| n < k)
        .map(|(a, _)| a.to_string())
        .collect();
    // Spellings of a rare answer go with it.
    let rare_spellings: Vec<String> = spellings
        .iter()
        .filter(|m| rare.contains(&m.into))
        .flat_map(|m| m.from.iter().cloned())
        .collect();
    rare.extend(rare_spellings);
    let spellings = spellings.into_iter().filter(|m| !rare.contains(&m.into));
    merges.extend(spellings);
    rare.retain(|a| a != ANOTHER_ANSWER);
    rare.sort();
    if !rare.is_empty() {
        merges.push(Merge {
            column: column.name.clone(),
            into: ANOTHER_ANSWER.to_string(),
            from: rare,
            reason: MergeReason::Rare,
        });
    }
    merges
}

/// One merge per category of `set` that takes answers other than its own name, and at
/// least `min_answers` answers in all.
fn category_merges(
    column: &Column,
    counts: &[(&str, usize)],
    set: AnswerSet,
    min_answers: usize,
) -> Vec<Merge> {
    let mut by_category: HashMap<&'static str, Vec<String>> = HashMap::new();
    for (answer, _) in counts {
        if let Some(category) = category(set, answer) {
            by_category
                .entry(category)
                .or_default()
                .push(answer.to_string());
        }
    }
    by_category
        .into_iter()
        .filter_map(|(category, mut from)| {
            let answers = from.len();
            from.retain(|a| a != category);
            from.sort();
            (answers >= min_answers && !from.is_empty()).then(|| Merge {
                column: column.name.clone(),
                into: category.to_string(),
                from,
                reason: MergeReason::Category { set },
            })
        })
        .collect()
}

/// Lower case, single spaces, no final full stop: the spellings of one answer share it.
pub fn spelling_key(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

/// Merges of answers that are spellings of one another.
fn spelling_merges(column: &Column, counts: &[(&str, usize)]) -> Vec<Merge> {
    let mut groups: HashMap<String, Vec<(&str, usize)>> = HashMap::new();
    for &(value, count) in counts {
        groups
            .entry(spelling_key(value))
            .or_default()
            .push((value, count));
    }
    groups
        .into_values()
        .filter(|spellings| spellings.len() > 1)
        .map(|spellings| {
            let into = best_formed(&spellings);
            let mut from: Vec<String> = spellings
                .iter()
                .map(|(v, _)| v.to_string())
                .filter(|v| *v != into)
                .collect();
            from.sort();
            Merge {
                column: column.name.clone(),
                into,
                from,
                reason: MergeReason::Spelling,
            }
        })
        .collect()
}

/// The best-formed of a group's spellings, the name of their merge: capitalised
/// ("Female", "iPhone") first; then a short all-capitals acronym ("NHS", "GP") when it is
/// as common as the lower-case spelling; then lower case (which is then capitalised,
/// never kept as a lower-case variant); then other all-capitals spellings ("FEMALE").
/// Among equals: clean (no stray spaces or full stop), then the most common, then
/// longer, then alphabetical.
fn best_formed(spellings: &[(&str, usize)]) -> String {
    let letters = |v: &str| v.chars().filter(|c| c.is_alphabetic()).collect::<Vec<_>>();
    let is_lower = |v: &str| !v.chars().any(char::is_uppercase);
    let most_lower = spellings
        .iter()
        .filter(|(v, _)| is_lower(v))
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let case = |v: &str, count: usize| {
        let letters = letters(v);
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        if upper == 0 {
            2
        } else if upper < letters.len() {
            if letters[0].is_uppercase() {
                0
            } else {
                1
            }
        } else if letters.len() <= 3 && count >= most_lower {
            1
        } else {
            3
        }
    };
    let clean =
        |v: &str| v.split_whitespace().collect::<Vec<_>>().join(" ") == v && !v.ends_with('.');
    let best = spellings
        .iter()
        .min_by(|a, b| {
            case(a.0, a.1)
                .cmp(&case(b.0, b.1))
                .then(clean(b.0).cmp(&clean(a.0)))
                .then(b.1.cmp(&a.1))
                .then(b.0.len().cmp(&a.0.len()))
                .then(a.0.cmp(b.0))
        })
        .map_or("", |(v, _)| *v);
    let tidy = best.split_whitespace().collect::<Vec<_>>().join(" ");
    let tidy = tidy.trim_end_matches('.');
    if tidy.chars().any(char::is_uppercase) {
        tidy.to_string()
    } else {
        capitalised(tidy)
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
#[path = "normalise_tests.rs"]
mod tests;
