//! The saved personas: kept in the browser's storage by this store alone. Every change
//! goes through [`Keeper::change`] — made on a copy, checked by the rules an import
//! applies — and is then written to IndexedDB in one transaction (`library_sync.rs`);
//! a write that fails puts the library back as storage holds it. Changes can be undone.

use crate::wording::counted;
use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::library_file::FileLink;
use super::library_sync::Sync;
use super::Notices;
use crate::browser::{clock, download, files, storage};
use crate::library::{Keeper, Library, SET_ASIDE_FILE_NAME};
use crate::persona_file::{self, ExportOptions, EXPORT_FILE_NAME, MAX_FILE_BYTES};
use crate::personas::{Field, Persona};

/// The persona library and who is editing it.
#[derive(Clone, Copy)]
pub struct LibraryStore {
    pub(super) keeper: RwSignal<Keeper>,
    /// How the person editing calls themselves, for version histories and notes.
    pub editor: RwSignal<String>,
    /// What this tab knows of the stored library: revision, save and back-up times,
    /// storage use.
    pub sync: Sync,
    /// The library file on a shared drive, when one is kept (`library_file.rs`).
    pub file: FileLink,
    pub(super) notices: Notices,
}

impl LibraryStore {
    /// The library as storage holds it. One that cannot be read is left untouched and
    /// saving is turned off, so it is never overwritten.
    pub fn load(notices: Notices) -> Self {
        let boot = storage::take_boot();
        let keeper = match &boot.library {
            Ok(library) => Keeper::new(library.clone()),
            Err(problem) => Keeper::saving_off(problem.clone()),
        };
        let sync = Sync::new(&boot, keeper.library());
        let store = LibraryStore {
            keeper: RwSignal::new(keeper),
            editor: RwSignal::new(storage::load_editor()),
            sync,
            file: FileLink::new(),
            notices,
        };
        if boot.migrated {
            notices.inform(
                "The library moved from this browser's small local storage into IndexedDB, which holds far more.",
            );
        }
        store.start_sync();
        store
    }

    /// Reads the library (tracked: the caller reruns when it changes).
    pub fn with<R>(&self, f: impl FnOnce(&Library) -> R) -> R {
        self.keeper.with(|k| f(k.library()))
    }

