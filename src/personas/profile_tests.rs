use super::*;
use crate::personas::names::{names_for, Generation, NameGender};

fn fact(question: &str, answer: &str, role: Role, share: f64, distinctive: bool) -> Fact {
    Fact {
        question: question.into(),
        answer: answer.into(),
        role: Some(role),
        share,
        overall: share / if distinctive { 2.0 } else { 1.0 },
        lift: if distinctive { 2.0 } else { 1.0 },
        distinctive,
        defining: false,
    }
}

/// The seed's example: a 65-year-old woman with diabetes, living alone, who can't get to
/// her appointments.
fn margaret() -> Vec<Fact> {
    vec![
        fact(
            "What is your gender?",
            "Female",
            Role::Demographic,
            82.0,
            true,
        ),
        fact("Age", "65–74", Role::Demographic, 61.0, true),
        fact(
            "Which conditions do you have?",
            "Diabetes",
            Role::Condition,
            55.0,
            true,
        ),
        fact(
            "Who do you live with?",
            "Alone",
            Role::Demographic,
            72.0,
            true,
        ),
        fact(
            "What most often stops you from attending care?",
            "Transport",
            Role::Barrier,
            48.0,
            true,
        ),
        fact(
            "What most often stops you from attending care?",
            "Cost",
            Role::Barrier,
            30.0,
            true,
        ),
        fact(
            "What most often stops you from attending care?",
            "Nothing",
            Role::Barrier,
            60.0,
            false,
        ),
        fact(
            "How would you prefer us to contact you?",
            "Phone",
            Role::ChannelPreference,
            58.0,
            true,
        ),
        fact(
            "What matters most to you?",
            "Seeing the same doctor",
            Role::Motivation,
            40.0,
            true,
        ),
        fact(
            "How do you travel to the clinic?",
            "Bus",
            Role::Behaviour,
            45.0,
            true,
        ),
    ]
}

#[test]
fn the_headline_names_the_defining_traits_in_plain_words() {
    let header = profile(&margaret(), 0, &[]);
    assert_eq!(
        header.headline,
        "A woman aged 65–74 with diabetes who lives alone and prefers a phone call; held back by transport."
    );
    let first = header.display_name.split(',').next().unwrap();
    assert!(names_for(NameGender::Female, Some(Generation::Older)).contains(&first));
    assert!(
        header
            .display_name
            .ends_with(", 65–74: lives alone, held back by transport"),
        "{}",
        header.display_name
    );
    assert_eq!(header.goals, ["Seeing the same doctor"]);
    assert_eq!(
        header.frustrations,
        ["Transport", "Cost"],
        "“Nothing” is no obstacle"
    );
}

#[test]
fn a_mixed_group_is_someone_and_weak_answers_stay_out() {
    let facts = vec![
        fact("Gender", "Female", Role::Demographic, 52.0, false),
        fact("Age", "25–34", Role::Demographic, 45.0, true),
        fact(
            "When suits you best?",
            "Evening",
            Role::ChannelPreference,
            20.0,
            true,
        ),
        fact(
            "Is getting here difficult?",
            "Yes",
            Role::Barrier,
            65.0,
            true,
        ),
    ];
    let header = profile(&facts, 3, &[]);
    assert_eq!(
        header.headline,
        "Someone aged 25–34; getting here difficult."
    );
    let first = header.display_name.split(',').next().unwrap();
    assert!(
        names_for(NameGender::Neutral, None).contains(&first),
        "{first}"
    );
    assert_eq!(header.frustrations, ["Getting here difficult"]);
}

#[test]
fn plain_names_never_hold_the_question_and_start_with_what_defines_them() {
    let mut facts = margaret();
    facts.insert(
        0,
        Fact {
            defining: true,
            share: 100.0,
            ..fact(
                "Who do you live with?",
                "Alone",
                Role::Demographic,
                100.0,
                true,
            )
        },
    );
    let name = plain_name(&facts);
    assert!(name.starts_with("Lives alone, "), "{name}");
    assert!(!name.contains("Who do you live with"), "{name}");
    let found = plain_name(&margaret());
    assert_eq!(found.split(", ").count(), 2, "{found}");
    let bands = vec![
        fact("Age", "75–84", Role::Demographic, 45.0, true),
        fact("Age", "65–74", Role::Demographic, 40.0, true),
        fact(
            "Who do you live with?",
            "Alone",
            Role::Demographic,
            60.0,
            true,
        ),
    ];
    assert_eq!(
        plain_name(&bands),
        "Aged 75–84, lives alone",
        "one phrase per question, its most common answer"
    );
    assert!(found.chars().next().unwrap().is_uppercase());
    assert_eq!(plain_name(&[]), "Respondents who answered alike");
}

#[test]
fn a_rule_reads_as_its_conditions() {
    let rule = Rule {
        conditions: vec![
            crate::segments::rules::Condition {
                question: "Age".into(),
                test: Test::AtLeast { number: 65.0 },
            },
            crate::segments::rules::Condition {
                question: "How would you like to hear from us?".into(),
                test: Test::Includes {
                    option: "Phone".into(),
                },
            },
        ],
    };
    let facts = facts(&[], Some(&rule), 30.0, |q| {
        Some(if q == "Age" {
            Role::Demographic
        } else {
            Role::ChannelPreference
        })
    });
    assert_eq!(plain_name(&facts), "Aged 65+, prefers a phone call");
}
