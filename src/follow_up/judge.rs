//! Whether a plan worked, judged at each wave after it started by a rule that allows for
//! sampling error (docs/plans.md):
//!
//! - the change is the figure at the latest wave minus the figure at the wave current
//!   when the plan was adopted, with its 95 % interval (`intervals.rs`);
//! - the change is **real** when that interval leaves out zero;
//! - **met**: the change is real, goes the target's way and the figure has reached the
//!   target; **moving**: real and the target's way, target not yet reached; **worse**:
//!   real and the other way; **not yet**: no real change. A target equal to the starting
//!   figure (keep it where it is) is met while no real change shows, worse otherwise.

use time::Date;

use super::intervals::{difference_of_medians, difference_of_shares};
use super::plan::{Measure, Plan};
use super::timeline::{TrackedFigure, WaveRecord};
use crate::personas::Persona;

/// A plan's verdict at a wave after it started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Met,
    Moving,
    NotYet,
    Worse,
}

impl Verdict {
    /// The verdict as staff read it.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "Met",
            Verdict::Moving => "Moving",
            Verdict::NotYet => "Not yet",
            Verdict::Worse => "Worse",
        }
    }
}

/// What can be said of a plan's measure so far.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// The plan names no measure or no target.
    NotMeasured,
    /// No wave has been recorded since it started.
    AwaitingWave,
    /// The starting or latest wave does not show the figure (fewer than k behind it).
    NotShown,
    Judged(Judgement),
}

/// The figures behind a verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    /// The figure when the plan started, and its date.
    pub start: (Date, f64),
    /// The figure at the latest wave, and its date.
    pub latest: (Date, f64),
    /// The 95 % interval of the change, in the figure's unit (points for a percent).
    pub change: (f64, f64),
    pub target: f64,
    /// Whether the figures are percents (the change is then in points).
    pub percent: bool,
}

impl Judgement {
    /// The judgement in one sentence ("Met: 70.0 % on 2026-01-15 → 20.0 % on
    /// 2026-07-16 (change −50.0 points, 95 % interval −57.7 to −41.0; target 30.0 %).").
    pub fn describe(&self) -> String {
        let (unit, points) = if self.percent {
            (" %", " points")
        } else {
            ("", "")
        };
        format!(
            "{}: {:.1}{unit} on {} → {:.1}{unit} on {} (change {:+.1}{points}, 95 % interval {:+.1} to {:+.1}; target {:.1}{unit}).",
            self.verdict.label(),
            self.start.1,
            self.start.0,
            self.latest.1,
            self.latest.0,
            self.latest.1 - self.start.1,
            self.change.0,
            self.change.1,
            self.target
        )
    }
}

/// The plan's progress on the persona's timeline.
pub fn judge(plan: &Plan, persona: &Persona) -> Progress {
    let (Some(measure), Some(target)) = (&plan.measure, plan.target) else {
        return Progress::NotMeasured;
    };
    let waves = &persona.waves;
    // The wave current when the plan started (or the oldest kept, for a plan older
    // than what its timeline keeps).
    let Some(start) = waves
        .iter()
        .rposition(|w| w.number <= plan.from_wave)
        .or((!waves.is_empty()).then_some(0))
    else {
        return Progress::AwaitingWave;
    };
    if start + 1 >= waves.len() {
        return Progress::AwaitingWave;
    }
    let (first, last) = (&waves[start], &waves[waves.len() - 1]);
    let (Some(before), Some(after)) = (first.figure(measure), last.figure(measure)) else {
        return Progress::NotShown;
    };
    let Some(change) = change_interval(measure, (first, &before), (last, &after)) else {
        return Progress::NotShown;
    };
    let real = change.0 > 0.0 || change.1 < 0.0;
    // Which way the target lies: up (1), down (−1), or here (0: hold it).
    let towards = match target.partial_cmp(&before.value) {
        Some(std::cmp::Ordering::Greater) => 1.0,
        Some(std::cmp::Ordering::Less) => -1.0,
        _ => 0.0,
    };
    let moved = if change.0 > 0.0 { 1.0 } else { -1.0 };
    let reached = if towards > 0.0 {
        after.value >= target
    } else {
        after.value <= target
    };
    let verdict = match (real, towards == 0.0) {
        (false, true) => Verdict::Met,
        (true, true) => Verdict::Worse,
        (false, false) => Verdict::NotYet,
        (true, false) if moved != towards => Verdict::Worse,
        (true, false) if reached => Verdict::Met,
        (true, false) => Verdict::Moving,
    };
    Progress::Judged(Judgement {
        verdict,
        start: (first.date, before.value),
        latest: (last.date, after.value),
        change,
        target,
        percent: measure.is_percent(),
    })
}

/// The 95 % interval of the change in the figure, in its unit.
fn change_interval(
    measure: &Measure,
    (first, before): (&WaveRecord, &TrackedFigure),
    (last, after): (&WaveRecord, &TrackedFigure),
) -> Option<(f64, f64)> {
    if measure.is_percent() {
        let share = |w: &WaveRecord, f: &TrackedFigure| (f.n, w.base(measure));
        let (l, u) = difference_of_shares(share(first, before), share(last, after));
        Some((l * 100.0, u * 100.0))
    } else {
        Some(difference_of_medians(
            (before.value, before.iqr?, before.n),
            (after.value, after.iqr?, after.n),
        ))
    }
}
