//! What the page shows of a loaded survey: summaries, the privacy report and a short
//! preview — never the respondents' rows beyond that preview. The view is bounded: each
//! preview cell shows at most [`SHOWN_CELL_CHARS`] characters, and a view larger than
//! [`MAX_VIEW_BYTES`] is refused in the worker before the page has to render it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::columns::{ColumnSummary, Fold, Merge};
use crate::pipeline::{ColumnMapping, CommunityView, LoadedSurvey, Recipe};
use crate::privacy::PrivacyReport;
use crate::records::LinkReport;
use crate::survey::{grouped, Longitudinal, SourceFormat};

/// Rows of the guarded survey shown as a preview.
pub const PREVIEW_ROWS: usize = 5;

/// The most characters of one answer the preview shows; longer ones end in "…".
pub const SHOWN_CELL_CHARS: usize = 200;

/// The largest survey description (as JSON) the worker sends the page: 8 MiB. The
/// widest survey read ([`crate::survey::MAX_COLUMNS`] columns) with a few answers per
/// column takes about a third of it; a real survey of 100,000 rows well under a tenth.
pub const MAX_VIEW_BYTES: usize = 8 * 1024 * 1024;

/// A survey whose description would be too large for the page.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[error(
    "The survey is too large to show: its columns and their answers would take {} KB in the \
     page, and at most {} KB can be shown. Export fewer questions (or leave out answers \
     that are all different, such as record numbers) and try again.",
    grouped(bytes / 1024), grouped(MAX_VIEW_BYTES / 1024)
)]
pub struct ViewTooLarge {
    pub bytes: usize,
}

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
    /// the others: `Request::Open` with another `Recipe::event`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitudinal: Option<Longitudinal>,
    /// How a records extract was linked (names and counts under the small-cell rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkReport>,
    /// The community profile and how respondents compare with it (and any weighting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<CommunityView>,
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

    /// The view's size as JSON, refused past [`MAX_VIEW_BYTES`].
    pub fn check_size(&self) -> Result<(), ViewTooLarge> {
        let mut counted = Counted(0);
        serde_json::to_writer(&mut counted, self).expect("a view serialises");
        if counted.0 > MAX_VIEW_BYTES {
            return Err(ViewTooLarge { bytes: counted.0 });
        }
        Ok(())
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
            merges: self.answers.merges.clone(),
            folds: self.answers.folds.clone(),
            longitudinal: self.longitudinal.clone(),
            link: self.link.clone(),
            community: self.community_view(),
            mapping: self.mapping.clone(),
            summaries: self.summaries.iter().map(ColumnSummary::for_page).collect(),
            suggested_grouping: self.suggested_grouping,
            columns: survey.columns().iter().map(|c| c.name.clone()).collect(),
            preview: survey
                .preview_rows(PREVIEW_ROWS)
                .into_iter()
                .map(|row| row.into_iter().map(shown).collect())
                .collect(),
            layout_key: self.layout_key(),
        }
    }
}

/// An answer as the preview shows it: its first [`SHOWN_CELL_CHARS`] characters.
fn shown(answer: &str) -> String {
    match answer.char_indices().nth(SHOWN_CELL_CHARS) {
        Some((cut, _)) => format!("{}…", &answer[..cut]),
        None => answer.to_string(),
    }
}

/// A writer that only counts the bytes written to it.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn long_answers_are_cut_for_the_preview() {
        assert_eq!(shown("short"), "short");
        let long = "é".repeat(SHOWN_CELL_CHARS + 5);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), SHOWN_CELL_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(shown(&"x".repeat(SHOWN_CELL_CHARS)).len(), SHOWN_CELL_CHARS);
    }
}
