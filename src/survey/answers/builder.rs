//! Filling a column's [`Answers`] as a reader goes through a file, each new answer
//! looked up once in a table of codes.

use hashbrown::HashTable;

use super::{code_of, hash, Answers};
use crate::survey::Answer;

/// Builds [`Answers`] one respondent at a time, as readers go through a file. Its look-up
/// table holds only codes (the answers themselves are held once, in the store), so a
/// free-text column is not held twice while it is read.
#[derive(Default)]
pub struct AnswersBuilder {
    answers: Answers,
    position: HashTable<u32>,
}

impl std::fmt::Debug for AnswersBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.answers.fmt(f)
    }
}

impl AnswersBuilder {
    /// Adds the next respondent's answer.
    pub fn push(&mut self, answer: Answer) {
        self.push_with(answer.as_str(), || answer.clone());
    }

    /// Adds the next respondent's answer, given as text.
    pub fn push_str(&mut self, answer: &str) {
        self.push_with(answer, || Answer::from(answer));
    }

    /// Makes room for `rows` respondents in all, so that a large file's columns are not
    /// grown (and copied, and their look-up rehashed, with no progress to report) while
    /// it is read: room for their codes and, in a column whose answers have mostly been
    /// new so far (free text), for as many more distinct answers at the same rate.
    pub fn expect(&mut self, rows: usize) {
        let so_far = self.answers.len();
        let more = rows.saturating_sub(so_far);
        self.answers.codes.reserve(more);
        let distinct = self.answers.values.len();
        if so_far > 0 && distinct * 2 > so_far {
            // In floating point: usize is 32 bits in wasm.
            let more_distinct = (more as f64 * distinct as f64 / so_far as f64) as usize;
            let values = &self.answers.values;
            self.position
                .reserve(more_distinct, |&code| hash(&values[code as usize]));
            self.answers.values.reserve(more_distinct);
        }
    }

    fn push_with(&mut self, text: &str, owned: impl FnOnce() -> Answer) {
        let code = code_of(&mut self.position, &mut self.answers.values, text, |_| {
            owned()
        });
        self.answers.codes.push(code);
    }

    /// The number of respondents added.
    pub fn len(&self) -> usize {
        self.answers.len()
    }

    /// Whether none was added.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// The answers added.
    pub fn finish(self) -> Answers {
        self.answers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_is_made_for_the_rows_to_come_and_for_free_text_answers() {
        let (mut choice, mut free) = (AnswersBuilder::default(), AnswersBuilder::default());
        for i in 0..100 {
            choice.push_str(["Bus", "Car"][i % 2]);
            free.push_str(&format!("Comment {i}"));
        }
        choice.expect(10_000);
        free.expect(10_000);
        assert!(choice.answers.codes.capacity() >= 10_000);
        assert!(choice.answers.values.capacity() < 100, "two answers so far");
        assert!(free.answers.values.capacity() >= 10_000);
        assert!(free.position.capacity() >= 10_000);
        free.push_str("Comment 3");
        free.push_str("Comment 100");
        let free = free.finish();
        assert_eq!(free.len(), 102);
        assert_eq!(free.distinct().len(), 101);
        assert_eq!(
            free.codes()[100],
            3,
            "an answer given before keeps its code"
        );
    }
}
