//! Look-ups shared by the integration tests that read surveys through the pipeline.
// Each test crate uses a part of them.
#![allow(dead_code)]

use persona_builder::columns::ColumnSummary;
use persona_builder::pipeline::LoadedSurvey;

/// The summary of the first column whose name starts with `question`.
pub fn column<'a>(loaded: &'a LoadedSurvey, question: &str) -> &'a ColumnSummary {
    loaded
        .summaries
        .iter()
        .find(|s| s.name.starts_with(question))
        .unwrap_or_else(|| panic!("no column “{question}”"))
}

/// The names of the columns the privacy guard dropped.
pub fn dropped(loaded: &LoadedSurvey) -> Vec<&str> {
    loaded
        .report
        .dropped
        .iter()
        .map(|d| d.name.as_str())
        .collect()
}
