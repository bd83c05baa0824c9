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
/// band, a range of numbers ("18-29", "Less than 1 year", "$150,000+") or is a whole
/// number from 0 to 10; `None` otherwise.
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
    if let Some(order) = ranges_order(values) {
        return Some(order);
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

/// Ranges in the order of their lower bounds, when every answer is a range or bound of
/// numbers and at least one is a range ("1-5 years", "Under 18", "More than 20 years",
/// "$50,000 - $99,999", "None").
fn ranges_order(values: &[&str]) -> Option<Vec<String>> {
    let keys: Vec<(f64, bool)> = values.iter().map(|v| range_key(v)).collect::<Option<_>>()?;
    if !keys.iter().any(|(_, range)| *range) {
        return None;
    }
    let mut ordered: Vec<(f64, &str)> = keys
        .iter()
        .map(|k| k.0)
        .zip(values.iter().copied())
        .collect();
    ordered.sort_by(|a, b| a.0.total_cmp(&b.0));
    Some(ordered.into_iter().map(|(_, v)| v.to_string()).collect())
}

/// Where a range answer sorts (its lower bound, nudged for "under"/"over"), and whether
/// it is a range rather than one number.
fn range_key(value: &str) -> Option<(f64, bool)> {
    let text = value.trim().to_lowercase().replace(['$', '€', '£'], "");
    let number = |s: &str| -> Option<f64> {
        let s = s.trim();
        let s = s.split_whitespace().next()?; // "5 years" → "5"
        let thousands = s.split(',').skip(1).all(|g| g.len() == 3);
        let s = if thousands {
            s.replace(',', "")
        } else {
            s.to_string()
        };
        s.trim_end_matches('+')
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
    };
    const NUDGE: f64 = 1e-6;
    if text == "none" || text == "zero" {
        return Some((0.0, false));
    }
    for below in [
        "less than ",
        "fewer than ",
        "under ",
        "below ",
        "up to ",
        "<",
    ] {
        if let Some(rest) = text.strip_prefix(below) {
            return Some((number(rest)? - NUDGE, true));
        }
    }
    for above in ["more than ", "over ", "above ", ">", "≥"] {
        if let Some(rest) = text.strip_prefix(above) {
            return Some((number(rest)? + NUDGE, true));
        }
    }
    let first_word = text.split_whitespace().next().unwrap_or_default();
    if let Some(n) = first_word.strip_suffix('+').and_then(number) {
        return Some((n + NUDGE, true));
    }
    for suffix in [" or more", " and over", " and above", " or older"] {
        if let Some(n) = text.strip_suffix(suffix).and_then(number) {
            return Some((n + NUDGE, true));
        }
    }
    for dash in [" - ", "-", "–", " to "] {
        if let Some((from, to)) = text.split_once(dash) {
            let (from, _) = (number(from)?, number(to)?);
            return Some((from, true));
        }
    }
    number(&text).map(|n| (n, false))
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
    fn ranges_are_ordered_by_their_lower_bound() {
        assert_eq!(
            scale_order(&["45-60", "> 60", "18-29", "30-44"]).unwrap(),
            ["18-29", "30-44", "45-60", "> 60"]
        );
        assert_eq!(
            scale_order(&[
                "More than 20 years",
                "1-5 years",
                "Less than 1 year",
                "6-10 years"
            ])
            .unwrap(),
            [
                "Less than 1 year",
                "1-5 years",
                "6-10 years",
                "More than 20 years"
            ]
        );
        assert_eq!(
            scale_order(&["$150,000+", "$0 - $24,999", "$50,000 - $99,999"]).unwrap(),
            ["$0 - $24,999", "$50,000 - $99,999", "$150,000+"]
        );
        assert_eq!(
            scale_order(&["5-10", "None", "1-5", "10-20"]).unwrap(),
            ["None", "1-5", "5-10", "10-20"]
        );
        assert_eq!(scale_order(&["1-5", "Sometimes"]), None);
    }

    #[test]
    fn other_answers_are_no_scale() {
        assert_eq!(scale_order(&["Alone", "Partner"]), None);
        assert_eq!(scale_order(&["Agree", "Bus"]), None);
        assert_eq!(scale_order(&["Agree"]), None);
    }
}
