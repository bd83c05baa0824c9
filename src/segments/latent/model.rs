//! The latent class model and one round of EM.
//!
//! A finite mixture of K classes: respondent i's answers x_i have density
//!
//! p(x_i) = Σ_c π_c · Π_j f_jc(x_ij),
//!
//! the product over the items i answered (missing answers are left out of the
//! likelihood, which is right when answers are missing at random), f_jc(l) = θ_jcl
//! the probability of level l of item j in class c. Items are independent within a
//! class (local independence).
//!
//! EM with a prior (maximum a posteriori): the E-step gives each respondent's class
//! probabilities (posteriors) r_ic = π_c Π_j f_jc(x_ij) / p(x_i); the M-step sets
//!
//! - π_c = (Σ_i r_ic + a) / (n + K a) — a Dirichlet(1 + a) prior, a = [`WEIGHT_PRIOR`];
//! - θ_jcl = (Σ_i r_ic [x_ij = l] + α) / (Σ_i r_ic [x_ij observed] + L_j α) — a
//!   Dirichlet(1 + α) prior, α = [`ANSWER_PRIOR`], so no probability is ever 0 and no
//!   class collapses onto a few respondents.
//!
//! Each round raises log-likelihood + log prior (the MAP objective); the plain
//! log-likelihood is what BIC uses.

use super::data::{Data, MISSING};

/// The prior's extra count on every class weight.
pub const WEIGHT_PRIOR: f64 = 1.0;
/// The prior's extra count on every answer probability.
pub const ANSWER_PRIOR: f64 = 0.5;

/// A fitted (or starting) model: K classes over the items of a [`Data`].
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// π_c, the class shares.
    pub weights: Vec<f64>,
    /// θ per item, level-major: `probabilities[j][l * K + c]`.
    pub probabilities: Vec<Vec<f64>>,
}

/// What one E-step gathers: the M-step needs nothing else, and model choice uses the
/// rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    /// Σ_i log p(x_i) at the model the step used.
    pub log_likelihood: f64,
    /// Σ_i Σ_c −r_ic ln r_ic, the classification entropy.
    pub entropy: f64,
    /// Respondents whose likeliest class is c.
    pub hard: Vec<usize>,
    weights: Vec<f64>,
    counts: Vec<Vec<f64>>,
}

impl Model {
    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.weights.len()
    }

    /// The number of free parameters: (K − 1) weights and K (L_j − 1) per item.
    pub fn parameters(&self) -> usize {
        let k = self.classes();
        let answers: usize = self.probabilities.iter().map(|p| p.len() - k).sum();
        k - 1 + answers
    }

    /// The log of the prior density, up to a constant: what EM adds to the
    /// log-likelihood.
    pub fn log_prior(&self) -> f64 {
        let weights: f64 = self.weights.iter().map(|w| WEIGHT_PRIOR * w.ln()).sum();
        let answers: f64 = self
            .probabilities
            .iter()
            .flatten()
            .map(|p| ANSWER_PRIOR * p.ln())
            .sum();
        weights + answers
    }

    /// The E-step over `data`: every respondent's posteriors, gathered into
    /// [`Statistics`].
    pub fn expect(&self, data: &Data) -> Statistics {
        let mut stats = Statistics::empty(self);
        by_classes!(
            self.classes(),
            pass,
            self,
            data,
            Some(&mut stats),
            &mut |_, _| {}
        );
        stats
    }

    /// Calls `each(row, posteriors)` for every respondent of `data`, in order.
    pub fn posteriors(&self, data: &Data, each: &mut dyn FnMut(usize, &[f64])) {
        by_classes!(self.classes(), pass, self, data, None, each);
    }

    /// The M-step: the prior's most probable model given the statistics.
    pub fn maximise(stats: &Statistics) -> Model {
        let k = stats.weights.len();
        let n: f64 = stats.weights.iter().sum();
        let weights = stats
            .weights
            .iter()
            .map(|w| (w + WEIGHT_PRIOR) / (n + k as f64 * WEIGHT_PRIOR))
            .collect();
        let probabilities = stats
            .counts
            .iter()
            .map(|counts| {
                let levels = counts.len() / k;
                let mut totals = vec![0.0; k];
                for (i, count) in counts.iter().enumerate() {
                    totals[i % k] += count;
                }
                counts
                    .iter()
                    .enumerate()
                    .map(|(i, count)| {
                        (count + ANSWER_PRIOR) / (totals[i % k] + levels as f64 * ANSWER_PRIOR)
                    })
                    .collect()
            })
            .collect();
        Model {
            weights,
            probabilities,
        }
    }

    /// The model without class `c`, the other shares scaled to sum to 1.
    pub fn without(&self, c: usize) -> Model {
        let k = self.classes();
        let drop = |values: &Vec<f64>| -> Vec<f64> {
            values
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != c)
                .map(|(_, v)| *v)
                .collect()
        };
        let mut weights = drop(&self.weights);
        let total: f64 = weights.iter().sum();
        weights.iter_mut().for_each(|w| *w /= total);
        Model {
            weights,
            probabilities: self.probabilities.iter().map(drop).collect(),
        }
    }
}

