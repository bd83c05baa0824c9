//! The privacy guard stage: between reading and analysis it drops identifier columns,
//! generalises what stays (ages, dates, ZIPs) and scrubs free text, and reports each
//! step. Nothing downstream ever sees the dropped columns or the unscrubbed text.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::generalise::{
    band_ages, cap_ages, dates_to_year, is_age_header, is_date_column, zip3, Generalisation,
};
use super::identifiers::{identifier_reason, DropReason, IdentifierField};
use super::scrub::scrub;
use super::{ShownCount, MIN_GROUP_SIZE};
use crate::columns::{is_number, MAX_CATEGORIES};
use crate::survey::{distinct_answers, is_other_text, Answer, Answers, Column, Layout, Survey};

/// The largest minimum group size a user may set.
pub const MAX_MIN_GROUP_SIZE: usize = 1000;

/// What the user chose about privacy.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PrivacySettings {
    /// No persona or shown count rests on fewer respondents (never below 11).
    pub min_group_size: usize,
    /// Keep ZIP codes cut to 3 digits instead of dropping them.
    pub keep_zip3: bool,
    /// Column names the REDCap data dictionary marks as identifiers.
    pub marked_identifiers: HashSet<String>,
}

impl Default for PrivacySettings {
    fn default() -> Self {
        PrivacySettings {
            min_group_size: MIN_GROUP_SIZE,
            keep_zip3: false,
            marked_identifiers: HashSet::new(),
        }
    }
}

impl PrivacySettings {
    /// Sets the minimum group size; it may be raised, never lowered below 11.
    pub fn set_min_group_size(&mut self, k: usize) -> Result<(), SettingsError> {
        if !(MIN_GROUP_SIZE..=MAX_MIN_GROUP_SIZE).contains(&k) {
            return Err(SettingsError::MinGroupSize { asked: k });
        }
        self.min_group_size = k;
        Ok(())
    }

    /// The settings as given, refused when they would weaken the privacy rules (they
    /// may come from outside: the page, a stored file).
    pub fn checked(self) -> Result<Self, SettingsError> {
        let mut valid = self.clone();
        valid.set_min_group_size(self.min_group_size)?;
        Ok(valid)
    }
}

/// Privacy settings that would weaken the rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum SettingsError {
    #[error("The minimum group size must be between {MIN_GROUP_SIZE} and {MAX_MIN_GROUP_SIZE}; {asked} was not used.")]
    MinGroupSize { asked: usize },
}

/// A column left out of the analysis, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DroppedColumn {
    pub name: String,
    pub reason: DropReason,
}

/// A column kept in a coarser form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GeneralisedColumn {
    pub name: String,
    pub how: Generalisation,
}

/// A free-text column whose answers were scrubbed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScrubbedColumn {
    pub name: String,
    /// Answers in which something was replaced.
    pub changed: usize,
}

/// Everything the guard did, for the user to see.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PrivacyReport {
    pub dropped: Vec<DroppedColumn>,
    pub generalised: Vec<GeneralisedColumn>,
    pub scrubbed: Vec<ScrubbedColumn>,
}

impl ScrubbedColumn {
    /// The changed-answer count as it may be shown.
    pub fn shown_changed(&self) -> ShownCount {
        ShownCount::of(self.changed)
    }
}

/// Applies the guard to a survey as read; the result is all the analysis may see.
/// `progress` hears (done, total) in distinct answers, where the guard's work lies:
/// scrubbing a free-text column's every distinct answer once; a choice column's few
/// answers are soon through.
pub fn guard(
    raw: Survey,
    settings: &PrivacySettings,
    progress: &mut dyn FnMut(usize, usize),
) -> (Survey, PrivacyReport) {
    let total = distinct_answers(raw.columns());
    let mut done = 0;
    progress(done, total);
    let mut report = PrivacyReport::default();
    let tool = raw.format.as_ref().map_or(Layout::Generic, |f| f.layout);
    let metadata = raw.metadata.clone();
    let survey = raw.map_columns(|columns| {
        let mut kept = Vec::new();
        for column in columns {
            let answers = column.answers.distinct().len();
            let reason = identifier_reason(&column, &settings.marked_identifiers).or_else(|| {
                metadata
                    .contains(&column.name)
                    .then_some(DropReason::Metadata(tool))
            });
            match reason {
                Some(DropReason::Name(IdentifierField::Zip)) if settings.keep_zip3 => {
                    match zip3_column(&column) {
                        Some(cut) => {
                            report.generalised.push(GeneralisedColumn {
                                name: column.name.clone(),
                                how: Generalisation::ZipToThreeDigits,
                            });
                            kept.push(cut);
                        }
                        None => report.dropped.push(DroppedColumn {
                            name: column.name,
                            reason: DropReason::Name(IdentifierField::Zip),
                        }),
                    }
                }
                Some(reason) => report.dropped.push(DroppedColumn {
                    name: column.name,
                    reason,
                }),
                None => kept.push(generalised(column, &mut report, &mut |scrubbed| {
                    progress(done + scrubbed, total)
                })),
            }
            done += answers;
            progress(done, total);
        }
        kept
    });
    (survey, report)
}

