//! Answers that carry their code beside their label — `Agree (2)`, `(3): Agree`,
//! `1 - Strongly disagree`, `A) Yes` — keep the label; numeric codes give the scale's
//! order. A number scale whose ends carry their anchor (`Very helpful10`) keeps the
//! numbers.

use std::sync::LazyLock;

use regex_lite::Regex;
use rustc_hash::FxHashMap;

use super::multiselect::{chosen, is_multi_select, joined_options};
use super::numbers::parse_number;
use crate::survey::{Answer, Column, Survey};

/// How a column's answers carried their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeStyle {
    /// `Agree (2)`.
    After,
    /// `(3): Agree`, `(3) Agree`.
    BracketsBefore,
    /// `1 - Strongly disagree`, `1. Never`, `2: Often`, `3 = Always`, `0 (normal)`.
    Before,
    /// `A) Yes`, `b. No`: option letters, which order nothing.
    Letter,
    /// Numbers whose ends carry a label (`Not helpful1` … `Very helpful10`).
    AnchoredNumbers,
}

/// A column whose answers lost their codes, and its labels in code order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Coded {
    pub column: String,
    pub style: CodeStyle,
    /// The labels from the lowest code to the highest (none for letter codes, which
    /// are not an order).
    pub order: Vec<String>,
}

/// At least this share of a column's answers must carry a code of one style.
const CODED_SHARE: f64 = 0.9;
/// Coded answers come from a short list: a column with more distinct answers is not
/// looked at (free text stays cheap).
const MAX_CODED_VALUES: usize = 100;

/// A letter (regex-lite has no Unicode classes): Latin with accents, Greek, Cyrillic.
const LETTER_CLASS: &str = r"[A-Za-z\x{00C0}-\x{024F}\x{0370}-\x{03FF}\x{0400}-\x{04FF}]";

fn pattern(template: &str) -> Regex {
    Regex::new(&template.replace("{L}", LETTER_CLASS)).expect("a valid pattern")
}

static AFTER: LazyLock<Regex> = LazyLock::new(|| pattern(r"^(.*{L}.*?)\s*\((-?\d+)\)$"));
static BRACKETS_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^\((-?\d+)\)\s*[:.\-–]?\s*(.*{L}.*)$"));
static BEFORE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(-?\d+)\s*(?:(?:-|–|\.|:|\)|=)\s*({L}.*)|\((.*{L}.*)\))$"));
static LETTER: LazyLock<Regex> = LazyLock::new(|| pattern(r"^([A-Za-z])(?:\)|\.)\s+({L}.*)$"));
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| pattern(r"^{L}(?:{L}| )*?(\d+)$"));

/// A coded answer: (code, label) in `style`.
fn split(style: CodeStyle, answer: &str) -> Option<(i64, String)> {
    let (code, label) = match style {
        CodeStyle::After => AFTER
            .captures(answer)
            .map(|c| (c[2].to_string(), c[1].to_string())),
        CodeStyle::BracketsBefore => BRACKETS_BEFORE
            .captures(answer)
            .map(|c| (c[1].to_string(), c[2].to_string())),
        CodeStyle::Before => BEFORE.captures(answer).map(|c| {
            let label = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
            (c[1].to_string(), label.to_string())
        }),
        CodeStyle::Letter => {
            let c = LETTER.captures(answer)?;
            let letter = c[1].to_ascii_uppercase().chars().next()?;
            return Some((i64::from(letter as u8), c[2].trim().to_string()));
        }
        CodeStyle::AnchoredNumbers => match ANCHOR.captures(answer) {
            Some(c) => Some((c[1].to_string(), c[1].to_string())),
            None => {
                let n = parse_number(answer).filter(|n| n.fract() == 0.0)?;
                return Some((n as i64, answer.trim().to_string()));
            }
        },
    }?;
    Some((code.parse().ok()?, label.trim().to_string()))
}

const STYLES: [CodeStyle; 5] = [
    CodeStyle::After,
    CodeStyle::BracketsBefore,
    CodeStyle::Before,
    CodeStyle::Letter,
    CodeStyle::AnchoredNumbers,
];

/// The survey with codes taken off coded columns' answers (and off the options of
/// multi-selects), and which columns they were.
pub fn strip_codes(survey: Survey) -> (Survey, Vec<Coded>) {
    let mut coded = Vec::new();
    let survey = survey.map_columns(|columns| {
        columns
            .into_iter()
            .map(|column| match strip_column(&column) {
                Some((stripped, found)) => {
                    coded.push(found);
                    stripped
                }
                None => column,
            })
            .collect()
    });
    (survey, coded)
}

