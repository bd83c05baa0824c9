//! Number questions in a persona — counts, durations, scores: the persona's median and
//! interquartile range beside everyone's, and a small histogram, every figure resting on
//! at least k respondents (docs/privacy.md): quartiles only with k answers on each side,
//! bins on a round grid, each bar's count 0 or ≥ k with the unshown rest 0 or ≥ k.

use serde::{Deserialize, Serialize};

use super::evidence::SIGNIFICANT_Z;
use crate::columns::numbers::{bin_edges, bin_of, parse_number, quantile, quantile_rests_on_k};
use crate::columns::{ColumnKind, ColumnSummary, Role};
use crate::privacy::disclosure::listable;
use crate::segments::Segment;
use crate::survey::{Answers, Survey};

/// The quartiles reported, as fractions.
pub const QUARTILES: [f64; 3] = [0.25, 0.5, 0.75];

/// A number question summarised for the persona against all respondents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberTrait {
    /// The question.
    pub attribute: String,
    /// The question's role, which decides the persona section it is shown in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Among the persona's respondents who answered with a number.
    pub segment: Distribution,
    /// Among all respondents who answered with a number.
    pub overall: Distribution,
    /// The histogram's inner bin edges, ascending: the bins are "under the first", "from
    /// one edge to the next" and "the last or more".
    #[serde(default)]
    pub edges: Vec<f64>,
    /// Whether every answer is a whole number (bins are then labelled "2–3").
    #[serde(default)]
    pub whole: bool,
    /// Whether the persona's numbers run significantly higher or lower than the other
    /// respondents' (Mann–Whitney U, |z| ≥ 1.96).
    #[serde(default)]
    pub distinctive: bool,
}

/// Where a group's numbers lie.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// Respondents who gave a number (at least k).
    pub n: usize,
    /// The lower quartile, median and upper quartile; each `None` when fewer than k
    /// answers lie on one of its sides.
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
    /// Respondents in each bin (one more than the edges); `None` where the count may
    /// not be shown.
    #[serde(default)]
    pub bins: Vec<Option<usize>>,
}

impl Distribution {
    /// The quartiles in order, as stored.
    pub fn quartiles(&self) -> [Option<f64>; 3] {
        [self.q1, self.median, self.q3]
    }

    /// The numbers' distribution, each figure resting on at least `k`.
    fn of(sorted: &[f64], edges: &[f64], k: usize) -> Self {
        let n = sorted.len();
        let [q1, median, q3] = QUARTILES.map(|p| {
            quantile_rests_on_k(n, p, k)
                .then(|| quantile(sorted, p))
                .flatten()
                .map(|q| (q * 100.0).round() / 100.0)
        });
        Distribution {
            n,
            q1,
            median,
            q3,
            bins: shown_bins(sorted, edges, k),
        }
    }
}

/// Bin counts, each shown when it is 0 or listable (≥ k, with the unshown rest 0 or ≥ k).
fn shown_bins(sorted: &[f64], edges: &[f64], k: usize) -> Vec<Option<usize>> {
    if edges.is_empty() {
        return Vec::new();
    }
    let mut counts = vec![0usize; edges.len() + 1];
    for &value in sorted {
        counts[bin_of(value, edges)] += 1;
    }
    let table: Vec<[usize; 1]> = counts.iter().map(|&c| [c]).collect();
    let listed = listable(&table, [sorted.len()], k, counts.len());
    counts
        .iter()
        .enumerate()
        .map(|(bin, &c)| (c == 0 || listed.contains(&bin)).then_some(c))
        .collect()
}

/// Whether a group of `n` answers among `size` may be described: at least `k`, and the
/// ones without a number 0 or at least `k` (so no small count follows by subtraction).
fn describable(n: usize, size: usize, k: usize) -> bool {
    n >= k && (size == n || size - n >= k)
}

