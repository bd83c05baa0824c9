//! Check-all questions spread over one column per option: SurveyMonkey's `Question —
//! Option`, REDCap's `field___code`, LimeSurvey's `Q3[SQ001]`, KoboToolbox's
//! `group/q/option`; each column holds only "chosen" or "not chosen".

use crate::survey::{Answer, Column};

/// (question, option) when a column is one option of a spread-out multi-select: its
/// answers are only "chosen" or "not chosen".
pub(super) fn option_of(column: &Column) -> Option<(String, String)> {
    let name = column.name.as_str();
    let (question, option) = if let Some((q, o)) = name.rsplit_once(" — ") {
        (q, o) // SurveyMonkey, as shaped from its second header row
    } else if let Some((q, o)) = name.split_once("___") {
        (q, o) // REDCap
    } else if let Some((q, rest)) = name.split_once('[') {
        (q, rest.strip_suffix(']')?) // LimeSurvey
    } else if let Some((q, o)) = name.rsplit_once('/') {
        (q, o) // KoboToolbox
    } else {
        return None;
    };
    let chosen_or_not = column
        .answers
        .tallied()
        .map(|(a, _)| a.trim())
        .all(|v| is_mark(v).is_some() || v.is_empty() || v == option);
    (chosen_or_not && !question.is_empty()).then(|| (question.to_string(), option.to_string()))
}

/// Whether a cell marks its option chosen (`Some(true)`) or not (`Some(false)`).
fn is_mark(value: &str) -> Option<bool> {
    match value {
        "1" | "Y" | "Yes" | "yes" => Some(true),
        "0" | "N" | "No" | "no" => Some(false),
        _ => None,
    }
}

/// One column whose answers hold the options chosen in each row of the group.
pub(super) fn fold_group(
    question: String,
    group: &[(String, &Column)],
    respondents: usize,
) -> Column {
    // Whether each distinct answer of each option's column marks it chosen.
    let marks: Vec<Vec<bool>> = group
        .iter()
        .map(|(option, c)| {
            let marks = c.answers.distinct().iter().map(|a| {
                let v = a.trim();
                is_mark(v) == Some(true) || v == option.as_str()
            });
            marks.collect()
        })
        .collect();
    let answers = (0..respondents)
        .map(|row| {
            let picked: Vec<&str> = group
                .iter()
                .zip(&marks)
                .filter(|((_, c), marks)| marks[c.answers.codes()[row] as usize])
                .map(|((option, _), _)| option.as_str())
                .collect();
            Answer::from(super::joined_options(&picked))
        })
        .collect();
    Column {
        name: question,
        answers,
    }
}
