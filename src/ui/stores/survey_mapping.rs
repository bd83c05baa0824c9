//! What the user chooses about the loaded survey's columns — roles, kinds, questions
//! left out of segments, merges and folds undone — sent to its worker and, once taken,
//! remembered per survey layout (`browser::storage`).

use leptos::task::spawn_local;

use super::SurveyStore;
use crate::browser::storage;
use crate::columns::{ColumnKind, Role};
use crate::pipeline::ColumnMapping;
use crate::protocol::Request;

impl SurveyStore {
    /// Undoes (or re-applies) a merge of answers; remembered for this survey layout.
    pub fn set_merge_undone(&self, key: (String, String), undone: bool) {
        self.remember(Request::MergeUndone { key, undone }, "Updating the answers");
    }

    /// Keeps a multi-select question as the file wrote it (or folds it again);
    /// remembered for this survey layout.
    pub fn set_fold_undone(&self, question: String, undone: bool) {
        self.remember(
            Request::FoldUndone { question, undone },
            "Updating the question",
        );
    }

    /// Sets a column's role and remembers it for this survey layout.
    pub fn set_role(&self, column: String, role: Role) {
        self.change_mapping("Applying the role", |mapping| {
            mapping.roles.insert(column, role);
        });
    }

    /// Lets a question shape segments found across the questions, or not (**Use for
    /// segments**); remembered for this survey layout.
    pub fn set_use_for_segments(&self, column: String, used: bool) {
        self.change_mapping("Applying the choice of questions", move |mapping| {
            mapping.set_use_for_segments(&column, used)
        });
    }

    /// Sets a column's kind (`None`: the kind worked out from its answers) and
    /// remembers it for this survey layout.
    pub fn set_kind(&self, column: String, kind: Option<ColumnKind>) {
        self.change_mapping("Applying the kind", |mapping| match kind {
            Some(kind) => {
                mapping.kinds.insert(column, kind);
            }
            None => {
                mapping.kinds.remove(&column);
            }
        });
    }

    /// The mapping remembered for a survey layout (empty when none).
    pub fn remembered_mapping(&self, layout_key: &str) -> ColumnMapping {
        storage::load_mapping(layout_key)
    }

    fn change_mapping(&self, what: &'static str, change: impl FnOnce(&mut ColumnMapping)) {
        let Some(mut mapping) = self.with_view(|v| v.mapping.clone()) else {
            return;
        };
        change(&mut mapping);
        self.remember(Request::Mapping { mapping }, what);
    }

    /// Sends a request that changes what the user chose about the columns; once the
    /// worker has taken it, the mapping in its reply is remembered for the layout.
    fn remember(&self, request: Request, what: &'static str) {
        let store = *self;
        spawn_local(async move {
            if let Some(view) = store.change(request, what).await {
                store
                    .notices
                    .report(storage::save_mapping(&view.layout_key, &view.mapping));
            }
        });
    }
}
