//! Latent class analysis: automatic segments as the classes of a finite mixture model
//! over the typed answers (`model.rs` has the maths, `data.rs` how answers become
//! items), fitted by EM from seeded starts (`em.rs`), the number chosen by BIC with a
//! test for "no clear segments" (`choose.rs`).
//!
//! Large surveys are fitted on a seeded sample of [`SAMPLE`] respondents; everyone is
//! then put in their likeliest class (highest posterior). A class that ends with fewer
//! than the minimum group size k is removed from the model and its members go to their
//! next likeliest class, until every class holds at least k. Each segment reports its
//! mean membership probability and its bootstrap stability (Hennig's clusterboot: the
//! mean Jaccard similarity with its best match when a random half is fitted afresh).
//! Everything is deterministic for a given seed.

mod choose;
mod data;
mod em;
mod model;
mod profile;
mod sort;

pub use choose::{choose, ClassCount, Verdict, ENTROPY_FLOOR, KEPT_FALLING_SHARE};
pub use data::{band_name, band_of, Data, Item, ItemKind, ANOTHER_ANSWER, MISSING};
pub use em::{fit, run, start, Fit, MAX_ROUNDS, SHORT_ROUNDS, TOLERANCE};
pub use model::{Model, Statistics, ANSWER_PRIOR, MAX_CLASSES, WEIGHT_PRIOR};
pub use profile::{profiles, AnswerShare, ClassProfile, ItemProfile, OptionShare, Typical};
pub use sort::{ProfileModel, FEW_STAND_IN, TYPICAL_SDS};

use rand::SeedableRng;
use rand_xorshift::XorShiftRng;

use super::settings::sample_rows;
use super::{best_match_jaccard, can_shape_segments, SegmentError, SegmentSettings};
use crate::columns::ColumnSummary;
use crate::survey::Survey;

/// Respondents fitted directly; the others are placed by their posteriors.
pub const SAMPLE: usize = 2000;
/// EM starts per number of classes.
pub const STARTS: usize = 4;
/// Refits of the chosen number on random halves of the fitted respondents, and the
/// starts of each.
pub const BOOTSTRAP_ROUNDS: usize = 6;
const BOOTSTRAP_STARTS: usize = 2;
/// Auto stops trying larger numbers once this many in a row have a higher BIC than the
/// best so far (or classes under the minimum group size).
pub const WORSE_IN_A_ROW: usize = 2;
/// A respondent fits their segment well when its posterior probability is at least this.
pub const FITS_WELL: f64 = 0.8;

/// A class of respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct LatentSegment {
    /// Respondents (row indices), ascending.
    pub members: Vec<usize>,
    /// The class in [`LatentSegmentation::model`].
    pub class: usize,
    /// The mean of its members' posterior probability of this class, 0–1.
    pub membership: f64,
    /// Mean bootstrap Jaccard similarity (see `segments::Stability::of`).
    pub stability: f64,
    /// What a persona file keeps of the class, to sort a later wave with the model.
    pub profile: ClassProfile,
}

/// Classes found in the answers, with the figures behind the choice of their number.
#[derive(Debug, Clone, PartialEq)]
pub struct LatentSegmentation {
    /// Largest first; none when there are no clear segments.
    pub segments: Vec<LatentSegment>,
    pub verdict: Verdict,
    pub auto: bool,
    /// One class's figures, the baseline of the "no clear segments" test.
    pub one_class: ClassCount,
    /// Every number tried, ascending.
    pub candidates: Vec<ClassCount>,
    /// The number of classes fitted (before small ones were removed), if any.
    pub fitted: Option<usize>,
    /// Classes under the minimum group size whose members went to their next likeliest.
    pub merged_small: usize,
    /// The final model (classes as in `segments[].class`) and its items.
    pub model: Option<Model>,
    pub items: Vec<Item>,
    /// The columns that shaped the segments.
    pub variables: Vec<usize>,
    pub seed: u64,
    /// Respondents fitted directly.
    pub sample: usize,
    /// The share of respondents whose posterior for their segment is ≥ [`FITS_WELL`].
    pub fits_well: f64,
}

impl LatentSegmentation {
    /// The figures of the number fitted.
    pub fn fitted_figures(&self) -> Option<&ClassCount> {
        let fitted = self.fitted?;
        self.candidates.iter().find(|c| c.count == fitted)
    }
}

