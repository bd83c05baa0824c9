use std::collections::HashSet;

use super::*;
use crate::columns::categories::{ANOTHER_GENDER, FEMALE, MALE, PREFER_NOT};
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

fn merged(survey: Survey, undone: &BTreeSet<(String, String)>) -> (Survey, Vec<Merge>) {
    normalise(survey, undone, 11, &mut |_| {})
}

fn column_values(survey: &Survey, column: usize) -> HashSet<String> {
    survey.columns()[column]
        .answers
        .iter()
        .map(|a| a.to_string())
        .collect()
}

fn found(merges: &[Merge]) -> Vec<(String, String, Vec<String>)> {
    merges
        .iter()
        .map(|m| (m.column.clone(), m.into.clone(), m.from.clone()))
        .collect()
}

#[test]
fn free_typed_answers_map_to_the_documented_categories() {
    let (merged, merges) = merged(survey(), &BTreeSet::new());
    assert_eq!(
        column_values(&merged, 0),
        [FEMALE.to_string(), MALE.to_string()].into()
    );
    let found = found(&merges);
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
    let gender = merges.iter().find(|m| m.column == "Gender").unwrap();
    assert_eq!(
        gender.reason,
        MergeReason::Category {
            set: AnswerSet::Gender
        }
    );
}

#[test]
fn an_undone_merge_leaves_its_answers_apart() {
    let (_, merges) = merged(survey(), &BTreeSet::new());
    let female = merges.iter().find(|m| m.into == "Female").unwrap();
    let undone: BTreeSet<(String, String)> = [female.key()].into();
    let (merged, merges) = merged(survey(), &undone);
    let expected: HashSet<String> = ["Female", "female", "F", "Woman", "Male"]
        .map(String::from)
        .into();
    assert_eq!(column_values(&merged, 0), expected);
    assert_eq!(merges.len(), 4, "undone merges are still listed");
}

#[test]
fn a_merge_key_carries_no_answer() {
    let (_, merges) = merged(survey(), &BTreeSet::new());
    for merge in merges {
        let (column, answer) = merge.key();
        assert_eq!(column, merge.column);
        assert!(!answer.contains(&merge.into), "{answer}");
        assert_eq!(answer.len(), 17);
    }
}

#[test]
fn free_text_is_left_alone() {
    let (merged, _) = merged(survey(), &BTreeSet::new());
    assert_eq!(merged.columns()[2].answers[0], "note 0");
}

#[test]
fn a_merge_is_named_by_its_best_formed_spelling() {
    let best = |spellings: &[(&str, usize)]| best_formed(spellings);
    assert_eq!(best(&[("bus", 9), ("Bus", 2), ("BUS", 4)]), "Bus");
    assert_eq!(best(&[("car share", 5), ("car share.", 1)]), "Car share");
    assert_eq!(best(&[("iPhone", 1), ("iphone", 8)]), "iPhone");
    assert_eq!(best(&[("NHS App", 3), ("nhs app", 9)]), "NHS App");
    let mut csv = String::from("How do you travel?\n");
    for (answer, times) in [("bus", 20), ("Bus ", 3), ("car", 15), ("CAR", 2)] {
        csv.push_str(&format!("{answer}\n").repeat(times));
    }
    let (merged, merges) = merged(read_detected(csv.as_bytes()).unwrap(), &BTreeSet::new());
    let names: BTreeSet<&str> = merges.iter().map(|m| m.into.as_str()).collect();
    assert_eq!(names, ["Bus", "Car"].into());
    assert_eq!(
        column_values(&merged, 0),
        ["Bus".to_string(), "Car".to_string()].into()
    );
}

#[test]
fn rare_answers_no_category_takes_are_grouped() {
    let mut csv = String::from("What is your gender?\n");
    for (answer, times) in [
        ("Female", 30),
        ("woman", 5),
        ("Male", 25),
        ("Nonbinary", 6),
        ("Agender", 6),
        ("Prefer not to say", 12),
        ("Transgender", 12),
        ("asdf", 1),
        ("Attack helicopter", 2),
    ] {
        csv.push_str(&format!("{answer}\n").repeat(times));
    }
    let (merged, merges) = merged(read_detected(csv.as_bytes()).unwrap(), &BTreeSet::new());
    let expected: HashSet<String> = [
        FEMALE,
        MALE,
        ANOTHER_GENDER,
        PREFER_NOT,
        "Transgender",
        ANOTHER_ANSWER,
    ]
    .map(String::from)
    .into();
    assert_eq!(column_values(&merged, 0), expected);
    let rare = merges
        .iter()
        .find(|m| m.reason == MergeReason::Rare)
        .unwrap();
    assert_eq!(rare.from, ["Attack helicopter", "asdf"]);
}

#[test]
fn no_answers_merge_in_any_question_when_spelt_two_ways() {
    let mut csv = String::from("How do you travel?\n");
    for (answer, times) in [("Bus", 20), ("N/A", 3), ("n/a", 2), ("Car", 9)] {
        csv.push_str(&format!("{answer}\n").repeat(times));
    }
    let (merged, merges) = merged(read_detected(csv.as_bytes()).unwrap(), &BTreeSet::new());
    assert!(column_values(&merged, 0).contains("Not applicable"));
    assert_eq!(merges.len(), 1);
    let single = "Travel\nBus\nN/A\nCar\n";
    let (_, merges) = normalise(
        read_detected(single.as_bytes()).unwrap(),
        &BTreeSet::new(),
        11,
        &mut |_| {},
    );
    assert!(merges.is_empty(), "one spelling is left as written");
}
