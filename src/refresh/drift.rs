//! What changed for a persona between the wave it was built from and a new one, and
//! the label that sums it up.

use serde::{Deserialize, Serialize};

use super::assign::gives;
use super::KeptPersona;
use crate::columns::{ColumnKind, ColumnSummary};
use crate::personas::Trait;
use crate::survey::Survey;

/// A change in the persona's share of respondents of at least this many percentage
/// points (or [`DRIFT_SHARE_RELATIVE`] of its former share) counts as drift.
pub const DRIFT_SHARE_POINTS: f64 = 5.0;
pub const DRIFT_SHARE_RELATIVE: f64 = 0.25;
/// A key fact moving by at least this many percentage points counts as drift.
pub const DRIFT_FACT_POINTS: f64 = 10.0;

/// How a persona fares in the new wave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Drift {
    /// About as large, its key facts about as common.
    Stable,
    /// Grown, shrunk, or its key facts have moved.
    Drifted,
    /// Its respondents now form two distinct groups.
    Split,
    /// Fewer than k respondents fit it.
    Gone,
}

impl Drift {
    pub fn label(self) -> &'static str {
        match self {
            Drift::Stable => "stable",
            Drift::Drifted => "drifted",
            Drift::Split => "split",
            Drift::Gone => "gone",
        }
    }
}

/// Which way a figure moved, for the summary table's arrows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    #[default]
    Level,
}

impl Direction {
    /// From `before` to `after`, moves smaller than `tolerance` counted as level.
    pub fn of(before: f64, after: f64, tolerance: f64) -> Direction {
        if after - before >= tolerance {
            Direction::Up
        } else if before - after >= tolerance {
            Direction::Down
        } else {
            Direction::Level
        }
    }

    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Down => "↓",
            Direction::Level => "→",
        }
    }

    /// The arrow in words, for screen readers.
    pub fn words(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Level => "about the same",
        }
    }
}

/// One of the persona's answers, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactChange {
    pub attribute: String,
    pub value: String,
    /// Percent of the segment giving it in the persona as kept.
    pub before: f64,
    /// Percent of the new members giving it; `None` when that count (or the members
    /// not giving it) would be 1 to k−1, or the question is not in the new wave.
    pub after: Option<f64>,
}

impl FactChange {
    /// How far it moved, in percentage points; `None` when the new figure is not shown.
    pub fn moved(&self) -> Option<f64> {
        self.after.map(|a| a - self.before)
    }
}

/// The persona's answers, recounted among its members in the new wave.
pub fn fact_changes(
    persona: &KeptPersona,
    survey: &Survey,
    summaries: &[ColumnSummary],
    members: &[usize],
    k: usize,
) -> Vec<FactChange> {
    let safe = |count: usize| count == 0 || count >= k;
    persona
        .traits
        .iter()
        .map(|t| {
            let after = giving(t, survey, summaries, members)
                .filter(|&n| safe(n) && safe(members.len() - n) && !members.is_empty())
                .map(|n| (1000.0 * n as f64 / members.len() as f64).round() / 10.0);
            FactChange {
                attribute: t.attribute.clone(),
                value: t.value.clone(),
                before: t.segment_pct,
                after,
            }
        })
        .collect()
}

/// How many of `rows` give the trait's answer; `None` when the survey lacks the question.
/// A raw count, for decisions: what is shown goes through [`fact_changes`].
pub fn giving(
    t: &Trait,
    survey: &Survey,
    summaries: &[ColumnSummary],
    rows: &[usize],
) -> Option<usize> {
    let summary = summaries.iter().find(|s| s.name == t.attribute)?;
    let answers = &survey.columns()[summary.index].answers;
    let multi = summary.kind == ColumnKind::MultiSelect;
    Some(
        rows.iter()
            .filter(|&&row| gives(&answers[row], &t.value, multi))
            .count(),
    )
}

/// A persona's size in the two waves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Members when it was kept, and their share of that wave (0–1).
    pub before: usize,
    pub share_before: f64,
    /// Members in the new wave, and the new wave's respondents.
    pub after: usize,
    pub total_after: usize,
    /// The members it would have if it had changed as the wave did: its size times the
    /// median growth of the personas compared (when at least three are), or its share of
    /// the new wave's respondents. One persona growing does not make the others shrink.
    pub expected: f64,
}

impl Sizes {
    /// Its share of the new wave (0–1).
    pub fn share_after(&self) -> f64 {
        if self.total_after == 0 {
            0.0
        } else {
            self.after as f64 / self.total_after as f64
        }
    }

