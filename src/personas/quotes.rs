//! Quotes offered for a persona: single sentences from its people's free-text answers
//! (already scrubbed by the guard) that say what is typical of them rather than what is
//! merely long. A sentence scores by how typical and how over-represented its words are
//! in the persona's answers: the mean over its content words of p × ln(p / q), where p
//! is the share of the persona's answers using the word and q the share of everyone's
//! (each smoothed by one) — a word's contribution to the Kullback–Leibler divergence of
//! the persona's words from everyone's. None still holding a scrub placeholder or an
//! identifier is offered, and no sentence is offered to two personas of one build.

use rustc_hash::{FxHashMap, FxHashSet};

use super::QuoteSuggestion;
use crate::columns::{ColumnKind, ColumnSummary, Role};
use crate::privacy::patterns::contains_identifier;
use crate::privacy::scrub::PLACEHOLDERS;
use crate::segments::Segment;
use crate::survey::Survey;

/// At most this many quotes are suggested per persona.
pub const QUOTES_SUGGESTED: usize = 3;
/// A suggested quote is a sentence of this many characters.
const QUOTE_LENGTH: std::ops::RangeInclusive<usize> = 20..=240;
/// Words shorter than this carry no meaning of their own here.
const MIN_WORD: usize = 4;
/// Answers per segment whose sentences are scored (all count towards the word shares).
const SCORED_ANSWERS: usize = 2_000;

/// How often each content word appears in a free-text column's answers.
#[derive(Debug, Default)]
struct WordCounts {
    answers: usize,
    words: FxHashMap<String, usize>,
}

impl WordCounts {
    fn of<'a>(answers: impl Iterator<Item = &'a str>) -> Self {
        let mut counts = WordCounts::default();
        for answer in answers.filter(|a| !a.trim().is_empty()) {
            counts.answers += 1;
            for word in content_words(answer) {
                *counts.words.entry(word).or_default() += 1;
            }
        }
        counts
    }

    fn share(&self, word: &str) -> f64 {
        (self.words.get(word).copied().unwrap_or(0) as f64 + 1.0) / (self.answers as f64 + 1.0)
    }
}

/// The distinct content words of a text, lower case.
fn content_words(text: &str) -> FxHashSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().count() >= MIN_WORD && !w.chars().all(|c| c.is_numeric()))
        .map(str::to_lowercase)
        .collect()
}

/// The sentences of an answer.
fn sentences(answer: &str) -> impl Iterator<Item = &str> {
    answer
        .split_inclusive(['.', '!', '?', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Whether a sentence may be offered: the right length, no placeholder, no identifier.
fn offerable(sentence: &str) -> bool {
    QUOTE_LENGTH.contains(&sentence.chars().count())
        && !PLACEHOLDERS.iter().any(|p| sentence.contains(p))
        && !contains_identifier(sentence)
}

/// Free-text questions whose answers may be quoted, with everyone's word counts: worked
/// out once per build.
pub struct QuoteSources<'a> {
    columns: Vec<(&'a ColumnSummary, WordCounts)>,
    /// Sentences already offered to a persona of this build.
    offered: FxHashSet<String>,
}

impl<'a> QuoteSources<'a> {
    pub fn new(survey: &Survey, summaries: &'a [ColumnSummary]) -> Self {
        let columns = summaries
            .iter()
            .filter(|s| s.kind == ColumnKind::FreeText && s.role == Role::Quotes)
            .map(|s| {
                let answers = &survey.columns()[s.index].answers;
                (s, WordCounts::of(answers.iter().map(|a| a.as_str())))
            })
            .collect();
        QuoteSources {
            columns,
            offered: FxHashSet::default(),
        }
    }

    /// Up to [`QUOTES_SUGGESTED`] sentences typical of the segment's answers, best first.
    pub fn for_segment(
        &mut self,
        survey: &Survey,
        segment: &Segment,
        persona_id: &str,
    ) -> Vec<QuoteSuggestion> {
        let mut scored: Vec<(f64, &ColumnSummary, String)> = Vec::new();
        for (summary, everyone) in &self.columns {
            let answers = &survey.columns()[summary.index].answers;
            let theirs: Vec<&str> = segment
                .members
                .iter()
                .map(|&row| answers[row].trim())
                .filter(|a| !a.is_empty())
                .collect();
            let segment_counts = WordCounts::of(theirs.iter().copied());
            for answer in theirs.iter().take(SCORED_ANSWERS) {
                for sentence in sentences(answer) {
                    let words = content_words(sentence);
                    if words.is_empty() || self.offered.contains(sentence) {
                        continue;
                    }
                    let lift: f64 = words
                        .iter()
                        .map(|w| {
                            let p = segment_counts.share(w);
                            p * (p / everyone.share(w)).ln()
                        })
                        .sum::<f64>()
                        / words.len() as f64;
                    scored.push((lift, summary, sentence.to_string()));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
        let mut quotes: Vec<QuoteSuggestion> = Vec::new();
        for (_, summary, sentence) in scored {
            if quotes.len() == QUOTES_SUGGESTED {
                break;
            }
            // The identifier check (the costly part) runs only on sentences in the lead.
            if quotes.iter().any(|q| q.text == sentence) || !offerable(&sentence) {
                continue;
            }
            self.offered.insert(sentence.clone());
            quotes.push(QuoteSuggestion {
                persona_id: persona_id.to_string(),
                question: summary.name.clone(),
                text: sentence,
            });
        }
        quotes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_one_whole_sentence_without_placeholders() {
        let parts: Vec<&str> = sentences("The bus is late. I miss appointments! Why?").collect();
        assert_eq!(parts, ["The bus is late.", "I miss appointments!", "Why?"]);
        assert!(!offerable("You can call me on [phone] any time."));
        assert!(!offerable("Too short."));
        assert!(offerable("The bus never comes on time in winter."));
    }

    #[test]
    fn words_common_in_the_segment_and_rare_elsewhere_score_highest() {
        let everyone = WordCounts::of(
            [
                "The bus is always late",
                "Parking costs too much",
                "Parking is hard",
                "Staff were kind",
            ]
            .into_iter(),
        );
        let theirs = WordCounts::of(["The bus is always late", "Another late bus"].into_iter());
        let lift = |w: &str| (theirs.share(w) / everyone.share(w)).ln();
        assert!(lift("late") > 0.0);
        assert!(lift("parking") < 0.0);
    }
}
