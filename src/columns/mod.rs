//! Stage 2 — column summaries: what kind of answers each question holds, and which
//! question makes a sensible first grouping.

mod categories;
mod codes;
mod kinds;
mod multiselect;
mod normalise;
pub mod numbers;
mod parts;
mod roles;
mod scales;
mod shown;
mod summarise;
mod understand;

pub use categories::{category, AnswerSet, ANOTHER_ANSWER};
pub use codes::{strip_codes, CodeStyle, Coded};
pub use kinds::{summarise_as, KindRefusal, CHOSEN_KINDS};
pub use multiselect::{chosen, fold, is_multi_select, Fold, Separator, OPTION_SEPARATOR};
pub use normalise::{normalise, spelling_key, Merge, MergeReason};
pub use numbers::{are_numbers, is_number, parse_number};
pub use roles::{propose as propose_role, Role};
pub use scales::scale_order;
pub use shown::{histogram, shown_answers, Bar};
pub use summarise::{suggest_grouping, summarise, summarise_column, summarise_column_reporting};
pub use understand::{understand, Understanding};

/// Columns with at most this many distinct answers are treated as choices.
pub const MAX_CATEGORIES: usize = 15;
/// The range of group counts a preselected grouping column should have.
pub const SUGGESTED_GROUPS: std::ops::RangeInclusive<usize> = 2..=8;

/// What a column's answers look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ColumnKind {
    /// Nobody answered.
    Empty,
    /// A small set of repeated answers (single choice, yes/no).
    Categorical,
    /// An ordered scale: Likert answers or a 0–10 score.
    Scale,
    /// "Choose all that apply": counts are per option, respondents may pick several.
    MultiSelect,
    /// Numbers with many distinct values.
    Numeric,
    /// A different short answer from every respondent, like a code: never reported.
    Unique,
    /// Sentences: the source of (scrubbed, approved) quotes, never of traits.
    FreeText,
}

impl ColumnKind {
    /// A short label for the column table.
    pub fn label(self) -> &'static str {
        match self {
            ColumnKind::Empty => "no answers",
            ColumnKind::Categorical => "choice",
            ColumnKind::Scale => "ordered scale",
            ColumnKind::MultiSelect => "multi-select",
            ColumnKind::Numeric => "number",
            ColumnKind::Unique => "unique per respondent",
            ColumnKind::FreeText => "free text",
        }
    }
}

/// One answer and how many respondents gave it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnswerCount {
    pub value: String,
    pub count: usize,
}

/// A column's kind and answer counts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnSummary {
    pub index: usize,
    pub name: String,
    pub kind: ColumnKind,
    /// Respondents who gave any answer.
    pub answered: usize,
    /// Distinct answers (for a multi-select, options and how many chose each), most
    /// frequent first (ties in first-seen order).
    pub counts: Vec<AnswerCount>,
    /// For a scale, its answers from lowest to highest.
    pub scale: Option<Vec<String>>,
    /// What the column tells about a persona (proposed, or the user's choice).
    pub role: Role,
    /// Distinct answers left out of `counts` in the page's copy ([`Self::for_page`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub left_out: usize,
    /// The question this column belongs with, when it is a grid row or "Other" text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

/// How a column belongs with others, for the column table to show them together.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum Part {
    /// One row of a grid (matrix) question; the rows share the question's stem.
    GridRow { stem: String, row: String },
    /// What respondents typed for a question's "Other (please specify)": free text
    /// (scrubbed) that belongs to `question`, not a question of its own.
    OtherText { question: String },
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ColumnSummary {
    /// The number of distinct answers.
    pub fn distinct(&self) -> usize {
        self.counts.len() + self.left_out
    }

    /// The summary as the page needs it: free text keeps its number of distinct
    /// answers but not the answers, which the page never lists (one per respondent, they
    /// would make the survey's description as large as the survey).
    pub fn for_page(&self) -> ColumnSummary {
        if self.kind != ColumnKind::FreeText {
            return self.clone();
        }
        ColumnSummary {
            counts: Vec::new(),
            left_out: self.distinct(),
            name: self.name.clone(),
            scale: self.scale.clone(),
            part: self.part.clone(),
            ..*self
        }
    }

    /// How many answer groups reach the minimum group size `k`.
    pub fn groups_large_enough(&self, k: usize) -> usize {
        self.counts.iter().filter(|a| a.count >= k).count()
    }

    /// Whether respondents can be grouped by this column (a choice or a scale in use).
    pub fn can_group(&self) -> bool {
        matches!(self.kind, ColumnKind::Categorical | ColumnKind::Scale)
            && self.distinct() >= 2
            && self.role.is_used()
    }

    /// The answer counts in the order to show them: scale order for scales, most
    /// frequent first otherwise.
    pub fn ordered_counts(&self) -> Vec<&AnswerCount> {
        match &self.scale {
            Some(order) => order
                .iter()
                .filter_map(|v| self.counts.iter().find(|a| &a.value == v))
                .collect(),
            None => self.counts.iter().collect(),
        }
    }
}
