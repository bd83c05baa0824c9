//! The whole path from file bytes to personas, as the UI runs it: one place that
//! strings the stages together, so the UI, the tests and benchmarks share one code path.
//!
//! read → privacy guard → column summaries → grouping → personas
//!
//! In the browser it runs in a Web Worker behind [`crate::protocol::Session`], which
//! answers the page's requests; natively, tests call the same types directly.

mod build;
mod community;
mod coverage;
mod fingerprint;
mod found;
mod link;
mod mapping;
mod refresh;

pub use crate::segments::{LATENT_METHOD, SIMILARITY_METHOD};
pub use build::{build, build_by_answer, build_rule_persona, BuildError, Built, GroupBy};
pub use community::{CommunityView, Weighting};
pub use coverage::{Coverage, Unrepresented};
pub use found::{build_found_personas, SegmentationReport};
pub use link::Extract;
pub use mapping::ColumnMapping;
pub use refresh::{compare, refresh, SPLIT_FACT_POINTS, SPLIT_SILHOUETTE, SPLIT_SMALLER_SHARE};

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::columns::{
    propose_role, suggest_grouping, summarise_as, summarise_column_reporting, understand,
    ColumnKind, ColumnSummary, KindRefusal, Role, Understanding,
};
use crate::privacy::{guard, PrivacyReport, PrivacySettings};
use crate::records::{KeyChoice, LinkReport};
use crate::segments::can_shape_segments;
use crate::survey::{
    one_row_per_record, read_source_reporting, sha256_hex, Dictionary, Fingerprint, Longitudinal,
    Progress, ProgressSink, ReadError, ReadOptions, Source, Stage, Survey,
};

/// Everything the user chose about turning the file into the analysed survey.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Recipe {
    /// How the file is read (encoding, delimiter, sheet, layout).
    pub read_options: ReadOptions,
    pub settings: PrivacySettings,
    /// A REDCap data dictionary: identifiers to drop, labels for fields and codes.
    pub dictionary: Option<Dictionary>,
    /// The event of a REDCap longitudinal project whose answers are analysed (its name
    /// with or without the arm); `None` takes the first event with most answers.
    #[serde(default)]
    pub event: Option<String>,
    /// The key a records extract is linked on, as the user chose it; `None` takes the
    /// best proposed (names only: the extract itself stays in the worker).
    #[serde(default)]
    pub link: Option<KeyChoice>,
}

