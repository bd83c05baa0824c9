//! The answers as the latent class model sees them: every question that can shape
//! segments becomes one or more *items*, each observed or missing per respondent.
//!
//! - a single choice or an ordered scale is one categorical item whose levels are the
//!   answers given by at least k respondents; rarer answers share one "another answer"
//!   level (the model never rests on a category of 1 to k−1 people);
//! - each option of a multi-select chosen by at least k and left by at least k is a
//!   yes/no item (missing when the question was left blank);
//! - a number is banded at its quintiles (bands of at least k respondents; tied values
//!   never split) and the band is a categorical item. A Gaussian per class would be the
//!   textbook choice, but survey numbers (counts, minutes, ages) are skewed and lumpy,
//!   and a mixture then adds classes to fit the shape of one distribution — structure
//!   that is not there. Bands fit any shape with one class.

use rustc_hash::FxHashMap;

use crate::columns::{chosen, ColumnKind, ColumnSummary};
use crate::segments::clustering::number;
use crate::survey::Survey;

/// A categorical item's code for a missing answer.
pub const MISSING: u8 = u8::MAX;
/// Most levels of one categorical item (the rest share "another answer").
const MAX_LEVELS: usize = 64;
/// The level name of answers given by fewer than k respondents, pooled.
pub const ANOTHER_ANSWER: &str = "another answer";

/// One item of the model and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The survey column.
    pub column: usize,
    pub question: String,
    pub kind: ItemKind,
}

/// How an item is observed.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// One answer of `levels` (a choice or a scale position).
    Choice { levels: Vec<String> },
    /// Whether `option` was chosen (levels: 0 not chosen, 1 chosen).
    Option { option: String },
    /// A number's band: band i holds numbers from `edges[i − 1]` up to (not including)
    /// `edges[i]`; there is one more band than edges.
    Bands { edges: Vec<f64> },
}

impl ItemKind {
    /// The number of levels.
    pub fn levels(&self) -> usize {
        match self {
            ItemKind::Choice { levels } => levels.len(),
            ItemKind::Option { .. } => 2,
            ItemKind::Bands { edges } => edges.len() + 1,
        }
    }

    /// The name of level `l`, as a persona file keeps it.
    pub fn level_name(&self, l: usize) -> String {
        match self {
            ItemKind::Choice { levels } => levels[l].clone(),
            ItemKind::Option { .. } => ["not chosen", "chosen"][l].to_string(),
            ItemKind::Bands { edges } => band_name(edges, l),
        }
    }
}

/// The band of `x` among `edges` (ascending).
pub fn band_of(edges: &[f64], x: f64) -> usize {
    edges.partition_point(|&edge| edge <= x)
}

/// A band's name: "under 12", "12 to under 20", "20 or more".
pub fn band_name(edges: &[f64], band: usize) -> String {
    match (band.checked_sub(1).map(|b| edges[b]), edges.get(band)) {
        (None, Some(high)) => format!("under {high}"),
        (Some(low), Some(high)) => format!("{low} to under {high}"),
        (Some(low), None) => format!("{low} or more"),
        (None, None) => "any".to_string(),
    }
}

/// Every respondent's level codes, row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    pub items: Vec<Item>,
    /// `rows × items` level codes, [`MISSING`] when not answered.
    pub codes: Vec<u8>,
    rows: usize,
}

impl Data {
    /// The items of the given questions (summaries) and the answers of `rows` (survey
    /// row indices) to them; questions that give no usable item are left out. `k` is
    /// the minimum group size.
    pub fn encode(survey: &Survey, questions: &[&ColumnSummary], rows: &[usize], k: usize) -> Data {
        let mut items: Vec<(Item, Vec<u8>)> = Vec::new();
        for summary in questions {
            let answers = &survey.columns()[summary.index].answers;
            let item = |kind| Item {
                column: summary.index,
                question: summary.name.clone(),
                kind,
            };
            match summary.kind {
                ColumnKind::MultiSelect => {
                    for (option, codes) in options(summary, answers, rows, k) {
                        items.push((item(ItemKind::Option { option }), codes));
                    }
                }
                ColumnKind::Numeric => {
                    if let Some((edges, codes)) = bands(answers, rows, k) {
                        items.push((item(ItemKind::Bands { edges }), codes));
                    }
                }
                _ => {
                    if let Some((levels, codes)) = choice(summary, answers, rows, k) {
                        items.push((item(ItemKind::Choice { levels }), codes));
                    }
                }
            }
        }
        let n = rows.len();
        let mut codes = Vec::with_capacity(n * items.len());
        for row in 0..n {
            codes.extend(items.iter().map(|(_, c)| c[row]));
        }
        Data {
            items: items.into_iter().map(|(item, _)| item).collect(),
            codes,
            rows: n,
        }
    }

    /// The number of respondents.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// One respondent's level codes.
    pub fn codes_of(&self, row: usize) -> &[u8] {
        let width = self.items.len();
        &self.codes[row * width..(row + 1) * width]
    }

