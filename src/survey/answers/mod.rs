//! A column's answers, dictionary-encoded: each distinct answer held once (in the order
//! respondents first gave it) and a small integer per respondent. Choice questions — most
//! of a survey — have a handful of distinct answers, so a column of 100,000 answers is a
//! few strings and 400 KB of codes, and the stages that read or rewrite answers (the
//! guard, merged spellings, counts) do their work once per distinct answer.

use std::hash::BuildHasher;
use std::ops::Index;

use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::FxBuildHasher;

use super::Answer;

mod builder;
pub use builder::AnswersBuilder;

/// Every respondent's answer to one question ("" when unanswered), each distinct answer
/// held once.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    /// The distinct answers, in the order of the first respondent who gave each.
    values: Vec<Answer>,
    /// Per respondent, the position of their answer in `values`.
    codes: Vec<u32>,
}

impl Answers {
    /// The number of respondents.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether no respondent is held.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Each respondent's answer, in row order.
    pub fn iter(&self) -> Iter<'_> {
        self.into_iter()
    }

    /// Respondent `row`'s answer, if there is such a row.
    pub fn get(&self, row: usize) -> Option<&Answer> {
        self.codes.get(row).map(|&c| &self.values[c as usize])
    }

    /// The distinct answers, in first-given order (some may be given by no one after
    /// [`Answers::set`]; their [`Answers::counts`] are 0).
    pub fn distinct(&self) -> &[Answer] {
        &self.values
    }

    /// Per respondent, the position of their answer in [`Answers::distinct`].
    pub fn codes(&self) -> &[u32] {
        &self.codes
    }

    /// How many respondents gave each distinct answer.
    pub fn counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.values.len()];
        for &c in &self.codes {
            counts[c as usize] += 1;
        }
        counts
    }

    /// The distinct answers with how many gave each, in first-given order, given by
    /// at least one respondent.
    pub fn tallied(&self) -> impl Iterator<Item = (&Answer, usize)> + '_ {
        self.values
            .iter()
            .zip(self.counts())
            .filter(|&(_, n)| n > 0)
    }

    /// Rewrites answers by their distinct values: `change` is asked once per distinct
    /// answer and gives its replacement (`None` keeps it). Answers that become the same
    /// are held once again. Returns how many respondents' answers changed.
    pub fn rewrite(&mut self, change: impl FnMut(&Answer) -> Option<Answer>) -> usize {
        self.rewrite_reporting(change, &mut |_| {})
    }

    /// [`Answers::rewrite`], telling `progress` every [`CHANGES_PER_REPORT`] steps how
    /// far it is, out of twice the distinct answers: each is first changed, then held
    /// once again.
    pub fn rewrite_reporting(
        &mut self,
        mut change: impl FnMut(&Answer) -> Option<Answer>,
        progress: &mut dyn FnMut(usize),
    ) -> usize {
        let mut step = 0;
        let mut report = |step: &mut usize| {
            *step += 1;
            if step.is_multiple_of(CHANGES_PER_REPORT) {
                progress(*step);
            }
        };
        let replaced: Vec<Option<Answer>> = self
            .values
            .iter()
            .map(|v| {
                report(&mut step);
                change(v).filter(|new| new != v)
            })
            .collect();
        if replaced.iter().all(Option::is_none) {
            return 0;
        }
        let counts = self.counts();
        let changed = replaced
            .iter()
            .zip(&counts)
            .filter(|(r, _)| r.is_some())
            .map(|(_, n)| n)
            .sum();
        let old = std::mem::take(&mut self.values);
        let mut position = HashTable::with_capacity(old.len());
        let mut recode = Vec::with_capacity(old.len());
        for ((value, new), n) in old.into_iter().zip(replaced).zip(counts) {
            report(&mut step);
            let value = new.unwrap_or(value);
            if n == 0 {
                // Given by no one: not kept, and no code points at it.
                recode.push(0);
                continue;
            }
            recode.push(code_of(&mut position, &mut self.values, value, |v| v));
        }
        for c in &mut self.codes {
            *c = recode[*c as usize];
        }
        changed
    }

    /// Sets respondent `row`'s answer (for the rare single-cell repair: each call looks
    /// through the distinct answers).
    ///
    /// # Panics
    /// When there is no such row.
    pub fn set(&mut self, row: usize, answer: Answer) {
        let code = match self.values.iter().position(|v| *v == answer) {
            Some(code) => code,
            None => {
                self.values.push(answer);
                self.values.len() - 1
            }
        };
        self.codes[row] = code as u32;
    }

    /// The answers without the first `rows` respondents.
    pub fn without_first(&self, rows: usize) -> Answers {
        self.iter().skip(rows).cloned().collect()
    }

    /// Each respondent's answer as its own string.
    pub fn to_vec(&self) -> Vec<Answer> {
        self.iter().cloned().collect()
    }
}

