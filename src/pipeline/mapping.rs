//! What the user chose about a survey's columns, remembered per layout.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::columns::{ColumnKind, Role};

/// What a user chose about the columns, by column name — roles, kinds, the merges and
/// folds they undid, and the questions they left out of segments; remembered per survey
/// layout so that the next wave of the same survey maps itself (and an undone mapping
/// stays undone). Names and choices only, never answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ColumnMapping {
    pub roles: HashMap<String, Role>,
    pub kinds: BTreeMap<String, ColumnKind>,
    /// Merges the user undid, as (column, kept answer): spellings, categories, rare.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub undone_merges: BTreeSet<(String, String)>,
    /// Multi-select questions the user keeps as they were written, by name.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub unfolded: BTreeSet<String>,
    /// Questions the user unticked under **Use for segments**: they shape no segment
    /// found across the questions (they still describe the personas).
    pub left_out_of_segments: BTreeSet<String>,
}

impl ColumnMapping {
    /// Whether the user chose nothing.
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
            && self.kinds.is_empty()
            && self.undone_merges.is_empty()
            && self.unfolded.is_empty()
            && self.left_out_of_segments.is_empty()
    }

    /// Whether the question may shape segments (**Use for segments** ticked).
    pub fn use_for_segments(&self, question: &str) -> bool {
        !self.left_out_of_segments.contains(question)
    }

    /// Ticks or unticks **Use for segments** for a question.
    pub fn set_use_for_segments(&mut self, question: &str, used: bool) {
        if used {
            self.left_out_of_segments.remove(question);
        } else {
            self.left_out_of_segments.insert(question.to_string());
        }
    }

    /// Undoes a merge (keyed column, kept answer), or applies it again.
    pub fn set_merge_undone(&mut self, key: (String, String), undone: bool) {
        if undone {
            self.undone_merges.insert(key);
        } else {
            self.undone_merges.remove(&key);
        }
    }

    /// Keeps a multi-select question as written (`undone`), or folds it again.
    pub fn set_fold_undone(&mut self, question: String, undone: bool) {
        if undone {
            self.unfolded.insert(question);
        } else {
            self.unfolded.remove(&question);
        }
    }

    /// Whether the answer steps (merges, folds) come out differently under `other`, so
    /// the file must be read again.
    pub(super) fn changes_answers(&self, other: &ColumnMapping) -> bool {
        self.undone_merges != other.undone_merges || self.unfolded != other.unfolded
    }
}
