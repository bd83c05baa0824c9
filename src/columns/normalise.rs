//! Answers a person would treat as one — "Female", "female", "F", "Woman " — merged
//! into one spelling. Every merge is listed for the user, who can undo it.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

use crate::survey::{Answer, Column, Survey};

/// Columns with more distinct answers than this are free text: not merged.
const MAX_DISTINCT: usize = 60;

/// Spellings that mean the same answer, by their folded form.
const SYNONYMS: &[(&[&str], &str)] = &[
    (&["f", "female", "woman", "w", "femme"], "female"),
    (&["m", "male", "man", "homme"], "male"),
    (&["y", "yes", "yeah", "ja", "oui", "si", "sí"], "yes"),
    (&["n", "no", "nein", "non"], "no"),
];

/// Spellings of one answer merged into the most common of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Merge {
    pub column: String,
    /// The spelling kept.
    pub into: String,
    /// The other spellings, now counted as `into`.
    pub from: Vec<String>,
}

impl Merge {
    /// What identifies a merge for undoing: its column and kept spelling.
    pub fn key(&self) -> (String, String) {
        (self.column.clone(), self.into.clone())
    }
}

/// The survey with spellings merged, except the merges the user undid, and every merge
/// found (applied or not).
pub fn normalise(
    survey: Survey,
    undone: &HashSet<(String, String)>,
    progress: &mut dyn FnMut(usize),
) -> (Survey, Vec<Merge>) {
    let mut merges = Vec::new();
    let survey = survey.map_columns(|columns| {
        columns
            .into_iter()
            .enumerate()
            .map(|(index, mut column)| {
                progress(index);
                let found = merges_in(&column);
                for merge in &found {
                    if !undone.contains(&merge.key()) {
                        for answer in column.answers.iter_mut() {
                            if merge.from.iter().any(|f| f == answer.trim()) {
                                *answer = Answer::from(merge.into.as_str());
                            }
                        }
                    }
                }
                merges.extend(found);
                column
            })
            .collect()
    });
    (survey, merges)
}

/// Lower case, single spaces, no trailing full stop, synonyms folded.
fn fold(value: &str) -> String {
    let folded = value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase();
    SYNONYMS
        .iter()
        .find(|(spellings, _)| spellings.contains(&folded.as_str()))
        .map_or(folded, |(_, canonical)| canonical.to_string())
}

fn merges_in(column: &Column) -> Vec<Merge> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for answer in column
        .answers
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
    {
        *counts.entry(answer).or_default() += 1;
        if counts.len() > MAX_DISTINCT {
            return Vec::new(); // free text or codes: no spellings to merge
        }
    }
    let mut groups: HashMap<String, Vec<(&str, usize)>> = HashMap::new();
    for (&value, &count) in &counts {
        groups.entry(fold(value)).or_default().push((value, count));
    }
    let mut merges: Vec<Merge> = groups
        .into_values()
        .filter(|spellings| spellings.len() > 1)
        .map(|mut spellings| {
            // A clean spelling (no stray full stop or spaces) first, then the most
            // common, then the longer, then alphabetical.
            let clean = |v: &str| {
                v.split_whitespace().collect::<Vec<_>>().join(" ") == v && !v.ends_with('.')
            };
            spellings.sort_by(|a, b| {
                clean(b.0)
                    .cmp(&clean(a.0))
                    .then(b.1.cmp(&a.1))
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(a.0.cmp(b.0))
            });
            let into = spellings[0].0.to_string();
            let mut from: Vec<String> = spellings[1..].iter().map(|(v, _)| v.to_string()).collect();
            from.sort();
            Merge {
                column: column.name.clone(),
                into,
                from,
            }
        })
        .collect();
    merges.sort_by(|a, b| a.into.cmp(&b.into));
    merges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::read_detected;

    fn survey() -> Survey {
        let mut csv = String::from("Gender,Smoker,Comment\n");
        for (gender, smoker, times) in [
            ("Female", "Yes", 6),
            ("female", "yes", 2),
            ("F", "Y", 1),
            ("Woman ", "No", 1),
            ("Male", "No.", 5),
            ("M", "no", 1),
        ] {
            for i in 0..times {
                csv.push_str(&format!("{gender},{smoker},note {i}\n"));
            }
        }
        read_detected(csv.as_bytes()).unwrap()
    }

    #[test]
    fn merges_case_spacing_and_synonyms_into_the_commonest_spelling() {
        let (merged, merges) = normalise(survey(), &HashSet::new(), &mut |_| {});
        let gender: HashSet<&str> = merged.columns()[0]
            .answers
            .iter()
            .map(|a| a.as_str())
            .collect();
        assert_eq!(gender, ["Female", "Male"].into());
        let found: Vec<(String, String, Vec<String>)> = merges
            .iter()
            .map(|m| (m.column.clone(), m.into.clone(), m.from.clone()))
            .collect();
        assert!(found.contains(&(
            "Gender".into(),
            "Female".into(),
            vec!["F".into(), "Woman".into(), "female".into()]
        )));
        assert!(found.contains(&("Gender".into(), "Male".into(), vec!["M".into()])));
        assert!(found.contains(&(
            "Smoker".into(),
            "Yes".into(),
            vec!["Y".into(), "yes".into()]
        )));
        assert!(found.contains(&(
            "Smoker".into(),
            "No".into(),
            vec!["No.".into(), "no".into()]
        )));
    }

    #[test]
    fn an_undone_merge_leaves_its_spellings_apart() {
        let undone: HashSet<(String, String)> =
            [("Gender".to_string(), "Female".to_string())].into();
        let (merged, merges) = normalise(survey(), &undone, &mut |_| {});
        let gender: HashSet<&str> = merged.columns()[0]
            .answers
            .iter()
            .map(|a| a.as_str())
            .collect();
        assert_eq!(gender, ["Female", "female", "F", "Woman", "Male"].into());
        assert_eq!(merges.len(), 4, "undone merges are still listed");
    }

    #[test]
    fn free_text_is_left_alone() {
        let (merged, _) = normalise(survey(), &HashSet::new(), &mut |_| {});
        assert_eq!(merged.columns()[2].answers[0], "note 0");
    }
}
