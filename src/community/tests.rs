use super::*;
use crate::columns::summarise;
use crate::survey::{Answer, Answers, Column, Survey};

const K: usize = 11;

fn column(name: &str, answers: Vec<&str>) -> Column {
    Column {
        name: name.into(),
        answers: answers.into_iter().map(Answer::from).collect::<Answers>(),
    }
}

/// `n` respondents of each (gender, age band) pair given.
fn survey(cells: &[(&'static str, &'static str, usize)]) -> Survey {
    let (mut gender, mut age) = (vec![], vec![]);
    for &(g, a, n) in cells {
        gender.extend(std::iter::repeat_n(g, n));
        age.extend(std::iter::repeat_n(a, n));
    }
    Survey::new(
        vec![column("Gender", gender), column("Age", age)],
        "s".into(),
        vec![],
    )
}

fn profiled(survey: &Survey, text: &str) -> Result<(Vec<Margin>, Vec<String>), CommunityError> {
    margins(
        survey,
        &summarise(survey),
        &CommunityProfile::parse(text).unwrap(),
    )
}

#[test]
fn shares_are_read_as_reports_write_them() {
    let profile =
        CommunityProfile::parse("Category,Share\n75+, 12 %\nFemale;51,5\n\nAge\t65-74\t13\n")
            .unwrap();
    assert_eq!(profile.shares.len(), 3);
    assert_eq!(profile.shares[0].category, "75+");
    assert_eq!(profile.shares[0].percent, 12.0);
    assert_eq!(profile.shares[1].percent, 51.5);
    assert_eq!(profile.shares[2].question.as_deref(), Some("Age"));
    assert_eq!(
        CommunityProfile::parse("75+,12\nFemale,lots\n"),
        Err(CommunityError::Malformed { line: 2 })
    );
    assert_eq!(
        CommunityProfile::parse("Category,Share\n75+,112\n"),
        Err(CommunityError::Malformed { line: 2 })
    );
    assert_eq!(CommunityProfile::parse(" \n"), Err(CommunityError::Empty));
    assert_eq!(
        CommunityProfile::parse(&profile.to_text()).unwrap(),
        profile
    );
}

#[test]
fn open_top_bands_as_survey_tools_write_them_match_a_plus_band() {
    // SurveyMonkey's sample writes its oldest band "> 60".
    let s = survey(&[
        ("Female", "18-29", 20),
        ("Male", "> 60", 20),
        ("Female", "60 and over", 20),
    ]);
    let (margins, _) = profiled(&s, "18-59,70\n60+,30\n").unwrap();
    assert_eq!(margins[0].counts(), [20, 40]);
}

#[test]
fn age_bands_match_by_their_bounds_and_other_categories_by_the_answers() {
    let s = survey(&[
        ("Female", "18–24", 20),
        ("Male", "35–44", 20),
        ("Female", "65–74", 20),
        ("Male", "75–84", 20),
        ("Female", "90+", 20),
    ]);
    let (margins, unmatched) = profiled(
        &s,
        "Under 45,50\n45-64,20\n65-74,15\n75+,15\nfemale,52\nmale,47\nWelsh speakers,20\n",
    )
    .unwrap();
    assert_eq!(unmatched, ["Welsh speakers"]);
    let age = margins.iter().find(|m| m.question == "Age").unwrap();
    assert_eq!(age.counts(), [40, 0, 20, 40]);
    let gender = margins.iter().find(|m| m.question == "Gender").unwrap();
    assert_eq!(gender.counts(), [60, 40]);
    // 52 + 47 = 99: near enough to 100, and the targets are rescaled to sum to 1.
    assert!((gender.categories[0].1 - 52.0 / 99.0).abs() < 1e-12);

    assert_eq!(
        profiled(&s, "Under 45,50\n45-64,20\n65-74,15\n").unwrap_err(),
        CommunityError::SharesDoNotSum {
            question: "Age".into(),
            total_tenths: 850
        }
    );
    assert_eq!(
        profiled(&s, "Spanish,30\n").unwrap_err(),
        CommunityError::NothingMatched
    );
}

