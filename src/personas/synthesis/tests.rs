use super::*;
use crate::columns::{summarise, Role};
use crate::personas::evidence::{in_sections, z_score};
use crate::personas::QUOTES_SUGGESTED;
use crate::privacy::MIN_GROUP_SIZE;
use crate::segments::group_by;
use crate::survey::read_detected;
use time::macros::{date, datetime};

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

/// Rows of (lives_with, transport, diagnosis, comment), repeated `times`.
fn survey(rows: &[(&str, &str, &str, &str, usize)]) -> Survey {
    let mut csv = String::from("lives_with,transport,Diagnosis,Comments\n");
    for (lives, transport, diagnosis, comment, times) in rows {
        for i in 0..*times {
            csv.push_str(&format!(
                "{lives},{transport},{diagnosis},\"{comment} ({i})\"\n"
            ));
        }
    }
    read_detected(csv.as_bytes()).unwrap()
}

fn build(survey: &Survey) -> Synthesis {
    let summaries = summarise(survey);
    let grouping = group_by(survey, &summaries[0], MIN_GROUP_SIZE);
    personas_from_grouping(survey, &summaries, &grouping, MIN_GROUP_SIZE, NOW)
}

/// 40 respondents: 25 live with a partner (20 drive), 15 alone (12 take the bus).
fn clinic() -> Survey {
    survey(&[
        (
            "Partner",
            "Car",
            "Asthma",
            "The car park is always full on Mondays",
            20,
        ),
        (
            "Partner",
            "Bus",
            "Diabetes",
            "Evening appointments would help me a lot",
            5,
        ),
        (
            "Alone",
            "Bus",
            "Diabetes",
            "The bus takes an hour each way to get here",
            12,
        ),
        ("Alone", "Car", "Diabetes", "Short", 3),
    ])
}

#[test]
fn one_persona_per_large_group_with_size_and_share() {
    let personas = build(&clinic()).personas;
    let sizes: Vec<_> = personas
        .iter()
        .map(|p| (p.name.as_str(), p.segment.size, p.segment.share))
        .collect();
    assert_eq!(
        sizes,
        [
            ("Lives with a partner", 25, 0.625),
            ("Lives alone", 15, 0.375)
        ]
    );
    assert_eq!(personas[0].review_due, date!(2027 - 02 - 24));
    assert_eq!(personas[0].provenance.segment_count, 2);
    assert_eq!(personas[0].provenance.rows, 40);
    assert_eq!(personas[0].provenance.min_group_size, 11);
}

#[test]
fn traits_equal_direct_counts_and_hide_what_could_be_subtracted() {
    let personas = build(&clinic()).personas;
    let partner = &personas[0];
    // 20 of 25 drive; the other 5 take the bus: listing "Car" would leave 5 to be
    // worked out, so transport is not listed for this persona at all.
    assert!(partner.traits.iter().all(|t| t.attribute != "transport"));
    let alone = &personas[1];
    // 12 of 15 take the bus, 3 drive: same reasoning hides it.
    assert!(alone.traits.iter().all(|t| t.attribute != "transport"));
}

#[test]
fn listed_traits_are_direct_counts() {
    // 30 alone: 15 bus, 15 car; 30 partner: 20 car, 10 walk + 12 bus (all reportable).
    let survey = survey(&[
        ("Alone", "Bus", "-", "x", 15),
        ("Alone", "Car", "-", "x", 15),
        ("Partner", "Car", "-", "x", 20),
        ("Partner", "Bus", "-", "x", 12),
    ]);
    let personas = build(&survey).personas;
    let alone = personas
        .iter()
        .find(|p| p.name.starts_with("Lives alone"))
        .unwrap();
    let bus = alone.traits.iter().find(|t| t.value == "Bus").unwrap();
    // 15 of 30 living alone; 27 of 62 overall.
    assert_eq!((bus.n, bus.segment_pct, bus.overall_pct), (15, 50.0, 43.5));
    for p in &personas {
        assert!(p.traits.iter().all(|t| t.n >= MIN_GROUP_SIZE));
    }
}

