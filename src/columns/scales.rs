//! Ordered scales: Likert answers (agree/disagree, easy/difficult, comfortable,
//! interested, how often, satisfied, likely, important, good) and small integer scores
//! such as 0–10. A scale keeps its order wherever its answers are shown.

/// Known scales, each as (answer, rank) in folded form; equal ranks are synonyms.
const SCALES: &[&[(&str, u8)]] = &[
    &[
        ("strongly disagree", 0),
        ("disagree", 1),
        ("somewhat disagree", 2),
        ("slightly disagree", 2),
        ("neither agree nor disagree", 3),
        ("neutral", 3),
        ("somewhat agree", 4),
        ("slightly agree", 4),
        ("agree", 5),
        ("strongly agree", 6),
    ],
    &[
        ("very difficult", 0),
        ("difficult", 1),
        ("somewhat difficult", 2),
        ("neither easy nor difficult", 3),
        ("neutral", 3),
        ("somewhat easy", 4),
        ("easy", 5),
        ("very easy", 6),
    ],
    &[
        ("very uncomfortable", 0),
        ("uncomfortable", 1),
        ("somewhat uncomfortable", 2),
        ("neither comfortable nor uncomfortable", 3),
        ("neutral", 3),
        ("somewhat comfortable", 4),
        ("comfortable", 5),
        ("very comfortable", 6),
    ],
    &[
        ("not at all interested", 0),
        ("not very interested", 1),
        ("slightly interested", 2),
        ("somewhat interested", 3),
        ("moderately interested", 3),
        ("very interested", 4),
        ("extremely interested", 5),
    ],
    &[
        ("never", 0),
        ("rarely", 1),
        ("sometimes", 2),
        ("often", 3),
        ("very often", 4),
        ("always", 5),
    ],
    &[
        ("very dissatisfied", 0),
        ("dissatisfied", 1),
        ("somewhat dissatisfied", 2),
        ("neither satisfied nor dissatisfied", 3),
        ("neutral", 3),
        ("somewhat satisfied", 4),
        ("satisfied", 5),
        ("very satisfied", 6),
    ],
    &[
        ("very unlikely", 0),
        ("unlikely", 1),
        ("somewhat unlikely", 2),
        ("neither likely nor unlikely", 3),
        ("neutral", 3),
        ("somewhat likely", 4),
        ("likely", 5),
        ("very likely", 6),
    ],
    &[
        ("not at all important", 0),
        ("slightly important", 1),
        ("somewhat important", 2),
        ("moderately important", 2),
        ("very important", 3),
        ("extremely important", 4),
    ],
    &[
        ("very poor", 0),
        ("poor", 1),
        ("fair", 2),
        ("average", 2),
        ("good", 3),
        ("very good", 4),
        ("excellent", 5),
    ],
];

/// The answers in scale order, when every answer belongs to one known scale, is an age
/// band or is a whole number from 0 to 10; `None` otherwise.
pub fn scale_order(values: &[&str]) -> Option<Vec<String>> {
    if values.len() < 2 {
        return None;
    }
    let numbers: Option<Vec<u8>> = values.iter().map(|v| v.trim().parse::<u8>().ok()).collect();
    if let Some(numbers) = numbers.filter(|n| n.iter().all(|&n| n <= 10)) {
        let mut ordered: Vec<(u8, &str)> =
            numbers.into_iter().zip(values.iter().copied()).collect();
        ordered.sort();
        return Some(ordered.into_iter().map(|(_, v)| v.to_string()).collect());
    }
    let bands = crate::privacy::generalise::AGE_BANDS;
    let band_of = |v: &str| bands.iter().position(|(_, label)| *label == v.trim());
    if let Some(ranks) = values
        .iter()
        .map(|v| band_of(v))
        .collect::<Option<Vec<_>>>()
    {
        let mut ordered: Vec<(usize, &str)> =
            ranks.into_iter().zip(values.iter().copied()).collect();
        ordered.sort();
        return Some(ordered.into_iter().map(|(_, v)| v.to_string()).collect());
    }
    let folded: Vec<String> = values.iter().map(|v| v.trim().to_lowercase()).collect();
    SCALES.iter().find_map(|scale| {
        let ranks: Option<Vec<u8>> = folded
            .iter()
            .map(|f| {
                scale
                    .iter()
                    .find(|(answer, _)| answer == f)
                    .map(|(_, rank)| *rank)
            })
            .collect();
        let mut ordered: Vec<(u8, &str)> = ranks?.into_iter().zip(values.iter().copied()).collect();
        ordered.sort_by_key(|(rank, _)| *rank);
        Some(ordered.into_iter().map(|(_, v)| v.to_string()).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_likert_answers_whatever_order_they_come_in() {
        assert_eq!(
            scale_order(&["Agree", "Strongly disagree", "Neutral", "Strongly agree"]).unwrap(),
            ["Strongly disagree", "Neutral", "Agree", "Strongly agree"]
        );
        assert_eq!(
            scale_order(&["Easy", "Very difficult", "Somewhat easy"]).unwrap(),
            ["Very difficult", "Somewhat easy", "Easy"]
        );
        assert_eq!(
            scale_order(&["Often", "never", "Sometimes"]).unwrap(),
            ["never", "Sometimes", "Often"]
        );
    }

    #[test]
    fn age_bands_are_a_scale() {
        assert_eq!(
            scale_order(&["65–74", "18–24", "90+", "45–54"]).unwrap(),
            ["18–24", "45–54", "65–74", "90+"]
        );
    }

    #[test]
    fn orders_scores_from_zero_to_ten() {
        assert_eq!(
            scale_order(&["10", "7", "0", "9"]).unwrap(),
            ["0", "7", "9", "10"]
        );
        assert_eq!(scale_order(&["12", "3"]), None);
    }

    #[test]
    fn other_answers_are_no_scale() {
        assert_eq!(scale_order(&["Alone", "Partner"]), None);
        assert_eq!(scale_order(&["Agree", "Bus"]), None);
        assert_eq!(scale_order(&["Agree"]), None);
    }
}
