//! Turns a grouping of respondents into personas with evidence-backed traits, applying
//! the privacy rules as it goes: listed counts and what they leave unlisted are never
//! 1 to k−1, sensitive answers shared by a whole segment are withheld, and quotes are
//! only suggested (already scrubbed) for the user to approve.

use time::OffsetDateTime;

use super::evidence::{ratio, round};
use super::numbers::number_traits;
use super::profile::{age_fact, facts, name_apart, plain_name, Fact};
use super::quotes::QuoteSources;
use super::traits::traits_of;
use super::wording::{answer_summary, found_summary, rule_summary};
use super::{
    add_months, recommend_actions, ModelFit, Persona, Provenance, SegmentInfo, SegmentQuality,
    Trait, REVIEW_INTERVAL_MONTHS,
};
use crate::columns::ColumnSummary;
use crate::follow_up::start_timeline;
use crate::segments::latent::ClassProfile;
use crate::segments::rules::{Rule, Test};
use crate::segments::{Grouping, Segment};
use crate::survey::{sha256_hex, Survey};

/// At most this many answers are reported per question.
pub const TOP_ANSWERS_PER_QUESTION: usize = 3;

/// The method name recorded in provenance for one-question groupings.
const GROUP_BY_METHOD: &str = "group-by";
/// … and for rule-based segments.
const RULE_METHOD: &str = "rule";

/// A trait held back because everyone in the segment shares a sensitive answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Withheld {
    pub persona_id: String,
    pub persona_name: String,
    pub item: Trait,
}

/// A scrubbed free-text answer from a segment member, offered as a quote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuoteSuggestion {
    pub persona_id: String,
    pub question: String,
    pub text: String,
}

/// Personas and what was held back or offered while building them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synthesis {
    pub personas: Vec<Persona>,
    pub withheld: Vec<Withheld>,
    pub quote_suggestions: Vec<QuoteSuggestion>,
}

/// How segments were formed: it names the personas and goes into their provenance.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// One segment per answer to a question (which then gives no traits).
    Answer { column: usize },
    /// The respondents who meet a rule (its columns then give no traits).
    Rule {
        rule: Rule,
        description: String,
        columns: Vec<usize>,
    },
    /// Segments found across the questions; their quality (and, for latent classes,
    /// class profiles) in segment order.
    Found {
        method: String,
        seed: u64,
        fitted: usize,
        quality: Vec<SegmentQuality>,
        profiles: Vec<ClassProfile>,
        fit: Option<ModelFit>,
    },
}

/// One persona per segment of `grouping`; every count it reports is at least `k`.
pub fn personas_from_grouping(
    survey: &Survey,
    summaries: &[ColumnSummary],
    grouping: &Grouping,
    k: usize,
    now: OffsetDateTime,
) -> Synthesis {
    let basis = Basis::Answer {
        column: grouping.column,
    };
    personas_from_segments(survey, summaries, &grouping.segments, &basis, k, now)
}

