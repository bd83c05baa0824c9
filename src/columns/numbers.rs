//! Numbers as survey tools write them, and what may be said about a set of them without
//! resting on fewer than k respondents: quartiles with at least k answers on each side,
//! and histogram bins whose edges come from a round grid rather than anyone's answer.

use crate::privacy::generalise::CAPPED_AGE;

/// A number with at most this many distinct values may be listed as answers; more, and
/// it is summarised as a distribution (median, interquartile range, histogram).
pub const MAX_LISTED_NUMBERS: usize = 5;
/// A column is read as numbers when at least this share of its answers are numbers…
const NUMBER_SHARE: f64 = 0.8;
/// …and the other answers ("N/A", "Don't know") have at most this many spellings.
const MAX_OTHER_ANSWERS: usize = 3;
/// Bars in a histogram, at most.
pub const MAX_BINS: usize = 8;

/// A number as written in an export: `12`, `-3.5`, `.43`, or with a decimal comma as
/// European spreadsheets write it (`66,14`); `None` for anything else (including
/// "NaN" and "inf", which Rust would otherwise read).
pub fn parse_number(value: &str) -> Option<f64> {
    let text = value.trim();
    let parsed = match text.matches(',').count() {
        0 => text.parse::<f64>().ok(),
        1 if !text.contains('.') && !text.starts_with(',') && !text.ends_with(',') => {
            text.replacen(',', ".", 1).parse().ok()
        }
        _ => None,
    };
    parsed.filter(|n| n.is_finite() && text.chars().any(|c| c.is_ascii_digit()))
}

/// A number, or the capped age "90+" that stands for one.
pub fn is_number(value: &str) -> bool {
    parse_number(value).is_some() || value.trim() == CAPPED_AGE
}

/// Whether answers (distinct values with their counts) are numbers, allowing a few
/// non-number answers such as "N/A" or "Don't know" beside them.
pub fn are_numbers<'a>(counts: impl Iterator<Item = (&'a str, usize)>) -> bool {
    let (mut numbers, mut others, mut other_values) = (0, 0, 0);
    for (value, count) in counts {
        if is_number(value) {
            numbers += count;
        } else {
            others += count;
            other_values += 1;
        }
    }
    numbers > 0
        && other_values <= MAX_OTHER_ANSWERS
        && numbers as f64 >= NUMBER_SHARE * (numbers + others) as f64
}

/// The `p`-quantile (0–1) of ascending values, interpolated between neighbours (the
/// usual "type 7" definition); `None` for no values.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = p.clamp(0.0, 1.0) * last as f64;
    let (below, above) = (position.floor() as usize, position.ceil() as usize);
    let fraction = position - below as f64;
    Some(sorted[below] + (sorted[above] - sorted[below]) * fraction)
}

/// Whether the `p`-quantile of `n` answers may be shown: at least `k` answers lie at or
/// below it and at least `k` at or above it, so it describes a group, not a person.
pub fn quantile_rests_on_k(n: usize, p: f64, k: usize) -> bool {
    let below = (p * n as f64).floor() as usize;
    let above = ((1.0 - p) * n as f64).floor() as usize;
    below >= k && above >= k
}

/// Bin edges for a histogram of ascending values: a round grid (steps of 1, 2, 2.5 or 5
/// times a power of ten; whole steps for whole numbers) spanning the k-th smallest to
/// the k-th largest value. The first bin is open below and the last open above, so each
/// holds at least k answers and no edge is anyone's own answer. Returns the inner edges
/// (bins are "below the first", "between neighbours", "from the last"); empty when the
/// values are too few or too alike to draw more than one bar.
///
/// The `n` values are given by rank (`nth(0)` the smallest), so a caller holding them
/// tallied by distinct value ([`nth_tallied`]) need not spell out every answer.
pub fn bin_edges(n: usize, nth: impl Fn(usize) -> f64, k: usize, whole: bool) -> Vec<f64> {
    if k == 0 || n < 2 * k {
        return Vec::new();
    }
    let (low, high) = (nth(k - 1), nth(n - k));
    if high <= low {
        return Vec::new();
    }
    let step = nice_step((high - low) / (MAX_BINS - 2) as f64, whole);
    let first = (low / step).floor() * step + step;
    let mut edges = Vec::new();
    let mut edge = first;
    // The last edge is at or below the k-th largest value, so the open top bin holds ≥ k.
    while edge <= high && edges.len() < MAX_BINS - 1 {
        edges.push(tidy(edge));
        edge += step;
    }
    edges
}

/// The value of rank `rank` (0 = the smallest) among numbers tallied by distinct value
/// in ascending order, each with how many gave it: what indexing every answer, sorted,
/// would give. The last value when `rank` is past the end.
pub fn nth_tallied(sorted: &[(f64, usize)], rank: usize) -> f64 {
    let mut below = 0;
    for &(value, count) in sorted {
        below += count;
        if rank < below {
            return value;
        }
    }
    sorted.last().map_or(f64::NAN, |&(value, _)| value)
}

