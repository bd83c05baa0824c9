//! Rule-based segments: the respondents who meet every condition a user sets, such as
//! "Age at least 65 AND Conditions include Diabetes AND Who do you live with? is Alone".

use serde::{Deserialize, Serialize};

use crate::columns::{chosen, ColumnKind};
use crate::survey::Survey;

/// What a respondent's answer to one question must be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Test {
    /// The answer is exactly this.
    Is { value: String },
    /// A multi-select answer includes this option.
    Includes { option: String },
    /// A number (or an age band starting) at or above this.
    AtLeast { number: f64 },
    /// A number (or an age band ending) at or below this.
    AtMost { number: f64 },
}

/// The kinds of [`Test`], as the rule builder offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestKind {
    Is,
    Includes,
    AtLeast,
    AtMost,
}

impl TestKind {
    /// The tests a question of this kind can take, the usual one first.
    pub fn for_kind(kind: ColumnKind) -> &'static [TestKind] {
        match kind {
            ColumnKind::Categorical => &[TestKind::Is],
            ColumnKind::Scale => &[TestKind::Is, TestKind::AtLeast, TestKind::AtMost],
            ColumnKind::MultiSelect => &[TestKind::Includes],
            ColumnKind::Numeric => &[TestKind::AtLeast, TestKind::AtMost],
            _ => &[],
        }
    }

    /// Its words in a condition: "is", "at least"…
    pub fn label(self) -> &'static str {
        match self {
            TestKind::Is => "is",
            TestKind::Includes => "includes",
            TestKind::AtLeast => "at least",
            TestKind::AtMost => "at most",
        }
    }

    /// Whether it compares numbers (the answer is typed, not chosen).
    pub fn takes_number(self) -> bool {
        matches!(self, TestKind::AtLeast | TestKind::AtMost)
    }

    /// The test with what the user entered, or `None` when a number was needed and
    /// `entered` is not one.
    pub fn with(self, entered: &str) -> Option<Test> {
        let number = || entered.trim().parse().ok();
        Some(match self {
            TestKind::Is => Test::Is {
                value: entered.to_string(),
            },
            TestKind::Includes => Test::Includes {
                option: entered.to_string(),
            },
            TestKind::AtLeast => Test::AtLeast { number: number()? },
            TestKind::AtMost => Test::AtMost { number: number()? },
        })
    }
}

/// One condition of a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The question, by name.
    pub question: String,
    pub test: Test,
}

/// Conditions that must all hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub conditions: Vec<Condition>,
}

/// Why a rule cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum RuleError {
    #[error("Add at least one condition.")]
    Empty,
    #[error("The survey has no question “{0}”.")]
    UnknownQuestion(String),
}

impl Test {
    /// Which kind of test it is.
    pub fn kind(&self) -> TestKind {
        match self {
            Test::Is { .. } => TestKind::Is,
            Test::Includes { .. } => TestKind::Includes,
            Test::AtLeast { .. } => TestKind::AtLeast,
            Test::AtMost { .. } => TestKind::AtMost,
        }
    }
}

impl Condition {
    /// "Age at least 65", "Conditions include Diabetes"…
    pub fn describe(&self) -> String {
        let (q, test) = (&self.question, self.test.kind().label());
        match &self.test {
            Test::Is { value } => format!("{q} {test} {value}"),
            Test::Includes { option } => format!("{q} {test} {option}"),
            Test::AtLeast { number } | Test::AtMost { number } => format!("{q} {test} {number}"),
        }
    }

    fn holds(&self, answer: &str) -> bool {
        let answer = answer.trim();
        match &self.test {
            Test::Is { value } => answer == value.trim(),
            Test::Includes { option } => chosen(answer).any(|o| o == option.trim()),
            Test::AtLeast { number } => bounds(answer).is_some_and(|(low, _)| low >= *number),
            Test::AtMost { number } => bounds(answer).is_some_and(|(_, high)| high <= *number),
        }
    }
}

impl Rule {
    /// A rule of one condition.
    pub fn one(question: &str, test: Test) -> Self {
        Rule {
            conditions: vec![Condition {
                question: question.to_string(),
                test,
            }],
        }
    }

