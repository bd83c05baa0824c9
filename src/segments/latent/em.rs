//! Fitting the model by EM from several seeded starts. Each start puts every respondent
//! with the nearest of K respondents picked k-means++-style (each next one drawn with
//! probability ∝ its squared distance to those already picked; the distance is the
//! share of co-answered items that differ), takes the M-step of that partition, and
//! runs [`SHORT_ROUNDS`] rounds; the start with the best objective runs on until a round
//! gains less than [`TOLERANCE`] per respondent (or [`MAX_ROUNDS`]). Deterministic for
//! a given random generator state.

use rand::RngExt;
use rand_xorshift::XorShiftRng;

use super::data::{Data, MISSING};
use super::model::{Model, Statistics};

/// Rounds each start runs before the best is chosen.
pub const SHORT_ROUNDS: usize = 6;
/// Most rounds of the chosen start.
pub const MAX_ROUNDS: usize = 400;
/// EM stops when a round raises the objective by less than this, per respondent.
pub const TOLERANCE: f64 = 1e-5;

/// A model fitted by EM, with the E-step statistics at that model.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub model: Model,
    pub stats: Statistics,
    /// Log-likelihood + log prior: what EM maximises.
    pub objective: f64,
    /// EM rounds of the chosen start (after its short run).
    pub rounds: usize,
}

impl Fit {
    /// The log-likelihood of the data at the fitted model.
    pub fn log_likelihood(&self) -> f64 {
        self.stats.log_likelihood
    }
}

/// The best of `starts` EM runs with `k` classes.
pub fn fit(data: &Data, k: usize, starts: usize, rng: &mut XorShiftRng) -> Fit {
    let best = (0..starts.max(1))
        .map(|_| run(start(data, k, rng), data, SHORT_ROUNDS, &mut |_| {}))
        .max_by(|a, b| a.objective.total_cmp(&b.objective))
        .expect("at least one start");
    let more = run(best.model, data, MAX_ROUNDS, &mut |_| {});
    Fit {
        rounds: more.rounds,
        ..more
    }
}

/// EM rounds from `model` until converged or `rounds` are done; `trace` sees the
/// objective at every round, in order.
pub fn run(model: Model, data: &Data, rounds: usize, trace: &mut dyn FnMut(f64)) -> Fit {
    let mut model = model;
    let mut previous = f64::NEG_INFINITY;
    let tolerance = TOLERANCE * data.rows().max(1) as f64;
    for round in 0.. {
        let stats = model.expect(data);
        let objective = stats.log_likelihood + model.log_prior();
        trace(objective);
        if round >= rounds || objective - previous < tolerance {
            return Fit {
                model,
                stats,
                objective,
                rounds: round,
            };
        }
        previous = objective;
        model = Model::maximise(&stats);
    }
    unreachable!("the loop returns")
}

/// A starting model: the M-step of a partition around `k` seeded respondents.
pub fn start(data: &Data, k: usize, rng: &mut XorShiftRng) -> Model {
    let n = data.rows();
    let mut seeds = vec![rng.random_range(0..n.max(1))];
    let mut nearest: Vec<(f64, usize)> = (0..n)
        .map(|row| (distance(data, row, seeds[0]), 0))
        .collect();
    while seeds.len() < k {
        let total: f64 = nearest.iter().map(|(d, _)| d * d).sum();
        let next = if total > 0.0 {
            let mut target = rng.random_range(0.0..total);
            nearest
                .iter()
                .position(|(d, _)| {
                    target -= d * d;
                    target <= 0.0
                })
                .unwrap_or(n - 1)
        } else {
            rng.random_range(0..n)
        };
        let label = seeds.len();
        seeds.push(next);
        for (row, best) in nearest.iter_mut().enumerate() {
            let d = distance(data, row, next);
            if d < best.0 {
                *best = (d, label);
            }
        }
    }
    let labels: Vec<usize> = nearest.iter().map(|&(_, label)| label).collect();
    Model::maximise(&Statistics::of_labels(data, &labels, k))
}

/// The share of items both respondents answered on which they differ; 1 when they
/// share no item.
fn distance(data: &Data, a: usize, b: usize) -> f64 {
    let (mut sum, mut count) = (0.0, 0usize);
    for (&x, &y) in data.codes_of(a).iter().zip(data.codes_of(b)) {
        if x != MISSING && y != MISSING {
            sum += f64::from(x != y);
            count += 1;
        }
    }
    if count == 0 {
        1.0
    } else {
        sum / count as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segments::latent::data::{Item, ItemKind};
    use proptest::prelude::*;
    use rand::SeedableRng;

    /// `rows` respondents answering `items` questions of `levels` answers, in three
    /// loose kinds, a tenth of the answers missing.
    fn random_data(rows: usize, items: usize, levels: usize, seed: u64) -> Data {
        let mut rng = XorShiftRng::seed_from_u64(seed);
        let list: Vec<Item> = (0..items)
            .map(|i| Item {
                column: i,
                question: format!("q{i}"),
                kind: ItemKind::Choice {
                    levels: (0..levels).map(|l| l.to_string()).collect(),
                },
            })
            .collect();
        let mut codes = Vec::new();
        for row in 0..rows {
            let kind = (row % 3) as u8;
            for _ in 0..items {
                codes.push(match rng.random_range(0..10) {
                    0 => MISSING,
                    1..=5 => kind % levels as u8,
                    _ => rng.random_range(0..levels as u8),
                });
            }
        }
        Data::from_parts(list, codes)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// EM never lowers its objective (log-likelihood + log prior), round after
        /// round, from any start on any data.
        #[test]
        fn em_raises_the_objective_at_every_round(
            seed in 0u64..10_000,
            k in 1usize..6,
            rows in 30usize..200,
            items in 3usize..9,
            levels in 2usize..5,
        ) {
            let data = random_data(rows, items, levels, seed);
            let mut rng = XorShiftRng::seed_from_u64(seed);
            let mut trace = Vec::new();
            run(start(&data, k, &mut rng), &data, 60, &mut |o| trace.push(o));
            for pair in trace.windows(2) {
                let slack = 1e-9 * pair[0].abs().max(1.0);
                prop_assert!(pair[1] >= pair[0] - slack, "{} then {}", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn the_same_generator_state_gives_the_same_fit() {
        let data = random_data(150, 6, 3, 4);
        let a = fit(&data, 3, 4, &mut XorShiftRng::seed_from_u64(9));
        let b = fit(&data, 3, 4, &mut XorShiftRng::seed_from_u64(9));
        assert_eq!(a, b);
        assert!(a.log_likelihood() < 0.0 && a.objective.is_finite());
    }
}