/// The number questions that describe a segment, strongest first within each section.
pub(super) fn number_traits(
    survey: &Survey,
    summaries: &[ColumnSummary],
    defining: &[usize],
    segment: &Segment,
    k: usize,
) -> Vec<NumberTrait> {
    let total = survey.respondents();
    let mut member = vec![false; total];
    for &row in &segment.members {
        member[row] = true;
    }
    let mut found: Vec<(NumberTrait, f64)> = summaries
        .iter()
        .filter(|s| s.kind == ColumnKind::Numeric && s.role.is_used())
        .filter(|s| !defining.contains(&s.index))
        .filter_map(|summary| {
            let tally = Tally::of(&survey.columns()[summary.index].answers, &member);
            let (all, inside) = (tally.expanded(|g| g.all), tally.expanded(|g| g.inside));
            if !describable(inside.len(), segment.size(), k) || !describable(all.len(), total, k) {
                return None;
            }
            let whole = all.iter().all(|v| v.fract() == 0.0);
            let edges = bin_edges(all.len(), |rank| all[rank], k, whole);
            let z = mann_whitney_z(&tally.groups);
            let item = NumberTrait {
                attribute: summary.name.clone(),
                role: Some(summary.role),
                segment: Distribution::of(&inside, &edges, k),
                overall: Distribution::of(&all, &edges, k),
                edges,
                whole,
                distinctive: z.abs() >= SIGNIFICANT_Z,
            };
            Some((item, z.abs()))
        })
        .collect();
    found.sort_by(|a, b| {
        let section = |t: &NumberTrait| t.role.map_or(usize::MAX, |r| r.section().0);
        section(&a.0).cmp(&section(&b.0)).then(b.1.total_cmp(&a.1))
    });
    found.into_iter().map(|(t, _)| t).collect()
}

/// Respondents who gave one number: how many in all and how many of them are members.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Group {
    value: f64,
    all: usize,
    inside: usize,
}

/// A number question's answers tallied by distinct answer (each parsed once), in
/// ascending order of value: what sorting every respondent's number would give, at the
/// cost of the distinct answers.
struct Tally {
    groups: Vec<Group>,
}

impl Tally {
    fn of(answers: &Answers, member: &[bool]) -> Self {
        let mut groups: Vec<Group> = answers
            .distinct()
            .iter()
            .map(|a| Group {
                value: parse_number(a).unwrap_or(f64::NAN),
                all: 0,
                inside: 0,
            })
            .collect();
        for (&code, &m) in answers.codes().iter().zip(member) {
            let group = &mut groups[code as usize];
            group.all += 1;
            group.inside += usize::from(m);
        }
        groups.retain(|g| g.all > 0 && !g.value.is_nan());
        groups.sort_by(|a, b| a.value.total_cmp(&b.value));
        Tally { groups }
    }

    /// Every value `count` says of each group, in ascending order.
    fn expanded(&self, count: impl Fn(&Group) -> usize) -> Vec<f64> {
        self.groups
            .iter()
            .flat_map(|g| std::iter::repeat_n(g.value, count(g)))
            .collect()
    }
}