/// Ages capped, dates cut to years, free text scrubbed; other columns unchanged.
fn generalised(
    mut column: Column,
    report: &mut PrivacyReport,
    progress: &mut dyn FnMut(usize),
) -> Column {
    let mut note = |how| {
        report.generalised.push(GeneralisedColumn {
            name: column.name.clone(),
            how,
        })
    };
    if is_age_header(&column.name) {
        let changed = cap_ages(&mut column.answers);
        if changed > 0 {
            note(Generalisation::AgesCapped { changed });
        }
        if band_ages(&mut column.answers) {
            note(Generalisation::AgesBanded);
        }
    } else if is_date_column(&column.answers) {
        dates_to_year(&mut column.answers);
        note(Generalisation::DatesToYear);
    } else if let Some(changed) =
        scrub_free_text(&mut column.answers, is_other_text(&column.name), progress)
    {
        report.scrubbed.push(ScrubbedColumn {
            name: column.name.clone(),
            changed,
        });
    }
    column
}

/// Scrubs a column with more distinct answers than a choice question has (free text),
/// or the text typed for an "Other (please specify)" (`other_text`) however few;
/// returns how many answers changed, or `None` for choice columns. Numbers are left as
/// they are: scrubbing would take `85,33333333` for a record number.
fn scrub_free_text(
    answers: &mut Answers,
    other_text: bool,
    progress: &mut dyn FnMut(usize),
) -> Option<usize> {
    let mut distinct: FxHashSet<&str> = FxHashSet::default();
    let free_text = other_text
        || answers.distinct().iter().any(|a| {
            distinct.insert(a.trim());
            distinct.len() > MAX_CATEGORIES
        });
    if !free_text {
        return None;
    }
    // Each distinct answer is scrubbed, then held once again: two steps an answer.
    Some(answers.rewrite_reporting(
        |answer| {
            if answer.trim().is_empty() || is_number(answer) {
                return None;
            }
            Some(scrub(answer).into())
        },
        &mut |steps| progress(steps / 2),
    ))
}

