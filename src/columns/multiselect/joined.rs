//! Check-all answers joined in one cell (`Mobile app,Email`, `App; Text;`, `A|B`, one
//! per line), recognised by evidence whatever tool wrote them: the cells are joins of a
//! small vocabulary of options that recur across respondents. Options that contain the
//! separator themselves are recovered from that vocabulary ([`options_of`]).

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use super::separator::{Separator, SEPARATORS};
use crate::columns::numbers::are_numbers;
use crate::survey::Answers;

/// A joined list with more distinct options than this is not one question.
const MAX_OPTIONS: usize = 40;
/// Distinct pieces a column may split into before it is taken for prose.
const MAX_PIECES: usize = 400;
/// At least this share of the answers hold several options…
const SEVERAL_SHARE: f64 = 0.1;
/// …and at most this share of the mentions are of options mentioned only once.
const MAX_ONE_OFF_SHARE: f64 = 0.2;
/// Space-joined choice names average at most this many per answer; more is prose.
const MAX_MEAN_NAMES: usize = 4;

/// The separator and each distinct answer's options, when `answers` are joined
/// check-all answers; `kobo` allows KoboToolbox's space-joined option names.
pub(super) fn detect(answers: &Answers, kobo: bool) -> Option<Joined> {
    let separators = kobo
        .then_some(Separator::Space)
        .into_iter()
        .chain(SEPARATORS);
    // Free text splits into more pieces than a question has options at every
    // separator, which a few of its answers show: no need to count them all.
    let counts = answers.counts();
    let given = || {
        answers
            .distinct()
            .iter()
            .zip(&counts)
            .filter(|&(_, &n)| n > 0)
            .map(|(a, _)| a.trim())
            .filter(|a| !a.is_empty())
    };
    if !separators.into_iter().any(|s| few_pieces(given(), s)) {
        return None;
    }
    let mut cells: FxHashMap<&str, usize> = FxHashMap::default();
    for (answer, n) in answers.tallied() {
        let answer = answer.trim();
        if !answer.is_empty() {
            *cells.entry(answer).or_default() += n;
        }
    }
    let answered: usize = cells.values().sum();
    if answered < 3 || are_numbers(cells.iter().map(|(v, c)| (*v, *c))) {
        return None;
    }
    let cells: Vec<(&str, usize)> = cells.into_iter().collect();
    if kobo && is_kobo_list(&cells, answered) {
        return evidence(Separator::Space, &cells, answered);
    }
    SEPARATORS
        .into_iter()
        .find_map(|separator| evidence(separator, &cells, answered))
}

/// Whether the answers split at `separator` give at most [`MAX_PIECES`] distinct
/// pieces (what [`evidence`] asks first); prose soon gives more.
fn few_pieces<'a>(answers: impl Iterator<Item = &'a str>, separator: Separator) -> bool {
    let mut distinct: FxHashSet<&str> = FxHashSet::default();
    for answer in answers {
        distinct.extend(separator.pieces(answer));
        if distinct.len() > MAX_PIECES {
            return false;
        }
    }
    true
}

/// Options found in a column's answers.
pub(super) struct Joined {
    pub separator: Separator,
    /// Each distinct (trimmed) answer's options, in the order written.
    pub options: FxHashMap<String, Vec<String>>,
}