/// A worked example with an exact answer: when the respondents' two answers are
/// independent, raking's weight for each pair is the product of the two ratios of
/// target to respondent share (Bishop, Fienberg and Holland, 1975, the independence
/// model).
#[test]
fn raking_independent_margins_gives_the_product_of_the_ratios() {
    let s = survey(&[
        ("Female", "65–74", 25),
        ("Female", "18–24", 25),
        ("Male", "65–74", 25),
        ("Male", "18–24", 25),
    ]);
    let (margins, _) = profiled(&s, "Female,60\nMale,40\n65+,30\n18-64,70\n").unwrap();
    let w = rake(&margins, s.respondents()).unwrap();
    let expected = [
        (0, 1.2 * 0.6),  // female, older
        (25, 1.2 * 1.4), // female, younger
        (50, 0.8 * 0.6),
        (75, 0.8 * 1.4),
    ];
    for (row, want) in expected {
        assert!(
            (w.weights[row] - want).abs() < 1e-4,
            "row {row}: {} ≠ {want}",
            w.weights[row]
        );
    }
    let kish = 100.0_f64.powi(2)
        / (25.0 * (0.72f64.powi(2) + 1.68f64.powi(2) + 0.48f64.powi(2) + 1.12f64.powi(2)));
    assert!(
        (w.effective_n - kish).abs() < 0.01,
        "{} ≠ {kish}",
        w.effective_n
    );
    assert_eq!(w.capped, 0);
}

#[test]
fn raking_meets_every_margin_within_half_a_point_when_they_interact() {
    let s = survey(&[
        ("Female", "65–74", 60),
        ("Female", "18–24", 15),
        ("Male", "65–74", 10),
        ("Male", "18–24", 35),
        ("Female", "45–54", 30),
        ("Male", "45–54", 50),
    ]);
    let (margins, _) = profiled(&s, "Female,51\nMale,49\n65+,25\n45-64,35\n18-44,40\n").unwrap();
    let w = rake(&margins, s.respondents()).unwrap();
    for margin in &margins {
        let got = super::margins::weighted_shares(margin, &w.weights);
        for ((_, want), got) in margin.categories.iter().zip(got) {
            assert!(
                (got - want).abs() < 0.005,
                "{} {got} vs {want}",
                margin.question
            );
        }
    }
    let mean = w.weights.iter().sum::<f64>() / w.weights.len() as f64;
    assert!((mean - 1.0).abs() < 1e-9);
    assert!(w.effective_n < s.respondents() as f64);
}

#[test]
fn a_group_too_scarce_for_the_weight_caps_or_absent_is_refused() {
    // 12 of 300 respondents are 75+, the community 30 %: a weight of 7.5 would be needed.
    let s = survey(&[("Female", "75–84", 12), ("Female", "35–44", 288)]);
    let (margins, _) = profiled(&s, "75+,30\n18-74,70\n").unwrap();
    assert!(matches!(
        rake(&margins, 300),
        Err(CommunityError::NotConverged { .. })
    ));

    let s = survey(&[("Female", "35–44", 100)]);
    let (margins, _) = profiled(&s, "75+,30\n18-74,70\n").unwrap();
    assert_eq!(
        rake(&margins, 100).unwrap_err(),
        CommunityError::NoRespondents {
            question: "Age".into(),
            category: "75+".into()
        }
    );
}

#[test]
fn the_comparison_says_who_is_missing_and_hides_small_groups() {
    let s = survey(&[
        ("Female", "75–84", 6),
        ("Female", "35–44", 150),
        ("Male", "65–74", 44),
    ]);
    let (margins, _) = profiled(&s, "75+,12\n65-74,20\n18-64,68\n").unwrap();
    let shown = compare(&margins, None, K);
    let old = &shown[0];
    assert_eq!(old.respondents, Shown::Withheld, "6 respondents");
    assert!(old.under);
    // With one small group withheld, the next smallest is too (else 6 = 200 − 150 − 44).
    assert_eq!(shown[1].respondents, Shown::Withheld);
    assert_eq!(shown[2].respondents, Shown::Percent(75.0));
    assert!(!shown[2].under);

    let s = survey(&[("Female", "75–84", 8 * 5), ("Female", "35–44", 360)]);
    let (margins, _) = profiled(&s, "75+,12\n18-74,88\n").unwrap();
    let shown = compare(&margins, None, K);
    assert_eq!(
        shown[0].to_string(),
        "“75+” (Age) is 12 % of your catchment but 10 % of respondents"
    );
    assert!(!shown[0].under, "two points short is not flagged");
    let w = rake(&margins, 400).unwrap();
    let weighted = compare(&margins, Some(&w.weights), K);
    assert!((weighted[0].weighted_pct.unwrap() - 12.0).abs() < 0.5);
}
