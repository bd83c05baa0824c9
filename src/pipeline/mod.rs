//! The whole path from file bytes to personas, as the UI runs it: one place that
//! strings the stages together, so the UI, the tests and benchmarks share one code path.
//!
//! read → privacy guard → column summaries → grouping → personas

use thiserror::Error;
use time::OffsetDateTime;

use std::collections::{HashMap, HashSet};

use crate::columns::{
    fold, normalise, propose_role, suggest_grouping, summarise, ColumnKind, ColumnSummary, Fold,
    Merge, Role,
};
use crate::personas::{personas_from_grouping, Persona, QuoteSuggestion, Withheld};
use crate::privacy::{guard, PrivacyReport, PrivacySettings};
use crate::segments::group_by;
use crate::survey::{read_survey, sha256_hex, ReadError, ReadOptions, Survey};

/// A survey read into memory, guarded, with its column summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSurvey {
    pub file_name: String,
    /// The file's bytes, kept only to read them again when the user changes how the file
    /// is read or the privacy settings. They never leave this struct.
    bytes: Vec<u8>,
    /// How the file was read (encoding, delimiter, sheet, layout).
    pub read_options: ReadOptions,
    pub settings: PrivacySettings,
    /// Merges of spellings the user undid, as (column, kept spelling).
    pub undone_merges: HashSet<(String, String)>,
    /// What analysis sees: identifiers dropped, the rest generalised, scrubbed, merged.
    pub survey: Survey,
    pub report: PrivacyReport,
    /// Spellings merged (or, when undone, left apart).
    pub merges: Vec<Merge>,
    /// Multi-select questions folded from their option columns or joined cells.
    pub folds: Vec<Fold>,
    /// Roles the user chose, by column name (the others keep their proposed role).
    pub roles: HashMap<String, Role>,
    pub summaries: Vec<ColumnSummary>,
    /// The grouping column to preselect, if any suits.
    pub suggested_grouping: Option<usize>,
}

impl LoadedSurvey {
    /// Reads, guards and summarises an uploaded file.
    pub fn read(
        file_name: &str,
        bytes: impl Into<Vec<u8>>,
        read_options: ReadOptions,
        settings: PrivacySettings,
    ) -> Result<Self, ReadError> {
        let undone = HashSet::new();
        Self::build(
            file_name.into(),
            bytes.into(),
            read_options,
            settings,
            undone,
        )
    }

    /// The same file under other privacy settings.
    pub fn with_settings(&self, settings: PrivacySettings) -> Self {
        let (name, bytes, undone) = self.same();
        // The same bytes read the same way read again.
        Self::build(name, bytes, self.read_options, settings, undone)
            .expect("it was read before")
            .with_roles(self.roles.clone())
    }

    /// The same file read another way (encoding, delimiter…); it may now fail to read.
    pub fn with_read_options(&self, read_options: ReadOptions) -> Result<Self, ReadError> {
        let (name, bytes, undone) = self.same();
        Self::build(name, bytes, read_options, self.settings.clone(), undone)
            .map(|loaded| loaded.with_roles(self.roles.clone()))
    }

    /// The same file with a merge of spellings undone (or applied again).
    pub fn with_merge_undone(&self, key: (String, String), undone: bool) -> Self {
        let (name, bytes, mut undone_merges) = self.same();
        if undone {
            undone_merges.insert(key);
        } else {
            undone_merges.remove(&key);
        }
        let (options, settings) = (self.read_options, self.settings.clone());
        Self::build(name, bytes, options, settings, undone_merges)
            .expect("it was read before")
            .with_roles(self.roles.clone())
    }

    /// The same survey with the user's roles for some columns (for instance those
    /// remembered for this layout); roles for columns it does not have are kept aside.
    pub fn with_roles(&self, roles: HashMap<String, Role>) -> Self {
        let mut next = self.clone();
        for summary in &mut next.summaries {
            summary.role = roles
                .get(&summary.name)
                .copied()
                .unwrap_or_else(|| propose_role(&summary.name, summary.kind));
        }
        next.suggested_grouping = suggest_grouping(&next.summaries);
        next.roles = roles;
        next
    }

    /// A fingerprint of the survey's layout (its analysed column names), under which the
    /// user's roles are remembered for the next wave of the same survey.
    pub fn layout_key(&self) -> String {
        let names: Vec<&str> = self.summaries.iter().map(|s| s.name.as_str()).collect();
        sha256_hex(names.join("\u{1f}").as_bytes())[..16].to_string()
    }

    fn same(&self) -> (String, Vec<u8>, HashSet<(String, String)>) {
        (
            self.file_name.clone(),
            self.bytes.clone(),
            self.undone_merges.clone(),
        )
    }

    fn build(
        file_name: String,
        bytes: Vec<u8>,
        read_options: ReadOptions,
        settings: PrivacySettings,
        undone_merges: HashSet<(String, String)>,
    ) -> Result<Self, ReadError> {
        let raw = read_survey(&bytes, read_options)?;
        let (guarded, report) = guard(&raw, &settings);
        let (merged, merges) = normalise(&guarded, &undone_merges);
        let (survey, folds) = fold(&merged);
        let mut summaries = summarise(&survey);
        // Scrubbing can make free text look like a few repeated answers ("[email]");
        // free text the guard changed stays free text.
        for summary in &mut summaries {
            if report
                .scrubbed
                .iter()
                .any(|s| s.name == summary.name && s.changed > 0)
            {
                summary.kind = ColumnKind::FreeText;
                summary.role = propose_role(&summary.name, ColumnKind::FreeText);
            }
        }
        let suggested_grouping = suggest_grouping(&summaries);
        Ok(LoadedSurvey {
            file_name,
            bytes,
            read_options,
            settings,
            undone_merges,
            survey,
            report,
            merges,
            folds,
            roles: HashMap::new(),
            summaries,
            suggested_grouping,
        })
    }

    /// Columns respondents can be grouped by.
    pub fn grouping_choices(&self) -> impl Iterator<Item = &ColumnSummary> {
        self.summaries.iter().filter(|s| s.can_group())
    }
}

/// Personas built from a survey, and what the user should know about how.
#[derive(Debug, Clone, Default, PartialEq)]
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
    let k = loaded.settings.min_group_size;
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

#[cfg(test)]
mod tests;
