//! What of a column may be shown beside the number of respondents: the answers (or
//! options, or histogram bins) whose counts, and what they leave over, are 0 or ≥ k.

use super::numbers::{bin_edges, bin_label, bin_of, nth_tallied, parse_number};
use super::{ColumnKind, ColumnSummary};
use crate::privacy::disclosure::listable;

/// Answers listed for a single choice (most common first).
const LISTED_ANSWERS: usize = 3;
/// Options listed for a multi-select.
const LISTED_OPTIONS: usize = 5;

/// One bar: a label and its count, or `None` when the count may not be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: Option<usize>,
}

/// The answers of a choice, scale or multi-select that may be listed, in the order to
/// show them (a scale in scale order, all of it).
pub fn shown_answers(summary: &ColumnSummary, respondents: usize, k: usize) -> Vec<Bar> {
    let bar = |label: &str, count| Bar {
        label: label.to_string(),
        count: Some(count),
    };
    match summary.kind {
        // Each option is a yes/no: listed when choosing and not choosing are both safe.
        ColumnKind::MultiSelect => summary
            .counts
            .iter()
            .filter(|a| !listable(&[[a.count]], [respondents], k, 1).is_empty())
            .take(LISTED_OPTIONS)
            .map(|a| bar(&a.value, a.count))
            .collect(),
        ColumnKind::Categorical | ColumnKind::Scale => {
            let answers = summary.ordered_counts();
            let most = if summary.kind == ColumnKind::Scale {
                answers.len()
            } else {
                LISTED_ANSWERS
            };
            let counts: Vec<[usize; 1]> = answers.iter().map(|a| [a.count]).collect();
            let mut listed = listable(&counts, [respondents], k, most);
            listed.sort_unstable();
            listed
                .iter()
                .map(|&i| bar(&answers[i].value, answers[i].count))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// A histogram of a number column: bins on a round grid between its k-th smallest and
/// k-th largest answers ([`bin_edges`]), each bar's count shown only when the listing
/// rule allows. Empty when there are too few answers to draw one safely.
pub fn histogram(summary: &ColumnSummary, respondents: usize, k: usize) -> Vec<Bar> {
    if summary.kind != ColumnKind::Numeric {
        return Vec::new();
    }
    // Tallied by distinct value, never one number per respondent: the page's work grows
    // with the distinct answers, not with the respondents.
    let mut tallied: Vec<(f64, usize)> = summary
        .counts
        .iter()
        .filter_map(|a| Some((parse_number(&a.value)?, a.count)))
        .collect();
    tallied.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = tallied.iter().map(|&(_, count)| count).sum();
    let whole = tallied.iter().all(|(v, _)| v.fract() == 0.0);
    let edges = bin_edges(n, |rank| nth_tallied(&tallied, rank), k, whole);
    if edges.is_empty() {
        return Vec::new();
    }
    let mut counts = vec![0usize; edges.len() + 1];
    for (value, count) in tallied {
        counts[bin_of(value, &edges)] += count;
    }
    let table: Vec<[usize; 1]> = counts.iter().map(|&c| [c]).collect();
    let listed = listable(&table, [respondents], k, counts.len());
    (0..counts.len())
        .map(|bin| Bar {
            label: bin_label(&edges, bin, whole),
            count: listed.contains(&bin).then_some(counts[bin]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::summarise;
    use crate::survey::read_detected;

    fn summary(csv: &str) -> (ColumnSummary, usize) {
        let survey = read_detected(csv.as_bytes()).unwrap();
        (summarise(&survey).remove(0), survey.respondents())
    }

    #[test]
    fn a_scale_is_listed_whole_in_its_order_when_safe() {
        let mut csv = String::from("q\n");
        for (a, n) in [
            ("Agree", 20),
            ("Strongly disagree", 12),
            ("Strongly agree", 15),
        ] {
            csv.push_str(&format!("{a}\n").repeat(n));
        }
        let (s, respondents) = summary(&csv);
        let labels: Vec<_> = shown_answers(&s, respondents, 11)
            .into_iter()
            .map(|b| b.label)
            .collect();
        assert_eq!(labels, ["Strongly disagree", "Agree", "Strongly agree"]);
    }

    #[test]
    fn histogram_bars_hide_small_counts_and_small_remainders() {
        let mut csv = String::from("Weight\n");
        for v in 0..60 {
            csv.push_str(&format!("{}\n", 50 + (v % 40)));
        }
        csv.push_str("200\n"); // one outlier alone in the top bin
        let (s, respondents) = summary(&csv);
        let bars = histogram(&s, respondents, 11);
        assert!(bars.len() > 2, "{bars:?}");
        assert!(
            bars.iter().all(|b| !b.label.contains("200")),
            "no edge names the outlier: {bars:?}"
        );
        let shown: usize = bars.iter().filter_map(|b| b.count).sum();
        let hidden = respondents - shown;
        assert!(hidden == 0 || hidden >= 11, "hidden {hidden}");
        assert!(bars.iter().filter_map(|b| b.count).all(|c| c >= 11));
    }
}