/// The Mann–Whitney U statistic of the members' values against the others', as a z
/// score (normal approximation, no tie correction, so ties make it cautious); 0 when
/// either group is empty. `groups` are in ascending order of value.
fn mann_whitney_z(groups: &[Group]) -> f64 {
    let mut member_ranks = 0.0;
    let (mut position, mut members, mut everyone) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < groups.len() {
        // Tied values (equal numbers written differently too) share their mean rank.
        let (mut all, mut inside) = (0, 0);
        let mut j = i;
        while j < groups.len() && groups[j].value == groups[i].value {
            all += groups[j].all;
            inside += groups[j].inside;
            j += 1;
        }
        let last = position + all - 1;
        let rank = (position + last) as f64 / 2.0 + 1.0;
        member_ranks += rank * inside as f64;
        (position, members, everyone) = (position + all, members + inside, everyone + all);
        i = j;
    }
    let members = members as f64;
    let others = everyone as f64 - members;
    if members == 0.0 || others == 0.0 {
        return 0.0;
    }
    let u = member_ranks - members * (members + 1.0) / 2.0;
    let mean = members * others / 2.0;
    let spread = (members * others * (members + others + 1.0) / 12.0).sqrt();
    (u - mean) / spread
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::summarise;
    use crate::survey::read_detected;

    /// 60 respondents: the first 30 visited 0–5 times, the others 6–12 times.
    fn visits() -> Survey {
        let mut csv =
            String::from("How many times did you visit a clinic in the last 12 months?\n");
        for i in 0..60 {
            let visits = if i < 30 { i % 6 } else { 6 + i % 7 };
            csv.push_str(&format!("{visits}\n"));
        }
        read_detected(csv.as_bytes()).unwrap()
    }

    #[test]
    fn a_count_is_a_median_and_quartiles_against_everyone() {
        let survey = visits();
        let summaries = summarise(&survey);
        assert_eq!(summaries[0].kind, ColumnKind::Numeric);
        let segment = Segment {
            label: "A".into(),
            members: (0..30).collect(),
        };
        let numbers = number_traits(&survey, &summaries, &[], &segment, 11);
        let visits = &numbers[0];
        assert_eq!(visits.segment.n, 30);
        assert_eq!(visits.segment.median, Some(2.5));
        assert_eq!(visits.segment.q1, None, "7 answers below it: under k");
        assert!(visits.overall.median.unwrap() > 5.0);
        assert!(
            visits.overall.q1.is_some(),
            "60 answers: 15 below the lower quartile"
        );
        assert!(visits.distinctive);
        assert_eq!(visits.segment.bins.len(), visits.edges.len() + 1);
        for distribution in [&visits.segment, &visits.overall] {
            let shown: usize = distribution.bins.iter().flatten().sum();
            let rest = distribution.n - shown;
            assert!(rest == 0 || rest >= 11);
            assert!(distribution
                .bins
                .iter()
                .flatten()
                .all(|&c| c == 0 || c >= 11));
        }
    }

    #[test]
    fn too_few_numbers_or_a_small_blank_remainder_give_no_figure() {
        let survey = visits();
        let summaries = summarise(&survey);
        let small = Segment {
            label: "B".into(),
            members: (0..10).collect(),
        };
        assert!(number_traits(&survey, &summaries, &[], &small, 11).is_empty());
        assert!(
            !describable(20, 25, 11),
            "5 blanks would show by subtraction"
        );
        assert!(describable(20, 20, 11) && describable(20, 31, 11));
    }

    #[test]
    fn mann_whitney_is_signed_by_which_group_runs_higher() {
        let texts: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let answers: Answers = texts.iter().map(String::as_str).collect();
        let higher: Vec<bool> = (0..40).map(|i| i >= 20).collect();
        assert!(mann_whitney_z(&Tally::of(&answers, &higher).groups) > 3.0);
        let lower: Vec<bool> = higher.iter().map(|m| !m).collect();
        assert!(mann_whitney_z(&Tally::of(&answers, &lower).groups) < -3.0);
        let few = Tally::of(&answers, &[false; 40]);
        assert_eq!(mann_whitney_z(&few.groups[..5]), 0.0);
    }

    #[test]
    fn a_tally_orders_and_ties_numbers_as_sorting_every_answer_would() {
        let answers: Answers = ["3", "1", "", "3.0", "x", "2", "1"].into_iter().collect();
        let member = [true, false, true, true, false, false, true];
        let tally = Tally::of(&answers, &member);
        assert_eq!(tally.expanded(|g| g.all), [1.0, 1.0, 2.0, 3.0, 3.0]);
        assert_eq!(tally.expanded(|g| g.inside), [1.0, 3.0, 3.0]);
        // "3" and "3.0" tie: ranks 4 and 5 share 4.5.
        let ranks = 1.5 + 4.5 * 2.0;
        let u = ranks - 3.0 * 4.0 / 2.0;
        let z = (u - 3.0) / (3.0f64 * 2.0 * 6.0 / 12.0).sqrt();
        assert_eq!(mann_whitney_z(&tally.groups), z);
    }
}
