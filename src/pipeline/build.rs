//! Building personas from a loaded survey: grouping, synthesis, and what the user is told.

use crate::wording::counted;
use thiserror::Error;
use time::OffsetDateTime;

use serde::{Deserialize, Serialize};

use super::coverage::{coverage, Coverage};
use super::found::{build_found_personas, SegmentationReport};
use super::LoadedSurvey;
use crate::persona_file::fit_to_format;
use crate::personas::{
    personas_from_grouping, personas_from_segments, Basis, Persona, QuoteSuggestion, Synthesis,
    Withheld,
};
use crate::segments::rules::{Rule, RuleError};
use crate::segments::{group_by, Method, Segment, SegmentError};

/// Personas built from a survey, and what the user should know about how.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Built {
    pub personas: Vec<Persona>,
    pub notes: Vec<String>,
    /// Traits held back because a whole segment shares a sensitive answer.
    pub withheld: Vec<Withheld>,
    /// Scrubbed free-text answers the user may approve as quotes.
    pub quote_suggestions: Vec<QuoteSuggestion>,
    /// How well the personas cover the respondents.
    pub coverage: Option<Coverage>,
    /// For segments found across the questions: how, and the figures behind their
    /// number (what the BIC chart shows).
    #[serde(default)]
    pub segmentation: Option<SegmentationReport>,
}

impl Built {
    /// Adds a withheld trait to its persona after the user confirmed it.
    pub fn reveal(&mut self, index: usize) {
        if index >= self.withheld.len() {
            return;
        }
        let withheld = self.withheld.remove(index);
        if let Some(p) = self
            .personas
            .iter_mut()
            .find(|p| p.id == withheld.persona_id)
        {
            p.traits.push(withheld.item);
        }
    }

    /// Adds a suggested quote to its persona after the user approved it.
    pub fn approve_quote(&mut self, index: usize) {
        if index >= self.quote_suggestions.len() {
            return;
        }
        let quote = self.quote_suggestions.remove(index);
        if let Some(p) = self.personas.iter_mut().find(|p| p.id == quote.persona_id) {
            p.quotes.push(crate::personas::Quote {
                text: quote.text,
                interview: None,
            });
        }
    }
}

/// How respondents are put into segments, one persona each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum GroupBy {
    /// One segment per answer to a question.
    Answer { column: usize },
    /// Segments of respondents who answered alike across the questions, found by
    /// `method` (latent classes unless said); `count: None` lets Auto choose how many.
    Similarity {
        count: Option<usize>,
        seed: u64,
        #[serde(default)]
        method: Method,
    },
    /// One segment: the respondents who meet every condition of a rule.
    Rule { rule: Rule },
}

/// Builds personas from segments formed as `group_by` says.
pub fn build(
    loaded: &LoadedSurvey,
    group_by: GroupBy,
    now: OffsetDateTime,
) -> Result<Built, BuildError> {
    let mut built = match group_by {
        GroupBy::Answer { column } => build_by_answer(loaded, column, now),
        GroupBy::Similarity {
            count,
            seed,
            method,
        } => build_found_personas(loaded, method, count, seed, now),
        GroupBy::Rule { rule } => build_rule_persona(loaded, &rule, now),
    }?;
    if let Some(records) = loaded.records_source() {
        for persona in &mut built.personas {
            persona.provenance.records = Some(records.clone());
        }
    }
    Ok(built)
}

/// Builds one persona for the respondents who meet every condition of `rule`. Refused
/// when fewer than k meet it, or fewer than k do not (that count would show too).
pub fn build_rule_persona(
    loaded: &LoadedSurvey,
    rule: &Rule,
    now: OffsetDateTime,
) -> Result<Built, BuildError> {
    let k = loaded.recipe.settings.min_group_size;
    let survey = &loaded.survey;
    let members = rule.members(survey)?;
    let rest = survey.respondents() - members.len();
    if members.len() < k || (rest > 0 && rest < k) {
        return Err(BuildError::RuleGroupTooSmall {
            k,
            meet: members.len() >= k,
        });
    }
    let description = rule.describe();
    let basis = Basis::Rule {
        rule: rule.clone(),
        description: description.clone(),
        columns: rule.columns(survey)?,
    };
    let segments = [Segment {
        label: description,
        members,
    }];
    let synthesis = personas_from_segments(survey, &loaded.summaries, &segments, &basis, k, now);
    let covered = coverage(survey, &loaded.summaries, &segments, k, None);
    Ok(finish(loaded, &segments, synthesis, Vec::new(), covered))
}