/// The column with ZIP codes cut to three digits, each distinct answer once; `None`
/// when any answer is not a ZIP code.
fn zip3_column(column: &Column) -> Option<Column> {
    let mut cut = column.answers.clone();
    let mut all_zips = true;
    cut.rewrite(|a| {
        if a.trim().is_empty() {
            return Some(Answer::default());
        }
        let zip = zip3(a).map(Answer::from);
        all_zips &= zip.is_some();
        zip
    });
    all_zips.then(|| Column {
        name: column.name.clone(),
        answers: cut,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{read_detected, CHANGES_PER_REPORT};

    #[test]
    fn drops_identifiers_generalises_and_scrubs() {
        let mut csv = String::from("Email,Age,Visit date,ZIP,Who do you live with?,Comments\n");
        for i in 0..30 {
            csv.push_str(&format!(
                "p{i}@example.org,{},2024-03-{:02},021{:02},{},\"Note {i}: call 0161 496 00{:02}\"\n",
                70 + i,
                1 + i % 28,
                i,
                ["Alone", "Partner"][i % 2],
                i
            ));
        }
        let raw = read_detected(csv.as_bytes()).unwrap();
        let (safe, report) = guard(raw, &PrivacySettings::default(), &mut |_, _| {});

        let names: Vec<_> = safe.columns().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["Age", "Visit date", "Who do you live with?", "Comments"]
        );
        let dropped: Vec<_> = report.dropped.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(dropped, ["Email", "ZIP"]);
        assert!(safe.columns()[0].answers.iter().any(|a| a == "90+"));
        assert!(safe.columns()[0].answers.iter().any(|a| a == "75–84"));
        assert!(safe.columns()[1].answers.iter().all(|a| a == "2024"));
        assert!(safe.columns()[3]
            .answers
            .iter()
            .all(|a| a.contains("[phone]")));
        assert_eq!(report.scrubbed[0].changed, 30);
        assert_eq!(report.generalised.len(), 3);
    }

    #[test]
    fn progress_counts_distinct_answers_and_moves_inside_a_free_text_column() {
        let many = 4 * CHANGES_PER_REPORT;
        let mut csv = String::from("Who do you live with?,Comments\n");
        for i in 0..many {
            let lives = ["Alone", "Partner"][i % 2];
            csv.push_str(&format!("{lives},\"Comment {i}, call 0161 496 {i:04}\"\n"));
        }
        let raw = read_detected(csv.as_bytes()).unwrap();
        let mut reports = Vec::new();
        guard(raw, &PrivacySettings::default(), &mut |done, total| {
            reports.push((done, total));
        });
        let total = many + 2;
        assert!(reports.iter().all(|&(_, t)| t == total), "{reports:?}");
        let done: Vec<usize> = reports.iter().map(|&(d, _)| d).collect();
        assert_eq!((done[0], done[1], done[done.len() - 1]), (0, 2, total));
        assert!(done.windows(2).all(|w| w[0] <= w[1]), "{done:?}");
        // Scrubbing, then holding the answers once again, each report as it goes.
        let inside = done.iter().filter(|&&d| d > 2 && d < total).count();
        assert_eq!(inside, 2 * many / CHANGES_PER_REPORT - 1, "{done:?}");
    }

    #[test]
    fn drops_survey_tool_metadata_with_its_reason() {
        let csv = "StartDate,ResponseId,Progress,Finished,Q1\n2024-01-01,R_abc123def,100,1,Bus\n2024-01-02,R_xyz789ghi,100,1,Car\n";
        let raw = read_detected(csv.as_bytes()).unwrap();
        let (safe, report) = guard(raw, &PrivacySettings::default(), &mut |_, _| {});
        assert_eq!(
            safe.columns()
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>(),
            ["Q1"]
        );
        let reasons: Vec<String> = report
            .dropped
            .iter()
            .map(|d| format!("{}: {}", d.name, d.reason))
            .collect();
        assert!(
            reasons.contains(&"Progress: Qualtrics metadata, not a question".to_string()),
            "{reasons:?}"
        );
        assert!(reasons.contains(&"Finished: Qualtrics metadata, not a question".to_string()));
    }

    #[test]
    fn numbers_are_never_scrubbed_and_other_text_always_is() {
        let mut csv = String::from("Score,Where? — Other (please specify)\n");
        for i in 0..30 {
            let other = if i < 3 { "At my sister Mary's" } else { "" };
            csv.push_str(&format!("\"85,{:08}\",{other}\n", 33_333_333 + i % 20));
        }
        let raw = read_detected(csv.as_bytes()).unwrap();
        let (safe, report) = guard(raw, &PrivacySettings::default(), &mut |_, _| {});
        assert_eq!(safe.columns()[0].answers[0], "85,33333333");
        assert!(safe.columns()[1].answers[0].contains("[name]"));
        let scrubbed: Vec<_> = report.scrubbed.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(scrubbed, ["Score", "Where? — Other (please specify)"]);
        assert_eq!(report.scrubbed[0].changed, 0);
    }

    #[test]
    fn keeps_three_digit_zips_only_when_asked() {
        let csv = "ZIP code,q\n02139,a\n03601,b\n";
        let raw = read_detected(csv.as_bytes()).unwrap();
        let settings = PrivacySettings {
            keep_zip3: true,
            ..PrivacySettings::default()
        };
        let (safe, report) = guard(raw, &settings, &mut |_, _| {});
        assert_eq!(safe.columns()[0].answers, ["021", "000"]);
        assert_eq!(report.generalised[0].how, Generalisation::ZipToThreeDigits);
    }

    #[test]
    fn the_minimum_group_size_never_goes_below_eleven() {
        let mut settings = PrivacySettings::default();
        assert!(settings.set_min_group_size(10).is_err());
        assert_eq!(settings.min_group_size, 11);
        settings.set_min_group_size(20).unwrap();
        assert_eq!(settings.min_group_size, 20);
    }
}
