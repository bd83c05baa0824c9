//! Multi-select questions ("choose all that apply"). Tools spread them over one column
//! per option ([`spread`]) or join the options in one cell ([`joined`]: Qualtrics `,`,
//! Google Forms `, `, Microsoft Forms `;`, KoboToolbox spaces, `|` or line breaks in
//! others), recognised by evidence whatever the tool. Either way they are folded into
//! one column whose answers hold the chosen options joined by [`OPTION_SEPARATOR`].

mod joined;
mod separator;
mod spread;

pub use separator::Separator;

use std::collections::BTreeSet;

use crate::survey::{Answer, Answers, Column, Layout, Survey};

/// Joins the chosen options inside one answer.
pub const OPTION_SEPARATOR: char = '\u{1f}';

/// Columns folded into one multi-select question, for the user to see.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fold {
    pub question: String,
    /// The option columns folded in (empty when the options shared one cell).
    pub from: Vec<String>,
    /// How the options were joined in one cell, when they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<Separator>,
}

impl Fold {
    /// A folded answer as the file wrote it: its options joined by the separator the
    /// fold found (for option columns, by "; ").
    pub fn unfold(&self, answer: &str) -> String {
        let joiner = self.separator.map_or("; ", Separator::joiner);
        chosen(answer).collect::<Vec<_>>().join(joiner)
    }
}

/// The options chosen in one answer.
pub fn chosen(answer: &str) -> impl Iterator<Item = &str> {
    answer
        .split(OPTION_SEPARATOR)
        .map(str::trim)
        .filter(|o| !o.is_empty())
}

/// Whether an answer column holds folded multi-select answers.
pub fn is_multi_select(answers: &Answers) -> bool {
    answers
        .distinct()
        .iter()
        .any(|a| a.contains(OPTION_SEPARATOR))
}

/// The survey with multi-select questions folded, except the questions the user kept
/// apart (`unfolded`, by name), and every fold found (applied or not).
pub fn fold(
    survey: Survey,
    unfolded: &BTreeSet<String>,
    progress: &mut dyn FnMut(usize),
) -> (Survey, Vec<Fold>) {
    let kobo = survey
        .format
        .as_ref()
        .is_some_and(|f| f.layout == Layout::KoboToolbox);
    let respondents = survey.respondents();
    let mut folds = Vec::new();
    let survey = survey.map_columns(|columns| {
        fold_columns(columns, kobo, respondents, unfolded, &mut folds, progress)
    });
    (survey, folds)
}

/// The columns with option groups and joined cells folded, each fold listed in `folds`.
fn fold_columns(
    mut columns: Vec<Column>,
    kobo: bool,
    respondents: usize,
    unfolded: &BTreeSet<String>,
    folds: &mut Vec<Fold>,
    progress: &mut dyn FnMut(usize),
) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    let mut i = 0;
    while i < columns.len() {
        progress(i);
        if let Some((question, option)) = spread::option_of(&columns[i]) {
            let mut group = vec![(option, &columns[i])];
            let mut j = i + 1;
            while let Some((q, o)) = columns.get(j).and_then(spread::option_of) {
                if q != question {
                    break;
                }
                group.push((o, &columns[j]));
                j += 1;
            }
            if group.len() >= 2 {
                folds.push(Fold {
                    question: question.clone(),
                    from: group.iter().map(|(_, c)| c.name.clone()).collect(),
                    separator: None,
                });
                if !unfolded.contains(&question) {
                    out.retain(|c| c.name != question); // Kobo's joined column, replaced
                    out.push(spread::fold_group(question, &group, respondents));
                    i = j;
                    continue;
                }
            }
        }
        let column = std::mem::take(&mut columns[i]);
        match joined::detect(&column.answers, kobo) {
            Some(found) => {
                let keep_apart = unfolded.contains(&column.name);
                folds.push(Fold {
                    question: column.name.clone(),
                    from: Vec::new(),
                    separator: Some(found.separator),
                });
                out.push(if keep_apart {
                    column
                } else {
                    split_joined(column, &found)
                });
            }
            None => out.push(column),
        }
        i += 1;
    }
    out
}

/// Each distinct answer rewritten once as its options joined.
fn split_joined(mut column: Column, found: &joined::Joined) -> Column {
    column
        .answers
        .rewrite(|a| match found.options.get(a.trim()) {
            Some(options) => {
                let options: Vec<&str> = options.iter().map(String::as_str).collect();
                Some(Answer::from(joined_options(&options)))
            }
            None => Some(Answer::default()),
        });
    column
}

/// Options joined for storage in one answer. A single option keeps a trailing
/// separator, so the column is known to be a multi-select even then.
pub(crate) fn joined_options(options: &[&str]) -> String {
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
        fold(
            read_detected(csv.as_bytes()).unwrap(),
            &BTreeSet::new(),
            &mut |_| {},
        )
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

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Options as survey tools write them; the last two hold commas inside brackets.
    const OPTIONS: [&str; 9] = [
        "Mobile app",
        "Email",
        "Phone call",
        "Letter",
        "Text message",
        "Video call",
        "In person",
        "Anxiety Disorder (Generalized, Social, Phobia, etc)",
        "Mood Disorder (Depression, Bipolar Disorder, etc)",
    ];

    fn separators() -> impl Strategy<Value = Separator> {
        prop_oneof![
            Just(Separator::Comma { space: false }),
            Just(Separator::Comma { space: true }),
            Just(Separator::Semicolon),
            Just(Separator::Pipe),
            Just(Separator::Newline),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Folding a joined column and unfolding each answer gives back the answers.
        #[test]
        fn folding_then_unfolding_gives_back_the_answers(
            separator in separators(),
            vocabulary in proptest::sample::subsequence(OPTIONS.to_vec(), 3..=9),
            picks in proptest::collection::vec(proptest::collection::vec(any::<bool>(), 9), 40..80),
        ) {
            // Each option alone and all together first, so the evidence is there.
            let n = vocabulary.len();
            let mut rows: Vec<Vec<bool>> = (0..n).map(|i| (0..9).map(|j| j == i).collect()).collect();
            rows.push(vec![true; 9]);
            rows.extend(picks);
            let cells: Vec<String> = rows
                .iter()
                .map(|row| {
                    let chosen: Vec<&str> = vocabulary
                        .iter()
                        .zip(row)
                        .filter(|(_, &pick)| pick)
                        .map(|(o, _)| *o)
                        .collect();
                    chosen.join(separator.joiner())
                })
                .collect();
            let column = Column {
                name: "Which apply?".to_string(),
                answers: cells.iter().map(|c| Answer::from(c.as_str())).collect(),
            };
            let survey = Survey::new(vec![column], String::new(), Vec::new());
            let (survey, folds) = fold(survey, &BTreeSet::new(), &mut |_| {});
            prop_assert_eq!(folds.len(), 1);
            prop_assert_eq!(folds[0].separator, Some(separator));
            let answers = &survey.columns()[0].answers;
            prop_assert!(is_multi_select(answers));
            for (answer, cell) in answers.iter().zip(&cells) {
                prop_assert_eq!(&folds[0].unfold(answer), cell);
            }
        }
    }
}
