//! Free-typed answers placed in a small documented set of categories: gender (Female,
//! Male, Non-binary or another gender, Prefer not to say), yes / no / not sure, and the
//! answers that are no answer (Prefer not to say, Not applicable). The tables are
//! docs/answers.md; an answer the tables do not place keeps its own words.

use serde::{Deserialize, Serialize};

/// A set of categories free-typed answers are mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerSet {
    Gender,
    YesNo,
    /// "Prefer not to say" and "Not applicable", in any question.
    NoAnswer,
}

impl AnswerSet {
    /// The set as the page names it.
    pub fn label(self) -> &'static str {
        match self {
            AnswerSet::Gender => "gender categories",
            AnswerSet::YesNo => "yes / no / not sure",
            AnswerSet::NoAnswer => "no-answer categories",
        }
    }
}

pub const FEMALE: &str = "Female";
pub const MALE: &str = "Male";
pub const ANOTHER_GENDER: &str = "Non-binary or another gender";
pub const PREFER_NOT: &str = "Prefer not to say";
pub const NOT_APPLICABLE: &str = "Not applicable";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const NOT_SURE: &str = "Not sure";
/// Rare answers a set does not place, grouped (docs/answers.md).
pub const ANOTHER_ANSWER: &str = "Another answer";

/// Whole answers (lower case, single spaces, no final full stop) that are no answer.
const NO_ANSWER: &[(&str, &[&str])] = &[
    (
        PREFER_NOT,
        &[
            "prefer not to say",
            "prefer not to answer",
            "prefer not to disclose",
            "prefer not to state",
            "i prefer not to say",
            "i'd prefer not to say",
            "i would prefer not to say",
            "rather not say",
            "i'd rather not say",
            "i would rather not say",
            "prefer not",
            "decline to answer",
            "decline to state",
            "declined",
            "decline",
            "no answer",
            "not telling",
        ],
    ),
    (
        NOT_APPLICABLE,
        &[
            "n/a",
            "n.a",
            "n. a",
            "not applicable",
            "does not apply",
            "doesn't apply",
        ],
    ),
];

/// Whole answers for yes / no / not sure.
const YES_NO: &[(&str, &[&str])] = &[
    (
        YES,
        &[
            "yes",
            "y",
            "yeah",
            "yep",
            "yup",
            "ya",
            "sure",
            "definitely",
            "absolutely",
            "of course",
            "ja",
            "oui",
            "si",
            "sí",
        ],
    ),
    (NO, &["no", "n", "nope", "nah", "nein", "non"]),
    (
        NOT_SURE,
        &[
            "maybe",
            "not sure",
            "unsure",
            "don't know",
            "dont know",
            "do not know",
            "i don't know",
            "i dont know",
            "dunno",
            "idk",
            "perhaps",
            "possibly",
            "uncertain",
            "undecided",
        ],
    ),
];

/// Words that name a gender; answers are read word by word.
const GENDER_WORDS: &[(&str, &[&str])] = &[
    (
        FEMALE,
        &[
            "f", "female", "woman", "women", "girl", "lady", "femme", "weiblich", "frau", "mujer",
            "femenino", "donna",
        ],
    ),
    (
        MALE,
        &[
            "m",
            "male",
            "man",
            "men",
            "guy",
            "boy",
            "männlich",
            "maennlich",
            "mann",
            "homme",
            "hombre",
            "masculino",
            "uomo",
        ],
    ),
    (
        ANOTHER_GENDER,
        &[
            "nonbinary",
            "nb",
            "enby",
            "agender",
            "genderqueer",
            "genderfluid",
            "bigender",
            "pangender",
            "demigender",
            "demigirl",
            "demiboy",
            "twospirit",
            "androgyne",
            "androgynous",
            "neutrois",
            "genderflux",
            "nonconforming",
            "divers",
            "other",
            "another",
        ],
    ),
];

/// Words that say nothing about which gender: "I identify as female", "Cis male",
/// "Woman (she/her)". Trans is among them only beside a gender ("Trans woman").
const GENDER_FILLERS: &[&str] = &[
    "i",
    "im",
    "i'm",
    "am",
    "a",
    "an",
    "as",
    "identify",
    "identifies",
    "identifying",
    "identity",
    "my",
    "gender",
    "is",
    "cis",
    "cisgender",
    "cisgendered",
    "person",
    "she",
    "her",
    "hers",
    "he",
    "him",
    "his",
    "they",
    "them",
    "theirs",
    "assigned",
    "at",
    "birth",
    "biological",
    "biologically",
    "trans",
    "transgender",
];

/// Words written apart that make one gender word ("non binary", "gender fluid").
const GENDER_PAIRS: &[(&str, &str, &str)] = &[
    ("non", "binary", "nonbinary"),
    ("gender", "queer", "genderqueer"),
    ("gender", "fluid", "genderfluid"),
    ("two", "spirit", "twospirit"),
    ("non", "conforming", "nonconforming"),
    ("something", "else", "another"),
];

