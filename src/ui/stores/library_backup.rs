//! **Back up everything** and **Restore from a back-up**: the library store's side. A
//! restore is read and checked first and its summary shown; nothing changes until the
//! user chooses to replace or merge.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::LibraryStore;
use crate::browser::{clock, download, files, storage};
use crate::library::{
    read_backup, write_backup, Backup, RestoreMode, RestorePlan, BACKUP_FILE_NAME, MAX_BACKUP_BYTES,
};

/// A back-up read and checked, waiting for the user's choice.
#[derive(Clone, PartialEq)]
pub struct PendingRestore {
    pub file_name: String,
    pub backup: Backup,
    pub plan: RestorePlan,
}

impl LibraryStore {
    /// Downloads one file with everything the library keeps (never survey data).
    pub fn back_up(&self) {
        let now = clock::now();
        let text = self.with_untracked(|l| write_backup(l, &storage::all_mappings(), now));
        match download::download_text(BACKUP_FILE_NAME, "application/json", &text) {
            Ok(()) => {
                storage::save_backed_up_at(now);
                self.sync.backed_up_at.set(Some(now));
                self.notices.inform(format!(
                    "Backed up everything as {BACKUP_FILE_NAME} ({}). Keep it somewhere other than this browser.",
                    crate::library::size(text.len() as f64)
                ));
            }
            Err(e) => self.notices.fail(e),
        }
    }

    /// Reads a back-up and, when it passes every check, sets `pending` to its summary.
    pub fn read_restore(&self, file: File, pending: RwSignal<Option<PendingRestore>>) {
        let file_name = file.name();
        let refuse = move |why: String| {
            format!("“{file_name}” was not restored: {why}. Nothing was changed.")
        };
        if file.size() > MAX_BACKUP_BYTES as f64 {
            self.notices.fail(refuse(format!(
                "a back-up is at most {} MiB",
                MAX_BACKUP_BYTES / (1024 * 1024)
            )));
            return;
        }
        let store = *self;
        spawn_local(async move {
            let read = files::read_bytes(&file)
                .await
                .and_then(|bytes| read_backup(&bytes).map_err(|e| e.to_string()));
            match read {
                Ok(backup) => {
                    let plan = store.with_untracked(|l| backup.plan(l));
                    pending.set(Some(PendingRestore {
                        file_name: file.name(),
                        backup,
                        plan,
                    }));
                }
                Err(why) => store.notices.fail(refuse(why)),
            }
        });
    }

    /// Restores a back-up read by [`read_restore`](Self::read_restore).
    pub fn restore_backup(&self, pending: PendingRestore, mode: RestoreMode) {
        let (who, now) = (self.who(), clock::now());
        let what = format!("restore of “{}”", pending.file_name);
        match self.try_change(what, |l| l.restore_from(&pending.backup, mode, &who, now)) {
            Ok(summary) => {
                let mut mappings = storage::all_mappings();
                match mode {
                    RestoreMode::Replace => mappings = pending.backup.mappings.clone(),
                    RestoreMode::Merge => mappings.extend(pending.backup.mappings.clone()),
                }
                storage::restore_mappings(mappings);
                self.notices.inform(match mode {
                    RestoreMode::Replace => format!(
                        "Restored “{}”: the library now holds its {} persona(s). Undo brings the previous library back.",
                        pending.file_name, summary.added
                    ),
                    RestoreMode::Merge => format!(
                        "Merged “{}”: {} added, {} updated, {} skipped (the library's copy is as new or newer).",
                        pending.file_name, summary.added, summary.updated, summary.unchanged
                    ),
                });
            }
            Err(e) => self.notices.fail(format!(
                "“{}” was not restored. {e} Nothing was changed.",
                pending.file_name
            )),
        }
    }
}