    /// The data of some respondents (indices into this data), in the order given.
    pub fn subset(&self, picked: &[usize]) -> Data {
        let mut codes = Vec::with_capacity(picked.len() * self.items.len());
        for &row in picked {
            codes.extend_from_slice(self.codes_of(row));
        }
        Data {
            items: self.items.clone(),
            codes,
            rows: picked.len(),
        }
    }

    /// Builds data from codes directly (tests and the benchmark's reference).
    pub fn from_parts(items: Vec<Item>, codes: Vec<u8>) -> Data {
        let rows = codes.len() / items.len().max(1);
        Data { items, codes, rows }
    }
}

/// A single choice or scale: its levels (answers given by at least k, then "another
/// answer" if any answered row gave a rarer one) and every row's code; `None` when
/// fewer than two levels remain.
fn choice(
    summary: &ColumnSummary,
    answers: &crate::survey::Answers,
    rows: &[usize],
    k: usize,
) -> Option<(Vec<String>, Vec<u8>)> {
    let mut levels: Vec<String> = summary
        .ordered_counts()
        .into_iter()
        .filter(|a| a.count >= k)
        .map(|a| a.value.clone())
        .take(MAX_LEVELS - 1)
        .collect();
    let index: FxHashMap<&str, u8> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u8))
        .collect();
    let other = levels.len() as u8;
    // Each distinct answer's level, found once; then each row by its answer's code.
    let level_of: Vec<u8> = answers
        .distinct()
        .iter()
        .map(|a| match a.trim() {
            "" => MISSING,
            answer => index.get(answer).copied().unwrap_or(other),
        })
        .collect();
    let codes: Vec<u8> = rows
        .iter()
        .map(|&row| level_of[answers.codes()[row] as usize])
        .collect();
    let pooled = codes.contains(&other);
    if pooled {
        levels.push(ANOTHER_ANSWER.to_string());
    }
    (levels.len() >= 2).then_some((levels, codes))
}

/// A multi-select's options chosen by at least k of those who answered and left by at
/// least k, each as yes/no codes (missing when the question was left blank).
fn options(
    summary: &ColumnSummary,
    answers: &crate::survey::Answers,
    rows: &[usize],
    k: usize,
) -> Vec<(String, Vec<u8>)> {
    let answered = summary.answered;
    let kept: Vec<&str> = summary
        .counts
        .iter()
        .filter(|a| a.count >= k && answered.saturating_sub(a.count) >= k)
        .map(|a| a.value.as_str())
        .take(MAX_LEVELS)
        .collect();
    // Each distinct answer's kept options (`None` when it chose none), found once.
    let picked_of: Vec<Option<Vec<usize>>> = answers
        .distinct()
        .iter()
        .map(|answer| {
            let mut picked = chosen(answer).peekable();
            picked.peek()?;
            Some(
                picked
                    .filter_map(|option| kept.iter().position(|&o| o == option))
                    .collect(),
            )
        })
        .collect();
    let mut columns = vec![Vec::with_capacity(rows.len()); kept.len()];
    for &row in rows {
        let Some(picked) = &picked_of[answers.codes()[row] as usize] else {
            columns.iter_mut().for_each(|c| c.push(MISSING));
            continue;
        };
        let start = columns.first().map_or(0, Vec::len);
        columns.iter_mut().for_each(|c| c.push(0));
        for &i in picked {
            columns[i][start] = 1;
        }
    }
    kept.into_iter().map(str::to_string).zip(columns).collect()
}

/// Bands at most this many per number: its quintiles.
const BANDS: usize = 5;

/// A number column's band edges (quintiles, each band holding at least k of those who
/// answered; equal numbers always share a band) and every row's band; `None` when fewer
/// than two bands remain.
fn bands(
    answers: &crate::survey::Answers,
    rows: &[usize],
    k: usize,
) -> Option<(Vec<f64>, Vec<u8>)> {
    let number_of: Vec<Option<f64>> = answers.distinct().iter().map(|a| number(a)).collect();
    let values: Vec<Option<f64>> = rows
        .iter()
        .map(|&row| number_of[answers.codes()[row] as usize])
        .collect();
    let mut sorted: Vec<f64> = values.iter().flatten().copied().collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let mut edges: Vec<f64> = Vec::new();
    let mut below = 0;
    for band in 1..BANDS {
        // The first value at or past this quantile that starts a new value.
        let mut at = (band * n / BANDS).max(below + k);
        while at < n && at > 0 && sorted[at] == sorted[at - 1] {
            at += 1;
        }
        if at + k > n {
            break;
        }
        edges.push(sorted[at]);
        below = at;
    }
    if edges.is_empty() {
        return None;
    }
    let codes = values
        .iter()
        .map(|x| x.map_or(MISSING, |x| band_of(&edges, x) as u8))
        .collect();
    Some((edges, codes))
}