    /// Whether it grew or shrank beyond what the wave as a whole did: by at least k
    /// respondents, and by [`DRIFT_SHARE_RELATIVE`] of the expected size or
    /// [`DRIFT_SHARE_POINTS`] of the new wave.
    pub fn changed(&self, k: usize) -> Option<Direction> {
        let gap = self.after as f64 - self.expected;
        let points = 100.0 * gap / self.total_after.max(1) as f64;
        let relative = if self.expected > 0.0 {
            gap / self.expected
        } else {
            f64::INFINITY
        };
        let beyond = gap.abs() >= k as f64
            && (points.abs() >= DRIFT_SHARE_POINTS || relative.abs() >= DRIFT_SHARE_RELATIVE);
        beyond.then(|| Direction::of(0.0, gap, 0.0))
    }
}

/// The label for a persona of these sizes, these facts, and whether its members split
/// in two; with the reasons in words.
pub fn judge(size: Sizes, facts: &[FactChange], split: bool, k: usize) -> (Drift, Vec<String>) {
    if size.after < k {
        return (
            Drift::Gone,
            vec![format!(
                "Fewer than {k} respondents in the new wave fit it."
            )],
        );
    }
    let mut reasons = Vec::new();
    if let Some(way) = size.changed(k) {
        reasons.push(format!(
            "It {} from {:.1}% to {:.1}% of respondents ({} → {}).",
            if way == Direction::Up {
                "grew"
            } else {
                "shrank"
            },
            100.0 * size.share_before,
            100.0 * size.share_after(),
            size.before,
            size.after
        ));
    }
    for fact in facts {
        if let Some(after) = fact
            .after
            .filter(|a| (a - fact.before).abs() >= DRIFT_FACT_POINTS)
        {
            reasons.push(format!(
                "“{}: {}” went from {}% to {after}%.",
                fact.attribute, fact.value, fact.before
            ));
        }
    }
    if split {
        reasons.insert(
            0,
            "Its respondents now form two distinct groups; consider a persona for each."
                .to_string(),
        );
        return (Drift::Split, reasons);
    }
    if reasons.is_empty() {
        (Drift::Stable, reasons)
    } else {
        (Drift::Drifted, reasons)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(before: f64, after: Option<f64>) -> FactChange {
        FactChange {
            attribute: "Transport".into(),
            value: "Bus".into(),
            before,
            after,
        }
    }

    /// A persona of 30% of 100 now `after` of 100, expected to stay as large.
    fn sizes(after: usize) -> Sizes {
        Sizes {
            before: 30,
            share_before: 0.30,
            after,
            total_after: 100,
            expected: 30.0,
        }
    }

    #[test]
    fn labels_follow_size_share_facts_and_split() {
        let steady = [fact(60.0, Some(64.0))];
        assert_eq!(judge(sizes(31), &steady, false, 11).0, Drift::Stable);
        let (drift, reasons) = judge(sizes(45), &steady, false, 11);
        assert_eq!(drift, Drift::Drifted);
        assert_eq!(
            reasons,
            ["It grew from 30.0% to 45.0% of respondents (30 → 45)."]
        );
        let moved = [fact(60.0, Some(40.0))];
        assert_eq!(judge(sizes(30), &moved, false, 11).0, Drift::Drifted);
        // A fact too few to show cannot drift.
        assert_eq!(
            judge(sizes(30), &[fact(60.0, None)], false, 11).0,
            Drift::Stable
        );
        assert_eq!(judge(sizes(30), &steady, true, 11).0, Drift::Split);
        assert_eq!(judge(sizes(8), &steady, false, 11).0, Drift::Gone);
    }

    #[test]
    fn size_is_judged_against_how_the_wave_changed() {
        let steady = [fact(60.0, Some(62.0))];
        // Another persona doubled, so this one's share fell, but it is as large as ever.
        let same_count = Sizes {
            before: 175,
            share_before: 0.35,
            after: 175,
            total_after: 650,
            expected: 175.0,
        };
        assert_eq!(judge(same_count, &steady, false, 11).0, Drift::Stable);
        // Fewer than k respondents of difference is never drift.
        let small = Sizes {
            before: 20,
            share_before: 0.2,
            after: 28,
            total_after: 100,
            expected: 20.0,
        };
        assert_eq!(judge(small, &steady, false, 11).0, Drift::Stable);
    }
}