    /// Reads the library without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Library) -> R) -> R {
        self.keeper.with_untracked(|k| f(k.library()))
    }

    /// The stored personas set aside because they fail the rules, each with its reason
    /// ("Persona 3 (“C”): it rests on 5 respondents…").
    pub fn set_aside(&self) -> Vec<String> {
        self.with(|l| {
            l.set_aside()
                .iter()
                .map(|s| s.persona.to_string())
                .collect()
        })
    }

    /// Downloads the set-aside personas exactly as storage held them, with the reasons.
    pub fn download_set_aside(&self) {
        let file = self.with_untracked(Library::set_aside_file);
        match download::download_text(SET_ASIDE_FILE_NAME, "application/json", &file) {
            Ok(()) => self.notices.inform(format!(
                "Downloaded the set-aside personas as {SET_ASIDE_FILE_NAME}."
            )),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Removes the set-aside personas from storage (Undo brings them back).
    pub fn remove_set_aside(&self) {
        match self.change("removal of the set-aside personas", |l| {
            l.remove_set_aside().len()
        }) {
            Ok(n) => self.notices.inform(format!(
                "Removed {} from storage. Undo brings them back.",
                counted(n, "set-aside persona")
            )),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Why saving is turned off, if it is.
    pub fn saving_off(&self) -> Option<String> {
        self.keeper
            .with(|k| k.why_saving_is_off().map(str::to_string))
    }

    /// What Undo would take back, if anything.
    pub fn undo_label(&self) -> Option<String> {
        self.keeper.with(|k| k.undo_label().map(str::to_string))
    }

    /// The persona's name, for messages.
    pub fn name_of(&self, id: &str) -> String {
        self.with_untracked(|l| l.get(id).map(|p| p.name.clone()))
            .unwrap_or_default()
    }

    /// Makes a change that cannot be refused; see [`try_change`](Self::try_change).
    pub fn change<R>(
        &self,
        what: impl Into<String>,
        change: impl FnOnce(&mut Library) -> R,
    ) -> Result<R, String> {
        self.try_change(what, |library| {
            Ok::<R, std::convert::Infallible>(change(library))
        })
    }

    /// Changes the library and storage together, or neither: a refused change or a
    /// failed save (a full storage, say) leaves both as they were. `what` names the
    /// change for Undo.
    pub fn try_change<R, E: std::fmt::Display>(
        &self,
        what: impl Into<String>,
        change: impl FnOnce(&mut Library) -> Result<R, E>,
    ) -> Result<R, String> {
        let mut result = None;
        self.keeper.update(|keeper| {
            result = Some(keeper.change(what, change, |_| Ok(())));
        });
        self.persist();
        result.expect("the update ran")
    }

    fn undo_last(&self) -> Result<String, String> {
        let mut result = None;
        self.keeper
            .update(|keeper| result = Some(keeper.undo(|_| Ok(()))));
        self.persist();
        result.expect("the update ran")
    }

    /// The name to record as who made a change.
    pub fn who(&self) -> String {
        self.editor.get_untracked()
    }

    /// Remembers the editing person's name on this device.
    pub fn set_editor(&self, name: String) {
        self.notices.report(storage::save_editor(&name));
        self.editor.set(name);
    }

    /// Saves one change to a persona (editing in place), or says why it was not kept.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Persona)) {
        let name = self.name_of(id);
        let (who, now) = (self.who(), clock::now());
        match self.try_change(format!("edit of “{name}”"), |l| {
            l.edit(id, &who, now, change)
        }) {
            Ok(changed) if !changed.is_empty() => self.notices.inform(format!(
                "Saved {} of “{name}”.",
                crate::library::labels(&changed)
            )),
            Ok(_) => {}
            Err(e) => self.notices.fail(e),
        }
    }

    /// Marks a persona reviewed today; its next review is due a quarter later.
    pub fn mark_reviewed(&self, id: &str) {
        let (who, now) = (self.who(), clock::now());
        let name = self.name_of(id);
        match self.try_change(format!("review of “{name}”"), |l| {
            l.mark_reviewed(id, &who, now)
        }) {
            Ok(()) => {
                let due = self.with_untracked(|l| l.get(id).map(|p| p.review_due));
                self.notices.inform(format!(
                    "Marked “{name}” reviewed; next review due {}.",
                    due.map(|d| d.to_string()).unwrap_or_default()
                ));
            }
            Err(e) => self.notices.fail(e),
        }
    }

    /// Adds a copy of a persona after it.
    pub fn duplicate(&self, id: &str) {
        let name = self.name_of(id);
        match self.try_change(format!("copy of “{name}”"), |l| {
            l.duplicate(id, clock::now())
        }) {
            Ok(_) => self
                .notices
                .inform(format!("Added “Copy of {name}” after it.")),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Deletes a persona and its history (Undo brings it back).
    pub fn delete(&self, id: &str) {
        let name = self.name_of(id);
        match self.change(format!("delete of “{name}”"), |l| l.remove(id)) {
            Ok(_) => self.notices.inform(format!(
                "Deleted “{name}” from the library. Undo brings it back."
            )),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Brings back an earlier version of a persona (`version` 0 is the newest).
    pub fn restore(&self, id: &str, version: usize) {
        let name = self.name_of(id);
        let (who, now) = (self.who(), clock::now());
        match self.try_change(format!("restore of “{name}”"), |l| {
            l.restore(id, version, &who, now)
        }) {
            Ok(()) => self.notices.inform(format!(
                "Restored an earlier version of “{name}”; the version it replaced is in the history."
            )),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Takes one field back from an earlier version, the others left as they are.
    pub fn restore_field(&self, id: &str, version: usize, field: Field) {
        let name = self.name_of(id);
        let (who, now) = (self.who(), clock::now());
        match self.try_change(
            format!("restore of the {} of “{name}”", field.label()),
            |l| l.restore_field(id, version, field, &who, now),
        ) {
            Ok(()) => self.notices.inform(format!(
                "Restored the {} of “{name}”; nothing else changed.",
                field.label()
            )),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Takes back the latest change, saying what it was.
    pub fn undo(&self) {
        match self.undo_last() {
            Ok(what) => self.notices.inform(format!("Undone: {what}.")),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Saves freshly built personas (a rebuilt one replaces its saved version).
    pub fn save_built(&self, personas: &[Persona]) {
        let (who, now) = (self.who(), clock::now());
        match self.try_change("save of the built personas", |library| {
            library.save(personas, &who, now)
        }) {
            Ok(summary) => self.notices.inform(format!(
                "Saved to the library: {} new, {} updated.",
                summary.added, summary.updated
            )),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Exports the library (or only the personas `only` names) as a persona file.
    pub fn export(&self, only: Option<BTreeSet<String>>, options: ExportOptions) {
        let personas: Vec<Persona> = self.with_untracked(|library| {
            library
                .personas()
                .iter()
                .filter(|p| only.as_ref().is_none_or(|ids| ids.contains(&p.id)))
                .cloned()
                .collect()
        });
        let outcome = if personas.is_empty() {
            Err(if only.is_some() {
                "Select personas to export first (the checkbox on each card).".to_string()
            } else {
                "The library is empty, so there is nothing to export.".to_string()
            })
        } else {
            persona_file::export(&personas, options, clock::now())
                .map_err(|e| format!("Nothing was exported. {e}"))
                .and_then(|json| {
                    download::download_text(EXPORT_FILE_NAME, "application/json", &json)
                })
        };
        match outcome {
            Ok(()) => self.notices.inform(format!(
                "Exported {} as {EXPORT_FILE_NAME}.",
                counted(personas.len(), "persona")
            )),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Imports a persona file, merged by id (newer wins): the personas that meet the
    /// rules are taken and the others listed with why; a bad file changes nothing.
    pub fn import(&self, file: File) {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            self.notices.fail(format!(
                "“{name}” was not imported: persona files are at most {} MiB. The library is unchanged.",
                MAX_FILE_BYTES / (1024 * 1024)
            ));
            return;
        }
        let store = *self;
        spawn_local(async move {
            let incoming = files::read_bytes(&file)
                .await
                .and_then(|bytes| persona_file::read_file(&bytes).map_err(|e| e.to_string()));
            let (who, now) = (store.who(), clock::now());
            let mut refused = Vec::new();
            let outcome = incoming.and_then(|imported| {
                refused = imported.refused;
                if imported.personas.is_empty() && !refused.is_empty() {
                    return Err("None of its personas meets the rules.".to_string());
                }
                store.try_change(format!("import of “{name}”"), |l| {
                    l.merge(&imported.personas, &who, now)
                })
            });
            let not_taken = (!refused.is_empty()).then(|| {
                let each: Vec<String> = refused.iter().map(ToString::to_string).collect();
                format!(" Not taken: {}", each.join(" "))
            });
            match outcome {
                Ok(s) => store.notices.inform(format!(
                    "Imported “{name}”: {} added, {} updated, {} skipped (the library's copy is as new or newer).{}",
                    s.added,
                    s.updated,
                    s.unchanged,
                    not_taken.unwrap_or_default()
                )),
                Err(e) => store.notices.fail(format!(
                    "“{name}” was not imported. {e} The library is unchanged.{}",
                    not_taken.unwrap_or_default()
                )),
            }
        });
    }
}
