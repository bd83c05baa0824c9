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
use crate::survey::{Answers, Survey};

/// At most this many quotes are suggested per persona.
pub const QUOTES_SUGGESTED: usize = 3;
/// A suggested quote is a sentence of this many characters.
const QUOTE_LENGTH: std::ops::RangeInclusive<usize> = 20..=240;
/// Words shorter than this carry no meaning of their own here.
const MIN_WORD: usize = 4;
/// Answers per segment whose sentences are scored (all count towards the word shares).
const SCORED_ANSWERS: usize = 2_000;

/// A free-text column's content words, worked out once per distinct answer: each word
/// numbered, each distinct answer's words as numbers. Counting a segment's words is then
/// a tally of its members' answer codes, with no text looked at again.
#[derive(Debug, Default)]
struct ColumnWords {
    /// Each content word's number.
    numbers: FxHashMap<String, u32>,
    /// Distinct answer `code`'s word numbers: `words[starts[code]..starts[code + 1]]`.
    starts: Vec<usize>,
    words: Vec<u32>,
}

impl ColumnWords {
    fn of(answers: &Answers) -> Self {
        let mut column = ColumnWords::default();
        let mut theirs: Vec<u32> = Vec::new();
        for answer in answers.distinct() {
            column.starts.push(column.words.len());
            theirs.clear();
            each_content_word(answer, |word| {
                let number = match column.numbers.get(word) {
                    Some(&n) => n,
                    None => {
                        let n = column.numbers.len() as u32;
                        column.numbers.insert(word.to_string(), n);
                        n
                    }
                };
                theirs.push(number);
            });
            theirs.sort_unstable();
            theirs.dedup();
            column.words.extend_from_slice(&theirs);
        }
        column.starts.push(column.words.len());
        column
    }

    /// How many of `rows`' answers (each counted once) use each word, and how many are
    /// not blank.
    fn count(&self, answers: &Answers, rows: impl Iterator<Item = usize>) -> WordCounts {
        let mut per_code = vec![0usize; answers.distinct().len()];
        for row in rows {
            per_code[answers.codes()[row] as usize] += 1;
        }
        let mut counts = WordCounts {
            answers: 0,
            words: vec![0; self.numbers.len()],
        };
        for (code, &given) in per_code.iter().enumerate().filter(|(_, n)| **n > 0) {
            if answers.distinct()[code].trim().is_empty() {
                continue;
            }
            counts.answers += given;
            for &word in &self.words[self.starts[code]..self.starts[code + 1]] {
                counts.words[word as usize] += given;
            }
        }
        counts
    }

    /// The share of `counts`' answers using `word`, each smoothed by one.
    #[cfg(test)]
    fn share(&self, counts: &WordCounts, word: &str) -> f64 {
        share(counts, self.numbers.get(word).copied())
    }

    /// The distinct content words of `text` by number; a word the column never used (none
    /// of its answers' sentences has one) is `None`, once.
    fn numbered(&self, text: &str) -> Vec<Option<u32>> {
        let mut words: Vec<Option<u32>> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        each_content_word(text, |word| match self.numbers.get(word) {
            Some(&n) => words.push(Some(n)),
            None if !unknown.iter().any(|u| u == word) => unknown.push(word.to_string()),
            None => {}
        });
        words.sort_unstable();
        words.dedup();
        words.extend(unknown.iter().map(|_| None));
        words
    }
}

/// The share of `counts`' answers using the word numbered `word` (none for `None`), each
/// smoothed by one.
fn share(counts: &WordCounts, word: Option<u32>) -> f64 {
    let uses = word.map_or(0, |n| counts.words[n as usize]);
    (uses as f64 + 1.0) / (counts.answers as f64 + 1.0)
}

/// How many answers use each content word (by its number in [`ColumnWords`]).
#[derive(Debug)]
struct WordCounts {
    /// Answers that are not blank.
    answers: usize,
    words: Vec<usize>,
}

/// Each content word of a text, lower case, in order (a word may come more than once):
/// lowered into a new string only when it has a letter that is not lower case.
fn each_content_word(text: &str, mut visit: impl FnMut(&str)) {
    let words = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().count() >= MIN_WORD && !w.chars().all(|c| c.is_numeric()));
    for word in words {
        if word.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) {
            visit(word);
        } else {
            visit(&word.to_lowercase());
        }
    }
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
    columns: Vec<(&'a ColumnSummary, ColumnWords, WordCounts)>,
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
                let words = ColumnWords::of(answers);
                let everyone = words.count(answers, 0..answers.len());
                (s, words, everyone)
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
        for (summary, column, everyone) in &self.columns {
            let answers = &survey.columns()[summary.index].answers;
            let theirs = segment
                .members
                .iter()
                .map(|&row| answers[row].trim())
                .filter(|a| !a.is_empty());
            let segment_counts = column.count(answers, segment.members.iter().copied());
            for answer in theirs.take(SCORED_ANSWERS) {
                for sentence in sentences(answer) {
                    let words = column.numbered(sentence);
                    if words.is_empty() || self.offered.contains(sentence) {
                        continue;
                    }
                    let lift: f64 = words
                        .iter()
                        .map(|&w| {
                            let p = share(&segment_counts, w);
                            p * (p / share(everyone, w)).ln()
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
        let answers: Answers = [
            "The bus is always late",
            "Parking costs too much",
            "Parking is hard",
            "Staff were kind",
            "Another late bus",
            "",
        ]
        .into_iter()
        .collect();
        let column = ColumnWords::of(&answers);
        let everyone = column.count(&answers, 0..answers.len());
        let theirs = column.count(&answers, [0, 4, 5].into_iter());
        assert_eq!(
            (everyone.answers, theirs.answers),
            (5, 2),
            "blanks not counted"
        );
        let lift = |w: &str| (column.share(&theirs, w) / column.share(&everyone, w)).ln();
        assert!(lift("late") > 0.0);
        assert!(lift("parking") < 0.0);
    }
}
