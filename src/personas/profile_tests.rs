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
        everyone: None,
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
            everyone: None,
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

#[test]
fn nothing_in_the_way_is_no_obstacle_and_a_bare_obstacle_reads_as_a_sentence() {
    let nothing = [fact(
        "What makes it hard to attend appointments?",
        "Nothing makes it hard",
        Role::Barrier,
        70.0,
        true,
    )];
    let header = profile(&nothing, 1, &[]);
    assert!(
        !header.headline.contains("held back"),
        "{}",
        header.headline
    );
    assert!(header.frustrations.is_empty());
    let cost = [fact(
        "What makes it hard to attend appointments?",
        "Cost",
        Role::Barrier,
        70.0,
        true,
    )];
    assert_eq!(
        profile(&cost, 1, &[]).headline,
        "Someone held back by cost."
    );
}

#[test]
fn an_age_asked_as_a_number_gives_the_middle_half_of_their_ages() {
    use crate::personas::numbers::{Distribution, NumberTrait};
    let spread = |q1, q3| Distribution {
        n: 40,
        q1: Some(q1),
        median: Some((q1 + q3) / 2.0),
        q3: Some(q3),
        bins: Vec::new(),
    };
    let age = NumberTrait {
        attribute: "Age".into(),
        role: Some(Role::Demographic),
        segment: spread(67.6, 84.2),
        overall: spread(31.0, 70.0),
        edges: Vec::new(),
        whole: true,
        distinctive: true,
    };
    let fact = age_fact(&[age]).unwrap();
    assert_eq!(fact.answer, "68–84");
    assert_eq!(fact.everyone.as_deref(), Some("31–70"));
    let header = profile(&[fact], 1, &[]);
    assert!(
        header.headline.starts_with("Someone aged 68–84"),
        "{}",
        header.headline
    );
}

#[test]
fn household_income_is_not_whom_they_live_with() {
    let income = [fact(
        "What is your household income?",
        "$100,000 - $149,999",
        Role::Demographic,
        70.0,
        true,
    )];
    let header = profile(&income, 1, &[]);
    assert!(
        !header.headline.contains("lives with"),
        "{}",
        header.headline
    );
    assert!(
        !header.display_name.contains("lives with"),
        "{}",
        header.display_name
    );
}

/// How one distinctive answer (70 % of the segment) reads on the card.
fn said(question: &str, answer: &str, role: Role) -> String {
    super::super::phrases::phrase(&fact(question, answer, role, 70.0, true)).unwrap()
}

#[test]
fn yes_to_a_barrier_question_says_what_holds_them_back() {
    let said = |question: &str, role: Role| said(question, "Yes", role);
    let transport = "Is transport a barrier to getting to appointments?";
    // A transport question is also a travel one; its yes is no way of travelling.
    assert_eq!(said(transport, Role::Barrier), "held back by transport");
    assert_eq!(said(transport, Role::Behaviour), "held back by transport");
    assert_eq!(
        said("Does cost stop you from coming?", Role::Barrier),
        "held back by cost"
    );
    assert_eq!(
        said("Do you have diabetes?", Role::Condition),
        "has diabetes"
    );
}

#[test]
fn an_answer_in_the_first_person_is_quoted_not_put_after_a_verb() {
    let said = |answer: &str, role: Role| said("How do you hear from us?", answer, role);
    assert_eq!(
        said(
            "I get emails and occasionally read them",
            Role::ChannelPreference
        ),
        "says “I get emails and occasionally read them”"
    );
    assert_eq!(said("My work hours", Role::Barrier), "says “My work hours”");
    // Answers that are not sentences of their own still read after the verb.
    assert_eq!(
        said("Phone", Role::ChannelPreference),
        "prefers a phone call"
    );
    assert_eq!(said("Cost", Role::Barrier), "held back by cost");
}

#[test]
fn record_fields_are_said_as_what_the_records_show() {
    let said = |question: &str, answer: &str| {
        super::super::phrases::phrase(&fact(question, answer, Role::Record, 80.0, true))
    };
    assert_eq!(
        said("Records: Appointment status: No-show (rows)", "2").as_deref(),
        Some("no-show in 2 of their records")
    );
    assert_eq!(
        said("Records: Appointment status: No-show (rows)", "0"),
        None
    );
    assert_eq!(
        said("Records: rows per patient", "4").as_deref(),
        Some("4 records each")
    );
    assert_eq!(
        said("Records: Diagnosis", "Diabetes").as_deref(),
        Some("diabetes in the records")
    );
    assert_eq!(
        said("Records: Wait (days)", "5").as_deref(),
        Some("wait (days) 5 in the records")
    );
}
