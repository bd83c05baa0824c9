//! Working out a column's kind and counting its answers.

use rustc_hash::FxHashMap;

use super::numbers::{are_numbers, MAX_LISTED_NUMBERS};
use super::{
    chosen, is_multi_select, propose_role, scale_order, AnswerCount, ColumnKind, ColumnSummary,
    MAX_CATEGORIES, SUGGESTED_GROUPS,
};
use crate::survey::{Answers, Column, Survey, ANSWERS_PER_REPORT};

/// A list of choices longer than [`MAX_CATEGORIES`] (occupations, countries) is still a
/// choice when it has at most this many answers, nearly all of them given repeatedly.
const MAX_CHOICES: usize = 40;
/// …nearly all: at least this share of the answers are values given more than once.
const REPEATED_SHARE: f64 = 0.9;
/// An answer of at least this many words reads as a sentence.
const SENTENCE_WORDS: usize = 4;

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
    summarise_column_reporting(index, column, &mut |_| {})
}

/// [`summarise_column`], telling `progress` how many of the column's distinct answers
/// are counted so far (a free-text column of a national survey holds most of a million).
pub fn summarise_column_reporting(
    index: usize,
    column: &Column,
    progress: &mut dyn FnMut(usize),
) -> ColumnSummary {
    if is_multi_select(&column.answers) {
        return ColumnSummary {
            index,
            name: column.name.clone(),
            kind: ColumnKind::MultiSelect,
            answered: column
                .answers
                .tallied()
                .filter(|(a, _)| chosen(a).next().is_some())
                .map(|(_, n)| n)
                .sum(),
            counts: count_options(&column.answers),
            scale: None,
            role: propose_role(&column.name, ColumnKind::MultiSelect),
            left_out: 0,
            part: None,
        };
    }
    let counts = count_answers(&column.answers, progress);
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
        part: None,
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

/// Counted over the distinct answers, each with how many gave it. The store holds each
/// answer once, so only answers that trimming changes need merging by value.
fn count_answers(answers: &Answers, progress: &mut dyn FnMut(usize)) -> Vec<AnswerCount> {
    let values = answers.tallied().enumerate().map(|(i, (a, n))| {
        if i % ANSWERS_PER_REPORT == 0 {
            progress(i);
        }
        (a.as_str(), n)
    });
    // Over the distinct answers alone: `tallied` counts every respondent's code again.
    let trimmed = answers
        .distinct()
        .iter()
        .all(|a| !a.is_empty() && a.trim().len() == a.len());
    if !trimmed {
        return tally_weighted(
            values
                .map(|(a, n)| (a.trim(), n))
                .filter(|(a, _)| !a.is_empty()),
        );
    }
    most_frequent_first(
        values
            .map(|(value, count)| AnswerCount {
                value: value.to_string(),
                count,
            })
            .collect(),
    )
}

/// How many respondents chose each option of a multi-select.
fn count_options(answers: &Answers) -> Vec<AnswerCount> {
    tally_weighted(
        answers
            .tallied()
            .flat_map(|(a, n)| chosen(a).map(move |option| (option, n))),
    )
}

/// Counts values, each standing for `n` respondents: most frequent first, ties in
/// first-seen order.
fn tally_weighted<'a>(values: impl Iterator<Item = (&'a str, usize)>) -> Vec<AnswerCount> {
    let mut position: FxHashMap<&str, usize> = FxHashMap::default();
    let mut counts: Vec<AnswerCount> = Vec::new();
    for (answer, n) in values {
        match position.get(answer) {
            Some(&i) => counts[i].count += n,
            None => {
                position.insert(answer, counts.len());
                counts.push(AnswerCount {
                    value: answer.to_string(),
                    count: n,
                });
            }
        }
    }
    most_frequent_first(counts)
}

/// Counts sorted most frequent first; a stable sort keeps first-seen order among equal
/// counts.
fn most_frequent_first(mut counts: Vec<AnswerCount>) -> Vec<AnswerCount> {
    counts.sort_by_key(|a| std::cmp::Reverse(a.count));
    counts
}

