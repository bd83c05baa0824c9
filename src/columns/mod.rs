//! Stage 2 — column summaries: what kind of answers each question holds, and which
//! question makes a sensible first grouping.

mod kinds;
mod multiselect;
mod normalise;
mod roles;
mod scales;
mod shown;

pub use kinds::{summarise_as, KindRefusal, CHOSEN_KINDS};
pub use multiselect::{chosen, fold, is_multi_select, Fold, OPTION_SEPARATOR};
pub use normalise::{normalise, Merge};
pub use roles::{propose as propose_role, Role};
pub use scales::scale_order;
pub use shown::{histogram, shown_answers, Bar};

use rustc_hash::FxHashMap;

use crate::survey::{Answer, Column, Survey};

/// Columns with at most this many distinct answers are treated as choices.
pub const MAX_CATEGORIES: usize = 15;
/// The range of group counts a preselected grouping column should have.
pub const SUGGESTED_GROUPS: std::ops::RangeInclusive<usize> = 2..=8;

/// What a column's answers look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ColumnKind {
    /// Nobody answered.
    Empty,
    /// A small set of repeated answers (single choice, yes/no).
    Categorical,
    /// An ordered scale: Likert answers or a 0–10 score.
    Scale,
    /// "Choose all that apply": counts are per option, respondents may pick several.
    MultiSelect,
    /// Numbers with many distinct values.
    Numeric,
    /// A different short answer from every respondent, like a code: never reported.
    Unique,
    /// Sentences: the source of (scrubbed, approved) quotes, never of traits.
    FreeText,
}

impl ColumnKind {
    /// A short label for the column table.
    pub fn label(self) -> &'static str {
        match self {
            ColumnKind::Empty => "no answers",
            ColumnKind::Categorical => "choice",
            ColumnKind::Scale => "ordered scale",
            ColumnKind::MultiSelect => "multi-select",
            ColumnKind::Numeric => "number",
            ColumnKind::Unique => "unique per respondent",
            ColumnKind::FreeText => "free text",
        }
    }
}

/// One answer and how many respondents gave it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnswerCount {
    pub value: String,
    pub count: usize,
}

/// A column's kind and answer counts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnSummary {
    pub index: usize,
    pub name: String,
    pub kind: ColumnKind,
    /// Respondents who gave any answer.
    pub answered: usize,
    /// Distinct answers (for a multi-select, options and how many chose each), most
    /// frequent first (ties in first-seen order).
    pub counts: Vec<AnswerCount>,
    /// For a scale, its answers from lowest to highest.
    pub scale: Option<Vec<String>>,
    /// What the column tells about a persona (proposed, or the user's choice).
    pub role: Role,
    /// Distinct answers left out of `counts` in the page's copy ([`Self::for_page`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub left_out: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ColumnSummary {
    /// The number of distinct answers.
    pub fn distinct(&self) -> usize {
        self.counts.len() + self.left_out
    }

    /// The summary as the page needs it: free text keeps its number of distinct
    /// answers but not the answers, which the page never lists (one per respondent, they
    /// would make the survey's description as large as the survey).
    pub fn for_page(&self) -> ColumnSummary {
        if self.kind != ColumnKind::FreeText {
            return self.clone();
        }
        ColumnSummary {
            counts: Vec::new(),
            left_out: self.distinct(),
            name: self.name.clone(),
            scale: self.scale.clone(),
            ..*self
        }
    }

    /// How many answer groups reach the minimum group size `k`.
    pub fn groups_large_enough(&self, k: usize) -> usize {
        self.counts.iter().filter(|a| a.count >= k).count()
    }

    /// Whether respondents can be grouped by this column (a choice or a scale in use).
    pub fn can_group(&self) -> bool {
        matches!(self.kind, ColumnKind::Categorical | ColumnKind::Scale)
            && self.distinct() >= 2
            && self.role.is_used()
    }

    /// The answer counts in the order to show them: scale order for scales, most
    /// frequent first otherwise.
    pub fn ordered_counts(&self) -> Vec<&AnswerCount> {
        match &self.scale {
            Some(order) => order
                .iter()
                .filter_map(|v| self.counts.iter().find(|a| &a.value == v))
                .collect(),
            None => self.counts.iter().collect(),
        }
    }
}

