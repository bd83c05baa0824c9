use super::*;

#[test]
fn gender_answers_are_read_word_by_word() {
    let cases = [
        ("Female", FEMALE),
        ("f", FEMALE),
        ("Woman", FEMALE),
        ("I identify as female.", FEMALE),
        ("Female (cis)", FEMALE),
        ("cis-female", FEMALE),
        ("Trans woman", FEMALE),
        ("Male to female", FEMALE),
        ("Femake", FEMALE),
        ("Male", MALE),
        ("M", MALE),
        ("Cis male", MALE),
        ("Male (cis)", MALE),
        ("Malr", MALE),
        ("msle", MALE),
        ("Trans man", MALE),
        ("FtM", MALE),
        ("Nonbinary", ANOTHER_GENDER),
        ("Non-binary", ANOTHER_GENDER),
        ("non binary", ANOTHER_GENDER),
        ("Agender", ANOTHER_GENDER),
        ("Gender fluid", ANOTHER_GENDER),
        ("Genderqueer", ANOTHER_GENDER),
        ("Prefer not to say", PREFER_NOT),
        ("I'd rather not say", PREFER_NOT),
    ];
    for (answer, expected) in cases {
        assert_eq!(
            category(AnswerSet::Gender, answer),
            Some(expected),
            "{answer}"
        );
    }
    for unplaced in [
        "male and female",
        "Transgender",
        "she/her",
        "fmale",
        "asdf",
        "Guy (-ish) ^_^",
    ] {
        assert_eq!(category(AnswerSet::Gender, unplaced), None, "{unplaced}");
    }
}

#[test]
fn yes_no_and_no_answers() {
    assert_eq!(category(AnswerSet::YesNo, "Yeah"), Some(YES));
    assert_eq!(category(AnswerSet::YesNo, "nope."), Some(NO));
    assert_eq!(category(AnswerSet::YesNo, "Don’t know"), Some(NOT_SURE));
    assert_eq!(category(AnswerSet::YesNo, "N/A"), Some(NOT_APPLICABLE));
    assert_eq!(category(AnswerSet::YesNo, "Yes, often"), None);
    assert_eq!(
        category(AnswerSet::NoAnswer, "Rather not say"),
        Some(PREFER_NOT)
    );
    assert_eq!(category(AnswerSet::NoAnswer, "Bus"), None);
}

#[test]
fn a_column_is_mapped_when_a_set_places_most_of_it() {
    let genders = [("Male", 10), ("female", 8), ("M", 3), ("asdf", 1)];
    assert_eq!(
        recognise("Q5", genders.into_iter()),
        Some(AnswerSet::Gender)
    );
    let yes_no = [("Yes", 10), ("no", 8), ("Y", 3)];
    assert_eq!(
        recognise("Do you drive?", yes_no.into_iter()),
        Some(AnswerSet::YesNo)
    );
    let sizes = [("S", 10), ("M", 8), ("L", 3)];
    assert_eq!(recognise("Size", sizes.into_iter()), None);
    let travel = [("Bus", 10), ("Car", 8), ("N/A", 3)];
    assert_eq!(recognise("Travel", travel.into_iter()), None);
    let named = [("Male", 5), ("Woman", 5), ("asdf", 4), ("qwerty", 4)];
    assert_eq!(
        recognise("What is your gender?", named.into_iter()),
        Some(AnswerSet::Gender)
    );
}
