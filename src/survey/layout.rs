//! Survey-tool layouts: which tool wrote the export, its extra header rows, and its
//! metadata columns (times, progress, device…), which are not questions.

use super::Column;

/// The tools whose exports are recognised.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Layout {
    /// One header row, no known metadata.
    #[default]
    Generic,
    Qualtrics,
    SurveyMonkey,
    GoogleForms,
    MicrosoftForms,
    Redcap,
    KoboToolbox,
    LimeSurvey,
}

impl Layout {
    /// Every layout, for a picker.
    pub const ALL: [Layout; 8] = [
        Layout::Generic,
        Layout::Qualtrics,
        Layout::SurveyMonkey,
        Layout::GoogleForms,
        Layout::MicrosoftForms,
        Layout::Redcap,
        Layout::KoboToolbox,
        Layout::LimeSurvey,
    ];

    /// The tool's name.
    pub fn label(self) -> &'static str {
        match self {
            Layout::Generic => "Other (one header row)",
            Layout::Qualtrics => "Qualtrics",
            Layout::SurveyMonkey => "SurveyMonkey",
            Layout::GoogleForms => "Google Forms",
            Layout::MicrosoftForms => "Microsoft Forms",
            Layout::Redcap => "REDCap",
            Layout::KoboToolbox => "KoboToolbox",
            Layout::LimeSurvey => "LimeSurvey",
        }
    }

    /// Whether a column (by its export name) is the tool's metadata, not a question.
    fn is_metadata(self, name: &str) -> bool {
        let lower = name.trim().to_lowercase();
        let listed = |names: &[&str]| names.contains(&lower.as_str());
        match self {
            Layout::Generic => false,
            Layout::Qualtrics => {
                listed(&[
                    "startdate",
                    "enddate",
                    "status",
                    "progress",
                    "duration (in seconds)",
                    "finished",
                    "recordeddate",
                    "distributionchannel",
                    "userlanguage",
                    "q_recaptchascore",
                    "q_relevantidduplicate",
                    "q_relevantidduplicatescore",
                    "q_relevantidfraudscore",
                    "q_relevantidlaststartdate",
                ]) || lower.starts_with("q_")
            }
            Layout::SurveyMonkey => listed(&[
                "start date",
                "end date",
                "startdate",
                "enddate",
                "custom data 1",
                "custom data",
            ]),
            Layout::GoogleForms => listed(&["timestamp", "score", "total score"]),
            Layout::MicrosoftForms => listed(&[
                "start time",
                "completion time",
                "last modified time",
                "total points",
                "quiz feedback",
            ]),
            Layout::Redcap => {
                lower.ends_with("_timestamp")
                    || lower.ends_with("_complete")
                    || lower.starts_with("redcap_")
            }
            Layout::KoboToolbox => {
                lower.starts_with('_')
                    || lower.starts_with("meta/")
                    || lower.starts_with("formhub/")
                    || listed(&[
                        "start",
                        "end",
                        "today",
                        "deviceid",
                        "username",
                        "simserial",
                        "subscriberid",
                        "audit",
                    ])
            }
            Layout::LimeSurvey => {
                listed(&[
                    "submitdate",
                    "lastpage",
                    "startlanguage",
                    "seed",
                    "startdate",
                    "datestamp",
                    "refurl",
                    "interviewtime",
                ]) || is_lime_timing(&lower)
            }
        }
    }
}

/// LimeSurvey's timing columns: `groupTime12` per page, `123X45X678time` per question.
fn is_lime_timing(lower: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    lower.strip_prefix("grouptime").is_some_and(digits)
        || lower
            .strip_suffix("time")
            .is_some_and(|code| code.split('x').count() == 3 && code.split('x').all(digits))
}

/// Whether a column holds what respondents typed for a question's "Other (please
/// specify)" rather than a question of its own, as each tool names it: SurveyMonkey
/// `… — Other (please specify)`, Qualtrics `Q5_4_TEXT`, LimeSurvey `Q3[other]` or
/// `Q3[other_comment]`, KoboToolbox and REDCap `…_other`.
pub fn is_other_text(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let tag = lower
        .rsplit_once(" (")
        .and_then(|(_, tag)| tag.strip_suffix(')'))
        .unwrap_or(&lower);
    lower.contains("please specify")
        || lower.contains("(specify)")
        || lower.contains("other, specify")
        || tag
            .strip_suffix("_text")
            .is_some_and(|code| code.contains(|c: char| c.is_ascii_digit()))
        || tag.ends_with("[other]")
        || tag.ends_with("[other_comment]")
        || tag.ends_with("_other")
        || tag.ends_with("/other")
}