/// Summarises every column of the survey.
pub fn summarise(survey: &Survey) -> Vec<ColumnSummary> {
    survey
        .columns()
        .iter()
        .enumerate()
        .map(|(index, column)| summarise_column(index, column))
        .collect()
}

/// Summarises one column (the `index`-th), working out its kind from its answers.
pub fn summarise_column(index: usize, column: &Column) -> ColumnSummary {
    if is_multi_select(&column.answers) {
        return ColumnSummary {
            index,
            name: column.name.clone(),
            kind: ColumnKind::MultiSelect,
            answered: column
                .answers
                .iter()
                .filter(|a| chosen(a).next().is_some())
                .count(),
            counts: count_options(&column.answers),
            scale: None,
            role: propose_role(&column.name, ColumnKind::MultiSelect),
            left_out: 0,
        };
    }
    let counts = count_answers(&column.answers);
    let answered = counts.iter().map(|a| a.count).sum();
    let mut kind = classify(&counts, answered);
    let mut scale = None;
    if kind == ColumnKind::Categorical {
        let values: Vec<&str> = counts.iter().map(|a| a.value.as_str()).collect();
        scale = scale_order(&values);
        if scale.is_some() {
            kind = ColumnKind::Scale;
        }
    }
    ColumnSummary {
        index,
        role: propose_role(&column.name, kind),
        name: column.name.clone(),
        kind,
        answered,
        counts,
        scale,
        left_out: 0,
    }
}

/// The column to preselect for grouping: a choice column with 2–8 groups, preferring
/// the one with most groups of at least `k` (the minimum group size), then the fewest
/// unanswered, then file order.
pub fn suggest_grouping(summaries: &[ColumnSummary], k: usize) -> Option<usize> {
    summaries
        .iter()
        .filter(|s| s.can_group() && SUGGESTED_GROUPS.contains(&s.distinct()))
        .max_by_key(|s| {
            (
                s.groups_large_enough(k),
                s.answered,
                std::cmp::Reverse(s.index),
            )
        })
        .map(|s| s.index)
}

fn count_answers(answers: &[Answer]) -> Vec<AnswerCount> {
    tally(answers.iter().map(|a| a.trim()).filter(|a| !a.is_empty()))
}

/// How many respondents chose each option of a multi-select.
fn count_options(answers: &[Answer]) -> Vec<AnswerCount> {
    tally(answers.iter().flat_map(|a| chosen(a)))
}

/// Counts values, most frequent first, ties in first-seen order.
fn tally<'a>(values: impl Iterator<Item = &'a str>) -> Vec<AnswerCount> {
    let mut position: FxHashMap<&str, usize> = FxHashMap::default();
    let mut counts: Vec<AnswerCount> = Vec::new();
    for answer in values {
        match position.get(answer) {
            Some(&i) => counts[i].count += 1,
            None => {
                position.insert(answer, counts.len());
                counts.push(AnswerCount {
                    value: answer.to_string(),
                    count: 1,
                });
            }
        }
    }
    // A stable sort keeps first-seen order among equal counts.
    counts.sort_by_key(|a| std::cmp::Reverse(a.count));
    counts
}

/// A number, or the capped age "90+" that stands for one.
pub(super) fn is_number(value: &str) -> bool {
    value.parse::<f64>().is_ok() || value == crate::privacy::generalise::CAPPED_AGE
}