/// The smallest round step of at least `raw`: 1, 2, 2.5 or 5 times a power of ten
/// (whole numbers skip 2.5 and never go below 1).
fn nice_step(raw: f64, whole: bool) -> f64 {
    let raw = if whole {
        raw.max(1.0)
    } else {
        raw.max(f64::EPSILON)
    };
    let power = 10f64.powf(raw.log10().floor());
    let multiples: &[f64] = if whole && power < 10.0 {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    multiples
        .iter()
        .map(|m| m * power)
        .find(|step| *step >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// A grid value without floating-point dust (0.30000000000000004 → 0.3).
fn tidy(value: f64) -> f64 {
    (value * 1e9).round() / 1e9
}

/// Which bin (0 = below the first edge) a value falls in.
pub fn bin_of(value: f64, edges: &[f64]) -> usize {
    edges.partition_point(|&edge| edge <= value)
}

/// A number for people to read: whole numbers without decimals, others with at most two.
pub fn format_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if (rounded - rounded.round()).abs() < 1e-9 {
        format!("{}", rounded.round() as i64)
    } else {
        let text = format!("{rounded:.2}");
        text.trim_end_matches('0').to_string()
    }
}

/// The label of bin `index` of those `edges` make: "under 2", "2–3", "8 or more"; for
/// whole numbers the upper end is the last whole number inside ("2–3" for 2 to < 4).
pub fn bin_label(edges: &[f64], index: usize, whole: bool) -> String {
    let below = index.checked_sub(1).and_then(|i| edges.get(i)).copied();
    let above = edges.get(index).copied();
    match (below, above) {
        (None, Some(to)) => format!("under {}", format_number(to)),
        (Some(from), None) => format!("{} or more", format_number(from)),
        (Some(from), Some(to)) if whole && to - from <= 1.0 => format_number(from),
        (Some(from), Some(to)) if whole => {
            format!("{}–{}", format_number(from), format_number(to - 1.0))
        }
        (Some(from), Some(to)) => format!("{}–{}", format_number(from), format_number(to)),
        (None, None) => "all".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_as_exports_write_them() {
        assert_eq!(parse_number("12"), Some(12.0));
        assert_eq!(parse_number(" -3.5 "), Some(-3.5));
        assert_eq!(parse_number(".43"), Some(0.43));
        assert_eq!(parse_number("66,14"), Some(66.14));
        for text in ["", "NaN", "inf", "1,2,3", "1,5.0", "Agree", ",5", "5,"] {
            assert_eq!(parse_number(text), None, "{text}");
        }
        assert!(is_number("90+"));
    }

    #[test]
    fn a_few_non_number_answers_leave_a_column_numeric() {
        let mostly: Vec<(&str, usize)> = vec![("3", 40), ("5", 30), ("N/A", 5)];
        assert!(are_numbers(mostly.into_iter()));
        let words: Vec<(&str, usize)> = vec![("3", 4), ("Bus", 30)];
        assert!(!are_numbers(words.into_iter()));
    }

    #[test]
    fn quartiles_interpolate_and_need_k_answers_on_each_side() {
        let values: Vec<f64> = (1..=9).map(f64::from).collect();
        assert_eq!(quantile(&values, 0.5), Some(5.0));
        assert_eq!(quantile(&values, 0.25), Some(3.0));
        assert_eq!(quantile(&[], 0.5), None);
        assert!(quantile_rests_on_k(22, 0.5, 11));
        assert!(!quantile_rests_on_k(21, 0.5, 11));
        assert!(!quantile_rests_on_k(43, 0.25, 11));
        assert!(quantile_rests_on_k(44, 0.75, 11));
    }

    #[test]
    fn bins_lie_on_a_round_grid_inside_the_kth_values() {
        // 0..=99 visits, one outlier at 400: the outlier's value names no edge.
        let mut values: Vec<f64> = (0..100).map(f64::from).collect();
        values.push(400.0);
        let edges = bin_edges(values.len(), |r| values[r], 11, true);
        assert!(!edges.is_empty() && edges.len() < MAX_BINS);
        assert!(edges.iter().all(|e| e % 5.0 == 0.0), "{edges:?}");
        assert!(*edges.last().unwrap() <= values[values.len() - 11]);
        assert!(edges[0] > values[10]);
        let below_first = values.iter().filter(|&&v| bin_of(v, &edges) == 0).count();
        let top = values
            .iter()
            .filter(|&&v| bin_of(v, &edges) == edges.len())
            .count();
        assert!(below_first >= 11 && top >= 11, "{below_first} {top}");
        assert!(bin_edges(15, |r| values[r], 11, true).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn tallied_ranks_are_every_answer_sorted(
            mut tallied in proptest::collection::vec((0u16..300, 1usize..40), 1..60),
        ) {
            tallied.sort_unstable();
            tallied.dedup_by_key(|t| t.0);
            let tallied: Vec<(f64, usize)> =
                tallied.into_iter().map(|(v, n)| (f64::from(v) / 4.0, n)).collect();
            let every: Vec<f64> = tallied
                .iter()
                .flat_map(|&(v, n)| std::iter::repeat_n(v, n))
                .collect();
            for (rank, &value) in every.iter().enumerate() {
                proptest::prop_assert_eq!(nth_tallied(&tallied, rank), value);
            }
            proptest::prop_assert_eq!(
                bin_edges(every.len(), |r| nth_tallied(&tallied, r), 11, false),
                bin_edges(every.len(), |r| every[r], 11, false)
            );
        }
    }

    #[test]
    fn bins_are_labelled_for_people() {
        let edges = [2.0, 4.0, 6.0];
        let labels: Vec<String> = (0..=3).map(|i| bin_label(&edges, i, true)).collect();
        assert_eq!(labels, ["under 2", "2–3", "4–5", "6 or more"]);
        assert_eq!(bin_label(&[0.5, 1.0], 1, false), "0.5–1");
        assert_eq!(format_number(2.50), "2.5");
        assert_eq!(format_number(3.0), "3");
    }
}
