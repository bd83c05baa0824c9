//! k-medoids on a distance matrix: seeded k-medoids++ starts, then alternating
//! assignment and medoid update until nothing changes; the cheapest of a few starts wins.
//! Medoids are real respondents, so no average of categories is ever invented.

use rand::RngExt;
use rand_xorshift::XorShiftRng;

use super::distance::DistanceMatrix;

/// Most rounds of assignment and update per start.
const MAX_ROUNDS: usize = 50;

/// A partition of the matrix's respondents around `k` medoids.
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// Indices (into the matrix) of the medoids.
    pub medoids: Vec<usize>,
    /// Each respondent's cluster (an index into `medoids`).
    pub labels: Vec<usize>,
    /// The sum of distances to the nearest medoid.
    pub cost: f64,
}

/// The best of `starts` k-medoids runs.
pub fn k_medoids(d: &DistanceMatrix, k: usize, starts: usize, rng: &mut XorShiftRng) -> Partition {
    (0..starts.max(1))
        .map(|_| one_run(d, k.clamp(1, d.size().max(1)), rng))
        .min_by(|a, b| a.cost.total_cmp(&b.cost))
        .expect("at least one start")
}

fn one_run(d: &DistanceMatrix, k: usize, rng: &mut XorShiftRng) -> Partition {
    let mut medoids = plus_plus(d, k, rng);
    let mut labels = vec![0; d.size()];
    for _ in 0..MAX_ROUNDS {
        assign(d, &medoids, &mut labels);
        let updated: Vec<usize> = (0..medoids.len())
            .map(|c| best_medoid(d, &labels, c).unwrap_or(medoids[c]))
            .collect();
        if updated == medoids {
            break;
        }
        medoids = updated;
    }
    let cost = assign(d, &medoids, &mut labels);
    Partition {
        medoids,
        labels,
        cost,
    }
}

/// k-medoids++: the first medoid at random, each next one drawn with probability
/// proportional to its squared distance from the medoids so far.
fn plus_plus(d: &DistanceMatrix, k: usize, rng: &mut XorShiftRng) -> Vec<usize> {
    let n = d.size();
    let mut medoids = vec![rng.random_range(0..n)];
    let mut nearest: Vec<f64> = (0..n).map(|i| f64::from(d.get(i, medoids[0]))).collect();
    while medoids.len() < k {
        let total: f64 = nearest.iter().map(|x| x * x).sum();
        let next = if total <= 0.0 {
            // Everyone left sits on a medoid: take the first one not chosen.
            (0..n).find(|i| !medoids.contains(i)).unwrap_or(0)
        } else {
            let mut target = rng.random_range(0.0..total);
            let mut pick = n - 1;
            for (i, x) in nearest.iter().enumerate() {
                target -= x * x;
                if target <= 0.0 {
                    pick = i;
                    break;
                }
            }
            pick
        };
        medoids.push(next);
        for (i, slot) in nearest.iter_mut().enumerate() {
            *slot = slot.min(f64::from(d.get(i, next)));
        }
    }
    medoids
}

/// Puts everyone with their nearest medoid (ties to the first); returns the total cost.
fn assign(d: &DistanceMatrix, medoids: &[usize], labels: &mut [usize]) -> f64 {
    let mut cost = 0.0;
    for (i, label) in labels.iter_mut().enumerate() {
        let (best, distance) = medoids
            .iter()
            .enumerate()
            .map(|(c, &m)| (c, d.get(i, m)))
            .fold((0, f32::MAX), |best, x| if x.1 < best.1 { x } else { best });
        *label = best;
        cost += f64::from(distance);
    }
    cost
}

/// The member of cluster `c` with the least total distance to the other members.
fn best_medoid(d: &DistanceMatrix, labels: &[usize], c: usize) -> Option<usize> {
    let members: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == c).collect();
    members.iter().copied().min_by(|&a, &b| {
        let cost = |m: usize| members.iter().map(|&i| f64::from(d.get(i, m))).sum::<f64>();
        cost(a).total_cmp(&cost(b))
    })
}
