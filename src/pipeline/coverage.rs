//! How well a set of personas covers the respondents: how many are in a persona, how
//! many fit theirs well, and which demographic groups no persona stands for.

use serde::{Deserialize, Serialize};

use crate::columns::{shown_answers, ColumnKind, ColumnSummary, Role};
use crate::segments::Segment;
use crate::survey::Survey;

/// Coverage and representation of a persona set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Share (0–1) of respondents who are in a persona.
    pub in_personas: f64,
    /// Share (0–1) who fit their persona well, for segments found in the answers.
    pub fits_well: Option<f64>,
    /// Demographic answers, each given by at least k respondents, that no persona gives
    /// at least as often as respondents overall.
    pub unrepresented: Vec<Unrepresented>,
}

/// A demographic group no persona stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unrepresented {
    pub question: String,
    pub answer: String,
    /// Percent of all respondents who gave it.
    pub overall_pct: f64,
}

/// The coverage of personas built on `segments`.
pub fn coverage(
    survey: &Survey,
    summaries: &[ColumnSummary],
    segments: &[Segment],
    k: usize,
    fits_well: Option<f64>,
) -> Coverage {
    let total = survey.respondents().max(1);
    let covered: usize = segments.iter().map(Segment::size).sum();
    let mut unrepresented = Vec::new();
    let demographics = summaries.iter().filter(|s| {
        s.role == Role::Demographic && matches!(s.kind, ColumnKind::Categorical | ColumnKind::Scale)
    });
    for summary in demographics {
        let answers = &survey.columns()[summary.index].answers;
        for bar in shown_answers(summary, survey.respondents(), k) {
            let Some(overall) = bar.count else { continue };
            let overall_share = overall as f64 / total as f64;
            let represented = segments.iter().any(|segment| {
                let n = segment
                    .members
                    .iter()
                    .filter(|&&row| answers[row].trim() == bar.label)
                    .count();
                n >= k && n as f64 / segment.size().max(1) as f64 >= overall_share
            });
            if !represented {
                unrepresented.push(Unrepresented {
                    question: summary.name.clone(),
                    answer: bar.label,
                    overall_pct: (overall_share * 1000.0).round() / 10.0,
                });
            }
        }
    }
    Coverage {
        in_personas: covered as f64 / total as f64,
        fits_well,
        unrepresented,
    }
}