/// One persona per segment; every count it reports is at least `k`.
pub fn personas_from_segments(
    survey: &Survey,
    summaries: &[ColumnSummary],
    segments: &[Segment],
    basis: &Basis,
    k: usize,
    now: OffsetDateTime,
) -> Synthesis {
    let total = survey.respondents();
    let defining: Vec<usize> = match basis {
        Basis::Answer { column } => vec![*column],
        Basis::Rule { columns, .. } => columns.clone(),
        Basis::Found { .. } => Vec::new(),
    };
    let mut synthesis = Synthesis::default();
    let mut all_facts: Vec<Vec<Fact>> = Vec::new();
    let mut quotes = QuoteSources::new(survey, summaries);
    for (position, segment) in segments.iter().enumerate() {
        let (traits, withheld) = traits_of(survey, summaries, &defining, segment, k);
        let numbers = number_traits(survey, summaries, &defining, segment, k);
        let mut definition = None;
        let (id, name, summary, rule, quality, provenance) = match basis {
            Basis::Answer { column } => {
                let summary = &summaries[*column];
                let question = &summary.name;
                // A segment that took in a small remainder ("… or another answer") is
                // no longer one answer: it has no exact definition.
                if summary.counts.iter().any(|a| a.value == segment.label) {
                    definition = Some(Rule::one(
                        question,
                        Test::Is {
                            value: segment.label.clone(),
                        },
                    ));
                }
                (
                    persona_id(&survey.source_sha256, question, &segment.label),
                    String::new(),
                    answer_summary(question, segment, total, &traits),
                    Some(format!("{question} = {}", segment.label)),
                    None,
                    (GROUP_BY_METHOD.to_string(), segments.len(), 0),
                )
            }
            Basis::Rule {
                rule, description, ..
            } => {
                definition = Some(rule.clone());
                (
                    persona_id(&survey.source_sha256, RULE_METHOD, description),
                    String::new(),
                    rule_summary(description, segment, total, &traits),
                    Some(description.clone()),
                    None,
                    (RULE_METHOD.to_string(), 1, 0),
                )
            }
            Basis::Found {
                method,
                seed,
                fitted,
                quality,
                ..
            } => (
                persona_id(
                    &survey.source_sha256,
                    &format!("{method}:{seed}:{fitted}"),
                    &segment.label,
                ),
                String::new(),
                found_summary(segment, total, &traits),
                None,
                quality.get(position).copied(),
                (method.clone(), *fitted, *seed),
            ),
        };
        // The answer that formed the segment names it, even when the segment took in a
        // small remainder and so has no exact definition.
        let naming = definition.clone().or_else(|| match basis {
            Basis::Answer { column } => Some(Rule::one(
                &summaries[*column].name,
                Test::Is {
                    value: segment.label.clone(),
                },
            )),
            _ => None,
        });
        let role_of = |question: &str| {
            summaries
                .iter()
                .find(|s| s.name == question)
                .map(|s| s.role)
        };
        let share = 100.0 * ratio(segment.size(), total);
        let mut persona_facts = facts(&traits, naming.as_ref(), share, role_of);
        let name = if name.is_empty() {
            plain_name(&persona_facts)
        } else {
            name
        };
        persona_facts.extend(age_fact(&numbers));
        all_facts.push(persona_facts);
        synthesis
            .withheld
            .extend(withheld.into_iter().map(|item| Withheld {
                persona_id: id.clone(),
                persona_name: name.clone(),
                item,
            }));
        synthesis
            .quote_suggestions
            .extend(quotes.for_segment(survey, segment, &id));
        let (method, fitted, seed) = provenance;
        let (class_profile, fit) = match basis {
            Basis::Found { profiles, fit, .. } => (profiles.get(position).cloned(), *fit),
            _ => (None, None),
        };
        synthesis.personas.push(Persona {
            summary,
            segment: SegmentInfo {
                size: segment.size(),
                share: round(ratio(segment.size(), total), 4),
                rule,
                quality,
                definition,
                class_profile,
                weighted_share: None,
            },
            actions: recommend_actions(&traits, segment.size()),
            traits,
            numbers,
            quotes: Vec::new(),
            created_at: now,
            updated_at: now,
            review_due: add_months(now.date(), REVIEW_INTERVAL_MONTHS),
            last_reviewed: None,
            owner: String::new(),
            tags: Vec::new(),
            notes: Vec::new(),
            plans: Vec::new(),
            waves: Vec::new(),
            ratings: Vec::new(),
            reviews: Vec::new(),
            provenance: Provenance {
                source_sha256: survey.source_sha256.clone(),
                rows: total,
                method,
                segment_count: fitted,
                seed,
                min_group_size: k,
                refreshed: None,
                fit,
                records: None,
                community: None,
                interviews: 0,
            },
            id,
            name,
            display_name: String::new(),
            headline: String::new(),
            goals: Vec::new(),
            frustrations: Vec::new(),
        });
    }
    for persona in &mut synthesis.personas {
        start_timeline(persona);
    }
    name_apart(&mut synthesis, &all_facts);
    synthesis
}

/// Same survey, question and answer → same id, so saving a rebuilt persona updates it.
fn persona_id(source_sha256: &str, question: &str, answer: &str) -> String {
    let key = format!("{source_sha256}\u{1f}{question}\u{1f}{answer}");
    sha256_hex(key.as_bytes())[..32].to_string()
}

#[cfg(test)]
mod tests;
