//! Refreshing kept personas from the loaded survey, a later wave of the one they were
//! built from: assign its respondents, compare, label, and propose personas for those
//! who fit none (see `crate::refresh`).

use time::OffsetDateTime;

use super::found::build_found_personas_among;
use super::LoadedSurvey;
use crate::personas::{personas_from_segments, Basis, Persona, Wave};
use crate::refresh::drift::giving;
use crate::refresh::drift::{Direction, Sizes};
use crate::refresh::vocabulary::in_wave_terms;
use crate::refresh::{assign, fact_changes, judge, kept, KeptPersona, PersonaRefresh, Refresh};
use crate::segments::clustering::segment_among;
use crate::segments::latent::Verdict;
use crate::segments::{Method, Segment, SegmentSettings, DEFAULT_SEED, STABLE};

/// A persona's members split when two segments of them are this well separated …
pub const SPLIT_SILHOUETTE: f64 = 0.3;
/// … stable (mean bootstrap Jaccard), the smaller holds at least this share …
pub const SPLIT_SMALLER_SHARE: f64 = 0.2;
/// … and they part on one of the persona's typical answers by this many points: a
/// spread of ages or scores that k-medoids can always cut in two is not a split.
pub const SPLIT_FACT_POINTS: f64 = 40.0;

/// What the loaded wave says about `personas`, their new figures put into them: the
/// whole refresh, as the worker ([`compare`]) and the page ([`Refresh::finish`]) do it
/// between them.
pub fn refresh(loaded: &LoadedSurvey, personas: &[Persona], now: OffsetDateTime) -> Refresh {
    let mut report = compare(loaded, &kept(personas), now);
    report.finish(personas);
    report
}

/// What the loaded wave says about the kept personas, each with at least k members in
/// it recounted there (`PersonaRefresh::recount`, which also carries its rule and class
/// profile in the wave's words).
pub fn compare(loaded: &LoadedSurvey, personas: &[KeptPersona], now: OffsetDateTime) -> Refresh {
    let survey = &loaded.survey;
    let summaries = &loaded.summaries;
    let k = loaded.recipe.settings.min_group_size;
    let total = survey.respondents();
    let wave = Wave {
        source_sha256: survey.source_sha256.clone(),
        rows: total,
        date: now.date(),
    };
    let mut report = Refresh {
        wave: wave.clone(),
        personas: Vec::new(),
        not_in_survey: Vec::new(),
        respondents: total,
        fits_none: None,
        proposals: Vec::new(),
        notes: Vec::new(),
    };
    let mut fitted = vec![false; total];
    // Compared in the new wave's words, so a label it spells otherwise is not drift.
    let personas: Vec<KeptPersona> = personas
        .iter()
        .map(|p| in_wave_terms(p, summaries, &loaded.answers.merges))
        .collect();
    let assigned = assign(survey, summaries, &personas);
    let growth = median_growth(&personas, &assigned, k);
    for (persona, members) in personas.iter().zip(assigned) {
        let Some(members) = members else {
            report.not_in_survey.push(persona.name.clone());
            continue;
        };
        for &row in &members {
            fitted[row] = true;
        }
        let size = Sizes {
            before: persona.segment.size,
            share_before: persona.segment.share,
            after: members.len(),
            total_after: total,
            expected: match growth {
                Some(g) => persona.segment.size as f64 * g,
                None => persona.segment.share * total as f64,
            },
        };
        let share_after = size.share_after();
        let facts = fact_changes(persona, survey, summaries, &members, k);
        // A persona defined by an answer or a rule holds whoever meets it, alike or not,
        // from the wave it was built on: two groups inside it are no news of a new wave.
        let split = persona.segment.definition.is_none()
            && members.len() >= 2 * k
            && splits(loaded, persona, &members, k);
        let (drift, reasons) = judge(size, &facts, split, k);
        let shown = members.len() >= k;
        report.personas.push(PersonaRefresh {
            id: persona.id.clone(),
            name: persona.name.clone(),
            drift,
            reasons,
            size_before: persona.segment.size,
            size_after: (shown || members.is_empty()).then_some(members.len()),
            share_before: persona.segment.share,
            size_moved: if members.len() < k {
                Direction::Down
            } else {
                size.changed(k).unwrap_or_default()
            },
            share_after: if shown {
                (share_after * 10_000.0).round() / 10_000.0
            } else {
                0.0
            },
            facts,
            recount: shown.then(|| {
                let mut fresh = recounted(loaded, persona, members, now);
                // What defines it, in the new wave's words, for the accepted persona.
                fresh.segment.definition = persona.segment.definition.clone();
                fresh.segment.class_profile = persona.segment.class_profile.clone();
                fresh
            }),
            refreshed: None,
        });
    }
    let outside: Vec<usize> = (0..total).filter(|&row| !fitted[row]).collect();
    report.fits_none = (outside.is_empty() || outside.len() >= k).then_some(outside.len());
    if outside.len() >= 2 * k {
        report.proposals = propose(loaded, &outside, now, &mut report.notes);
        for proposal in &mut report.proposals {
            proposal.name = format!("New {}", proposal.name);
        }
    }
    report
}