impl Recipe {
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

/// A survey read into memory, guarded, with its column summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSurvey {
    pub file_name: String,
    /// Where the file is read from (its bytes, the browser's `File` read again in
    /// slices, or the workbook sheet its worker read), to read it again when the user
    /// changes how the file is read or the privacy settings. It never leaves this struct.
    source: Rc<Source>,
    /// A records extract linked on every read, if one was added.
    extract: Option<Rc<Extract>>,
    pub recipe: Recipe,
    /// What analysis sees: identifiers dropped, the rest generalised, scrubbed, merged.
    pub survey: Survey,
    pub report: PrivacyReport,
    /// What the answer steps found: folds, merges, codes, parts.
    pub answers: Understanding,
    /// How a REDCap longitudinal export became one respondent per record, if it is one.
    pub longitudinal: Option<Longitudinal>,
    /// How the records extract was linked, if one was added.
    pub link: Option<LinkReport>,
    /// The community profile, the comparison and any weights.
    community: Option<community::Community>,
    /// Roles, kinds and undone merges and folds the user chose, by column name (the others keep what was
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
        let source = Rc::new(Source::File(bytes.into()));
        Self::open(file_name, source, Fingerprint::Hash, recipe, &mut |_| {})
    }

    /// Reads, guards and summarises a file as the recipe says, reporting progress;
    /// `fingerprint` says whether the file's is worked out as it is read, known or to come.
    pub fn open(
        file_name: &str,
        source: Rc<Source>,
        fingerprint: Fingerprint,
        recipe: Recipe,
        progress: ProgressSink,
    ) -> Result<Self, ReadError> {
        let none = ColumnMapping::default();
        Self::open_with(
            file_name,
            source,
            fingerprint,
            None,
            recipe,
            &none,
            progress,
        )
    }

    /// [`Self::open`] with a records extract to link, if any, and the user's column
    /// choices: the merges and folds they undid stay undone, and their roles and kinds
    /// apply as far as they fit.
    pub fn open_with(
        file_name: &str,
        source: Rc<Source>,
        fingerprint: Fingerprint,
        extract: Option<Rc<Extract>>,
        recipe: Recipe,
        mapping: &ColumnMapping,
        progress: ProgressSink,
    ) -> Result<Self, ReadError> {
        let raw = read_source_reporting(&source, fingerprint, recipe.read_options, progress)?;
        let (raw, longitudinal) = one_row_per_record(raw, recipe.event.as_deref());
        let (raw, link) = match &extract {
            Some(extract) => extract
                .link(raw, &recipe)
                .map(|(raw, link)| (raw, Some(link)))?,
            None => (raw, None),
        };
        let rows = raw.respondents();
        let mut stage = |stage, done, total| {
            progress(Progress {
                stage,
                rows,
                done,
                total,
            })
        };
        let (mut guarded, report) = guard(raw, &recipe.guard_settings(), &mut |done, total| {
            stage(Stage::Guarding, done, total)
        });
        if let Some(dictionary) = &recipe.dictionary {
            guarded = dictionary.label(&guarded);
        }
        let (survey, answers) = understand(
            guarded,
            &mapping.undone_merges,
            &mapping.unfolded,
            recipe.settings.min_group_size,
            &mut |done, total| stage(Stage::Merging, done, total),
        );
        // Progress counts distinct answers: a free-text column holds most of them.
        let distinct: Vec<usize> = survey
            .columns()
            .iter()
            .map(|c| c.answers.distinct().len())
            .collect();
        let total = distinct.iter().sum();
        let mut before = 0;
        stage(Stage::Summarising, 0, total);
        let summaries: Vec<ColumnSummary> = (0..distinct.len())
            .map(|index| {
                let summary = detect(&survey, &report, &answers, index, &mut |done| {
                    stage(Stage::Summarising, before + done, total)
                });
                before += distinct[index];
                stage(Stage::Summarising, before, total);
                summary
            })
            .collect();
        let suggested_grouping = suggest_grouping(&summaries, recipe.settings.min_group_size);
        let mut loaded = LoadedSurvey {
            file_name: file_name.to_string(),
            source,
            extract,
            recipe,
            survey,
            report,
            answers,
            longitudinal,
            link,
            community: None,
            mapping: ColumnMapping {
                undone_merges: mapping.undone_merges.clone(),
                unfolded: mapping.unfolded.clone(),
                ..ColumnMapping::default()
            },
            summaries,
            suggested_grouping,
        };
        loaded.apply_fitting(mapping);
        Ok(loaded)
    }

    /// The same file under another recipe, keeping the user's column choices (a kind
    /// that no longer fits is dropped); it may now fail to read (another encoding, say).
    pub fn rebuilt(&self, recipe: Recipe, progress: ProgressSink) -> Result<Self, ReadError> {
        self.rebuilt_with(self.extract.clone(), recipe, progress)
    }

    /// [`Self::rebuilt`] with another records extract, or none.
    pub fn rebuilt_with(
        &self,
        extract: Option<Rc<Extract>>,
        recipe: Recipe,
        progress: ProgressSink,
    ) -> Result<Self, ReadError> {
        let mut next = Self::open_with(
            &self.file_name,
            self.source.clone(),
            self.known_fingerprint(),
            extract,
            recipe,
            &self.mapping,
            progress,
        )?;
        next.keep_community(self);
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
        if self.mapping.changes_answers(&mapping) {
            // Merges or folds undone or redone: the answers are worked out again.
            let mut answers_only = self.mapping.clone();
            answers_only.undone_merges = mapping.undone_merges.clone();
            answers_only.unfolded = mapping.unfolded.clone();
            let mut next = self.clone();
            next.mapping = answers_only;
            next = next
                .rebuilt(self.recipe.clone(), &mut |_| {})
                .expect("a file read once reads again the same way");
            next.set_mapping(mapping)?;
            *self = next;
            return Ok(());
        }
        // Kinds are worked out first and put in place only when every one fits, so a
        // refusal changes nothing; the summaries are not copied for it (a free-text
        // column's summary can be large).
        let mut redone = Vec::new();
        for (position, summary) in self.summaries.iter().enumerate() {
            let (was, now) = (
                self.mapping.kinds.get(&summary.name),
                mapping.kinds.get(&summary.name),
            );
            if was != now {
                let detected = detect(
                    &self.survey,
                    &self.report,
                    &self.answers,
                    summary.index,
                    &mut |_| {},
                );
                let summary = match now {
                    Some(&kind) if kind != detected.kind => summarise_as(&detected, kind)?,
                    _ => detected,
                };
                redone.push((position, summary));
            }
        }
        for (position, summary) in redone {
            self.summaries[position] = summary;
        }
        for summary in &mut self.summaries {
            let from_records = self
                .link
                .as_ref()
                .is_some_and(|link| link.fields.contains(&summary.name));
            summary.role = match mapping.roles.get(&summary.name) {
                Some(&role) => role,
                None if from_records => Role::Record,
                None => propose_role(&summary.name, summary.kind),
            };
        }
        self.suggested_grouping =
            suggest_grouping(&self.summaries, self.recipe.settings.min_group_size);
        self.mapping = mapping;
        Ok(())
    }

    /// The summaries segmentation may use: those that can shape segments
    /// (`segments::can_shape_segments`) but for the questions the user left out. Only
    /// these are copied: a free-text column's summary lists every distinct answer, which
    /// at a million respondents is tens of megabytes segmentation never reads.
    pub fn segment_summaries(&self) -> Vec<ColumnSummary> {
        self.summaries
            .iter()
            .filter(|s| can_shape_segments(s) && self.mapping.use_for_segments(&s.name))
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

/// A column's summary with the kind worked out from its answers and refined by what the
/// answer steps found. Scrubbing can make free text look like a few repeated answers
/// ("[email]"), so free text the guard changed stays free text — unless a set of
/// categories maps it (what scrubbing changed is then among the rare answers, grouped).
fn detect(
    survey: &Survey,
    report: &PrivacyReport,
    answers: &Understanding,
    index: usize,
    progress: &mut dyn FnMut(usize),
) -> ColumnSummary {
    let mut summary = summarise_column_reporting(index, &survey.columns()[index], progress);
    answers.refine(&mut summary);
    let scrubbed = report
        .scrubbed
        .iter()
        .any(|s| s.name == summary.name && s.changed > 0);
    if scrubbed && !answers.is_mapped(&summary.name) {
        summary.kind = ColumnKind::FreeText;
        summary.role = propose_role(&summary.name, ColumnKind::FreeText);
    }
    summary
}

#[cfg(test)]
mod tests;
