//! Small-cell disclosure control: which counts may be listed beside a total without
//! letting anyone work out a count under the minimum group size by subtraction.

/// Picks the answers that may be listed, keeping their order, at most `max`.
///
/// `counts[i][t]` is answer `i`'s count in table `t` (for instance the segment and all
/// respondents) and `totals[t]` that table's total. Every listed count is at least `k`
/// in every table, and in every table the part not listed is 0 or at least `k`: when it
/// is not, the smallest listed answer is moved to the unlisted part until it is.
pub fn listable<const T: usize>(
    counts: &[[usize; T]],
    totals: [usize; T],
    k: usize,
    max: usize,
) -> Vec<usize> {
    let mut listed: Vec<usize> = (0..counts.len())
        .filter(|&i| counts[i].iter().all(|&c| c >= k))
        .take(max)
        .collect();
    loop {
        let hidden_too_small = (0..T).any(|t| {
            let shown: usize = listed.iter().map(|&i| counts[i][t]).sum();
            let rest = totals[t].saturating_sub(shown);
            rest > 0 && rest < k
        });
        if !hidden_too_small {
            return listed;
        }
        // Drop the smallest listed answer (by its first-table count).
        let Some(position) = (0..listed.len()).min_by_key(|&p| counts[listed[p]][0]) else {
            return listed;
        };
        listed.remove(position);
    }
}

/// How many respondents answered a question, worded so the unanswered count is never
/// revealed when it is under `k`.
pub fn answered_label(answered: usize, respondents: usize, k: usize) -> String {
    let unanswered = respondents.saturating_sub(answered);
    if answered > 0 && answered < k {
        format!("<{k}")
    } else if unanswered > 0 && unanswered < k {
        format!("all but <{k}")
    } else {
        answered.to_string()
    }
}

/// The share of respondents who left a question blank, worded so that neither the
/// blank count nor the answered count is revealed when it is under `k`.
pub fn missing_label(answered: usize, respondents: usize, k: usize) -> String {
    let unanswered = respondents.saturating_sub(answered);
    if unanswered == 0 {
        "none missing".to_string()
    } else if unanswered < k {
        format!("under {k} missing")
    } else if answered > 0 && answered < k {
        format!("all but under {k} missing")
    } else {
        format!(
            "{:.0}% missing",
            100.0 * unanswered as f64 / respondents as f64
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_large_answers_when_the_rest_is_large_or_empty() {
        // 60 + 40 + 30 listed, 12 hidden (two small answers together).
        assert_eq!(
            listable(&[[60], [40], [30], [7], [5]], [142], 11, 3),
            [0, 1, 2]
        );
        assert_eq!(listable(&[[60], [40]], [100], 11, 3), [0, 1]);
    }

    #[test]
    fn never_lets_a_small_remainder_be_subtracted() {
        // Yes 130 of 135: listing it would reveal No = 5, so nothing is listed.
        assert_eq!(listable(&[[130], [5]], [135], 11, 3), Vec::<usize>::new());
        // Listing A and B would leave 6 hidden; dropping B leaves 26 hidden.
        assert_eq!(listable(&[[50], [20], [6]], [76], 11, 3), [0]);
        // The check holds in every table: the segment is fine, the overall rest is 4.
        assert_eq!(listable(&[[30, 100], [15, 40]], [60, 144], 11, 3), [0]);
    }

    #[test]
    fn every_listed_count_and_every_remainder_is_zero_or_at_least_k() {
        for a in 0..40 {
            for b in 0..40 {
                for c in 0..15 {
                    let counts = [[a], [b], [c]];
                    let total = a + b + c;
                    if total < 11 {
                        continue; // a total under k is itself never shown
                    }
                    let listed = listable(&counts, [total], 11, 2);
                    let shown: usize = listed.iter().map(|&i| counts[i][0]).sum();
                    let rest = total - shown;
                    assert!(rest == 0 || rest >= 11, "{a} {b} {c}: rest {rest}");
                    assert!(listed.iter().all(|&i| counts[i][0] >= 11));
                }
            }
        }
    }

    #[test]
    fn missing_shares_hide_small_counts() {
        assert_eq!(missing_label(135, 135, 11), "none missing");
        assert_eq!(missing_label(130, 135, 11), "under 11 missing");
        assert_eq!(missing_label(100, 135, 11), "26% missing");
        assert_eq!(missing_label(5, 135, 11), "all but under 11 missing");
        assert_eq!(missing_label(0, 135, 11), "100% missing");
    }

    #[test]
    fn answered_counts_hide_small_gaps() {
        assert_eq!(answered_label(135, 135, 11), "135");
        assert_eq!(answered_label(130, 135, 11), "all but <11");
        assert_eq!(answered_label(100, 135, 11), "100");
        assert_eq!(answered_label(4, 135, 11), "<11");
        assert_eq!(answered_label(0, 135, 11), "0");
    }
}