/// How much the personas compared grew from their wave to this one, as the median of
/// their members now over their size then; `None` with fewer than three of at least k
/// members (too few to tell the wave's change from one persona's).
fn median_growth(
    personas: &[KeptPersona],
    assigned: &[Option<Vec<usize>>],
    k: usize,
) -> Option<f64> {
    let mut ratios: Vec<f64> = personas
        .iter()
        .zip(assigned)
        .filter_map(|(p, members)| {
            let n = members.as_ref()?.len();
            (n >= k && p.segment.size > 0).then(|| n as f64 / p.segment.size as f64)
        })
        .collect();
    if ratios.len() < 3 {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    let mid = ratios.len() / 2;
    Some(if ratios.len().is_multiple_of(2) {
        (ratios[mid - 1] + ratios[mid]) / 2.0
    } else {
        ratios[mid]
    })
}

/// Personas for the respondents who fit none: the latent classes among them, or — when
/// they hold no clear segments — one persona for them all.
fn propose(
    loaded: &LoadedSurvey,
    outside: &[usize],
    now: OffsetDateTime,
    notes: &mut Vec<String>,
) -> Vec<Persona> {
    let method = Method::default();
    match build_found_personas_among(loaded, outside, method, None, DEFAULT_SEED, now) {
        Ok(built) => match built.segmentation {
            Some(found) if found.verdict == Verdict::NoClearSegments => {
                one_group(loaded, outside, now)
            }
            _ => built.personas,
        },
        Err(e) => {
            notes.push(format!(
                "No new persona was proposed for the respondents who fit none: {e}"
            ));
            Vec::new()
        }
    }
}

/// One persona for all of `rows`.
fn one_group(loaded: &LoadedSurvey, rows: &[usize], now: OffsetDateTime) -> Vec<Persona> {
    let basis = Basis::Found {
        method: Method::default().provenance().to_string(),
        seed: DEFAULT_SEED,
        fitted: 1,
        quality: Vec::new(),
        profiles: Vec::new(),
        fit: None,
    };
    let segment = [Segment {
        label: "A".to_string(),
        members: rows.to_vec(),
    }];
    let k = loaded.recipe.settings.min_group_size;
    personas_from_segments(&loaded.survey, &loaded.summaries, &segment, &basis, k, now).personas
}

/// Whether the members now form two distinct groups: two segments, well separated and
/// stable, the smaller not a sliver, parting on one of the persona's typical answers.
fn splits(loaded: &LoadedSurvey, persona: &KeptPersona, members: &[usize], k: usize) -> bool {
    let settings = SegmentSettings {
        count: Some(2),
        seed: DEFAULT_SEED,
        min_group_size: k,
    };
    let summaries = loaded.segment_summaries();
    let Ok(found) = segment_among(&loaded.survey, &summaries, members, settings) else {
        return false;
    };
    let smaller = found
        .segments
        .iter()
        .map(|s| s.members.len())
        .min()
        .unwrap_or(0);
    let separate = found.segments.len() == 2
        && found.silhouette >= SPLIT_SILHOUETTE
        && found.candidates.iter().all(|c| c.stability >= STABLE)
        && smaller as f64 >= SPLIT_SMALLER_SHARE * members.len() as f64;
    if !separate {
        return false;
    }
    let rate = |t, rows: &[usize]| {
        giving(t, &loaded.survey, &loaded.summaries, rows)
            .map(|n| 100.0 * n as f64 / rows.len() as f64)
    };
    let (one, other) = (&found.segments[0].members, &found.segments[1].members);
    persona
        .traits
        .iter()
        .filter(|t| t.segment_pct > t.overall_pct)
        .any(|t| match (rate(t, one), rate(t, other)) {
            (Some(a), Some(b)) => (a - b).abs() >= SPLIT_FACT_POINTS,
            _ => false,
        })
}

/// The persona's segment recounted among `members` of the new wave, as a persona of its
/// own.
fn recounted(
    loaded: &LoadedSurvey,
    persona: &KeptPersona,
    members: Vec<usize>,
    now: OffsetDateTime,
) -> Persona {
    let survey = &loaded.survey;
    let basis = match &persona.segment.definition {
        Some(rule) => Basis::Rule {
            rule: rule.clone(),
            description: rule.describe(),
            columns: rule.columns(survey).unwrap_or_default(),
        },
        None => Basis::Found {
            method: persona.build.method.clone(),
            seed: persona.build.seed,
            fitted: persona.build.segment_count,
            quality: Vec::new(),
            profiles: Vec::new(),
            fit: None,
        },
    };
    let segment = [Segment {
        label: persona.name.clone(),
        members,
    }];
    let k = loaded.recipe.settings.min_group_size;
    personas_from_segments(survey, &loaded.summaries, &segment, &basis, k, now)
        .personas
        .remove(0)
}
