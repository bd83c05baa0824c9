//! Personas from segments found across the questions — latent classes or segments of
//! similar answers — and the report the page explains them with (the BIC chart).

use crate::wording::counted;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::build::{finish, BuildError, Built};
use super::coverage::coverage;
use super::LoadedSurvey;
use crate::personas::{personas_from_segments, Basis, ModelFit, SegmentQuality};
use crate::segments::clustering::{segment_among, Segmentation};
use crate::segments::latent::{
    latent_classes, ClassCount, ClassProfile, LatentSegmentation, Verdict,
};
use crate::segments::{Method, Segment, SegmentSettings};

/// How segments were found, and the figures behind their number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentationReport {
    pub method: Method,
    pub verdict: Verdict,
    /// The number of segments fitted; `None` when there are no clear segments.
    pub fitted: Option<usize>,
    /// Latent classes: one class's figures (the baseline) and every number tried,
    /// ascending — the points of the BIC chart. Empty for similar answers.
    pub one_class: Option<ClassCount>,
    pub candidates: Vec<ClassCount>,
    /// The questions that shaped the segments …
    pub questions: Vec<String>,
    /// … and those the user left out of them.
    pub left_out: Vec<String>,
    pub seed: u64,
    /// Respondents fitted directly (the rest were placed by the fitted model).
    pub sample: usize,
}

/// Finds segments of respondents who answered alike and builds a persona for each.
pub fn build_found_personas(
    loaded: &LoadedSurvey,
    method: Method,
    count: Option<usize>,
    seed: u64,
    now: OffsetDateTime,
) -> Result<Built, BuildError> {
    let everyone: Vec<usize> = (0..loaded.survey.respondents()).collect();
    build_found_personas_among(loaded, &everyone, method, count, seed, now)
}

/// What either method found, in the terms personas are built from.
struct Found {
    members: Vec<Vec<usize>>,
    quality: Vec<SegmentQuality>,
    profiles: Vec<ClassProfile>,
    fit: Option<ModelFit>,
    fits_well: f64,
    notes: Vec<String>,
    report: SegmentationReport,
}

/// Finds segments among some respondents (`rows`, ascending) and builds a persona for
/// each; their figures are against the whole survey.
pub(super) fn build_found_personas_among(
    loaded: &LoadedSurvey,
    rows: &[usize],
    method: Method,
    count: Option<usize>,
    seed: u64,
    now: OffsetDateTime,
) -> Result<Built, BuildError> {
    let k = loaded.recipe.settings.min_group_size;
    let settings = SegmentSettings {
        count,
        seed,
        min_group_size: k,
    };
    let (survey, summaries) = (&loaded.survey, loaded.segment_summaries());
    let name = |column: usize| survey.columns()[column].name.clone();
    let mut found = match method {
        Method::LatentClasses => {
            let latent = latent_classes(survey, &summaries, rows, settings)?;
            let questions = latent.variables.iter().map(|&c| name(c)).collect();
            from_latent(latent, questions, rows.len(), k)
        }
        Method::SimilarAnswers => {
            let similar = segment_among(survey, &summaries, rows, settings)?;
            let questions = similar.variables.iter().map(|&c| name(c)).collect();
            from_similar(similar, questions, rows.len(), k)
        }
    };
    found.report.left_out = loaded.left_out_of_segments();
    if !found.report.left_out.is_empty() {
        found.notes.push(format!(
            "Left out of the segments, as you chose: {}.",
            found.report.left_out.join(", ")
        ));
    }
    let segments: Vec<Segment> = found
        .members
        .into_iter()
        .zip('A'..='Z')
        .map(|(members, letter)| Segment {
            label: letter.to_string(),
            members,
        })
        .collect();
    if segments.is_empty() {
        return Ok(Built {
            notes: found.notes,
            segmentation: Some(found.report),
            ..Built::default()
        });
    }
    let basis = Basis::Found {
        method: method.provenance().to_string(),
        seed,
        fitted: found.report.fitted.unwrap_or(segments.len()),
        quality: found.quality,
        profiles: found.profiles,
        fit: found.fit,
    };
    let synthesis = personas_from_segments(survey, &loaded.summaries, &segments, &basis, k, now);
    let covered = coverage(
        survey,
        &loaded.summaries,
        &segments,
        k,
        Some(found.fits_well),
    );
    let mut built = finish(loaded, &segments, synthesis, found.notes, covered);
    built.segmentation = Some(found.report);
    Ok(built)
}

