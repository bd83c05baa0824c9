//! Multi-select questions ("choose all that apply"). Tools spread them over one column
//! per option (SurveyMonkey, REDCap `field___code`, LimeSurvey `Q3[SQ001]`, Kobo
//! `group/q/option`) or join the options in one cell (Google Forms ", ", Microsoft
//! Forms ";", KoboToolbox " " between option names). Either way they are folded into one column whose answers hold the chosen
//! options joined by [`OPTION_SEPARATOR`].

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use crate::survey::{Answer, Column, Layout, Survey};

/// Joins the chosen options inside one answer.
pub const OPTION_SEPARATOR: char = '\u{1f}';
/// A joined list with more distinct options than this is free text, not a question.
const MAX_OPTIONS: usize = 30;
/// Space-joined choice names average at most this many per answer; more is prose.
const MAX_MEAN_NAMES: usize = 4;

/// Columns folded into one multi-select question, for the user to see.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fold {
    pub question: String,
    /// The option columns folded in (empty when the options shared one cell).
    pub from: Vec<String>,
}

/// The options chosen in one answer.
pub fn chosen(answer: &str) -> impl Iterator<Item = &str> {
    answer
        .split(OPTION_SEPARATOR)
        .map(str::trim)
        .filter(|o| !o.is_empty())
}

/// Whether an answer column holds folded multi-select answers.
pub fn is_multi_select(answers: &[Answer]) -> bool {
    answers.iter().any(|a| a.contains(OPTION_SEPARATOR))
}

/// The survey with multi-select questions folded, and what was folded.
pub fn fold(survey: Survey, progress: &mut dyn FnMut(usize)) -> (Survey, Vec<Fold>) {
    let kobo = survey
        .format
        .as_ref()
        .is_some_and(|f| f.layout == Layout::KoboToolbox);
    let respondents = survey.respondents();
    let mut folds = Vec::new();
    let survey = survey
        .map_columns(|columns| fold_columns(columns, kobo, respondents, &mut folds, progress));
    (survey, folds)
}

/// The columns with option groups and joined cells folded, each fold listed in `folds`.
fn fold_columns(
    mut columns: Vec<Column>,
    kobo: bool,
    respondents: usize,
    folds: &mut Vec<Fold>,
    progress: &mut dyn FnMut(usize),
) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    let mut i = 0;
    while i < columns.len() {
        progress(i);
        if let Some((question, option)) = option_of(&columns[i]) {
            let mut group = vec![(option, &columns[i])];
            let mut j = i + 1;
            while let Some((q, o)) = columns.get(j).and_then(option_of) {
                if q != question {
                    break;
                }
                group.push((o, &columns[j]));
                j += 1;
            }
            if group.len() >= 2 {
                out.retain(|c| c.name != question); // Kobo's joined column, replaced
                folds.push(Fold {
                    question: question.clone(),
                    from: group.iter().map(|(_, c)| c.name.clone()).collect(),
                });
                out.push(fold_group(question, &group, respondents));
                i = j;
                continue;
            }
        }
        let column = std::mem::take(&mut columns[i]);
        match joined_separator(&column.answers, kobo) {
            Some(separator) => {
                folds.push(Fold {
                    question: column.name.clone(),
                    from: Vec::new(),
                });
                out.push(split_joined(&column, separator));
            }
            None => out.push(column),
        }
        i += 1;
    }
    out
}

/// (question, option) when a column is one option of a spread-out multi-select: its
/// answers are only "chosen" or "not chosen".
fn option_of(column: &Column) -> Option<(String, String)> {
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
    let chosen_or_not = column.answers.iter().map(|a| a.trim()).all(|v| {
        matches!(v, "" | "0" | "1" | "Y" | "N" | "Yes" | "No" | "yes" | "no") || v == option
    });
    (chosen_or_not && !question.is_empty()).then(|| (question.to_string(), option.to_string()))
}

fn fold_group(question: String, group: &[(String, &Column)], respondents: usize) -> Column {
    let answers = (0..respondents)
        .map(|row| {
            let picked: Vec<&str> = group
                .iter()
                .filter(|(option, c)| {
                    let v = c.answers[row].trim();
                    matches!(v, "1" | "Y" | "Yes" | "yes") || v == option.as_str()
                })
                .map(|(option, _)| option.as_str())
                .collect();
            Answer::from(joined(&picked))
        })
        .collect();
    Column {
        name: question,
        answers,
    }
}

