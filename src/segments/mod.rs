//! Stage 3 — segments: which respondents belong together.
//!
//! The walking skeleton groups respondents by the answer to one question. Groups under
//! the minimum size are never reported; and when the respondents left outside every
//! segment would number 1 to k−1 — a count anyone could work out from the totals — the
//! smallest segment absorbs them as "… or another answer".

pub mod clustering;
pub mod latent;
pub mod rules;
mod settings;

pub use settings::{
    best_match_jaccard, can_shape_segments, Method, SegmentError, SegmentSettings, Stability,
    AUTO_RANGE, DEFAULT_SEED, LATENT_METHOD, SIMILARITY_METHOD, STABLE, WEAK,
};

use crate::columns::ColumnSummary;
use crate::survey::Survey;

/// Respondents (row indices) who share a defining answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The answer that defines the segment.
    pub label: String,
    pub members: Vec<usize>,
}

impl Segment {
    /// The number of respondents in the segment.
    pub fn size(&self) -> usize {
        self.members.len()
    }
}

/// The result of grouping respondents by one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    /// The grouping column's index in the survey.
    pub column: usize,
    /// Segments of at least the minimum group size, largest first.
    pub segments: Vec<Segment>,
    /// How many answer groups were too small to report (their sizes are not kept).
    pub small_groups: usize,
    /// Respondents in no segment: 0 or at least the minimum group size.
    pub outside: usize,
    /// The answer whose segment absorbed the small remainder, if one did.
    pub merged_into: Option<String>,
}

/// Groups respondents by their answer to `summary`'s column, with minimum size `k`.
pub fn group_by(survey: &Survey, summary: &ColumnSummary, k: usize) -> Grouping {
    let answers = &survey.columns()[summary.index].answers;
    let mut groups: Vec<Segment> = summary
        .counts
        .iter()
        .map(|a| Segment {
            label: a.value.clone(),
            members: Vec::with_capacity(a.count),
        })
        .collect();
    // Each distinct answer's group, found once; then each row by its answer's code.
    let group_of: Vec<Option<usize>> = answers
        .distinct()
        .iter()
        .map(|a| groups.iter().position(|s| s.label == a.trim()))
        .collect();
    let mut blank = Vec::new();
    for (row, &code) in answers.codes().iter().enumerate() {
        match group_of[code as usize] {
            Some(group) => groups[group].members.push(row),
            None => blank.push(row),
        }
    }
    let (mut segments, small): (Vec<_>, Vec<_>) = groups.into_iter().partition(|s| s.size() >= k);
    segments.sort_by_key(|s| std::cmp::Reverse(s.size()));
    let mut rest: Vec<usize> = small
        .iter()
        .flat_map(|s| s.members.iter().copied())
        .collect();
    rest.extend(blank);

    let mut merged_into = None;
    if !rest.is_empty() && rest.len() < k {
        if let Some(mut smallest) = segments.pop() {
            merged_into = Some(smallest.label.clone());
            smallest.label = format!("{} or another answer", smallest.label);
            smallest.members.append(&mut rest);
            smallest.members.sort_unstable();
            segments.push(smallest);
        }
    }
    Grouping {
        column: summary.index,
        small_groups: small.len(),
        outside: rest.len(),
        segments,
        merged_into,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::summarise;
    use crate::survey::read_detected;

    fn grouping(groups: &[(&str, usize)], k: usize) -> Grouping {
        let mut csv = String::from("lives_with,age\n");
        for (value, times) in groups {
            for _ in 0..*times {
                csv.push_str(&format!("{value},40\n"));
            }
        }
        let survey = read_detected(csv.as_bytes()).unwrap();
        group_by(&survey, &summarise(&survey)[0], k)
    }

    fn sizes(g: &Grouping) -> Vec<(&str, usize)> {
        g.segments
            .iter()
            .map(|s| (s.label.as_str(), s.size()))
            .collect()
    }

    #[test]
    fn keeps_groups_of_k_or_more_when_the_rest_is_large_enough() {
        let g = grouping(
            &[("Partner", 20), ("Alone", 11), ("Family", 10), ("", 4)],
            11,
        );
        assert_eq!(sizes(&g), [("Partner", 20), ("Alone", 11)]);
        assert_eq!((g.small_groups, g.outside, g.merged_into), (1, 14, None));
    }

    #[test]
    fn a_small_remainder_joins_the_smallest_segment() {
        let g = grouping(
            &[("Partner", 60), ("Alone", 40), ("Family", 30), ("Carer", 5)],
            11,
        );
        assert_eq!(
            sizes(&g),
            [
                ("Partner", 60),
                ("Alone", 40),
                ("Family or another answer", 35)
            ]
        );
        assert_eq!(g.outside, 0);
        assert_eq!(g.merged_into.as_deref(), Some("Family"));
    }

    #[test]
    fn a_higher_minimum_is_honoured() {
        let g = grouping(&[("Partner", 20), ("Alone", 15), ("Family", 15)], 16);
        assert_eq!(sizes(&g), [("Partner", 20)]);
        assert_eq!(g.outside, 30);
    }

    #[test]
    fn nobody_outside_is_ever_a_count_from_one_to_k_minus_one() {
        for a in 0..30 {
            for b in 0..15 {
                let g = grouping(&[("A", a), ("B", b), ("C", 12)], 11);
                assert!(g.outside == 0 || g.outside >= 11, "{a} {b}: {}", g.outside);
                assert!(g.segments.iter().all(|s| s.size() >= 11));
            }
        }
    }
}