fn from_latent(latent: LatentSegmentation, questions: Vec<String>, rows: usize, k: usize) -> Found {
    let fitted = latent.fitted_figures().copied();
    let mut notes = Vec::new();
    let tried: Vec<String> = std::iter::once(&latent.one_class)
        .chain(&latent.candidates)
        .map(|c| {
            let shown = if c.eligible {
                ""
            } else {
                ", a class under the minimum size"
            };
            format!(
                "{}: BIC {:.0}, entropy {:.2}, smallest {:.0}%{shown}",
                c.count,
                c.bic,
                c.entropy,
                100.0 * c.smallest_share
            )
        })
        .collect();
    match (&fitted, latent.verdict) {
        (_, Verdict::NoClearSegments) | (None, _) => notes.push(format!(
            "No clear segments: {}. Group respondents by one question or a rule instead, or set the number of personas yourself. Tried {}.",
            Verdict::NoClearSegments.explain(),
            tried.join("; ")
        )),
        (Some(f), verdict) => {
            notes.push(format!(
                "{} segments from {} questions by latent class analysis (seed {}): log-likelihood {:.1}, BIC {:.1}, entropy {:.2}.",
                f.count,
                questions.len(),
                latent.seed,
                f.log_likelihood,
                f.bic,
                f.entropy
            ));
            if latent.auto {
                notes[0].push_str(&format!(
                    " Auto chose the number: {}. Tried {}.",
                    verdict.explain(),
                    tried.join("; ")
                ));
            }
        }
    }
    if latent.sample < rows && !latent.segments.is_empty() {
        notes.push(format!(
            "The model was fitted on a sample of {} respondents; everyone is in the segment they most likely belong to.",
            latent.sample
        ));
    }
    if latent.merged_small > 0 {
        notes.push(format!(
            "{} class(es) would have had fewer than {k} respondents; their members joined the class they next most likely belong to.",
            latent.merged_small
        ));
    }
    let (members, quality, profiles) = latent
        .segments
        .into_iter()
        .map(|s| {
            let quality = SegmentQuality {
                stability: round2(s.stability),
                silhouette: None,
                membership: Some(round2(s.membership)),
            };
            (s.members, quality, s.profile)
        })
        .fold(
            (Vec::new(), Vec::new(), Vec::new()),
            |mut all, (m, q, p)| {
                all.0.push(m);
                all.1.push(q);
                all.2.push(p);
                all
            },
        );
    Found {
        members,
        quality,
        profiles,
        fit: fitted.map(|f| ModelFit {
            log_likelihood: round2(f.log_likelihood),
            bic: round2(f.bic),
            entropy: round2(f.entropy),
            fitted: latent.sample,
        }),
        fits_well: latent.fits_well,
        notes,
        report: SegmentationReport {
            method: Method::LatentClasses,
            verdict: latent.verdict,
            fitted: latent.fitted,
            one_class: Some(latent.one_class),
            candidates: latent.candidates,
            questions,
            left_out: Vec::new(),
            seed: latent.seed,
            sample: latent.sample,
        },
    }
}

fn from_similar(found: Segmentation, questions: Vec<String>, rows: usize, k: usize) -> Found {
    let mut notes = vec![format!(
        "{} segments from {} questions by similar answers (k-medoids on Gower distances; silhouette {:.2}; seed {}).",
        found.fitted,
        questions.len(),
        found.silhouette,
        found.seed
    )];
    if found.auto {
        let tried: Vec<String> = found
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{}: silhouette {:.2}, stability {:.2}",
                    c.count, c.silhouette, c.stability
                )
            })
            .collect();
        notes[0].push_str(&format!(
            " Auto chose the number: the best separated of those stable on average (stability ≥ 0.75), else the best silhouette × stability. Tried {}.",
            tried.join("; ")
        ));
    }
    if found.sample < rows {
        notes.push(format!(
            "A sample of {} respondents was segmented; everyone else joined the segment they are nearest to.",
            found.sample
        ));
    }
    if found.merged_small > 0 {
        notes.push(format!(
            "{} had fewer than {k} respondents; their members joined the nearest segment.",
            counted(found.merged_small, "segment")
        ));
    }
    let quality = found
        .segments
        .iter()
        .map(|s| SegmentQuality {
            stability: round2(s.stability),
            silhouette: Some(round2(s.silhouette)),
            membership: None,
        })
        .collect();
    Found {
        members: found.segments.into_iter().map(|s| s.members).collect(),
        quality,
        profiles: Vec::new(),
        fit: None,
        fits_well: found.fits_well,
        notes,
        report: SegmentationReport {
            method: Method::SimilarAnswers,
            verdict: if found.auto {
                Verdict::Chosen
            } else {
                Verdict::Set
            },
            fitted: Some(found.fitted),
            one_class: None,
            candidates: Vec::new(),
            questions,
            left_out: Vec::new(),
            seed: found.seed,
            sample: found.sample,
        },
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