/// The separator of options joined in one cell (";" or ", ", or in a KoboToolbox export
/// " " between option names), if the column is such a list: a third of the answers hold
/// several options, drawn from a small set of options that recur (free text split at its
/// commas gives phrases that do not).
fn joined_separator(answers: &[Answer], kobo: bool) -> Option<&'static str> {
    let answered: Vec<&str> = answers
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if answered.len() < 3 {
        return None;
    }
    let spaces = kobo && answered.iter().all(|a| is_list_of_names(a)) && {
        let tokens: usize = answered.iter().map(|a| a.split(' ').count()).sum();
        tokens <= answered.len() * MAX_MEAN_NAMES
    };
    let candidates: &[&'static str] = if spaces { &[" "] } else { &[";", ", "] };
    candidates.iter().copied().find(|separator| {
        let several = answered
            .iter()
            .filter(|a| a.trim_end_matches(';').contains(separator))
            .count();
        if several * 3 < answered.len() {
            return false;
        }
        // Free text split at its commas soon gives more options than a question has.
        let mut options: FxHashSet<&str> = FxHashSet::default();
        let mut mentions = 0;
        for option in answered
            .iter()
            .flat_map(|a| a.split(separator).map(str::trim).filter(|o| !o.is_empty()))
        {
            mentions += 1;
            options.insert(option);
            if options.len() > MAX_OPTIONS {
                return false;
            }
        }
        let recurring = mentions * 5 >= options.len() * 6;
        options.len() >= 2 && recurring
    })
}

/// Whether an answer reads as KoboToolbox choice names joined by single spaces: each a
/// lower-case name (letters, digits, `_`, `-`, `.`), none twice. Sentences fail on their
/// capitals, punctuation or repeated words, and on length (see [`MAX_MEAN_NAMES`]).
fn is_list_of_names(answer: &str) -> bool {
    let mut seen = HashSet::new();
    answer.split(' ').all(|name| {
        !name.is_empty()
            && seen.insert(name)
            && name
                .chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '.'))
    })
}

fn split_joined(column: &Column, separator: &str) -> Column {
    let answers = column
        .answers
        .iter()
        .map(|a| {
            Answer::from(joined(
                &a.split(separator)
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .collect::<Vec<_>>(),
            ))
        })
        .collect();
    Column {
        name: column.name.clone(),
        answers,
    }
}

/// Options joined for storage in one answer. A single option keeps a trailing
/// separator, so the column is known to be a multi-select even then.
fn joined(options: &[&str]) -> String {
    match options {
        [] => String::new(),
        [one] => format!("{one}{OPTION_SEPARATOR}"),
        many => many.join(&OPTION_SEPARATOR.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::read_detected;

    fn folded(csv: &str) -> (Survey, Vec<Fold>) {
        fold(read_detected(csv.as_bytes()).unwrap(), &mut |_| {})
    }

    fn options(survey: &Survey, column: usize) -> Vec<Vec<&str>> {
        survey.columns()[column]
            .answers
            .iter()
            .map(|a| chosen(a).collect())
            .collect()
    }

    #[test]
    fn folds_one_column_per_option_of_each_tool() {
        let cases = [
            "Age,Channels — App,Channels — Text,Channels — Phone\n30,App,,Phone\n40,,Text,\n",
            "Age,channels___App,channels___Text,channels___Phone\n30,1,0,1\n40,0,1,0\n",
            "Age,channels[App],channels[Text],channels[Phone]\n30,Y,,Y\n40,,Y,\n",
            "Age,channels,channels/App,channels/Text,channels/Phone\n30,App Phone,1,0,1\n40,Text,0,1,0\n",
        ];
        for csv in cases {
            let (survey, folds) = folded(csv);
            let names: Vec<_> = survey.columns().iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names.last().unwrap().to_lowercase(), "channels", "{csv}");
            assert_eq!(
                options(&survey, names.len() - 1),
                [vec!["App", "Phone"], vec!["Text"]],
                "{csv}"
            );
            assert_eq!(folds.len(), 1);
            assert!(is_multi_select(&survey.columns()[names.len() - 1].answers));
        }
    }

    #[test]
    fn folds_options_joined_in_one_cell() {
        let (survey, folds) =
            folded("Channels\n\"App, Text\"\nPhone\n\"Text, Letter\"\n\"App, Phone, Text\"\n");
        assert_eq!(options(&survey, 0)[3], ["App", "Phone", "Text"]);
        assert_eq!(folds[0].from, Vec::<String>::new());
        let (forms, _) = folded("Channels\nApp;Text;\nPhone;\nText;Letter;\n");
        assert_eq!(
            options(&forms, 0),
            [vec!["App", "Text"], vec!["Phone"], vec!["Text", "Letter"]]
        );
    }

    #[test]
    fn leaves_free_text_and_single_choices_alone() {
        let text = "Comment\n\"The bus, sadly, is late\"\n\"Parking, as ever, is hard\"\n\"Staff, doctors, nurses, porters, cleaners, all great\"\n";
        let (survey, folds) = folded(text);
        assert!(folds.is_empty());
        assert!(!is_multi_select(&survey.columns()[0].answers));
        let (choice, folds) = folded("Lives with\nAlone\nPartner\nAlone\n");
        assert!(folds.is_empty());
        assert_eq!(choice.columns()[0].answers[0], "Alone");
    }
}
