//! Choosing the number of classes, and saying when there is none to choose.
//!
//! For each number K tried the model is fitted and scored by the Bayesian information
//! criterion BIC = −2 ln L + p ln n (p free parameters, n respondents fitted; lower is
//! better). Also reported: the classification entropy EN = Σ_i Σ_c −r_ic ln r_ic, the
//! integrated completed likelihood ICL = BIC + 2 EN (BIC penalised for overlapping
//! classes), the normalised entropy E = 1 − EN / (n ln K) (Ramaswamy et al.; 1 = every
//! respondent clearly in one class) and the smallest class's share.
//!
//! The rule ([`choose`]):
//! 1. a number is *eligible* only if every class would hold at least the minimum group
//!    size k of the respondents (its share of the fitted respondents, scaled up);
//! 2. **no clear segments** when one class has a BIC as low as the best eligible number
//!    (splitting the respondents explains their answers no better than its cost), or
//!    when the best number's normalised entropy is under [`ENTROPY_FLOOR`] (classes so
//!    overlapping that few respondents clearly belong to one);
//! 3. otherwise the eligible number with the lowest BIC — unless it is the largest
//!    eligible number and BIC was still falling there: then BIC **kept falling**, which
//!    is said, and the smallest number that achieves [`KEPT_FALLING_SHARE`] of the fall
//!    in BIC from one class to the best is taken rather than silently the largest.

use serde::{Deserialize, Serialize};

/// Under this normalised entropy the classes overlap too much to be segments.
pub const ENTROPY_FLOOR: f64 = 0.5;
/// When BIC keeps falling, the number taken is the smallest that gets this far.
pub const KEPT_FALLING_SHARE: f64 = 0.9;

/// The figures of one number of classes, as the BIC chart shows them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClassCount {
    pub count: usize,
    pub log_likelihood: f64,
    pub parameters: usize,
    pub bic: f64,
    pub icl: f64,
    /// Normalised entropy, 0–1 (1 for one class).
    pub entropy: f64,
    /// The smallest class's share of the respondents fitted, 0–1.
    pub smallest_share: f64,
    /// Whether every class would hold at least the minimum group size.
    pub eligible: bool,
}

impl ClassCount {
    /// The figures of a fit: log-likelihood, parameters, entropy EN, the hard class
    /// sizes, the respondents fitted `n` and those they stand for `total`, and k.
    pub fn new(
        count: usize,
        log_likelihood: f64,
        parameters: usize,
        entropy: f64,
        sizes: &[usize],
        (n, total, k): (usize, usize, usize),
    ) -> ClassCount {
        let bic = -2.0 * log_likelihood + parameters as f64 * (n as f64).ln();
        let smallest = sizes.iter().copied().min().unwrap_or(0);
        let smallest_share = smallest as f64 / n.max(1) as f64;
        let normalised = if count > 1 && n > 0 {
            1.0 - entropy / (n as f64 * (count as f64).ln())
        } else {
            1.0
        };
        ClassCount {
            count,
            log_likelihood,
            parameters,
            bic,
            icl: bic + 2.0 * entropy,
            entropy: normalised.clamp(0.0, 1.0),
            smallest_share,
            eligible: (smallest_share * total as f64).floor() as usize >= k,
        }
    }
}

/// What the figures say about the number of segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// BIC has its lowest point at the number chosen.
    Chosen,
    /// BIC still fell at the largest eligible number (see the module's rule).
    KeptFalling,
    /// One group fits the answers as well as any split: no clear segments.
    NoClearSegments,
    /// The user set the number.
    Set,
}

impl Verdict {
    /// What the verdict means, in plain words.
    pub fn explain(self) -> &'static str {
        match self {
            Verdict::Chosen => "the number where BIC is lowest (the best balance of fit and simplicity)",
            Verdict::KeptFalling => "BIC kept falling up to the largest number allowed, so the survey may hold more, smaller groups or a gradual spread rather than distinct groups; the number taken is the smallest that gets 90% of the way",
            Verdict::NoClearSegments => "no number of segments describes the answers better than one group does, so these answers hold no clear segments",
            Verdict::Set => "the number you chose",
        }
    }
}

