//! What both automatic methods share: which method, how many segments, the seed, the
//! minimum group size, the stability badge and why no segments could be found.

use rand::RngExt;
use rand_xorshift::XorShiftRng;
use serde::{Deserialize, Serialize};

use crate::columns::{ColumnKind, ColumnSummary, Role};

/// The numbers of segments tried by Auto.
pub const AUTO_RANGE: std::ops::RangeInclusive<usize> = 2..=8;
/// The seed used unless the user gives another.
pub const DEFAULT_SEED: u64 = 11;
/// Mean bootstrap Jaccard at or above which a segment is "stable".
pub const STABLE: f64 = 0.75;
/// … and at or above which it is "weak" (below: "unreliable").
pub const WEAK: f64 = 0.6;

/// The method recorded in provenance for latent classes …
pub const LATENT_METHOD: &str = "latent classes (EM, BIC)";
/// … and for segments of similar answers.
pub const SIMILARITY_METHOD: &str = "k-medoids (Gower distance)";

/// How segments are found across the questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Latent class analysis: a finite mixture model fitted by EM, the number by BIC
    /// (`segments::latent`).
    #[default]
    LatentClasses,
    /// k-medoids on Gower distances, the number by stability and silhouette
    /// (`segments::clustering`).
    SimilarAnswers,
}

impl Method {
    /// Every method, in the order the page offers them.
    pub const ALL: [Method; 2] = [Method::LatentClasses, Method::SimilarAnswers];

    /// The method's name as the page shows it.
    pub fn label(self) -> &'static str {
        match self {
            Method::LatentClasses => "Latent classes",
            Method::SimilarAnswers => "Similar answers",
        }
    }

    /// The method as provenance records it (`docs/persona-format.md`).
    pub fn provenance(self) -> &'static str {
        match self {
            Method::LatentClasses => LATENT_METHOD,
            Method::SimilarAnswers => SIMILARITY_METHOD,
        }
    }
}

/// How to segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentSettings {
    /// The number of segments, or `None` for Auto.
    pub count: Option<usize>,
    pub seed: u64,
    /// No segment may be smaller (privacy).
    pub min_group_size: usize,
}

impl Default for SegmentSettings {
    fn default() -> Self {
        SegmentSettings {
            count: None,
            seed: DEFAULT_SEED,
            min_group_size: crate::privacy::MIN_GROUP_SIZE,
        }
    }
}

impl SegmentSettings {
    /// The numbers of segments to fit among `rows` respondents: the user's (checked), or
    /// those of [`AUTO_RANGE`] that leave every segment at least the minimum size.
    pub fn counts(&self, rows: usize) -> Result<Vec<usize>, SegmentError> {
        let k = self.min_group_size;
        let most = rows / k.max(1);
        if most < 2 {
            return Err(SegmentError::TooFewRespondents { needed: 2 * k, k });
        }
        match self.count {
            Some(count) if count > most || count < 1 => Err(SegmentError::TooManySegments {
                count,
                k,
                needed: count * k,
                most,
            }),
            Some(count) => Ok(vec![count]),
            None => Ok(AUTO_RANGE.filter(|&c| c <= most).collect()),
        }
    }
}

/// Whether a question can shape segments: a choice, scale, multi-select or number in
/// use, with at least two answers. Free text, codes and "ignore" never do; identifiers
/// were dropped before analysis. The user can leave out any other
/// (`pipeline::ColumnMapping::left_out_of_segments`).
pub fn can_shape_segments(summary: &ColumnSummary) -> bool {
    summary.role.is_used()
        && summary.role != Role::Quotes
        && summary.distinct() >= 2
        && matches!(
            summary.kind,
            ColumnKind::Categorical
                | ColumnKind::Scale
                | ColumnKind::MultiSelect
                | ColumnKind::Numeric
        )
}

/// How far a segment can be trusted to come back in another sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stability {
    Stable,
    Weak,
    Unreliable,
}

impl Stability {
    /// The badge's word.
    pub fn label(self) -> &'static str {
        match self {
            Stability::Stable => "stable",
            Stability::Weak => "weak",
            Stability::Unreliable => "unreliable",
        }
    }

    /// The badge in plain words, for the card: how far the group can be trusted.
    pub fn plain(self) -> &'static str {
        match self {
            Stability::Stable => "clear group",
            Stability::Weak => "loose group",
            Stability::Unreliable => "not reliable",
        }
    }

    /// What the plain words mean, for the statistics behind them.
    pub fn meaning(self) -> &'static str {
        match self {
            Stability::Stable => "It comes back when the survey is sampled again (stability at least 0.75).",
            Stability::Weak => "It comes back only partly when the survey is sampled again (stability 0.6 to 0.75).",
            Stability::Unreliable => "It mostly does not come back when the survey is sampled again (stability under 0.6): treat it with care.",
        }
    }

    /// The badge for a mean bootstrap Jaccard similarity.
    pub fn of(jaccard: f64) -> Self {
        if jaccard >= STABLE {
            Stability::Stable
        } else if jaccard >= WEAK {
            Stability::Weak
        } else {
            Stability::Unreliable
        }
    }
}

/// Why no segments could be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum SegmentError {
    #[error("No question describes respondents in a way segments can use (choices, scales, multi-selects or numbers). Check the roles in the column table and which questions are used for segments.")]
    NoVariables,
    #[error("Segments need at least {needed} respondents ({k} or more in each of two segments); this survey has fewer.")]
    TooFewRespondents { needed: usize, k: usize },
    #[error("Latent classes find at most {most} personas; choose {most} or fewer, or the Similar answers method.")]
    TooManyClasses { most: usize },
    #[error("{count} personas of at least {k} respondents each need {needed} respondents; choose {most} or fewer.")]
    TooManySegments {
        count: usize,
        k: usize,
        needed: usize,
        most: usize,
    },
}

/// For each of `classes` original segments, its Jaccard similarity with the segment of
/// `again` that matches it best, over the same respondents: `original[i]` and `again[i]`
/// are respondent i's segment in the first partition and in the new one (Hennig's
/// clusterboot compares a bootstrap refit with the original this way).
pub fn best_match_jaccard(original: &[usize], again: &[usize], classes: usize) -> Vec<f64> {
    let others = again.iter().max().map_or(0, |m| m + 1);
    let mut table = vec![0usize; classes * others];
    let (mut sizes, mut other_sizes) = (vec![0usize; classes], vec![0usize; others]);
    for (&a, &b) in original.iter().zip(again) {
        table[a * others + b] += 1;
        sizes[a] += 1;
        other_sizes[b] += 1;
    }
    (0..classes)
        .map(|a| {
            (0..others)
                .map(|b| {
                    let shared = table[a * others + b];
                    let union = sizes[a] + other_sizes[b] - shared;
                    if union == 0 {
                        0.0
                    } else {
                        shared as f64 / union as f64
                    }
                })
                .fold(0.0, f64::max)
        })
        .collect()
}

/// Up to `size` distinct rows of `rows`, drawn without replacement and sorted (all of
/// them when there are no more).
pub(crate) fn sample_rows(rows: &[usize], size: usize, rng: &mut XorShiftRng) -> Vec<usize> {
    let mut all: Vec<usize> = rows.to_vec();
    if rows.len() > size {
        for i in 0..size {
            let j = rng.random_range(i..rows.len());
            all.swap(i, j);
        }
        all.truncate(size);
        all.sort_unstable();
    }
    all
}
