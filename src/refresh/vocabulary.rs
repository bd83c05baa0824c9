//! A kept persona in the words of a new wave. Each wave's answers are merged on their
//! own (`columns::normalise`): the spellings of one answer take the best-formed one *of
//! that wave*, so a label can change between waves ("Bus stop" → "Bus Stop") while the
//! answer has not. Before a refresh compares anything, every answer a kept persona names
//! — its traits, its rule, its class profile — is matched to the new wave's answer by
//! the same rules the merges use (the spelling key, and the category of a documented set
//! the new wave maps the question to, so "M" finds "Male"), and renamed to it. An
//! answer the new wave does not give at all keeps its name (and is then rightly counted
//! as given by nobody).

use super::KeptPersona;
use crate::columns::{category, spelling_key, AnswerSet, ColumnSummary, Merge, MergeReason};
use crate::segments::latent::ItemProfile;
use crate::segments::rules::Test;

/// How one question of the new wave names its answers.
struct Words<'a> {
    summary: &'a ColumnSummary,
    /// The documented set the new wave maps the question to, if any.
    set: Option<AnswerSet>,
}

impl Words<'_> {
    /// What the spellings of one answer share under this question's rules.
    fn key(&self, value: &str) -> String {
        self.set
            .and_then(|set| category(set, value))
            .map_or_else(|| spelling_key(value), spelling_key)
    }

    /// The new wave's name for `value`, when it names it otherwise.
    fn renamed(&self, value: &str) -> Option<String> {
        let answers = &self.summary.counts;
        if answers.iter().any(|a| a.value == value) {
            return None;
        }
        let key = self.key(value);
        answers
            .iter()
            .find(|a| self.key(&a.value) == key)
            .map(|a| a.value.clone())
    }
}

/// `persona` with every answer it names spoken as the new wave speaks it.
pub fn in_wave_terms(
    persona: &KeptPersona,
    summaries: &[ColumnSummary],
    merges: &[Merge],
) -> KeptPersona {
    let words = |question: &str| {
        let summary = summaries.iter().find(|s| s.name == question)?;
        let set = merges.iter().find_map(|m| match m.reason {
            MergeReason::Category { set } if m.column == question => Some(set),
            _ => None,
        });
        Some(Words { summary, set })
    };
    let rename = |question: &str, value: &mut String| {
        if let Some(new) = words(question).and_then(|w| w.renamed(value)) {
            *value = new;
        }
    };
    let mut next = persona.clone();
    for t in &mut next.traits {
        rename(&t.attribute, &mut t.value);
    }
    if let Some(rule) = &mut next.segment.definition {
        for condition in &mut rule.conditions {
            match &mut condition.test {
                Test::Is { value } => rename(&condition.question, value),
                Test::Includes { option } => rename(&condition.question, option),
                Test::AtLeast { .. } | Test::AtMost { .. } => {}
            }
        }
    }
    if let Some(profile) = &mut next.segment.class_profile {
        for item in &mut profile.items {
            match item {
                ItemProfile::Choice {
                    question, answers, ..
                } => {
                    for a in answers {
                        rename(question, &mut a.answer);
                    }
                }
                ItemProfile::Option {
                    question, option, ..
                } => rename(question, option),
                ItemProfile::Bands { .. } => {}
            }
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::{AnswerCount, ColumnKind, Role};

    fn summary(name: &str, answers: &[&str]) -> ColumnSummary {
        ColumnSummary {
            index: 0,
            name: name.into(),
            kind: ColumnKind::Categorical,
            answered: 100,
            counts: answers
                .iter()
                .map(|a| AnswerCount {
                    value: a.to_string(),
                    count: 50,
                })
                .collect(),
            scale: None,
            role: Role::Demographic,
            left_out: 0,
            part: None,
        }
    }

    fn by(summary: &ColumnSummary, set: Option<AnswerSet>) -> Words<'_> {
        Words { summary, set }
    }

    #[test]
    fn answers_are_renamed_by_spelling_and_by_category() {
        let gender = summary("Gender", &["Male", "Female"]);
        let stop = summary("Stop", &["Bus Stop", "Station"]);
        let merges = vec![Merge {
            column: "Gender".into(),
            into: "Male".into(),
            from: vec!["M".into()],
            reason: MergeReason::Category {
                set: AnswerSet::Gender,
            },
        }];
        let gender_words = by(&gender, Some(AnswerSet::Gender));
        assert_eq!(gender_words.renamed("M").as_deref(), Some("Male"));
        assert_eq!(gender_words.renamed("woman").as_deref(), Some("Female"));
        assert_eq!(gender_words.renamed("Male"), None, "already the new word");
        let stop_words = by(&stop, None);
        assert_eq!(stop_words.renamed("Bus stop").as_deref(), Some("Bus Stop"));
        assert_eq!(stop_words.renamed("Taxi rank"), None, "not given at all");
        // Without the category set, "M" is not "Male".
        assert_eq!(by(&gender, None).renamed("M"), None);
        // A persona's rule is renamed through the new wave's merges.
        let mut persona = crate::test_support::persona("p1", "Partner");
        persona.segment.definition = Some(crate::segments::rules::Rule {
            conditions: vec![crate::segments::rules::Condition {
                question: "Gender".into(),
                test: Test::Is { value: "M".into() },
            }],
        });
        let kept = KeptPersona::from(&persona);
        let renamed = in_wave_terms(&kept, &[gender.clone(), stop.clone()], &merges);
        let rule = renamed.segment.definition.unwrap();
        assert_eq!(
            rule.conditions[0].test,
            Test::Is {
                value: "Male".into()
            }
        );
    }
}