/// Auto's choice among `candidates` (ascending counts, 2 or more) given one class's
/// figures; `None` when there are no clear segments.
pub fn choose(one: &ClassCount, candidates: &[ClassCount]) -> (Verdict, Option<usize>) {
    let eligible: Vec<&ClassCount> = candidates.iter().filter(|c| c.eligible).collect();
    let Some(best) = eligible
        .iter()
        .copied()
        .min_by(|a, b| a.bic.total_cmp(&b.bic))
    else {
        return (Verdict::NoClearSegments, None);
    };
    if one.bic <= best.bic || best.entropy < ENTROPY_FLOOR {
        return (Verdict::NoClearSegments, None);
    }
    let largest = eligible.last().expect("not empty");
    if best.count != largest.count || eligible.len() == 1 {
        return (Verdict::Chosen, Some(best.count));
    }
    let fall = one.bic - best.bic;
    let enough = eligible
        .iter()
        .find(|c| one.bic - c.bic >= KEPT_FALLING_SHARE * fall)
        .map_or(best.count, |c| c.count);
    (Verdict::KeptFalling, Some(enough))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(count: usize, bic: f64) -> ClassCount {
        ClassCount {
            count,
            log_likelihood: -bic / 2.0,
            parameters: 0,
            bic,
            icl: bic,
            entropy: 0.9,
            smallest_share: 0.2,
            eligible: true,
        }
    }

    #[test]
    fn the_lowest_bic_wins_when_it_is_a_minimum() {
        let tried = [c(2, 900.0), c(3, 850.0), c(4, 800.0), c(5, 820.0)];
        assert_eq!(choose(&c(1, 1000.0), &tried), (Verdict::Chosen, Some(4)));
    }

    #[test]
    fn one_class_as_good_as_any_split_means_no_clear_segments() {
        let tried = [c(2, 1010.0), c(3, 1030.0)];
        assert_eq!(
            choose(&c(1, 1000.0), &tried),
            (Verdict::NoClearSegments, None)
        );
        let mut blurred = c(2, 900.0);
        blurred.entropy = ENTROPY_FLOOR - 0.01;
        assert_eq!(
            choose(&c(1, 1000.0), &[blurred]).0,
            Verdict::NoClearSegments
        );
    }

    #[test]
    fn too_small_classes_are_never_chosen() {
        let mut small = c(4, 700.0);
        small.eligible = false;
        let tried = [c(2, 900.0), c(3, 800.0), small];
        // 3 is the largest eligible and BIC still fell there.
        assert_eq!(
            choose(&c(1, 1000.0), &tried),
            (Verdict::KeptFalling, Some(3))
        );
    }

    #[test]
    fn when_bic_keeps_falling_it_says_so_and_takes_where_the_fall_levels_off() {
        let tried = [
            c(2, 500.0),
            c(3, 200.0),
            c(4, 190.0),
            c(5, 185.0),
            c(6, 180.0),
        ];
        // The fall from 1 class to 6 is 820; 3 classes already get 800 of it (≥ 90 %).
        assert_eq!(
            choose(&c(1, 1000.0), &tried),
            (Verdict::KeptFalling, Some(3))
        );
    }

    #[test]
    fn figures_follow_their_definitions() {
        let f = ClassCount::new(2, -500.0, 5, 0.0, &[60, 40], (100, 1000, 11));
        assert!((f.bic - (1000.0 + 5.0 * 100f64.ln())).abs() < 1e-9);
        assert_eq!((f.entropy, f.smallest_share, f.eligible), (1.0, 0.4, true));
        let blurred = ClassCount::new(2, -500.0, 5, 100.0 * 2f64.ln(), &[99, 1], (100, 100, 11));
        assert!(blurred.entropy.abs() < 1e-9 && !blurred.eligible);
        assert!((blurred.icl - blurred.bic - 200.0 * 2f64.ln()).abs() < 1e-9);
    }
}