    /// The rule in words, conditions joined by AND.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self.conditions.iter().map(Condition::describe).collect();
        parts.join(" AND ")
    }

    /// The columns the rule reads, by index.
    pub fn columns(&self, survey: &Survey) -> Result<Vec<usize>, RuleError> {
        self.conditions
            .iter()
            .map(|c| {
                survey
                    .columns()
                    .iter()
                    .position(|col| col.name == c.question)
                    .ok_or_else(|| RuleError::UnknownQuestion(c.question.clone()))
            })
            .collect()
    }

    /// The respondents (row indices) who meet every condition.
    pub fn members(&self, survey: &Survey) -> Result<Vec<usize>, RuleError> {
        if self.conditions.is_empty() {
            return Err(RuleError::Empty);
        }
        let columns = self.columns(survey)?;
        Ok((0..survey.respondents())
            .filter(|&row| {
                self.conditions
                    .iter()
                    .zip(&columns)
                    .all(|(c, &col)| c.holds(&survey.columns()[col].answers[row]))
            })
            .collect())
    }
}

/// The range an answer stands for: a number, an age band "65–74", or "90+".
pub fn bounds(answer: &str) -> Option<(f64, f64)> {
    let number = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
    if let Some(n) = number(answer) {
        return Some((n, n));
    }
    if let Some(low) = answer.strip_suffix('+') {
        return Some((number(low)?, f64::INFINITY));
    }
    let (low, high) = answer.split_once(['–', '-'])?;
    Some((number(low)?, number(high)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::read_detected;

    #[test]
    fn every_condition_must_hold_and_bands_count_by_their_bounds() {
        // Options joined as the multi-select fold joins them (the reader drops U+001F).
        let survey = read_detected(
            "Age,Conditions,Lives\n65–74,Diabetes;Asthma,Alone\n90+,Diabetes,Alone\n55–64,Diabetes,Alone\n70,Asthma,Alone\n66,Diabetes,Partner\n"
                .as_bytes(),
        )
        .unwrap()
        .map_columns(|mut columns| {
            columns[1]
                .answers
                .rewrite(|answer| Some(answer.replace(';', "\u{1f}").into()));
            columns
        });
        let rule = Rule {
            conditions: vec![
                Condition {
                    question: "Age".into(),
                    test: Test::AtLeast { number: 65.0 },
                },
                Condition {
                    question: "Conditions".into(),
                    test: Test::Includes {
                        option: "Diabetes".into(),
                    },
                },
                Condition {
                    question: "Lives".into(),
                    test: Test::Is {
                        value: "Alone".into(),
                    },
                },
            ],
        };
        assert_eq!(rule.members(&survey).unwrap(), [0, 1]);
        assert_eq!(
            rule.describe(),
            "Age at least 65 AND Conditions includes Diabetes AND Lives is Alone"
        );
        let young = Rule {
            conditions: vec![Condition {
                question: "Age".into(),
                test: Test::AtMost { number: 64.0 },
            }],
        };
        assert_eq!(young.members(&survey).unwrap(), [2]);
        assert_eq!(Rule::default().members(&survey), Err(RuleError::Empty));
        let unknown = Rule {
            conditions: vec![Condition {
                question: "Name".into(),
                test: Test::Is { value: "x".into() },
            }],
        };
        assert!(matches!(
            unknown.members(&survey),
            Err(RuleError::UnknownQuestion(_))
        ));
    }

    #[test]
    fn each_kind_of_question_offers_its_tests_and_reads_what_was_entered() {
        assert_eq!(
            TestKind::for_kind(ColumnKind::MultiSelect),
            [TestKind::Includes]
        );
        assert!(TestKind::for_kind(ColumnKind::FreeText).is_empty());
        assert_eq!(
            TestKind::AtLeast.with(" 65 "),
            Some(Test::AtLeast { number: 65.0 })
        );
        assert_eq!(TestKind::AtMost.with("sixty"), None);
        let test = TestKind::Is.with("Alone").unwrap();
        assert_eq!(test.kind(), TestKind::Is);
    }
}