impl Statistics {
    fn empty(model: &Model) -> Statistics {
        let k = model.classes();
        let zeros = |v: &Vec<Vec<f64>>| v.iter().map(|x| vec![0.0; x.len()]).collect();
        Statistics {
            log_likelihood: 0.0,
            entropy: 0.0,
            hard: vec![0; k],
            weights: vec![0.0; k],
            counts: zeros(&model.probabilities),
        }
    }

    /// Statistics of a hard partition (`labels[i]` in 0..k): how EM starts.
    pub fn of_labels(data: &Data, labels: &[usize], k: usize) -> Statistics {
        let shape = Model {
            weights: vec![0.0; k],
            probabilities: data
                .items
                .iter()
                .map(|item| vec![0.0; item.kind.levels() * k])
                .collect(),
        };
        let mut stats = Statistics::empty(&shape);
        for (row, &c) in labels.iter().enumerate() {
            stats.weights[c] += 1.0;
            stats.hard[c] += 1;
            for (j, &code) in data.codes_of(row).iter().enumerate() {
                if code != MISSING {
                    stats.counts[j][code as usize * k + c] += 1.0;
                }
            }
        }
        stats
    }
}

/// Most classes a model may have: the hot loops work on fixed-size arrays of this many.
pub const MAX_CLASSES: usize = 8;

/// Calls `$f::<K>(args…)` for the model's number of classes K (1 to [`MAX_CLASSES`]).
macro_rules! by_classes {
    ($k:expr, $f:ident, $($arg:expr),*) => {
        match $k {
            1 => $f::<1>($($arg),*),
            2 => $f::<2>($($arg),*),
            3 => $f::<3>($($arg),*),
            4 => $f::<4>($($arg),*),
            5 => $f::<5>($($arg),*),
            6 => $f::<6>($($arg),*),
            7 => $f::<7>($($arg),*),
            8 => $f::<8>($($arg),*),
            k => panic!("a latent class model has 1 to {MAX_CLASSES} classes, not {k}"),
        }
    };
}
use by_classes;

/// One pass over the respondents with K classes: each one's posteriors (by the
/// log-sum-exp of the classes' joint densities) go to `each`, and into `stats` when
/// given (`stats` must be [`Statistics::empty`] for the model).
fn pass<const K: usize>(
    model: &Model,
    data: &Data,
    stats: Option<&mut Statistics>,
    each: &mut dyn FnMut(usize, &[f64]),
) {
    let lanes = |v: &[f64]| -> [f64; K] { v.try_into().expect("K values") };
    let log_weights = lanes(&model.weights).map(f64::ln);
    let log_cells: Vec<[f64; K]> = model
        .probabilities
        .iter()
        .flat_map(|t| t.chunks_exact(K).map(|c| lanes(c).map(f64::ln)))
        .collect();
    let offsets: Vec<usize> = model
        .probabilities
        .iter()
        .scan(0, |start, t| {
            let here = *start;
            *start += t.len() / K;
            Some(here)
        })
        .collect();
    let mut cells = vec![[0.0; K]; log_cells.len()];
    let (mut weights, mut hard) = ([0.0; K], [0usize; K]);
    let (mut log_likelihood, mut entropy) = (0.0, 0.0);
    let gather = stats.is_some();
    for row in 0..data.rows() {
        let codes = data.codes_of(row);
        let mut r = log_weights;
        for (&code, &offset) in codes.iter().zip(&offsets) {
            if code != MISSING {
                let t = &log_cells[offset + code as usize];
                (0..K).for_each(|c| r[c] += t[c]);
            }
        }
        let top = r.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut total = 0.0;
        for l in r.iter_mut() {
            *l = (*l - top).exp();
            total += *l;
        }
        r.iter_mut().for_each(|l| *l /= total);
        each(row, &r);
        if !gather {
            continue;
        }
        log_likelihood += top + total.ln();
        let mut best = 0;
        for c in 0..K {
            weights[c] += r[c];
            if r[c] > 0.0 {
                entropy -= r[c] * r[c].ln();
            }
            if r[c] > r[best] {
                best = c;
            }
        }
        hard[best] += 1;
        for (&code, &offset) in codes.iter().zip(&offsets) {
            if code != MISSING {
                let cell = &mut cells[offset + code as usize];
                (0..K).for_each(|c| cell[c] += r[c]);
            }
        }
    }
    let Some(stats) = stats else { return };
    stats.log_likelihood += log_likelihood;
    stats.entropy += entropy;
    add_lanes(&mut stats.weights, &weights);
    for (h, n) in stats.hard.iter_mut().zip(hard) {
        *h += n;
    }
    for (j, counts) in stats.counts.iter_mut().enumerate() {
        for (l, chunk) in counts.chunks_exact_mut(K).enumerate() {
            add_lanes(chunk, &cells[offsets[j] + l]);
        }
    }
}

fn add_lanes(into: &mut [f64], values: &[f64]) {
    into.iter_mut().zip(values).for_each(|(a, b)| *a += b);
}