/// The options of every cell split at `separator`, if they look like a check-all
/// question: several options in at least a tenth of the answers, drawn from a small
/// vocabulary whose options recur.
fn evidence(separator: Separator, cells: &[(&str, usize)], answered: usize) -> Option<Joined> {
    // Prose split at its commas soon gives more pieces than a question has options:
    // stop splitting then.
    let mut distinct: FxHashSet<&str> = FxHashSet::default();
    let mut split: Vec<Vec<&str>> = Vec::with_capacity(cells.len());
    for (cell, _) in cells {
        let parts = separator.pieces(cell);
        distinct.extend(parts.iter().copied());
        if distinct.len() > MAX_PIECES {
            return None;
        }
        split.push(parts);
    }
    if split.iter().all(|p| p.len() < 2) {
        return None;
    }
    let bindings = Bindings::of(&split);
    let whole: FxHashSet<&str> = cells.iter().map(|(cell, _)| *cell).collect();
    let glue = |list: bool| -> Vec<Vec<(usize, usize)>> {
        split
            .iter()
            .zip(cells)
            .map(|(pieces, (cell, _))| glued(cell, pieces, &bindings, &whole, list))
            .collect()
    };
    let mut spans = glue(false);
    // Some answers hold several options: a list, whose options start with a capital
    // ("App, Text"), while a phrase goes on in lower case ("Yes, in person").
    if spans.iter().any(|s| s.len() >= 2) {
        spans = glue(true);
    }
    let options: Vec<Vec<String>> = spans
        .iter()
        .zip(cells)
        .map(|(spans, (cell, _))| spans.iter().map(|&(a, b)| cell[a..b].to_string()).collect())
        .collect();
    let several: usize = options
        .iter()
        .zip(cells)
        .filter(|(o, _)| o.len() >= 2)
        .map(|(_, (_, n))| n)
        .sum();
    let mut mentions: FxHashMap<&str, usize> = FxHashMap::default();
    for (opts, (_, n)) in options.iter().zip(cells) {
        for option in opts {
            *mentions.entry(option.as_str()).or_default() += n;
        }
    }
    let total: usize = mentions.values().sum();
    let one_off = mentions.values().filter(|&&n| n == 1).count();
    let recurring = mentions.values().filter(|&&n| n >= 2).count();
    // Microsoft Forms ends every list with ";": that alone shows the answers are lists.
    let signed = separator == Separator::Semicolon && cells.iter().all(|(c, _)| c.ends_with(';'));
    let shared_vocabulary = recurring >= 2 && one_off as f64 <= MAX_ONE_OFF_SHARE * total as f64;
    let looks_like_options = several >= 1
        && (signed
            || (several >= 2
                && several as f64 >= SEVERAL_SHARE * answered as f64
                && shared_vocabulary))
        && (2..=MAX_OPTIONS).contains(&mentions.len());
    if !looks_like_options {
        return None;
    }
    let separator = match separator {
        Separator::Comma { .. } => Separator::Comma {
            space: spaced_joins(cells, &spans),
        },
        other => other,
    };
    Some(Joined {
        separator,
        options: cells
            .iter()
            .map(|(cell, _)| cell.to_string())
            .zip(options)
            .collect(),
    })
}

/// Where each piece of the column is found: what comes before and after it.
#[derive(Default)]
struct Bindings<'a> {
    /// Pieces seen at the start of an answer.
    starts: FxHashSet<&'a str>,
    /// Pieces seen at the end of an answer.
    ends: FxHashSet<&'a str>,
    /// Every piece seen right before each piece (`None`: at the start).
    before: FxHashMap<&'a str, FxHashSet<Option<&'a str>>>,
    /// Every piece seen right after each piece.
    after: FxHashMap<&'a str, FxHashSet<&'a str>>,
}

impl<'a> Bindings<'a> {
    fn of(split: &[Vec<&'a str>]) -> Self {
        let mut b = Bindings::default();
        for pieces in split.iter().filter(|p| !p.is_empty()) {
            b.starts.insert(pieces[0]);
            b.ends.insert(pieces[pieces.len() - 1]);
            b.before.entry(pieces[0]).or_default().insert(None);
            for pair in pieces.windows(2) {
                b.before.entry(pair[1]).or_default().insert(Some(pair[0]));
                b.after.entry(pair[0]).or_default().insert(pair[1]);
            }
        }
        b
    }

    /// Whether `first` and `next` may be parts of one option, the separator inside it:
    /// `next` only ever follows `first`, `first` never ends an answer (it needs more),
    /// and nothing that follows `first` stands as an option of its own (starts an
    /// answer). So "Yes, often" / "Yes, sometimes" stay whole, while "Text, Letter"
    /// (Text ends other answers) and "App, Letter" (App is also followed by Phone, an
    /// option of its own) split. [`glued`] also asks that the whole option be someone's
    /// whole answer.
    fn bound(&self, first: &str, next: &str) -> bool {
        let only_after_first = self
            .before
            .get(next)
            .is_some_and(|b| b.len() == 1 && b.contains(&Some(first)));
        only_after_first
            && !self.ends.contains(first)
            && self
                .after
                .get(first)
                .is_none_or(|after| after.iter().all(|a| !self.starts.contains(a)))
    }
}

/// Where a cell's options are (byte spans): its pieces, those bound together joined
/// again as written — when the joined option is also a whole answer somewhere (someone
/// chose it alone); otherwise its pieces stay apart. In a `list`, a piece starting with
/// a capital (other than the word "I") starts an option of its own.
fn glued(
    cell: &str,
    pieces: &[&str],
    bindings: &Bindings,
    whole: &FxHashSet<&str>,
    list: bool,
) -> Vec<(usize, usize)> {
    let continues = |next: &str| {
        let pronoun = next == "I"
            || next.starts_with("I ")
            || next.starts_with("I'")
            || next.starts_with("I’");
        !list || pronoun || !next.starts_with(char::is_uppercase)
    };
    let offset = |piece: &str| piece.as_ptr() as usize - cell.as_ptr() as usize;
    let span = |piece: &str| (offset(piece), offset(piece) + piece.len());
    let mut options = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        run.push(piece);
        if pieces
            .get(i + 1)
            .is_some_and(|n| bindings.bound(piece, n) && continues(n))
        {
            continue;
        }
        let joined = (span(run[0]).0, span(piece).1);
        if run.len() == 1 || whole.contains(&cell[joined.0..joined.1]) {
            options.push(joined);
        } else {
            options.extend(run.iter().map(|p| span(p)));
        }
        run.clear();
    }
    options
}

