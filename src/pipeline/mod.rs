//! The whole path from file bytes to personas, as the UI runs it: one place that
//! strings the stages together, so the UI, the tests and benchmarks share one code path.
//!
//! read → privacy guard → column summaries → grouping → personas
//!
//! In the browser it runs in a Web Worker behind [`crate::protocol::Session`], which
//! answers the page's requests; natively, tests call the same types directly.

mod build;
mod coverage;
mod found;
mod refresh;

pub use crate::segments::{LATENT_METHOD, SIMILARITY_METHOD};
pub use build::{build, build_by_answer, build_rule_persona, BuildError, Built, GroupBy};
pub use coverage::{Coverage, Unrepresented};
pub use found::{build_found_personas, SegmentationReport};
pub use refresh::{refresh, SPLIT_FACT_POINTS, SPLIT_SILHOUETTE, SPLIT_SMALLER_SHARE};

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::columns::{
    fold, normalise, propose_role, suggest_grouping, summarise_as, summarise_column, ColumnKind,
    ColumnSummary, Fold, KindRefusal, Merge, Role,
};
use crate::privacy::{guard, PrivacyReport, PrivacySettings};
use crate::segments::can_shape_segments;
use crate::survey::{
    read_survey_reporting, sha256_hex, Dictionary, Progress, ProgressSink, ReadError, ReadOptions,
    Stage, Survey,
};

/// Everything the user chose about turning the file into the analysed survey.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Recipe {
    /// How the file is read (encoding, delimiter, sheet, layout).
    pub read_options: ReadOptions,
    pub settings: PrivacySettings,
    /// Merges of spellings the user undid, as (column, kept spelling).
    pub undone_merges: HashSet<(String, String)>,
    /// A REDCap data dictionary: identifiers to drop, labels for fields and codes.
    pub dictionary: Option<Dictionary>,
}

impl Recipe {
    /// Undoes a merge of spellings (keyed column, kept spelling), or applies it again.
    pub fn set_merge_undone(&mut self, key: (String, String), undone: bool) {
        if undone {
            self.undone_merges.insert(key);
        } else {
            self.undone_merges.remove(&key);
        }
    }

    /// The privacy settings with the dictionary's identifier marks added.
    fn guard_settings(&self) -> PrivacySettings {
        let mut settings = self.settings.clone();
        if let Some(dictionary) = &self.dictionary {
            let marked = dictionary.identifiers.iter().cloned();
            settings.marked_identifiers.extend(marked);
        }
        settings
    }
}

/// The roles and kinds a user gave columns, and the questions they left out of
/// segments, by column name; remembered per survey layout so that the next wave of the
/// same survey maps itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ColumnMapping {
    pub roles: HashMap<String, Role>,
    pub kinds: BTreeMap<String, ColumnKind>,
    /// Questions the user unticked under **Use for segments**: they shape no segment
    /// found across the questions (they still describe the personas).
    pub left_out_of_segments: BTreeSet<String>,
}

impl ColumnMapping {
    /// Whether the user chose nothing.
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty() && self.kinds.is_empty() && self.left_out_of_segments.is_empty()
    }

    /// Whether the question may shape segments (**Use for segments** ticked).
    pub fn use_for_segments(&self, question: &str) -> bool {
        !self.left_out_of_segments.contains(question)
    }

    /// Ticks or unticks **Use for segments** for a question.
    pub fn set_use_for_segments(&mut self, question: &str, used: bool) {
        if used {
            self.left_out_of_segments.remove(question);
        } else {
            self.left_out_of_segments.insert(question.to_string());
        }
    }
}