fn classify(counts: &[AnswerCount], answered: usize) -> ColumnKind {
    let distinct = counts.len();
    if answered == 0 {
        return ColumnKind::Empty;
    }
    let numeric = counts.iter().all(|a| is_number(&a.value));
    if distinct <= MAX_CATEGORIES && distinct < answered {
        return ColumnKind::Categorical;
    }
    if numeric {
        return ColumnKind::Numeric;
    }
    let sentences = counts
        .iter()
        .filter(|a| a.value.contains(char::is_whitespace))
        .count();
    if distinct == answered && sentences * 2 < distinct {
        return ColumnKind::Unique;
    }
    ColumnKind::FreeText
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::MIN_GROUP_SIZE;
    use crate::survey::read_detected;

    fn survey(csv: &str) -> Survey {
        read_detected(csv.as_bytes()).unwrap()
    }

    fn repeated(rows: &[(&str, usize)]) -> String {
        let mut csv = String::from("lives_with,age,email,comment,empty\n");
        let mut i = 0;
        for (value, times) in rows {
            for _ in 0..*times {
                i += 1;
                csv.push_str(&format!(
                    "{value},{},p{i}@example.org,comment {} {},\n",
                    20 + i,
                    i % 3,
                    i
                ));
            }
        }
        csv
    }

    #[test]
    fn kinds_follow_the_answers() {
        let s = survey(&repeated(&[("Alone", 12), ("Partner", 20), ("Family", 3)]));
        let kinds: Vec<_> = summarise(&s).iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                ColumnKind::Categorical,
                ColumnKind::Numeric,
                ColumnKind::Unique,
                ColumnKind::FreeText,
                ColumnKind::Empty
            ]
        );
    }

    #[test]
    fn the_page_gets_free_text_without_its_answers_but_with_their_number() {
        let s = survey(&repeated(&[("Alone", 12), ("Partner", 20), ("Family", 3)]));
        let summaries = summarise(&s);
        for summary in &summaries {
            let page = summary.for_page();
            assert_eq!(page.distinct(), summary.distinct());
            assert_eq!(page.kind, summary.kind);
            if summary.kind == ColumnKind::FreeText {
                assert!(summary.distinct() > 0 && page.counts.is_empty());
            } else {
                assert_eq!(&page, summary);
            }
        }
    }

    #[test]
    fn counts_are_trimmed_and_most_frequent_first() {
        let s = survey("q\nB\n A \nB\n\nA\nB \nC\n");
        let summary = &summarise(&s)[0];
        assert_eq!(summary.answered, 6);
        let counts: Vec<_> = summary
            .counts
            .iter()
            .map(|a| (a.value.as_str(), a.count))
            .collect();
        assert_eq!(counts, [("B", 3), ("A", 2), ("C", 1)]);
    }

    #[test]
    fn suggests_the_choice_column_with_most_large_groups() {
        let mut csv = String::from("id,sex,lives_with,region\n");
        for i in 0..60 {
            let sex = ["F", "M"][i % 2];
            let lives = ["Alone", "Partner", "Family"][i % 3];
            let region = ["N", "S", "E", "W", "C", "X", "Y", "Z", "Q"][i % 9];
            csv.push_str(&format!("{i},{sex},{lives},{region}\n"));
        }
        let summaries = summarise(&survey(&csv));
        // lives_with has 3 groups of 20; sex 2 of 30; region has 9 groups (over 8).
        assert_eq!(suggest_grouping(&summaries, MIN_GROUP_SIZE), Some(2));
    }

    #[test]
    fn likert_answers_make_a_scale_that_keeps_its_order() {
        let mut csv = String::from("The bus is easy to use\n");
        for (answer, times) in [
            ("Agree", 5),
            ("Strongly disagree", 3),
            ("Neutral", 4),
            ("Strongly agree", 2),
        ] {
            csv.push_str(&format!("{answer}\n").repeat(times));
        }
        let summary = &summarise(&survey(&csv))[0];
        assert_eq!(summary.kind, ColumnKind::Scale);
        assert!(summary.can_group());
        let shown: Vec<_> = summary
            .ordered_counts()
            .iter()
            .map(|a| a.value.as_str())
            .collect();
        assert_eq!(
            shown,
            ["Strongly disagree", "Neutral", "Agree", "Strongly agree"]
        );
        assert_eq!(
            summary.counts[0].value, "Agree",
            "counts stay most frequent first"
        );
    }

    #[test]
    fn no_suggestion_without_a_groupable_column() {
        let summaries = summarise(&survey("id\n1\n2\n3\n"));
        assert_eq!(suggest_grouping(&summaries, MIN_GROUP_SIZE), None);
    }
}