/// Whether most joins between options are written with a space (`, ` rather than `,`).
fn spaced_joins(cells: &[(&str, usize)], spans: &[Vec<(usize, usize)>]) -> bool {
    let (mut spaced, mut tight) = (0, 0);
    for ((cell, n), spans) in cells.iter().zip(spans) {
        for pair in spans.windows(2) {
            if cell[pair[0].1..pair[1].0].contains(' ') {
                spaced += n;
            } else {
                tight += n;
            }
        }
    }
    spaced >= tight
}

/// Whether the answers read as KoboToolbox choice names joined by single spaces: each a
/// lower-case name (letters, digits, `_`, `-`, `.`), none twice, a few per answer.
/// Sentences fail on their capitals, punctuation, repeated words or length.
fn is_kobo_list(cells: &[(&str, usize)], answered: usize) -> bool {
    let names = |cell: &str| {
        let mut seen = HashSet::new();
        cell.split(' ').all(|name| {
            !name.is_empty()
                && seen.insert(name)
                && name
                    .chars()
                    .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '.'))
        })
    };
    let tokens: usize = cells.iter().map(|(c, n)| c.split(' ').count() * n).sum();
    cells.iter().all(|(c, _)| names(c)) && tokens <= answered * MAX_MEAN_NAMES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options_of(cells: &[&str]) -> Option<(Separator, Vec<Vec<String>>)> {
        let answers: crate::survey::Answers = cells.iter().copied().collect();
        let joined = detect(&answers, false)?;
        let options = cells
            .iter()
            .map(|c| joined.options[c.trim()].clone())
            .collect();
        Some((joined.separator, options))
    }

    #[test]
    fn qualtrics_commas_without_spaces() {
        let cells = [
            "Mobile app,Email,Phone call",
            "Email",
            "Phone call,Letter",
            "Mobile app,Letter",
            "Email,Letter",
        ];
        let (separator, options) = options_of(&cells).unwrap();
        assert_eq!(separator, Separator::Comma { space: false });
        assert_eq!(options[0], ["Mobile app", "Email", "Phone call"]);
        assert_eq!(options[2], ["Phone call", "Letter"]);
    }

    #[test]
    fn options_with_the_separator_inside_are_kept_whole() {
        let anxiety = "Anxiety Disorder (Generalized, Social, Phobia, etc)";
        let mood = "Mood Disorder (Depression, Bipolar Disorder, etc)";
        let cells = [
            format!("{anxiety}|{mood}"),
            mood.to_string(),
            format!("{anxiety}|ADHD"),
            "ADHD".to_string(),
            format!("{mood}|ADHD"),
        ];
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let (separator, options) = options_of(&refs).unwrap();
        assert_eq!(separator, Separator::Pipe);
        assert_eq!(options[0], [anxiety, mood]);
        // The same options joined by ", " are recovered too.
        let cells: Vec<String> = cells.iter().map(|c| c.replace('|', ", ")).collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let (_, options) = options_of(&refs).unwrap();
        assert_eq!(options[2], [anxiety, "ADHD"]);
    }

    #[test]
    fn single_choices_with_commas_in_them_stay_whole() {
        let twitter = [
            "I use Twitter, follow the OHBM Twitter account, and occasionally see their tweets",
            "I use Twitter, follow the OHBM Twitter account, and regularly see their tweets",
            "I don’t use Twitter / NA",
            "Yes, often",
            "Yes, sometimes",
            "No",
        ];
        let mut cells = Vec::new();
        for _ in 0..5 {
            cells.extend(twitter);
        }
        assert!(options_of(&cells).is_none());
    }

    #[test]
    fn options_always_chosen_together_are_still_options_of_a_list() {
        let cells = ["App, Text", "Phone, Letter", "Phone", "App, Text", "Phone"];
        let (_, options) = options_of(&cells).unwrap();
        assert_eq!(options[0], ["App", "Text"]);
        let phrases = [
            "Yes, in person",
            "Email, Yes, in person",
            "Email",
            "Phone, Email",
        ];
        let (_, options) = options_of(&phrases).unwrap();
        assert_eq!(options[1], ["Email", "Yes, in person"]);
    }

    #[test]
    fn free_text_whose_options_are_unique_per_row_is_not_a_list() {
        let cells: Vec<String> = (0..30)
            .map(|i| format!("The bus was late {i} times, thanks"))
            .collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        assert!(options_of(&refs).is_none());
        assert!(options_of(&["66,14", "70,2", "81,5", "66,14"]).is_none());
        let incomes = [
            "$0 - $24,999",
            "$25,000 - $49,999",
            "$50,000 - $99,999",
            "$150,000+",
        ];
        assert!(options_of(&incomes.repeat(5)).is_none());
    }
}
