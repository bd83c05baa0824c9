//! Automatic segments on mixed answers. Each pair of respondents is compared with Gower's
//! distance (numbers, scales, choices and multi-selects each in their own terms, missing
//! answers skipped); k-medoids partitions a sample of up to [`SAMPLE`] respondents and
//! everyone is then placed with their nearest medoid. The number of segments is the
//! user's, or chosen by [`choose`] from 2–8 by silhouette and bootstrap stability.
//! Everything is deterministic for a given seed.

mod distance;
mod features;
mod kmedoids;
mod quality;

pub use distance::{gower, DistanceMatrix};
pub(crate) use features::number;
pub use features::{Features, Value};

use rand::SeedableRng;
use rand_xorshift::XorShiftRng;

use super::settings::sample_rows;
pub use super::settings::{
    SegmentError, SegmentSettings, Stability, AUTO_RANGE, DEFAULT_SEED, STABLE, WEAK,
};

use crate::columns::ColumnSummary;
use crate::survey::Survey;
use kmedoids::{k_medoids, Partition};
use quality::{per_cluster_silhouette, stability};

/// Respondents segmented directly; the others join their nearest medoid.
pub const SAMPLE: usize = 1000;
/// Bootstrap resamples per number of segments.
pub const BOOTSTRAP_ROUNDS: usize = 10;
/// k-medoids starts per fit.
const STARTS: usize = 3;

/// One number of segments tried, and how well it did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub count: usize,
    pub silhouette: f64,
    /// Mean over segments of their bootstrap Jaccard similarity.
    pub stability: f64,
}

/// A segment found in the answers.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundSegment {
    /// Respondents (row indices), ascending.
    pub members: Vec<usize>,
    /// The respondent at the segment's centre.
    pub medoid: usize,
    /// Mean bootstrap Jaccard similarity (see [`Stability::of`]).
    pub stability: f64,
    /// Mean silhouette of its sampled members.
    pub silhouette: f64,
}

/// Segments found automatically, largest first, with the figures behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Segmentation {
    pub segments: Vec<FoundSegment>,
    /// The number of segments fitted (before small ones were merged).
    pub fitted: usize,
    /// Whether Auto chose the number.
    pub auto: bool,
    pub silhouette: f64,
    pub candidates: Vec<Candidate>,
    /// Segments under the minimum group size whose members joined their next-nearest.
    pub merged_small: usize,
    /// The columns compared.
    pub variables: Vec<usize>,
    pub seed: u64,
    /// Respondents in the sample segmented directly.
    pub sample: usize,
    /// The share of respondents who fit their segment well (see [`FIT_MARGIN`]).
    pub fits_well: f64,
}

/// A respondent fits their segment well when their distance to its medoid is at most
/// this fraction short of the distance to the next-nearest medoid: (b − a) / b ≥ 0.25.
pub const FIT_MARGIN: f64 = 0.25;

/// Finds segments of respondents in their answers to the described columns.
pub fn segment(
    survey: &Survey,
    summaries: &[ColumnSummary],
    settings: SegmentSettings,
) -> Result<Segmentation, SegmentError> {
    let everyone: Vec<usize> = (0..survey.respondents()).collect();
    segment_among(survey, summaries, &everyone, settings)
}