impl Index<usize> for Answers {
    type Output = Answer;

    fn index(&self, row: usize) -> &Answer {
        &self.values[self.codes[row] as usize]
    }
}

impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Answers {}

impl<const N: usize> PartialEq<[&str; N]> for Answers {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.len() == N && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl PartialEq<[&str]> for Answers {
    fn eq(&self, other: &[&str]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

/// Steps of [`Answers::rewrite_reporting`] between two progress reports.
pub const CHANGES_PER_REPORT: usize = 2048;

/// The hash the look-up tables of codes use.
fn hash(text: &str) -> u64 {
    FxBuildHasher.hash_one(text)
}

/// The code of `answer` among `values`, looked up in `position` (a table of codes into
/// `values`); a new answer is added, made by `owned`, with the next code.
fn code_of<T: AsRef<str>>(
    position: &mut HashTable<u32>,
    values: &mut Vec<Answer>,
    answer: T,
    owned: impl FnOnce(T) -> Answer,
) -> u32 {
    let text = answer.as_ref();
    let entry = position.entry(
        hash(text),
        |&code| values[code as usize] == text,
        |&code| hash(&values[code as usize]),
    );
    match entry {
        Entry::Occupied(found) => *found.get(),
        Entry::Vacant(slot) => {
            let code = values.len() as u32;
            values.push(owned(answer));
            slot.insert(code);
            code
        }
    }
}

impl FromIterator<Answer> for Answers {
    fn from_iter<I: IntoIterator<Item = Answer>>(iter: I) -> Self {
        let mut builder = AnswersBuilder::default();
        for answer in iter {
            builder.push(answer);
        }
        builder.finish()
    }
}

impl<'a> FromIterator<&'a str> for Answers {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        let mut builder = AnswersBuilder::default();
        for answer in iter {
            builder.push_str(answer);
        }
        builder.finish()
    }
}

impl From<Vec<Answer>> for Answers {
    fn from(answers: Vec<Answer>) -> Self {
        answers.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = &'a Answer;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        Iter {
            values: &self.values,
            codes: self.codes.iter(),
        }
    }
}

/// The answers of [`Answers`] in row order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    values: &'a [Answer],
    codes: std::slice::Iter<'a, u32>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Answer;

    fn next(&mut self) -> Option<&'a Answer> {
        self.codes.next().map(|&c| &self.values[c as usize])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.codes.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.codes.next_back().map(|&c| &self.values[c as usize])
    }
}

impl ExactSizeIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn holds_every_answer_in_order(rows in proptest::collection::vec("[ab ]{0,2}", 0..60)) {
            let answers: Answers = rows.iter().map(String::as_str).collect();
            prop_assert_eq!(answers.len(), rows.len());
            prop_assert!(answers.iter().map(|a| a.as_str()).eq(rows.iter().map(String::as_str)));
            let distinct: rustc_hash::FxHashSet<&str> = rows.iter().map(String::as_str).collect();
            prop_assert_eq!(answers.distinct().len(), distinct.len());
        }

        #[test]
        fn rewrites_as_cell_by_cell(rows in proptest::collection::vec("[abc]{0,2}", 0..60)) {
            let mut answers: Answers = rows.iter().map(String::as_str).collect();
            let change = |a: &str| a.contains('a').then(|| Answer::from(a.replace('a', "b")));
            let changed = answers.rewrite(|a| change(a));
            let expected: Vec<String> = rows.iter().map(|r| change(r).map_or(r.clone(), |a| a.to_string())).collect();
            prop_assert!(answers.iter().map(|a| a.as_str()).eq(expected.iter().map(String::as_str)));
            prop_assert_eq!(changed, rows.iter().filter(|r| r.contains('a')).count());
            let distinct: rustc_hash::FxHashSet<&str> = expected.iter().map(String::as_str).collect();
            prop_assert_eq!(answers.distinct().len(), distinct.len());
            // First-given order is kept.
            let mut seen = Vec::new();
            for e in &expected {
                if !seen.contains(&e.as_str()) {
                    seen.push(e.as_str());
                }
            }
            prop_assert!(answers.distinct().iter().map(|a| a.as_str()).eq(seen));
        }
    }

    #[test]
    fn set_changes_one_row() {
        let mut answers: Answers = ["a", "b", "a"].into_iter().collect();
        answers.set(1, "a".into());
        answers.set(2, "c".into());
        assert_eq!(answers.to_vec(), ["a", "a", "c"]);
        assert_eq!(
            answers.tallied().map(|(_, n)| n).collect::<Vec<_>>(),
            [2, 1]
        );
    }
}