fn strip_column(column: &Column) -> Option<(Column, Coded)> {
    let multi = is_multi_select(&column.answers);
    let mut distinct: FxHashMap<&str, usize> = FxHashMap::default();
    for (answer, n) in column.answers.tallied() {
        let values: Vec<&str> = if multi {
            chosen(answer).collect()
        } else {
            vec![answer.trim()]
        };
        for value in values.into_iter().filter(|v| !v.is_empty()) {
            *distinct.entry(value).or_default() += n;
        }
        if distinct.len() > MAX_CODED_VALUES {
            return None;
        }
    }
    let answered: usize = distinct.values().sum();
    let (style, labels) = STYLES.into_iter().find_map(|style| {
        let labels = consistent_labels(style, &distinct, answered)?;
        // Anchored numbers are mostly plain numbers with one or two labelled ends.
        let anchors = distinct.keys().filter(|v| ANCHOR.is_match(v)).count();
        let numbers = distinct.len() - anchors;
        let anchored = (1..=2).contains(&anchors) && numbers >= 2;
        (style != CodeStyle::AnchoredNumbers || anchored).then_some((style, labels))
    })?;
    let relabel = |value: &str| -> String {
        labels
            .get(value)
            .map_or_else(|| value.to_string(), |(_, label)| label.clone())
    };
    let mut answers = column.answers.clone();
    answers.rewrite(|answer| {
        if multi {
            let options: Vec<String> = chosen(answer).map(relabel).collect();
            let options: Vec<&str> = options.iter().map(String::as_str).collect();
            Some(Answer::from(joined_options(&options)))
        } else if answer.trim().is_empty() {
            None
        } else {
            Some(Answer::from(relabel(answer.trim()).as_str()))
        }
    });
    let mut order: Vec<(i64, &str)> = labels.values().map(|(c, l)| (*c, l.as_str())).collect();
    order.sort();
    order.dedup();
    let ordered = style != CodeStyle::Letter && !multi;
    let found = Coded {
        column: column.name.clone(),
        style,
        order: if ordered {
            order.into_iter().map(|(_, l)| l.to_string()).collect()
        } else {
            Vec::new()
        },
    };
    let column = Column {
        name: column.name.clone(),
        answers,
    };
    Some((column, found))
}

/// Each distinct answer's (code, label) when nearly all answers carry a code in
/// `style`, every code has one label and every label one code, and there are two codes
/// or more (or one code that every answer carries); answers without a code keep
/// themselves as label.
fn consistent_labels<'a>(
    style: CodeStyle,
    distinct: &FxHashMap<&'a str, usize>,
    answered: usize,
) -> Option<FxHashMap<&'a str, (i64, String)>> {
    let mut labels = FxHashMap::default();
    let mut coded = 0;
    let mut by_code: FxHashMap<i64, String> = FxHashMap::default();
    let mut by_label: FxHashMap<String, i64> = FxHashMap::default();
    for (&value, &count) in distinct {
        let Some((code, label)) = split(style, value) else {
            continue;
        };
        let folded = label.to_lowercase();
        if by_code.entry(code).or_insert_with(|| folded.clone()) != &folded
            || *by_label.entry(folded).or_insert(code) != code
        {
            return None;
        }
        coded += count;
        labels.insert(value, (code, label));
    }
    let enough = match by_code.len() {
        0 => false,
        1 => coded == answered && style != CodeStyle::AnchoredNumbers,
        _ => coded as f64 >= CODED_SHARE * answered as f64,
    };
    enough.then_some(labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::read_detected;

    fn stripped(csv: &str) -> (Vec<String>, Vec<Coded>) {
        let (survey, coded) = strip_codes(read_detected(csv.as_bytes()).unwrap());
        let answers = survey.columns()[0]
            .answers
            .iter()
            .map(|a| a.to_string())
            .collect();
        (answers, coded)
    }

    #[test]
    fn each_style_keeps_the_label_and_orders_by_the_code() {
        for csv in [
            "q\nAgree (2)\nStrongly disagree (0)\nNot sure (1)\nAgree (2)\n",
            "q\n(2): Agree\n(0): Strongly disagree\n(1): Not sure\n(2): Agree\n",
            "q\n2 - Agree\n0 - Strongly disagree\n1 - Not sure\n2 - Agree\n",
            "q\n2 (Agree)\n0 (Strongly disagree)\n1 (Not sure)\n2 (Agree)\n",
        ] {
            let (answers, coded) = stripped(csv);
            assert_eq!(
                answers,
                ["Agree", "Strongly disagree", "Not sure", "Agree"],
                "{csv}"
            );
            assert_eq!(
                coded[0].order,
                ["Strongly disagree", "Not sure", "Agree"],
                "{csv}"
            );
        }
    }

    #[test]
    fn letter_codes_are_dropped_but_order_nothing() {
        let (answers, coded) = stripped("q\nA) Yes\nB) No\nB) No\n");
        assert_eq!(answers, ["Yes", "No", "No"]);
        assert_eq!(coded[0].style, CodeStyle::Letter);
        assert!(coded[0].order.is_empty());
    }

    #[test]
    fn anchored_number_scales_keep_their_numbers() {
        let (answers, coded) = stripped("q\n8\nVery helpful10\n7\nNot helpful1\n8\n");
        assert_eq!(answers, ["8", "10", "7", "1", "8"]);
        assert_eq!(coded[0].order, ["1", "7", "8", "10"]);
    }

    #[test]
    fn ranges_plain_numbers_and_mixed_codes_are_left_alone() {
        for csv in [
            "q\n10-20\n1-5\n5-10\n",
            "q\n1\n2\n3\n",
            "q\nAgree (2)\nDisagree (2)\n",
            "q\nBus (1)\nCar\n",
            "q\nFeb 21\nAug 20\nJun 20\n2020\n",
            "q\nBus (1)\nCar\nWalk\nTrain\n",
        ] {
            let (_, coded) = stripped(csv);
            assert!(coded.is_empty(), "{csv}");
        }
    }
}
