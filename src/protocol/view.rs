//! What the page shows of a loaded survey: summaries, the privacy report and a short
//! preview — never the respondents' rows beyond that preview.

use serde::{Deserialize, Serialize};

use crate::columns::{ColumnSummary, Fold, Merge};
use crate::pipeline::{ColumnMapping, LoadedSurvey, Recipe};
use crate::privacy::PrivacyReport;
use crate::survey::SourceFormat;

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

    /// The column to group by once this view replaces another: the question chosen
    /// before (by name) while it can still group respondents, else the suggested one.
    pub fn keep_grouping(&self, chosen: Option<&str>) -> Option<usize> {
        chosen
            .and_then(|name| self.grouping_choices().find(|s| s.name == name))
            .map(|s| s.index)
            .or(self.suggested_grouping)
    }

    /// The name of column `index`, if there is one.
    pub fn column_name(&self, index: usize) -> Option<&str> {
        self.summaries.get(index).map(|s| s.name.as_str())
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
            merges: self.merges.clone(),
            folds: self.folds.clone(),
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

#[cfg(test)]
mod tests {
    use crate::pipeline::LoadedSurvey;
    use crate::privacy::PrivacySettings;
    use crate::survey::ReadOptions;

    #[test]
    fn the_chosen_question_stays_chosen_while_it_can_group() {
        let mut csv = String::from("Travel,Lives,Comment\n");
        for i in 0..40 {
            let comment = format!("Comment {i}");
            csv.push_str(&format!(
                "{},{},{comment}\n",
                ["Bus", "Car"][i % 2],
                ["Alone", "Partner", "Family"][i % 3]
            ));
        }
        let loaded = LoadedSurvey::read(
            "s.csv",
            csv.as_bytes(),
            ReadOptions::default(),
            PrivacySettings::default(),
        )
        .unwrap();
        let view = loaded.view();
        let suggested = view.suggested_grouping;
        assert!(suggested.is_some());
        let lives = view
            .summaries
            .iter()
            .position(|s| s.name == "Lives")
            .unwrap();
        assert_eq!(view.keep_grouping(Some("Lives")), Some(lives));
        assert_eq!(
            view.keep_grouping(Some("Comment")),
            suggested,
            "free text cannot group"
        );
        assert_eq!(view.keep_grouping(Some("Gone")), suggested);
        assert_eq!(view.keep_grouping(None), suggested);
        assert_eq!(view.column_name(lives), Some("Lives"));
    }
}
