//! What the team does with a kept persona once it is made (docs/plans.md): its plan —
//! adopted actions with owners, status, due dates and the figure each should move
//! (`plan.rs`) —, its figures at every survey wave (`timeline.rs`), whether each plan
//! worked, judged with sampling error allowed for (`judge.rs`, `intervals.rs`), staff's
//! word on whether it rings true (`ratings.rs`), the quarterly review (`review.rs`) and
//! the outreach brief (`brief.rs`). Pure data and rules: the library keeps them inside
//! each persona, and the persona file carries them (schema version 4).

mod brief;
pub mod intervals;
mod judge;
mod plan;
mod ratings;
mod review;
mod timeline;

pub use brief::OutreachBrief;
pub use judge::{judge, Judgement, Progress, Verdict};
pub use plan::{Measure, Plan, PlanStatus};
pub use ratings::{
    rate, summary as rating_summary, Rating, RatingSummary, RATING_QUESTION, SCORES,
};
pub use review::{record_review, Agenda, Decision, Review, MAX_REVIEWS};
pub use timeline::{
    record_wave, series, start_timeline, tracked_measures, TrackedFigure, WaveRecord, MAX_FIGURES,
    MAX_WAVES,
};

use crate::personas::Persona;

/// What a newer version of a kept persona (an import, a colleague's file) takes from the
/// kept one: plan items only the kept one has, its ratings not rated again in the newer
/// one, reviews of either, and the longer timeline when the newer one's is shorter.
pub fn carry_over(kept: &Persona, next: &mut Persona) {
    for plan in &kept.plans {
        if next.plans.iter().all(|p| p.id != plan.id) {
            next.plans.push(plan.clone());
        }
    }
    let newer = std::mem::replace(&mut next.ratings, kept.ratings.clone());
    for rating in newer {
        rate(next, rating);
    }
    for review in &kept.reviews {
        if !next.reviews.contains(review) {
            next.reviews.push(review.clone());
        }
    }
    next.reviews.sort_by_key(|r| r.date);
    if kept.waves.len() > next.waves.len() {
        next.waves = kept.waves.clone();
    }
}

#[cfg(test)]
mod tests;