/// Finds segments among some respondents (`rows`, ascending row indices); the
/// segments' members are row indices of the whole survey.
pub fn segment_among(
    survey: &Survey,
    summaries: &[ColumnSummary],
    rows: &[usize],
    settings: SegmentSettings,
) -> Result<Segmentation, SegmentError> {
    let features = Features::from_survey(survey, summaries);
    let k = settings.min_group_size;
    if features.width() == 0 {
        return Err(SegmentError::NoVariables);
    }
    let counts = settings.counts(rows.len())?;
    let mut rng = XorShiftRng::seed_from_u64(settings.seed);
    let sample = sample_rows(rows, SAMPLE, &mut rng);
    let d = DistanceMatrix::between(&features, &sample);
    let fits: Vec<(Candidate, Partition, Vec<f64>)> = counts
        .iter()
        .map(|&count| {
            let partition = k_medoids(&d, count, STARTS, &mut rng);
            let (silhouette, _) = per_cluster_silhouette(&d, &partition.labels, count);
            let stable = stability(&d, &partition, BOOTSTRAP_ROUNDS, &mut rng);
            let candidate = Candidate {
                count,
                silhouette,
                stability: stable.iter().sum::<f64>() / count as f64,
            };
            (candidate, partition, stable)
        })
        .collect();
    let candidates: Vec<Candidate> = fits.iter().map(|f| f.0).collect();
    let chosen = choose(&candidates);
    let (candidate, partition, stable) = fits
        .into_iter()
        .find(|f| f.0.count == chosen)
        .expect("the chosen count was fitted");
    let (_, by_cluster) = per_cluster_silhouette(&d, &partition.labels, candidate.count);
    let medoids: Vec<usize> = partition.medoids.iter().map(|&m| sample[m]).collect();
    let (segments, merged_small, fits_well) =
        place_everyone(&features, rows, medoids, k, &stable, &by_cluster);
    Ok(Segmentation {
        segments,
        fitted: candidate.count,
        auto: settings.count.is_none(),
        silhouette: candidate.silhouette,
        candidates,
        merged_small,
        variables: features.columns.clone(),
        seed: settings.seed,
        sample: sample.len(),
        fits_well,
    })
}

/// Auto's choice: among the numbers whose segments are stable on average (≥ 0.75), the
/// best separated (highest silhouette); when none is, the highest silhouette × stability.
/// Ties go to fewer segments.
pub fn choose(candidates: &[Candidate]) -> usize {
    let best = |score: &dyn Fn(&Candidate) -> f64, pool: Vec<&Candidate>| {
        pool.into_iter()
            .fold(None::<&Candidate>, |best, c| match best {
                Some(b) if score(b) >= score(c) => Some(b),
                _ => Some(c),
            })
            .map(|c| c.count)
    };
    let stable: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.stability >= STABLE)
        .collect();
    best(&|c| c.silhouette, stable)
        .or_else(|| best(&|c| c.silhouette * c.stability, candidates.iter().collect()))
        .unwrap_or(2)
}

/// Everyone joins their nearest medoid; a segment under `k` gives up its medoid and its
/// members join their next-nearest, until every segment has at least `k`.
fn place_everyone(
    features: &Features,
    rows: &[usize],
    mut medoids: Vec<usize>,
    k: usize,
    stable: &[f64],
    silhouettes: &[f64],
) -> (Vec<FoundSegment>, usize, f64) {
    let mut figures: Vec<(f64, f64)> = stable
        .iter()
        .copied()
        .zip(silhouettes.iter().copied())
        .collect();
    let mut merged = 0;
    let mut values = Vec::with_capacity(features.width());
    loop {
        let centres: Vec<Vec<Value>> = medoids.iter().map(|&m| features.row(m)).collect();
        let mut members = vec![Vec::new(); medoids.len()];
        let mut well = 0usize;
        for &row in rows {
            features.row_into(row, &mut values);
            let mut distances: Vec<(usize, f32)> = centres
                .iter()
                .enumerate()
                .map(|(c, centre)| (c, gower(&values, centre)))
                .collect();
            distances.sort_by(|a, b| a.1.total_cmp(&b.1));
            members[distances[0].0].push(row);
            let (a, b) = (distances[0].1, distances.get(1).map_or(1.0, |d| d.1));
            if b > 0.0 && f64::from((b - a) / b) >= FIT_MARGIN {
                well += 1;
            }
        }
        let smallest = (0..medoids.len())
            .filter(|&c| members[c].len() < k)
            .min_by_key(|&c| members[c].len());
        match smallest {
            Some(c) if medoids.len() > 1 => {
                medoids.remove(c);
                figures.remove(c);
                merged += 1;
            }
            _ => {
                let mut segments: Vec<FoundSegment> = members
                    .into_iter()
                    .zip(medoids)
                    .zip(figures)
                    .map(
                        |((members, medoid), (stability, silhouette))| FoundSegment {
                            members,
                            medoid,
                            stability,
                            silhouette,
                        },
                    )
                    .collect();
                segments.sort_by_key(|s| std::cmp::Reverse(s.members.len()));
                let fits_well = well as f64 / rows.len().max(1) as f64;
                return (segments, merged, fits_well);
            }
        }
    }
}