/// Columns shaped by their layout.
pub struct Shaped {
    pub columns: Vec<Column>,
    /// Names (after shaping) of the tool's metadata columns.
    pub metadata: Vec<String>,
    pub warnings: Vec<String>,
}

/// Works out which tool wrote the columns (header names and first rows).
pub fn detect(columns: &[Column]) -> Layout {
    let names: Vec<String> = columns
        .iter()
        .map(|c| c.name.trim().to_lowercase())
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    let row = |r: usize| -> Vec<&str> {
        columns
            .iter()
            .map(|c| c.answers.get(r).map_or("", |a| a.trim()))
            .collect()
    };
    let share = |cells: &[&str], test: &dyn Fn(&str) -> bool| {
        cells.iter().filter(|c| test(c)).count() as f64 / cells.len().max(1) as f64
    };
    if (has("responseid") && (has("startdate") || has("recordeddate")))
        || share(&row(1), &|c| c.starts_with("{\"ImportId\"")) > 0.5
    {
        return Layout::Qualtrics;
    }
    if (has("respondent id") && has("collector id")) || share(&row(0), &is_monkey_subheader) > 0.2 {
        return Layout::SurveyMonkey;
    }
    if has("_uuid") && has("_submission_time") {
        return Layout::KoboToolbox;
    }
    if has("submitdate") && has("lastpage") && has("startlanguage") {
        return Layout::LimeSurvey;
    }
    if names.iter().any(|n| n.ends_with("_complete"))
        || names.first().is_some_and(|n| n == "record_id")
    {
        return Layout::Redcap;
    }
    if names.len() >= 3 && names[..3] == ["id", "start time", "completion time"] {
        return Layout::MicrosoftForms;
    }
    if names.first().is_some_and(|n| n == "timestamp") {
        return Layout::GoogleForms;
    }
    Layout::Generic
}

/// Applies a layout: extra header rows become column names, metadata is named.
pub fn shape(layout: Layout, mut columns: Vec<Column>) -> Shaped {
    let metadata_tags: Vec<bool> = columns
        .iter()
        .map(|c| layout.is_metadata(&c.name))
        .collect();
    let mut warnings = Vec::new();
    match layout {
        Layout::Qualtrics if columns.iter().all(|c| c.answers.len() >= 2) => {
            // Row 2 holds the question text, row 3 the ImportId JSON; answers follow.
            let import_row = columns
                .iter()
                .filter(|c| c.answers[1].starts_with("{\"ImportId\""))
                .count();
            if import_row * 2 > columns.len() {
                for column in &mut columns {
                    let question = column.answers[0].trim().to_string();
                    if !question.is_empty() && question != column.name {
                        column.name = format!("{} ({})", question, column.name);
                    }
                    column.answers = column.answers.without_first(2);
                }
                warnings.push("Qualtrics export: question texts from its second header row are used as column names.".to_string());
            }
        }
        Layout::SurveyMonkey
            if columns.iter().all(|c| !c.answers.is_empty())
                && columns.iter().any(|c| is_monkey_subheader(&c.answers[0])) =>
        {
            // Row 2 says "Response" for single answers, or names the option/row.
            let mut question = String::new();
            for column in &mut columns {
                let name = column.name.trim().to_string();
                if !name.is_empty() && !name.starts_with("Unnamed:") && !name.starts_with("Column ")
                {
                    question = name;
                }
                let sub = column.answers[0].trim().to_string();
                column.name = match sub.as_str() {
                    "" | "Response" | "Open-Ended Response" => column.name.clone(),
                    option if !question.is_empty() => format!("{question} — {option}"),
                    option => option.to_string(),
                };
                column.answers = column.answers.without_first(1);
            }
            warnings.push(
                "SurveyMonkey export: its second header row is used to name options.".to_string(),
            );
        }
        _ => {}
    }
    dedupe_names(&mut columns);
    let metadata = columns
        .iter()
        .zip(metadata_tags)
        .filter(|(_, is)| *is)
        .map(|(c, _)| c.name.clone())
        .collect();
    Shaped {
        columns,
        metadata,
        warnings,
    }
}

/// SurveyMonkey's second header row says this over single-answer questions.
fn is_monkey_subheader(cell: &str) -> bool {
    matches!(cell.trim(), "Response" | "Open-Ended Response")
}

/// Keeps names unique after renaming.
fn dedupe_names(columns: &mut [Column]) {
    let mut seen: Vec<String> = Vec::new();
    for column in columns.iter_mut() {
        let base = column.name.clone();
        let mut k = 2;
        while seen.contains(&column.name) {
            column.name = format!("{base} ({k})");
            k += 1;
        }
        seen.push(column.name.clone());
    }
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