/// Finds latent classes among `rows` (ascending survey rows) in their answers to the
/// questions of `summaries` that can shape segments; segments' members are survey rows.
pub fn latent_classes(
    survey: &Survey,
    summaries: &[ColumnSummary],
    rows: &[usize],
    settings: SegmentSettings,
) -> Result<LatentSegmentation, SegmentError> {
    let k = settings.min_group_size;
    let questions: Vec<&ColumnSummary> =
        summaries.iter().filter(|s| can_shape_segments(s)).collect();
    let counts = settings.counts(rows.len())?;
    if counts.iter().any(|&c| c > MAX_CLASSES) {
        return Err(SegmentError::TooManyClasses { most: MAX_CLASSES });
    }
    let data = Data::encode(survey, &questions, rows, k);
    if data.items.is_empty() {
        return Err(SegmentError::NoVariables);
    }
    let positions: Vec<usize> = (0..rows.len()).collect();
    let sample = sample_rows(&positions, SAMPLE, &mut rng_for(settings.seed, 0));
    let fitted_data = data.subset(&sample);
    let scale = (sample.len(), rows.len(), k);
    let figures = |fit: &Fit| {
        let classes = fit.model.classes();
        let (ll, entropy) = (fit.log_likelihood(), fit.stats.entropy);
        ClassCount::new(
            classes,
            ll,
            fit.model.parameters(),
            entropy,
            &fit.stats.hard,
            scale,
        )
    };
    let one_class = figures(&fit(&fitted_data, 1, 1, &mut rng_for(settings.seed, 1)));
    let (mut fits, mut candidates) = (Vec::new(), Vec::<ClassCount>::new());
    for &c in &counts {
        let fitted = fit(
            &fitted_data,
            c,
            STARTS,
            &mut rng_for(settings.seed, c as u64),
        );
        candidates.push(figures(&fitted));
        fits.push(fitted);
        let best = candidates
            .iter()
            .map(|c| c.bic)
            .fold(f64::INFINITY, f64::min);
        let worse = |c: &ClassCount| c.bic > best || !c.eligible;
        if candidates.len() > WORSE_IN_A_ROW
            && candidates.iter().rev().take(WORSE_IN_A_ROW).all(worse)
        {
            break;
        }
    }
    let (verdict, chosen) = match settings.count {
        Some(count) => (Verdict::Set, Some(count)),
        None => choose(&one_class, &candidates),
    };
    let mut found = LatentSegmentation {
        segments: Vec::new(),
        verdict,
        auto: settings.count.is_none(),
        one_class,
        candidates,
        fitted: chosen,
        merged_small: 0,
        model: None,
        items: data.items.clone(),
        variables: questions.iter().map(|s| s.index).collect(),
        seed: settings.seed,
        sample: sample.len(),
        fits_well: 0.0,
    };
    let Some(chosen) = fits.into_iter().find(|f| Some(f.model.classes()) == chosen) else {
        return Ok(found);
    };
    let rng = &mut rng_for(settings.seed, 100 + chosen.model.classes() as u64);
    let stability = stability(&fitted_data, &chosen.model, rng);
    let survey_rows = (survey, summaries, rows);
    place_everyone(&mut found, &data, survey_rows, chosen.model, &stability, k);
    Ok(found)
}

/// The random generator for one step of a fit: the same seed and step always draw the
/// same numbers, whatever else was fitted.
fn rng_for(seed: u64, step: u64) -> XorShiftRng {
    XorShiftRng::seed_from_u64(seed ^ step.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Each class's mean Jaccard similarity with its best match over [`BOOTSTRAP_ROUNDS`]
/// refits, each on a random half of the fitted respondents (clusterboot's
/// subsetting scheme), compared on that half.
fn stability(data: &Data, model: &Model, rng: &mut XorShiftRng) -> Vec<f64> {
    let (n, k) = (data.rows(), model.classes());
    let original = labels(model, data);
    let everyone: Vec<usize> = (0..n).collect();
    let mut totals = vec![0.0; k];
    for _ in 0..BOOTSTRAP_ROUNDS {
        let half = sample_rows(&everyone, n / 2, rng);
        let subset = data.subset(&half);
        let again = fit(&subset, k, BOOTSTRAP_STARTS, rng).model;
        let before: Vec<usize> = half.iter().map(|&i| original[i]).collect();
        let after = labels(&again, &subset);
        for (total, best) in totals
            .iter_mut()
            .zip(best_match_jaccard(&before, &after, k))
        {
            *total += best;
        }
    }
    totals.iter().map(|t| t / BOOTSTRAP_ROUNDS as f64).collect()
}

/// Every respondent's likeliest class.
fn labels(model: &Model, data: &Data) -> Vec<usize> {
    let mut labels = Vec::with_capacity(data.rows());
    model.posteriors(data, &mut |_, r| labels.push(argmax(r)));
    labels
}

fn argmax(values: &[f64]) -> usize {
    (0..values.len()).fold(0, |best, c| if values[c] > values[best] { c } else { best })
}

/// Puts every respondent in their likeliest class, removing classes under `k` from the
/// model one at a time (smallest first) until none is left.
fn place_everyone(
    found: &mut LatentSegmentation,
    data: &Data,
    (survey, summaries, rows): (&Survey, &[ColumnSummary], &[usize]),
    mut model: Model,
    stability: &[f64],
    k: usize,
) {
    let mut kept: Vec<usize> = (0..model.classes()).collect();
    loop {
        let classes = model.classes();
        let mut members = vec![Vec::new(); classes];
        let mut certainty = vec![0.0; classes];
        let mut well = 0usize;
        model.posteriors(data, &mut |position, r| {
            let c = argmax(r);
            members[c].push(position);
            certainty[c] += r[c];
            well += usize::from(r[c] >= FITS_WELL);
        });
        let smallest = (0..classes)
            .filter(|&c| members[c].len() < k)
            .min_by_key(|&c| members[c].len());
        if let (Some(c), true) = (smallest, classes > 1) {
            model = model.without(c);
            kept.remove(c);
            found.merged_small += 1;
            continue;
        }
        let kept_profiles = profiles(&model, data, &members, (survey, summaries, rows), k);
        let mut segments: Vec<LatentSegment> = members
            .into_iter()
            .zip(kept_profiles)
            .enumerate()
            .map(|(c, (positions, profile))| LatentSegment {
                membership: certainty[c] / positions.len().max(1) as f64,
                stability: stability[kept[c]],
                class: c,
                members: positions.iter().map(|&p| rows[p]).collect(),
                profile,
            })
            .collect();
        segments.sort_by_key(|s| std::cmp::Reverse(s.members.len()));
        found.segments = segments;
        found.fits_well = well as f64 / rows.len().max(1) as f64;
        found.model = Some(model);
        return;
    }
}
