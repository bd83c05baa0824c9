//! What changed for a persona between the wave it was built from and a new one, and
//! the label that sums it up.

use serde::{Deserialize, Serialize};

use super::assign::gives;
use crate::columns::{ColumnKind, ColumnSummary};
use crate::personas::{Persona, Trait};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
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
    persona: &Persona,
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

/// The label for a persona whose share of respondents went from `share_before` to
/// `share_after` (0–1), with `size_after` members, these facts, and whether its members
/// split in two; with the reasons in words.
pub fn judge(
    share_before: f64,
    share_after: f64,
    size_after: usize,
    facts: &[FactChange],
    split: bool,
    k: usize,
) -> (Drift, Vec<String>) {
    if size_after < k {
        return (
            Drift::Gone,
            vec![format!(
                "Fewer than {k} respondents in the new wave fit it."
            )],
        );
    }
    let mut reasons = Vec::new();
    let points = 100.0 * (share_after - share_before);
    if points.abs() >= DRIFT_SHARE_POINTS
        || (share_before > 0.0 && (share_after / share_before - 1.0).abs() >= DRIFT_SHARE_RELATIVE)
    {
        reasons.push(format!(
            "It {} from {:.1}% to {:.1}% of respondents.",
            if points > 0.0 { "grew" } else { "shrank" },
            100.0 * share_before,
            100.0 * share_after
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

    #[test]
    fn labels_follow_size_share_facts_and_split() {
        let steady = [fact(60.0, Some(64.0))];
        assert_eq!(judge(0.30, 0.31, 40, &steady, false, 11).0, Drift::Stable);
        let (drift, reasons) = judge(0.30, 0.45, 60, &steady, false, 11);
        assert_eq!(drift, Drift::Drifted);
        assert_eq!(reasons, ["It grew from 30.0% to 45.0% of respondents."]);
        let moved = [fact(60.0, Some(40.0))];
        assert_eq!(judge(0.30, 0.30, 40, &moved, false, 11).0, Drift::Drifted);
        // A fact too few to show cannot drift.
        assert_eq!(
            judge(0.30, 0.30, 40, &[fact(60.0, None)], false, 11).0,
            Drift::Stable
        );
        assert_eq!(judge(0.30, 0.30, 40, &steady, true, 11).0, Drift::Split);
        assert_eq!(judge(0.30, 0.02, 8, &steady, false, 11).0, Drift::Gone);
    }
}
