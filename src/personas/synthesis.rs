//! Turns a grouping of respondents into personas with evidence-backed traits.

use std::collections::HashMap;

use time::OffsetDateTime;

use super::{add_months, Persona, Provenance, SegmentInfo, Trait, REVIEW_INTERVAL_MONTHS};
use crate::columns::{ColumnKind, ColumnSummary};
use crate::privacy::MIN_GROUP_SIZE;
use crate::segments::{Grouping, Segment};
use crate::survey::{sha256_hex, Survey};

/// At most this many answers are reported per question.
pub const TOP_ANSWERS_PER_QUESTION: usize = 3;

/// The method name recorded in provenance for one-question groupings.
const GROUP_BY_METHOD: &str = "group-by";

/// One persona per segment of `grouping`; every count it reports is at least 11.
pub fn personas_from_grouping(
    survey: &Survey,
    summaries: &[ColumnSummary],
    grouping: &Grouping,
    now: OffsetDateTime,
) -> Vec<Persona> {
    let question = &summaries[grouping.column].name;
    let total = survey.respondents();
    grouping
        .segments
        .iter()
        .map(|segment| {
            let traits = traits_of(survey, summaries, grouping.column, segment);
            let share = ratio(segment.size(), total);
            Persona {
                id: persona_id(&survey.source_sha256, question, &segment.label),
                name: format!("{question}: {}", segment.label),
                summary: summary_of(question, segment, total, &traits),
                segment: SegmentInfo {
                    size: segment.size(),
                    share: round(share, 4),
                    rule: Some(format!("{question} = {}", segment.label)),
                },
                traits,
                quotes: Vec::new(),
                actions: Vec::new(),
                created_at: now,
                updated_at: now,
                review_due: add_months(now.date(), REVIEW_INTERVAL_MONTHS),
                provenance: Provenance {
                    source_sha256: survey.source_sha256.clone(),
                    rows: total,
                    method: GROUP_BY_METHOD.to_string(),
                    k: grouping.segments.len(),
                    seed: 0,
                    min_group_size: MIN_GROUP_SIZE,
                },
            }
        })
        .collect()
}

/// The most common answers of the segment to every other choice question.
fn traits_of(
    survey: &Survey,
    summaries: &[ColumnSummary],
    grouping_column: usize,
    segment: &Segment,
) -> Vec<Trait> {
    let total = survey.respondents();
    summaries
        .iter()
        .filter(|s| s.kind == ColumnKind::Categorical && s.index != grouping_column)
        .flat_map(|summary| {
            let answers = &survey.columns()[summary.index].answers;
            let mut in_segment: HashMap<&str, usize> = HashMap::new();
            for &row in &segment.members {
                let answer = answers[row].trim();
                if !answer.is_empty() {
                    *in_segment.entry(answer).or_default() += 1;
                }
            }
            let mut top: Vec<Trait> = summary
                .counts
                .iter()
                .filter_map(|overall| {
                    let n = *in_segment.get(overall.value.as_str())?;
                    (n >= MIN_GROUP_SIZE).then(|| Trait {
                        attribute: summary.name.clone(),
                        value: overall.value.clone(),
                        segment_pct: percent(n, segment.size()),
                        overall_pct: percent(overall.count, total),
                        n,
                    })
                })
                .collect();
            top.sort_by_key(|t| std::cmp::Reverse(t.n));
            top.truncate(TOP_ANSWERS_PER_QUESTION);
            top
        })
        .collect()
}

fn summary_of(question: &str, segment: &Segment, total: usize, traits: &[Trait]) -> String {
    let mut summary = format!(
        "{} of {total} respondents ({}%) answered “{}” to “{question}”.",
        segment.size(),
        percent(segment.size(), total),
        segment.label
    );
    let standout = traits
        .iter()
        .filter(|t| t.segment_pct > t.overall_pct)
        .max_by(|a, b| (a.segment_pct - a.overall_pct).total_cmp(&(b.segment_pct - b.overall_pct)));
    if let Some(t) = standout {
        summary.push_str(&format!(
            " More often than respondents overall they answered “{}” to “{}” ({}% vs {}%).",
            t.value, t.attribute, t.segment_pct, t.overall_pct
        ));
    }
    summary
}

/// Same survey, question and answer → same id, so saving a rebuilt persona updates it.
fn persona_id(source_sha256: &str, question: &str, answer: &str) -> String {
    let key = format!("{source_sha256}\u{1f}{question}\u{1f}{answer}");
    sha256_hex(key.as_bytes())[..32].to_string()
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    round(100.0 * ratio(part, whole), 1)
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::summarise;
    use crate::segments::group_by;
    use crate::survey::read_csv;
    use time::macros::{date, datetime};

    /// 40 respondents: 25 live with a partner (20 of them drive), 15 alone (12 take the bus).
    fn survey() -> Survey {
        let mut csv = String::from("lives_with,transport,email\n");
        let rows = [
            ("Partner", "Car", 20),
            ("Partner", "Bus", 5),
            ("Alone", "Bus", 12),
            ("Alone", "Car", 3),
        ];
        let mut i = 0;
        for (lives, transport, times) in rows {
            for _ in 0..times {
                i += 1;
                csv.push_str(&format!("{lives},{transport},p{i}@example.org\n"));
            }
        }
        read_csv(csv.as_bytes()).unwrap()
    }

    fn build() -> Vec<Persona> {
        let survey = survey();
        let summaries = summarise(&survey);
        let grouping = group_by(&survey, &summaries[0]);
        personas_from_grouping(
            &survey,
            &summaries,
            &grouping,
            datetime!(2026-11-24 10:00 UTC),
        )
    }

    #[test]
    fn one_persona_per_large_group_with_size_and_share() {
        let personas = build();
        let sizes: Vec<_> = personas
            .iter()
            .map(|p| (p.name.as_str(), p.segment.size, p.segment.share))
            .collect();
        assert_eq!(
            sizes,
            [
                ("lives_with: Partner", 25, 0.625),
                ("lives_with: Alone", 15, 0.375)
            ]
        );
        assert_eq!(personas[0].review_due, date!(2027 - 02 - 24));
        assert_eq!(personas[0].provenance.k, 2);
        assert_eq!(personas[0].provenance.rows, 40);
    }

    #[test]
    fn traits_equal_direct_counts_and_hide_small_ones() {
        let personas = build();
        let alone = &personas[1];
        // 12 of 15 take the bus (80%); overall 17 of 40 (42.5%). Car (3) is suppressed.
        assert_eq!(
            alone.traits,
            [Trait {
                attribute: "transport".into(),
                value: "Bus".into(),
                segment_pct: 80.0,
                overall_pct: 42.5,
                n: 12,
            }]
        );
        assert!(personas
            .iter()
            .flat_map(|p| &p.traits)
            .all(|t| t.n >= MIN_GROUP_SIZE));
        assert!(alone
            .summary
            .contains("“Bus” to “transport” (80% vs 42.5%)"));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let (a, b) = (build(), build());
        assert_eq!(a[0].id, b[0].id);
        assert_ne!(a[0].id, a[1].id);
        assert_eq!(a[0].id.len(), 32);
    }

    #[test]
    fn unique_columns_never_become_traits() {
        assert!(build()
            .iter()
            .flat_map(|p| &p.traits)
            .all(|t| t.attribute != "email"));
    }
}
