//! Building personas from a loaded survey: grouping, synthesis, and what the user is told.

use thiserror::Error;
use time::OffsetDateTime;

use super::LoadedSurvey;
use crate::personas::{personas_from_grouping, Persona, QuoteSuggestion, Withheld};
use crate::segments::group_by;

/// Personas built from a survey, and what the user should know about how.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Built {
    pub personas: Vec<Persona>,
    pub notes: Vec<String>,
    /// Traits held back because a whole segment shares a sensitive answer.
    pub withheld: Vec<Withheld>,
    /// Scrubbed free-text answers the user may approve as quotes.
    pub quote_suggestions: Vec<QuoteSuggestion>,
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
            p.quotes.push(crate::personas::Quote { text: quote.text });
        }
    }
}

/// Why no personas could be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BuildError {
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
pub fn build_personas(
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
            "{} answer group(s) had fewer than {k} respondents and are not personas of their own.",
            grouping.small_groups
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
    if !synthesis.withheld.is_empty() {
        notes.push(format!(
            "{} sensitive answer(s) shared by everyone in a persona are hidden; see the privacy report.",
            synthesis.withheld.len()
        ));
    }
    Ok(Built {
        personas: synthesis.personas,
        notes,
        withheld: synthesis.withheld,
        quote_suggestions: synthesis.quote_suggestions,
    })
}