#[test]
fn a_sensitive_answer_shared_by_the_whole_segment_is_withheld() {
    let built = build(&survey(&[
        ("Partner", "Car", "Asthma", "x", 20),
        ("Partner", "Car", "COPD", "x", 12),
        ("Alone", "Bus", "Diabetes", "x", 15),
    ]));
    // Everyone living alone has Diabetes: withheld. Partners differ: shown.
    assert_eq!(built.withheld.len(), 1);
    assert_eq!(
        built.withheld[0].persona_name,
        "Lives alone, travels by bus"
    );
    assert_eq!(built.withheld[0].item.value, "Diabetes");
    assert!(built.personas[1]
        .traits
        .iter()
        .all(|t| t.attribute != "Diagnosis"));
    assert!(built.personas[0].traits.iter().any(|t| t.value == "Asthma"));
    // Transport is not sensitive: shown even though everyone shares it.
    assert!(built.personas[1].traits.iter().any(|t| t.value == "Bus"));
}

#[test]
fn quotes_are_suggested_from_free_text_only_and_not_added() {
    let built = build(&clinic());
    assert!(built.personas.iter().all(|p| p.quotes.is_empty()));
    let alone_id = &built.personas[1].id;
    let alone: Vec<_> = built
        .quote_suggestions
        .iter()
        .filter(|q| &q.persona_id == alone_id)
        .collect();
    assert_eq!(alone.len(), QUOTES_SUGGESTED);
    assert!(alone.iter().all(|q| q.text.starts_with("The bus takes")));
    assert!(alone.iter().all(|q| q.question == "Comments"));
}

#[test]
fn ids_are_stable_and_distinct() {
    let (a, b) = (build(&clinic()).personas, build(&clinic()).personas);
    assert_eq!(a[0].id, b[0].id);
    assert_ne!(a[0].id, a[1].id);
    assert_eq!(a[0].id.len(), 32);
}

#[test]
fn a_question_everyone_answers_alike_gives_no_traits() {
    let built = build(&survey(&[
        ("Partner", "Car", "-", "x", 20),
        ("Alone", "Bus", "-", "x", 15),
    ]));
    assert!(built
        .personas
        .iter()
        .flat_map(|p| &p.traits)
        .all(|t| t.attribute != "Diagnosis"));
}

#[test]
fn multi_select_options_become_traits_when_both_sides_are_large() {
    let mut csv = String::from("lives_with,Channels\n");
    // Alone (31): 20 choose App and Text, 11 Phone only. Partner (30): 12 App, 18 Phone.
    for (lives, channels, times) in [
        ("Alone", "\"App, Text\"", 20),
        ("Alone", "Phone", 11),
        ("Partner", "App", 12),
        ("Partner", "\"Phone, Letter\"", 18),
    ] {
        csv.push_str(&format!("{lives},{channels}\n").repeat(times));
    }
    let survey = crate::columns::fold(
        read_detected(csv.as_bytes()).unwrap(),
        &Default::default(),
        &mut |_| {},
    )
    .0;
    let built = build(&survey);
    let alone = built
        .personas
        .iter()
        .find(|p| p.name.starts_with("Lives alone"))
        .unwrap();
    let listed: Vec<(&str, usize)> = alone
        .traits
        .iter()
        .filter(|t| t.attribute == "Channels")
        .map(|t| (t.value.as_str(), t.n))
        .collect();
    // Each option and its complement are at least 11, in the segment and overall;
    // the options that set the segment apart most come first.
    assert_eq!(listed, [("Text", 20), ("App", 20), ("Phone", 11)]);
    let app = alone.traits.iter().find(|t| t.value == "App").unwrap();
    assert_eq!((app.segment_pct, app.overall_pct), (64.5, 52.5));
    // Partner: App 12 of 30 (18 not), Phone and Letter 18 (12 not): all listed.
    let partner = built
        .personas
        .iter()
        .find(|p| p.name.starts_with("Lives with a partner"))
        .unwrap();
    assert_eq!(
        partner
            .traits
            .iter()
            .filter(|t| t.attribute == "Channels")
            .count(),
        3
    );
}