/// Lower case, single spaces, curly apostrophes straightened, no final full stop.
fn folded(answer: &str) -> String {
    answer
        .replace('’', "'")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_string()
}

fn whole(table: &[(&'static str, &[&str])], folded: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(_, spellings)| spellings.contains(&folded))
        .map(|(category, _)| *category)
}

/// The category `answer` means in `set`, if the tables place it.
pub fn category(set: AnswerSet, answer: &str) -> Option<&'static str> {
    let folded = folded(answer);
    if let Some(no_answer) = whole(NO_ANSWER, &folded) {
        return Some(no_answer);
    }
    match set {
        AnswerSet::NoAnswer => None,
        AnswerSet::YesNo => whole(YES_NO, &folded),
        AnswerSet::Gender => gender(&folded),
    }
}

/// A gender answer read word by word: every word that names a gender names the same
/// one, and every other word is a filler. "Male to female" and "MtF" say Female; "Female
/// to male" and "FtM" say Male. A word one typing slip from a gender word counts as it.
fn gender(folded: &str) -> Option<&'static str> {
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    if ["male to female", "mtf", "m2f"]
        .iter()
        .any(|p| joined.contains(p))
    {
        return Some(FEMALE);
    }
    if ["female to male", "ftm", "f2m"]
        .iter()
        .any(|p| joined.contains(p))
    {
        return Some(MALE);
    }
    let mut found: Option<&'static str> = None;
    let mut i = 0;
    while i < words.len() {
        let pair = words.get(i + 1).and_then(|next| {
            GENDER_PAIRS
                .iter()
                .find(|(a, b, _)| *a == words[i] && b == next)
                .map(|(_, _, word)| *word)
        });
        let word = pair.unwrap_or(words[i]);
        i += if pair.is_some() { 2 } else { 1 };
        let word = word.replace('-', "");
        if GENDER_FILLERS.contains(&word.as_str()) {
            continue;
        }
        let category = whole(GENDER_WORDS, &word).or_else(|| near_gender_word(&word))?;
        if found.is_some_and(|f| f != category) {
            return None; // "male and female", "male leaning androgynous"
        }
        found = Some(category);
    }
    found
}

/// The gender word `word` is one slip from ("femake", "malr", "womna"): the nearest of
/// the longer gender words by optimal-string-alignment distance, 1 for words of up to
/// five letters and 2 for longer, when it is the only one that near.
fn near_gender_word(word: &str) -> Option<&'static str> {
    let length = word.chars().count();
    if length < 3 {
        return None;
    }
    let allowed = if length <= 5 { 1 } else { 2 };
    let mut best: Option<(usize, &'static str)> = None;
    let mut tied = false;
    for (category, spellings) in GENDER_WORDS {
        for spelling in spellings.iter().filter(|s| s.chars().count() >= 4) {
            let distance = strsim::osa_distance(word, spelling);
            if distance > allowed {
                continue;
            }
            match best {
                Some((d, c)) if d == distance && c != *category => tied = true,
                Some((d, _)) if d <= distance => {}
                _ => {
                    best = Some((distance, category));
                    tied = false;
                }
            }
        }
    }
    best.filter(|_| !tied).map(|(_, category)| category)
}

/// The share of a column's answers a set must place for the column to be mapped to it
/// (half when the question names the set, as "Gender" or "Sex" does).
const RECOGNISED_SHARE: f64 = 0.75;
const NAMED_SHARE: f64 = 0.5;

/// The set a column's free-typed answers belong to (`counts`: distinct answers and how
/// many gave each), if one places enough of them in two categories or more.
pub fn recognise<'a>(
    question: &str,
    counts: impl Iterator<Item = (&'a str, usize)> + Clone,
) -> Option<AnswerSet> {
    let header = folded(question);
    let names_gender = ["gender", "sex", "geschlecht", "sexe"].iter().any(|w| {
        header
            .split(|c: char| !c.is_alphanumeric())
            .any(|h| h == *w)
    });
    [AnswerSet::Gender, AnswerSet::YesNo]
        .into_iter()
        .find(|&set| {
            let (mut placed, mut total) = (0, 0);
            let mut categories = Vec::new();
            for (answer, count) in counts.clone() {
                total += count;
                if let Some(category) = category(set, answer) {
                    placed += count;
                    if !categories.contains(&category) {
                        categories.push(category);
                    }
                }
            }
            let share = if set == AnswerSet::Gender && names_gender {
                NAMED_SHARE
            } else {
                RECOGNISED_SHARE
            };
            categories.len() >= 2 && total > 0 && placed as f64 >= share * total as f64
        })
}

#[cfg(test)]
#[path = "categories_tests.rs"]
mod tests;