/// A survey read into memory, guarded, with its column summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSurvey {
    pub file_name: String,
    /// The file's bytes, kept only to read them again when the user changes how the file
    /// is read or the privacy settings. They never leave this struct.
    bytes: Arc<Vec<u8>>,
    pub recipe: Recipe,
    /// What analysis sees: identifiers dropped, the rest generalised, scrubbed, merged.
    pub survey: Survey,
    pub report: PrivacyReport,
    /// Spellings merged (or, when undone, left apart).
    pub merges: Vec<Merge>,
    /// Multi-select questions folded from their option columns or joined cells.
    pub folds: Vec<Fold>,
    /// Roles and kinds the user chose, by column name (the others keep what was
    /// proposed or worked out).
    pub mapping: ColumnMapping,
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
        let recipe = Recipe {
            read_options,
            settings,
            ..Recipe::default()
        };
        Self::open(file_name, Arc::new(bytes.into()), None, recipe, &mut |_| {})
    }

    /// Reads, guards and summarises a file as the recipe says, reporting progress;
    /// `sha256` is the file's when already known.
    pub fn open(
        file_name: &str,
        bytes: Arc<Vec<u8>>,
        sha256: Option<String>,
        recipe: Recipe,
        progress: ProgressSink,
    ) -> Result<Self, ReadError> {
        let raw = read_survey_reporting(&bytes, sha256, recipe.read_options, progress)?;
        let columns = raw.columns().len();
        let rows = raw.respondents();
        let mut stage = |stage, done, total| {
            progress(Progress {
                stage,
                rows,
                done,
                total,
            })
        };
        let cells = rows * columns;
        stage(Stage::Guarding, 0, cells);
        let (mut guarded, report) = guard(raw, &recipe.guard_settings(), &mut |done| {
            stage(Stage::Guarding, done, cells)
        });
        if let Some(dictionary) = &recipe.dictionary {
            guarded = dictionary.label(&guarded);
        }
        let steps = 2 * guarded.columns().len();
        let (merged, merges) = normalise(guarded, &recipe.undone_merges, &mut |done| {
            stage(Stage::Merging, done, steps)
        });
        let half = merged.columns().len();
        let (survey, folds) = fold(merged, &mut |done| {
            stage(Stage::Merging, half + done, steps)
        });
        let kept = survey.columns().len();
        stage(Stage::Summarising, 0, kept);
        let summaries: Vec<ColumnSummary> = (0..kept)
            .map(|index| {
                let summary = detect(&survey, &report, index);
                stage(Stage::Summarising, index + 1, kept);
                summary
            })
            .collect();
        let suggested_grouping = suggest_grouping(&summaries, recipe.settings.min_group_size);
        Ok(LoadedSurvey {
            file_name: file_name.to_string(),
            bytes,
            recipe,
            survey,
            report,
            merges,
            folds,
            mapping: ColumnMapping::default(),
            summaries,
            suggested_grouping,
        })
    }

    /// The same file under another recipe, keeping the user's roles and kinds (a kind
    /// that no longer fits is dropped); it may now fail to read (another encoding, say).
    pub fn rebuilt(&self, recipe: Recipe, progress: ProgressSink) -> Result<Self, ReadError> {
        let sha256 = Some(self.survey.source_sha256.clone());
        let mut next = Self::open(
            &self.file_name,
            self.bytes.clone(),
            sha256,
            recipe,
            progress,
        )?;
        next.apply_fitting(&self.mapping);
        Ok(next)
    }

    /// Applies a remembered mapping as far as it fits this survey: kinds whose columns'
    /// answers no longer fit them are left out.
    pub fn apply_fitting(&mut self, mapping: &ColumnMapping) {
        let mut fitting = mapping.clone();
        fitting.kinds.retain(|name, &mut kind| {
            self.summaries
                .iter()
                .find(|s| &s.name == name)
                .is_some_and(|s| summarise_as(s, kind).is_ok())
        });
        self.set_mapping(fitting)
            .expect("only fitting kinds are left");
    }

    /// Gives columns the roles and kinds the user chose; the others keep their proposed
    /// role and the kind worked out from their answers. When a column's answers do not
    /// fit the kind chosen for it, nothing changes and the reason is returned.
    pub fn set_mapping(&mut self, mapping: ColumnMapping) -> Result<(), KindRefusal> {
        let mut summaries = self.summaries.clone();
        for summary in &mut summaries {
            let (was, now) = (
                self.mapping.kinds.get(&summary.name),
                mapping.kinds.get(&summary.name),
            );
            if was != now {
                let detected = detect(&self.survey, &self.report, summary.index);
                *summary = match now {
                    Some(&kind) if kind != detected.kind => summarise_as(&detected, kind)?,
                    _ => detected,
                };
            }
        }
        for summary in &mut summaries {
            summary.role = mapping
                .roles
                .get(&summary.name)
                .copied()
                .unwrap_or_else(|| propose_role(&summary.name, summary.kind));
        }
        self.suggested_grouping = suggest_grouping(&summaries, self.recipe.settings.min_group_size);
        self.summaries = summaries;
        self.mapping = mapping;
        Ok(())
    }

    /// The summaries segmentation may use: all but the questions the user left out of
    /// segments (which of those can shape segments is `segments::can_shape_segments`).
    pub fn segment_summaries(&self) -> Vec<ColumnSummary> {
        self.summaries
            .iter()
            .filter(|s| self.mapping.use_for_segments(&s.name))
            .cloned()
            .collect()
    }

    /// The questions that could shape segments but that the user left out.
    pub fn left_out_of_segments(&self) -> Vec<String> {
        self.summaries
            .iter()
            .filter(|s| can_shape_segments(s) && !self.mapping.use_for_segments(&s.name))
            .map(|s| s.name.clone())
            .collect()
    }

    /// A fingerprint of the survey's layout (its analysed column names), under which the
    /// user's roles are remembered for the next wave of the same survey.
    pub fn layout_key(&self) -> String {
        let names: Vec<&str> = self.summaries.iter().map(|s| s.name.as_str()).collect();
        sha256_hex(names.join("\u{1f}").as_bytes())[..16].to_string()
    }
}

/// A column's summary with the kind worked out from its answers. Scrubbing can make free
/// text look like a few repeated answers ("[email]"), so free text the guard changed
/// stays free text.
fn detect(survey: &Survey, report: &PrivacyReport, index: usize) -> ColumnSummary {
    let mut summary = summarise_column(index, &survey.columns()[index]);
    if report
        .scrubbed
        .iter()
        .any(|s| s.name == summary.name && s.changed > 0)
    {
        summary.kind = ColumnKind::FreeText;
        summary.role = propose_role(&summary.name, ColumnKind::FreeText);
    }
    summary
}

#[cfg(test)]
mod tests;