#[test]
fn strong_evidence_outranks_a_bigger_difference_on_few_people_and_sections_follow_roles() {
    use crate::personas::Trait;
    let t = |attribute: &str, role, n, segment_pct, overall_pct| Trait {
        attribute: attribute.into(),
        value: "yes".into(),
        segment_pct,
        overall_pct,
        n,
        role: Some(role),
        distinctive: false,
    };
    // 12 of a 12-person segment vs 300 of 900 in a 900-person one cannot be compared
    // directly; within one segment of 900 out of 5,000: 11 giving a rare answer (lift 5)
    // against 500 giving a common one (lift 1.3).
    let rare = t("Rare", Role::Behaviour, 11, 1.2, 0.24);
    let common = t("Common", Role::Behaviour, 500, 55.6, 42.2);
    let age = t("Age", Role::Demographic, 400, 44.4, 40.0);
    // Overall counts: 12, 2,110 and 2,000 of the 5,000.
    let scored = vec![
        (rare.clone(), z_score(11, 900, 12, 5000)),
        (common.clone(), z_score(500, 900, 2110, 5000)),
        (age.clone(), z_score(400, 900, 2000, 5000)),
    ];
    let ordered = in_sections(scored);
    let names: Vec<&str> = ordered.iter().map(|t| t.attribute.as_str()).collect();
    assert_eq!(names, ["Age", "Common", "Rare"]);
    assert!(rare.lift() > common.lift());
}

#[test]
fn the_summary_tells_the_standout_once_then_one_strong_answer_per_section() {
    let mut csv = String::from(
        "Age,How do you travel?,What makes it hard to attend?,Who do you live with?\n",
    );
    for i in 0..60 {
        let row = if i % 2 == 0 {
            "75–84,Bus,Transport,Alone"
        } else {
            "25–34,Car,Work hours,Family"
        };
        csv.push_str(row);
        csv.push('\n');
    }
    let survey = read_detected(csv.as_bytes()).unwrap();
    let summaries = summarise(&survey);
    let grouping = group_by(&survey, &summaries[3], MIN_GROUP_SIZE);
    let built = personas_from_grouping(&survey, &summaries, &grouping, MIN_GROUP_SIZE, NOW);
    let alone = built
        .personas
        .iter()
        .find(|p| p.name.starts_with("Lives alone"))
        .unwrap();
    let summary = &alone.summary;
    assert!(
        summary
            .starts_with("30 of 60 respondents (50%) answered “Alone” to “Who do you live with?”."),
        "{summary}"
    );
    assert_eq!(summary.matches("“75–84”").count(), 1, "{summary}");
    assert!(summary.contains("Obstacles: “Transport” for “What makes it hard to attend?” (100% of them, 50% overall)."), "{summary}");
    assert!(summary.contains("Behaviours: “Bus”"), "{summary}");
    // The rule library proposes the action for the transport barrier, with its evidence.
    assert!(alone
        .actions
        .iter()
        .any(|a| a.text.starts_with("Offer telehealth") && a.evidence.contains("“Transport”")));
}

#[test]
fn quotes_are_typical_sentences_never_repeated_and_never_placeholders() {
    let built = build(&survey(&[
        (
            "Partner",
            "Car",
            "-",
            "Parking is a nightmare. Same answer everywhere",
            20,
        ),
        (
            "Partner",
            "Car",
            "-",
            "You can call me on [phone] any time. Same answer everywhere",
            6,
        ),
        (
            "Alone",
            "Bus",
            "-",
            "The bus never comes on time. Same answer everywhere",
            15,
        ),
        (
            "Alone",
            "Bus",
            "-",
            "Same answer everywhere. Nothing else to add here",
            6,
        ),
    ]));
    let texts: Vec<&str> = built
        .quote_suggestions
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    let distinct: std::collections::HashSet<&str> = texts.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        texts.len(),
        "no quote twice in one build: {texts:?}"
    );
    assert!(texts.iter().all(|t| !t.contains("[phone]")), "{texts:?}");
    assert!(
        texts.iter().all(|t| !t.contains(". ")),
        "one sentence each: {texts:?}"
    );
    let first_of = |name: &str| {
        let id = &built
            .personas
            .iter()
            .find(|p| p.name.starts_with(name))
            .unwrap()
            .id;
        built
            .quote_suggestions
            .iter()
            .find(|q| &q.persona_id == id)
            .unwrap()
            .text
            .clone()
    };
    assert!(first_of("Lives alone").starts_with("The bus never comes on time"));
    assert!(first_of("Lives with a partner").starts_with("Parking is a nightmare"));
}