/// The personas built from `segments` (one each, in order), with the notes on how (and
/// on any trait held back), and their weighted shares when respondents are weighted.
pub(super) fn finish(
    loaded: &LoadedSurvey,
    segments: &[Segment],
    mut synthesis: Synthesis,
    mut notes: Vec<String>,
    covered: Coverage,
) -> Built {
    if let Some(shares) = loaded.weighted_shares(segments) {
        let community = loaded.community_source();
        for (persona, share) in synthesis.personas.iter_mut().zip(shares) {
            persona.segment.weighted_share = Some(share);
            persona.provenance.community = community;
        }
    }
    synthesis.personas.iter_mut().for_each(fit_to_format);
    let withheld = synthesis.withheld.len();
    if withheld > 0 {
        notes.push(format!(
            "{} shared by everyone in a persona {} hidden; see the privacy report.",
            counted(withheld, "sensitive answer"),
            if withheld == 1 { "is" } else { "are" }
        ));
    }
    Built {
        personas: synthesis.personas,
        notes,
        withheld: synthesis.withheld,
        quote_suggestions: synthesis.quote_suggestions,
        coverage: Some(covered),
        segmentation: None,
    }
}

/// Why no personas could be built.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum BuildError {
    #[error("{0}")]
    Segments(#[from] SegmentError),
    #[error("{0}")]
    Rule(#[from] RuleError),
    #[error(
        "Fewer than {k} respondents {}, so a persona for this rule could let someone be recognised. Change a condition.",
        if *meet { "do not meet the rule" } else { "meet the rule" }
    )]
    RuleGroupTooSmall { k: usize, meet: bool },
    #[error("Choose a question that groups respondents.")]
    NotAGrouping,
    #[error(
        "No answer to “{question}” was given by {k} or more respondents, so no persona can \
         be built from it without risking that someone is recognised. Choose a question \
         with fewer, larger groups."
    )]
    AllGroupsTooSmall { question: String, k: usize },
}

/// Groups respondents by one column and builds a persona per large-enough group.
pub fn build_by_answer(
    loaded: &LoadedSurvey,
    column: usize,
    now: OffsetDateTime,
) -> Result<Built, BuildError> {
    let k = loaded.recipe.settings.min_group_size;
    let summary = loaded
        .summaries
        .get(column)
        .filter(|s| s.can_group())
        .ok_or(BuildError::NotAGrouping)?;
    let grouping = group_by(&loaded.survey, summary, k);
    if grouping.segments.is_empty() {
        return Err(BuildError::AllGroupsTooSmall {
            question: summary.name.clone(),
            k,
        });
    }
    let mut notes = Vec::new();
    if grouping.small_groups > 0 {
        notes.push(format!(
            "{} had fewer than {k} respondents and {}.",
            counted(grouping.small_groups, "answer group"),
            if grouping.small_groups == 1 {
                "is not a persona of its own"
            } else {
                "are not personas of their own"
            }
        ));
    }
    if let Some(label) = &grouping.merged_into {
        notes.push(format!(
            "The smaller groups and blank answers were added to “{label}” so that their \
             number cannot be worked out from the totals."
        ));
    } else if grouping.outside > 0 {
        notes.push(format!(
            "{} respondents gave another answer to “{}” or none, and are in no persona.",
            grouping.outside, summary.name
        ));
    }
    let synthesis = personas_from_grouping(&loaded.survey, &loaded.summaries, &grouping, k, now);
    let covered = coverage(
        &loaded.survey,
        &loaded.summaries,
        &grouping.segments,
        k,
        None,
    );
    Ok(finish(
        loaded,
        &grouping.segments,
        synthesis,
        notes,
        covered,
    ))
}
