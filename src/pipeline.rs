//! The whole path from file bytes to personas, as the UI runs it: one place that
//! strings the stages together, so the UI, the tests and benchmarks share one code path.

use thiserror::Error;
use time::OffsetDateTime;

use crate::columns::{suggest_grouping, summarise, ColumnSummary};
use crate::personas::{personas_from_grouping, Persona};
use crate::privacy::{ShownCount, MIN_GROUP_SIZE};
use crate::segments::group_by;
use crate::survey::{read_csv, ReadError, Survey};

/// A survey read into memory with its column summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSurvey {
    pub file_name: String,
    pub survey: Survey,
    pub summaries: Vec<ColumnSummary>,
    /// The grouping column to preselect, if any suits.
    pub suggested_grouping: Option<usize>,
}

impl LoadedSurvey {
    /// Reads and summarises an uploaded file.
    pub fn read(file_name: &str, bytes: &[u8]) -> Result<Self, ReadError> {
        let survey = read_csv(bytes)?;
        let summaries = summarise(&survey);
        let suggested_grouping = suggest_grouping(&summaries);
        Ok(LoadedSurvey {
            file_name: file_name.to_string(),
            survey,
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
}

/// Why no personas could be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BuildError {
    #[error("Choose a question that groups respondents.")]
    NotAGrouping,
    #[error(
        "No answer to “{question}” was given by {MIN_GROUP_SIZE} or more respondents, so no \
         persona can be built from it without risking that someone is recognised. \
         Choose a question with fewer, larger groups."
    )]
    AllGroupsTooSmall { question: String },
}

/// Groups respondents by one column and builds a persona per large-enough group.
pub fn build_personas(
    loaded: &LoadedSurvey,
    column: usize,
    now: OffsetDateTime,
) -> Result<Built, BuildError> {
    let summary = loaded
        .summaries
        .get(column)
        .filter(|s| s.can_group())
        .ok_or(BuildError::NotAGrouping)?;
    let grouping = group_by(&loaded.survey, summary);
    if grouping.segments.is_empty() {
        return Err(BuildError::AllGroupsTooSmall {
            question: summary.name.clone(),
        });
    }
    let mut notes = Vec::new();
    if grouping.small_groups > 0 {
        notes.push(format!(
            "{} answer group(s) had fewer than {MIN_GROUP_SIZE} respondents and were left out \
             to protect privacy.",
            grouping.small_groups
        ));
    }
    if grouping.unanswered > 0 {
        notes.push(format!(
            "{} respondent(s) left “{}” blank and are in no persona.",
            ShownCount::of(grouping.unanswered),
            summary.name
        ));
    }
    let personas = personas_from_grouping(&loaded.survey, &loaded.summaries, &grouping, now);
    Ok(Built { personas, notes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

    fn loaded(rows: &[(&str, usize)]) -> LoadedSurvey {
        let mut csv = String::from("respondent,lives_with\n");
        let mut i = 0;
        for (value, times) in rows {
            for _ in 0..*times {
                i += 1;
                csv.push_str(&format!("R{i},{value}\n"));
            }
        }
        LoadedSurvey::read("survey.csv", csv.as_bytes()).unwrap()
    }

    #[test]
    fn preselects_and_builds_with_notes_that_hide_small_counts() {
        let survey = loaded(&[("Partner", 30), ("Alone", 12), ("Family", 4), ("", 3)]);
        assert_eq!(survey.suggested_grouping, Some(1));
        let built = build_personas(&survey, 1, NOW).unwrap();
        assert_eq!(built.personas.len(), 2);
        assert_eq!(
            built.notes,
            [
                "1 answer group(s) had fewer than 11 respondents and were left out to protect privacy.",
                "<11 respondent(s) left “lives_with” blank and are in no persona."
            ]
        );
    }

    #[test]
    fn every_group_under_eleven_is_a_clear_error() {
        let survey = loaded(&[("Partner", 10), ("Alone", 6)]);
        let error = build_personas(&survey, 1, NOW).unwrap_err();
        assert!(matches!(error, BuildError::AllGroupsTooSmall { .. }));
        assert!(error.to_string().contains("“lives_with”"));
    }

    #[test]
    fn a_column_that_does_not_group_is_refused() {
        let survey = loaded(&[("Partner", 20)]);
        assert_eq!(
            build_personas(&survey, 0, NOW),
            Err(BuildError::NotAGrouping)
        );
        assert_eq!(
            build_personas(&survey, 9, NOW),
            Err(BuildError::NotAGrouping)
        );
    }
}
