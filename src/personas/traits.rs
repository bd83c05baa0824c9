//! A segment's traits: its most common answers to each choice question and the options
//! of each multi-select it chooses most, each with its evidence (segment and overall
//! counts, how strongly it sets the segment apart), listed only as the small-cell rules
//! allow and withheld when a sensitive answer is shared by the whole segment.

use rustc_hash::FxHashMap;

use super::evidence::{in_sections, percent, z_score, SIGNIFICANT_Z};
use super::synthesis::TOP_ANSWERS_PER_QUESTION;
use super::Trait;
use crate::columns::{chosen, ColumnKind, ColumnSummary};
use crate::privacy::disclosure::listable;
use crate::privacy::sensitive::is_sensitive_question;
use crate::segments::Segment;
use crate::survey::Survey;

/// The segment's most common answers to every other choice question, as shown traits
/// and withheld ones.
pub(super) fn traits_of(
    survey: &Survey,
    summaries: &[ColumnSummary],
    defining: &[usize],
    segment: &Segment,
    k: usize,
) -> (Vec<Trait>, Vec<Trait>) {
    let total = survey.respondents();
    let (mut shown, mut withheld) = (Vec::new(), Vec::new());
    // A question everyone answers alike describes no segment: it gives no traits.
    for summary in summaries
        .iter()
        .filter(|s| s.can_group() && !defining.contains(&s.index))
    {
        let answers = &survey.columns()[summary.index].answers;
        let mut in_segment: FxHashMap<&str, usize> = FxHashMap::default();
        for &row in &segment.members {
            let answer = answers[row].trim();
            if !answer.is_empty() {
                *in_segment.entry(answer).or_default() += 1;
            }
        }
        let candidates = candidates(summary, &in_segment);
        let counts: Vec<[usize; 2]> = candidates.iter().map(|(_, c)| *c).collect();
        let everyone_alike = in_segment.len() == 1 && is_sensitive_question(&summary.name);
        for i in listable(
            &counts,
            [segment.size(), total],
            k,
            TOP_ANSWERS_PER_QUESTION,
        ) {
            let (value, [n, overall]) = candidates[i];
            let scored = trait_of(summary, value, n, overall, segment.size(), total);
            if everyone_alike {
                withheld.push(scored.0);
            } else {
                shown.push(scored);
            }
        }
    }
    for summary in summaries.iter().filter(|s| {
        s.kind == ColumnKind::MultiSelect && s.role.is_used() && !defining.contains(&s.index)
    }) {
        let (items, alike) = option_traits(survey, summary, segment, k);
        if alike {
            withheld.extend(items.into_iter().map(|(item, _)| item));
        } else {
            shown.extend(items);
        }
    }
    (in_sections(shown), withheld)
}

/// The options of a multi-select most chosen in the segment. Each option is a yes/no
/// for every respondent, so each is listed only when those choosing it and those not
/// are both 0 or at least `k`, in the segment and overall. Returns whether everyone in
/// the segment chose one sensitive option (then all are withheld).
fn option_traits(
    survey: &Survey,
    summary: &ColumnSummary,
    segment: &Segment,
    k: usize,
) -> (Vec<(Trait, f64)>, bool) {
    let total = survey.respondents();
    let answers = &survey.columns()[summary.index].answers;
    let mut in_segment: FxHashMap<&str, usize> = FxHashMap::default();
    for &row in &segment.members {
        for option in chosen(&answers[row]) {
            *in_segment.entry(option).or_default() += 1;
        }
    }
    let options = candidates(summary, &in_segment);
    let totals = [segment.size(), total];
    let items: Vec<(Trait, f64)> = options
        .into_iter()
        .filter(|(_, counts)| !listable(&[*counts], totals, k, 1).is_empty())
        .take(TOP_ANSWERS_PER_QUESTION)
        .map(|(value, [n, overall])| trait_of(summary, value, n, overall, segment.size(), total))
        .collect();
    let alike =
        is_sensitive_question(&summary.name) && items.iter().any(|(t, _)| t.n == segment.size());
    (items, alike)
}

/// The summary's answers (or options) given in the segment, as (answer, [segment count,
/// overall count]), most common in the segment first.
fn candidates<'a>(
    summary: &'a ColumnSummary,
    in_segment: &FxHashMap<&str, usize>,
) -> Vec<(&'a str, [usize; 2])> {
    let mut candidates: Vec<(&str, [usize; 2])> = summary
        .counts
        .iter()
        .filter_map(|a| {
            Some((
                a.value.as_str(),
                [*in_segment.get(a.value.as_str())?, a.count],
            ))
        })
        .collect();
    candidates.sort_by_key(|(_, c)| std::cmp::Reverse(c[0]));
    candidates
}

/// A trait with its evidence: `n` of the segment's `size`, `overall` of all `total`;
/// and how strongly it sets the segment apart (z), for ordering.
fn trait_of(
    summary: &ColumnSummary,
    value: &str,
    n: usize,
    overall: usize,
    size: usize,
    total: usize,
) -> (Trait, f64) {
    let z = z_score(n, size, overall, total);
    let item = Trait {
        attribute: summary.name.clone(),
        value: value.to_string(),
        segment_pct: percent(n, size),
        overall_pct: percent(overall, total),
        n,
        role: Some(summary.role),
        distinctive: z >= SIGNIFICANT_Z,
    };
    (item, z)
}