/// The kind of a column from its distinct answers (most frequent first) and how many
/// respondents answered.
///
/// Numbers with more than [`MAX_LISTED_NUMBERS`] values are a distribution, not answers;
/// a few distinct answers given repeatedly are a choice, as is a longer list whose
/// answers nearly all recur; mostly one-off sentences are free text even when few.
fn classify(counts: &[AnswerCount], answered: usize) -> ColumnKind {
    let distinct = counts.len();
    if answered == 0 {
        return ColumnKind::Empty;
    }
    if are_numbers(counts.iter().map(|a| (a.value.as_str(), a.count))) {
        return if distinct <= MAX_LISTED_NUMBERS && distinct < answered {
            ColumnKind::Categorical
        } else {
            ColumnKind::Numeric
        };
    }
    let once = counts.iter().filter(|a| a.count == 1).count();
    // Words are counted only for a column few enough answers to be categories.
    let one_off_sentences = || {
        let sentences = counts
            .iter()
            .filter(|a| a.value.split_whitespace().take(SENTENCE_WORDS).count() == SENTENCE_WORDS)
            .count();
        once * 2 > distinct && sentences * 2 > distinct
    };
    if distinct <= MAX_CATEGORIES && distinct < answered && !one_off_sentences() {
        return ColumnKind::Categorical;
    }
    if distinct <= MAX_CHOICES && (answered - once) as f64 >= REPEATED_SHARE * answered as f64 {
        return ColumnKind::Categorical;
    }
    let spaced = counts
        .iter()
        .filter(|a| a.value.contains(char::is_whitespace))
        .count();
    if distinct == answered && spaced * 2 < distinct {
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
    fn a_long_column_reports_progress_inside_it() {
        let mut csv = String::from("Comment\n");
        for i in 0..70_000 {
            csv.push_str(&format!("I waited {i} minutes at the desk\n"));
        }
        let survey = survey(&csv);
        let mut reports = Vec::new();
        let summary =
            summarise_column_reporting(0, &survey.columns()[0], &mut |done| reports.push(done));
        assert_eq!(reports, [0, ANSWERS_PER_REPORT, 2 * ANSWERS_PER_REPORT]);
        assert_eq!(summary.kind, ColumnKind::FreeText);
        assert_eq!(summary, summarise_column(0, &survey.columns()[0]));
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
    fn numbers_with_more_than_five_values_are_a_distribution() {
        let column = |values: &[&str], times: usize| {
            let mut csv = String::from("How many visits?\n");
            for _ in 0..times {
                for v in values {
                    csv.push_str(&format!("{v}\n"));
                }
            }
            summarise(&survey(&csv)).remove(0).kind
        };
        assert_eq!(
            column(&["0", "1", "2", "3", "5", "8"], 4),
            ColumnKind::Numeric
        );
        assert_eq!(
            column(&["0", "1", "2", "5", "8", "N/A"], 4),
            ColumnKind::Numeric
        );
        assert_eq!(column(&["1", "2", "3"], 4), ColumnKind::Scale);
        assert_eq!(
            column(&["24,19", "27,5", "18,72"], 4),
            ColumnKind::Categorical
        );
        assert_eq!(
            column(&["24,19", "27,5", "18,72", "20,1", "21,3", "22,8"], 3),
            ColumnKind::Numeric
        );
    }

    #[test]
    fn long_choice_lists_are_choices_and_one_off_sentences_free_text() {
        let mut csv = String::from("Occupation\n");
        for i in 0..230 {
            csv.push_str(&format!("Occupation group {}\n", i % 23));
        }
        assert_eq!(summarise(&survey(&csv))[0].kind, ColumnKind::Categorical);
        let mut csv = String::from("Anything else?\nNone\nNone\n");
        for i in 0..10 {
            csv.push_str(&format!("I would like the clinic to open at {i} sharp\n"));
        }
        assert_eq!(summarise(&survey(&csv))[0].kind, ColumnKind::FreeText);
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
