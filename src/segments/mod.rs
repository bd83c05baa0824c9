//! Stage 3 — segments: which respondents belong together.
//!
//! The walking skeleton groups respondents by the answer to one question; groups under
//! the minimum size are left out and only their number is reported.

use crate::columns::ColumnSummary;
use crate::privacy::MIN_GROUP_SIZE;
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
    /// Groups of at least [`MIN_GROUP_SIZE`], largest first.
    pub segments: Vec<Segment>,
    /// How many groups were too small to report (their sizes are not kept).
    pub small_groups: usize,
    /// Respondents who left the grouping question blank.
    pub unanswered: usize,
}

/// Groups respondents by their answer to `summary`'s column.
pub fn group_by(survey: &Survey, summary: &ColumnSummary) -> Grouping {
    let answers = &survey.columns()[summary.index].answers;
    let mut segments: Vec<Segment> = summary
        .counts
        .iter()
        .map(|a| Segment {
            label: a.value.clone(),
            members: Vec::with_capacity(a.count),
        })
        .collect();
    let mut unanswered = 0;
    for (row, answer) in answers.iter().enumerate() {
        let answer = answer.trim();
        if answer.is_empty() {
            unanswered += 1;
        } else if let Some(segment) = segments.iter_mut().find(|s| s.label == answer) {
            segment.members.push(row);
        }
    }
    let total = segments.len();
    segments.retain(|s| s.size() >= MIN_GROUP_SIZE);
    Grouping {
        column: summary.index,
        small_groups: total - segments.len(),
        segments,
        unanswered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::summarise;
    use crate::survey::read_csv;

    #[test]
    fn keeps_groups_of_eleven_or_more_and_counts_the_rest() {
        let mut csv = String::from("lives_with,age\n");
        for (value, times) in [("Partner", 20), ("Alone", 11), ("Family", 10), ("", 4)] {
            for _ in 0..times {
                csv.push_str(&format!("{value},40\n"));
            }
        }
        let survey = read_csv(csv.as_bytes()).unwrap();
        let summaries = summarise(&survey);
        let grouping = group_by(&survey, &summaries[0]);
        let sizes: Vec<_> = grouping
            .segments
            .iter()
            .map(|s| (s.label.as_str(), s.size()))
            .collect();
        assert_eq!(sizes, [("Partner", 20), ("Alone", 11)]);
        assert_eq!(grouping.small_groups, 1);
        assert_eq!(grouping.unanswered, 4);
    }
}
