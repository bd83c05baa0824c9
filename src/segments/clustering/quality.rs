//! How good a partition is: silhouette (are respondents nearer their own segment than
//! the next one?) and bootstrap stability (does each segment come back when the
//! respondents are resampled and segmented again?).

use rand::RngExt;
use rand_xorshift::XorShiftRng;

use super::distance::DistanceMatrix;
use super::kmedoids::{k_medoids, Partition};
use crate::segments::best_match_jaccard;

/// The mean silhouette width, −1 to 1, of every respondent and per cluster: how much
/// nearer each is to its own segment than to the next (0 for a lone member).
pub fn per_cluster_silhouette(d: &DistanceMatrix, labels: &[usize], k: usize) -> (f64, Vec<f64>) {
    let n = labels.len();
    let sizes = sizes(labels, k);
    let (mut total, mut by_cluster) = (0.0, vec![0.0; k]);
    for i in 0..n {
        let mut sums = vec![0.0f64; k];
        for j in 0..n {
            if j != i {
                sums[labels[j]] += f64::from(d.get(i, j));
            }
        }
        let own = labels[i];
        if sizes[own] <= 1 {
            continue;
        }
        let a = sums[own] / (sizes[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && sizes[c] > 0)
            .map(|c| sums[c] / sizes[c] as f64)
            .fold(f64::INFINITY, f64::min);
        if b.is_finite() {
            let s = if a.max(b) > 0.0 {
                (b - a) / a.max(b)
            } else {
                0.0
            };
            total += s;
            by_cluster[own] += s;
        }
    }
    for (c, value) in by_cluster.iter_mut().enumerate() {
        *value /= sizes[c].max(1) as f64;
    }
    (total / n.max(1) as f64, by_cluster)
}

/// Each segment's mean Jaccard similarity with its best match over `rounds` bootstrap
/// resamples (Hennig's clusterboot): 1 is a segment that always comes back whole.
pub fn stability(
    d: &DistanceMatrix,
    partition: &Partition,
    rounds: usize,
    rng: &mut XorShiftRng,
) -> Vec<f64> {
    let n = d.size();
    let k = partition.medoids.len();
    let mut totals = vec![0.0; k];
    for _ in 0..rounds {
        let mut drawn: Vec<usize> = (0..n).map(|_| rng.random_range(0..n)).collect();
        drawn.sort_unstable();
        drawn.dedup();
        let sub = d.subset(&drawn);
        let again = k_medoids(&sub, k, 1, rng);
        let original: Vec<usize> = drawn.iter().map(|&i| partition.labels[i]).collect();
        let matched = best_match_jaccard(&original, &again.labels, k);
        for (total, best) in totals.iter_mut().zip(matched) {
            *total += best;
        }
    }
    totals.iter().map(|t| t / rounds.max(1) as f64).collect()
}

fn sizes(labels: &[usize], k: usize) -> Vec<usize> {
    let mut sizes = vec![0; k];
    for &l in labels {
        sizes[l] += 1;
    }
    sizes
}
