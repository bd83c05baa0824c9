//! What the page shows of a loaded survey: summaries, the privacy report and a short
//! preview — never the respondents' rows beyond that preview.

use serde::{Deserialize, Serialize};

use super::{ColumnMapping, LoadedSurvey, Recipe};
use crate::columns::{ColumnSummary, Fold, Merge};
use crate::privacy::PrivacyReport;
use crate::survey::{Longitudinal, SourceFormat};

/// Rows of the guarded survey shown as a preview.
pub const PREVIEW_ROWS: usize = 5;

/// A loaded survey as the UI sees it; it crosses from the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyView {
    pub file_name: String,
    pub recipe: Recipe,
    pub format: Option<SourceFormat>,
    pub respondents: usize,
    /// Repairs made while reading.
    pub warnings: Vec<String>,
    pub report: PrivacyReport,
    pub merges: Vec<Merge>,
    pub folds: Vec<Fold>,
    /// A REDCap longitudinal project's events and the one analysed (the page may offer
    /// the others: `Request::Event`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitudinal: Option<Longitudinal>,
    pub mapping: ColumnMapping,
    pub summaries: Vec<ColumnSummary>,
    pub suggested_grouping: Option<usize>,
    /// The analysed columns' names and the first [`PREVIEW_ROWS`] rows of answers.
    pub columns: Vec<String>,
    pub preview: Vec<Vec<String>>,
    /// See [`LoadedSurvey::layout_key`].
    pub layout_key: String,
}

impl SurveyView {
    /// The minimum group size the survey was guarded with.
    pub fn min_group_size(&self) -> usize {
        self.recipe.settings.min_group_size
    }

    /// Columns respondents can be grouped by.
    pub fn grouping_choices(&self) -> impl Iterator<Item = &ColumnSummary> {
        self.summaries.iter().filter(|s| s.can_group())
    }
}

impl LoadedSurvey {
    /// What the page shows of this survey.
    pub fn view(&self) -> SurveyView {
        let survey = &self.survey;
        SurveyView {
            file_name: self.file_name.clone(),
            recipe: self.recipe.clone(),
            format: survey.format.clone(),
            respondents: survey.respondents(),
            warnings: survey.warnings.clone(),
            report: self.report.clone(),
            merges: self.answers.merges.clone(),
            folds: self.answers.folds.clone(),
            longitudinal: self.longitudinal.clone(),
            mapping: self.mapping.clone(),
            summaries: self.summaries.iter().map(ColumnSummary::for_page).collect(),
            suggested_grouping: self.suggested_grouping,
            columns: survey.columns().iter().map(|c| c.name.clone()).collect(),
            preview: survey
                .preview_rows(PREVIEW_ROWS)
                .into_iter()
                .map(|row| row.into_iter().map(str::to_string).collect())
                .collect(),
            layout_key: self.layout_key(),
        }
    }
}
