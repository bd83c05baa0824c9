//! The answer steps between the privacy guard and the summaries, in order: fold
//! multi-selects, take codes off labelled answers, merge spellings and map free-typed
//! answers to categories, and find which columns belong with others. What they found is
//! an [`Understanding`], which also refines each column's summary.

use std::collections::{BTreeMap, BTreeSet};

use super::categories::AnswerSet;
use super::codes::{strip_codes, CodeStyle, Coded};
use super::multiselect::{fold, Fold};
use super::normalise::{normalise, Merge, MergeReason};
use super::parts::parts;
use super::{propose_role, ColumnKind, ColumnSummary, Part};
use crate::survey::Survey;

/// What the answer steps found and did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Understanding {
    /// Multi-select questions folded (or, when the user undid it, kept apart).
    pub folds: Vec<Fold>,
    /// Answers merged (or, when the user undid it, kept apart).
    pub merges: Vec<Merge>,
    /// Columns whose answers carried codes.
    pub coded: Vec<Coded>,
    /// Columns that belong with others, by name.
    pub parts: BTreeMap<String, Part>,
    /// The merges the user undid, as (column, kept answer).
    undone: BTreeSet<(String, String)>,
}

/// Runs the answer steps over the guarded survey. `undone_merges` and `unfolded` are
/// what the user undid; `k` is the minimum group size (answers rarer than it may be
/// grouped); `progress` hears (done, total).
pub fn understand(
    survey: Survey,
    undone_merges: &BTreeSet<(String, String)>,
    unfolded: &BTreeSet<String>,
    k: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> (Survey, Understanding) {
    let steps = 2 * survey.columns().len();
    let (folded, folds) = fold(survey, unfolded, &mut |done| progress(done, steps));
    let half = folded.columns().len();
    let (decoded, coded) = strip_codes(folded);
    let (survey, merges) = normalise(decoded, undone_merges, k, &mut |done| {
        progress(half + done, steps)
    });
    let parts = survey
        .columns()
        .iter()
        .zip(parts(survey.columns()))
        .filter_map(|(c, part)| Some((c.name.clone(), part?)))
        .collect();
    let understanding = Understanding {
        folds,
        merges,
        coded,
        parts,
        undone: undone_merges.clone(),
    };
    (survey, understanding)
}

impl Understanding {
    /// Whether a set of categories maps the column's free-typed answers (a merge of
    /// gender or yes/no categories the user kept). Such a column is a choice even when
    /// it was free text the guard scrubbed: what scrubbing changed falls among the rare
    /// answers, grouped.
    pub fn is_mapped(&self, column: &str) -> bool {
        self.merges.iter().any(|m| {
            m.column == column
                && matches!(
                    m.reason,
                    MergeReason::Category {
                        set: AnswerSet::Gender | AnswerSet::YesNo
                    }
                )
                && !self.undone.contains(&m.key())
        })
    }

    /// A summary with what the steps found: a coded column's scale in code order, and
    /// its part; "Other (please specify)" text is free text, whatever its answers.
    pub fn refine(&self, summary: &mut ColumnSummary) {
        summary.part = self.parts.get(&summary.name).cloned();
        if matches!(summary.part, Some(Part::OtherText { .. })) {
            summary.kind = ColumnKind::FreeText;
            summary.scale = None;
            summary.role = propose_role(&summary.name, ColumnKind::FreeText);
            return;
        }
        let Some(coded) = self.coded.iter().find(|c| c.column == summary.name) else {
            return;
        };
        let numbered = coded.style == CodeStyle::AnchoredNumbers;
        if coded.order.is_empty() || (numbered && summary.kind == ColumnKind::Numeric) {
            return;
        }
        if !matches!(summary.kind, ColumnKind::Categorical | ColumnKind::Scale) {
            return;
        }
        let order: Vec<String> = coded
            .order
            .iter()
            .filter(|label| summary.counts.iter().any(|a| &a.value == *label))
            .cloned()
            .collect();
        if order.len() == summary.counts.len() && order.len() >= 2 {
            summary.kind = ColumnKind::Scale;
            summary.scale = Some(order);
            summary.role = propose_role(&summary.name, ColumnKind::Scale);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::summarise_column;
    use crate::survey::read_detected;

    fn understood(csv: &str) -> (Survey, Understanding) {
        let survey = read_detected(csv.as_bytes()).unwrap();
        understand(
            survey,
            &BTreeSet::new(),
            &BTreeSet::new(),
            11,
            &mut |_, _| {},
        )
    }

    #[test]
    fn codes_order_a_scale_of_labels_the_app_does_not_know() {
        let mut csv = String::from("How often?\n");
        for (answer, times) in [
            ("(1) Not at all", 5),
            ("(3) Quite a bit", 4),
            ("(2) A little", 6),
        ] {
            csv.push_str(&format!("{answer}\n").repeat(times));
        }
        let (survey, understanding) = understood(&csv);
        let mut summary = summarise_column(0, &survey.columns()[0]);
        understanding.refine(&mut summary);
        assert_eq!(summary.kind, ColumnKind::Scale);
        assert_eq!(
            summary.scale.unwrap(),
            ["Not at all", "A little", "Quite a bit"]
        );
    }

    #[test]
    fn other_text_is_free_text_of_its_question() {
        let csv = "Where do you sleep?,Where do you sleep? — Other (please specify)\n\
                   Sofa,\nBed,\nOther (please specify),Floor\nOther (please specify),Floor\n";
        let (survey, understanding) = understood(csv);
        let mut summary = summarise_column(1, &survey.columns()[1]);
        understanding.refine(&mut summary);
        assert_eq!(summary.kind, ColumnKind::FreeText);
        assert_eq!(
            summary.part,
            Some(Part::OtherText {
                question: "Where do you sleep?".into()
            })
        );
    }

    #[test]
    fn a_mapped_column_stays_mapped_until_undone() {
        let mut csv = String::from("Gender\n");
        for answer in ["Male", "male", "F", "Woman"] {
            csv.push_str(&format!("{answer}\n").repeat(6));
        }
        let (_, understanding) = understood(&csv);
        assert!(understanding.is_mapped("Gender"));
        let survey = read_detected(csv.as_bytes()).unwrap();
        let undone: BTreeSet<(String, String)> =
            understanding.merges.iter().map(Merge::key).collect();
        let (_, undone) = understand(survey, &undone, &BTreeSet::new(), 11, &mut |_, _| {});
        assert!(!undone.is_mapped("Gender"));
    }
}
