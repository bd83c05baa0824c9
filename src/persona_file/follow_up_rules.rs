//! The rules a persona's plans, timeline, ratings and reviews meet (schema version 4):
//! the format's limits, and the small-cell floor for every figure of the timeline — each
//! wave's size and each tracked figure rest on at least k respondents.

use super::validate::{
    count, fraction, in_range, length, PersonaProblem, MAX_ID, MAX_LIST, MAX_NAME, MAX_TEXT,
};
use crate::follow_up::{Measure, MAX_FIGURES, MAX_REVIEWS, MAX_WAVES, SCORES};
use crate::personas::Persona;

/// Checks the plans, waves, ratings and reviews of `p` against the limits and `k`.
pub(super) fn check_follow_up(p: &Persona, k: usize) -> Result<(), PersonaProblem> {
    use PersonaProblem::*;
    count("plans", p.plans.len(), MAX_LIST)?;
    for (i, plan) in p.plans.iter().enumerate() {
        let id_ok = !plan.id.is_empty()
            && plan.id.len() <= MAX_ID
            && plan
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && p.plans[..i].iter().all(|other| other.id != plan.id);
        if !id_ok {
            return Err(FollowUp("each plan item has its own short id"));
        }
        if plan.action.trim().is_empty() {
            return Err(FollowUp("a plan item names no action"));
        }
        length("plan action", &plan.action, MAX_TEXT)?;
        length("plan reason", &plan.why, MAX_TEXT)?;
        length("plan owner", &plan.owner, MAX_NAME)?;
        if let Some(measure) = &plan.measure {
            measure_texts(measure)?;
        }
        if let Some(target) = plan.target {
            let percent = plan.measure.as_ref().is_none_or(Measure::is_percent);
            if !target.is_finite() || (percent && !(0.0..=100.0).contains(&target)) {
                return Err(FollowUp(
                    "a plan's target is not a number (0–100 for a percent)",
                ));
            }
        }
    }
    count("waves", p.waves.len(), MAX_WAVES)?;
    if !p.waves.windows(2).all(|w| w[0].number < w[1].number) {
        return Err(FollowUp("the waves must be numbered in order"));
    }
    for wave in &p.waves {
        if wave.size < k || wave.size > wave.respondents {
            return Err(FollowUp(
                "a wave's size rests on fewer than k respondents or on more than the wave",
            ));
        }
        fraction("wave share", wave.share, 1)?;
        count("wave figures", wave.figures.len(), MAX_FIGURES)?;
        for figure in &wave.figures {
            measure_texts(&figure.measure)?;
            let too_many = matches!(figure.measure, Measure::Answer { .. }) && figure.n > wave.size;
            if figure.n < k || too_many {
                return Err(FollowUp(
                    "a wave's figure rests on fewer than k respondents or on more than the persona",
                ));
            }
            if figure.measure.is_percent() {
                fraction("wave figure", figure.value, 100)?;
            } else if !figure.value.is_finite() {
                return Err(FollowUp("a wave's median is not a number"));
            }
            if figure
                .iqr
                .is_some_and(|iqr| !(iqr.is_finite() && iqr >= 0.0))
            {
                return Err(FollowUp("a wave's interquartile range is not a number ≥ 0"));
            }
        }
    }
    count("ratings", p.ratings.len(), MAX_LIST)?;
    for rating in &p.ratings {
        in_range(
            "rating",
            f64::from(rating.score),
            i32::from(*SCORES.start()),
            i32::from(*SCORES.end()),
        )?;
        length("rating name", &rating.by, MAX_NAME)?;
        length("rating comment", &rating.comment, MAX_TEXT)?;
    }
    count("reviews", p.reviews.len(), MAX_REVIEWS)?;
    for review in &p.reviews {
        length("reviewer", &review.by, MAX_NAME)?;
        length("review note", &review.note, MAX_TEXT)?;
    }
    Ok(())
}

fn measure_texts(measure: &Measure) -> Result<(), PersonaProblem> {
    measure
        .texts()
        .into_iter()
        .try_for_each(|text| length("measure", text, MAX_TEXT))
}

/// The texts of plans, timeline, ratings and reviews that may describe patients (held
/// to the identifier rules), by field.
pub(super) fn follow_up_texts(p: &Persona) -> Vec<(&'static str, &str)> {
    let mut texts: Vec<(&'static str, &str)> = Vec::new();
    for plan in &p.plans {
        texts.push(("plan action", &plan.action));
        texts.push(("plan reason", &plan.why));
        let measure = plan.measure.iter().flat_map(Measure::texts);
        texts.extend(measure.map(|t| ("measure", t)));
    }
    let recorded = p.waves.iter().flat_map(|w| &w.figures);
    texts.extend(
        recorded
            .flat_map(|f| f.measure.texts())
            .map(|t| ("measure", t)),
    );
    texts.extend(
        p.ratings
            .iter()
            .map(|r| ("rating comment", r.comment.as_str())),
    );
    texts.extend(p.reviews.iter().map(|r| ("review note", r.note.as_str())));
    texts
}

/// Staff's names in them (held to the character rules only, as note authors are).
pub(super) fn staff_texts(p: &Persona) -> Vec<(&'static str, &str)> {
    let mut texts: Vec<(&'static str, &str)> = p
        .plans
        .iter()
        .map(|plan| ("plan owner", plan.owner.as_str()))
        .collect();
    texts.extend(p.ratings.iter().map(|r| ("rating name", r.by.as_str())));
    texts.extend(p.reviews.iter().map(|r| ("reviewer", r.by.as_str())));
    let interviewers = p.quotes.iter().filter_map(|q| q.interview.as_ref());
    texts.extend(interviewers.map(|i| ("interviewer", i.interviewer.as_str())));
    texts
}
