//! **Keep the library in a file…**: the library store's side. Every saved change is also
//! written to the chosen file; before each write, and whenever the page is shown again,
//! the file's stamp is compared with the one last read or written, and a file changed
//! since (by a colleague's copy of the app) is read strictly and merged by id
//! (`library::reconcile`), and what it brought is named. A file that cannot be used is
//! reported once; the library in the browser keeps working and the page tries again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::LibraryStore;
use crate::browser::library_file::{self, Pick};
use crate::browser::{clock, storage};
use crate::library::{reconcile, write_backup, FileProblem, FileStamp, FileState, Library};

/// What this tab knows of the library file.
#[derive(Clone, Copy)]
pub struct FileLink {
    pub state: RwSignal<FileState>,
    /// The library as the file held it when last read or written (`None`: never).
    base: StoredValue<Option<Library>>,
    stamp: StoredValue<Option<FileStamp>>,
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
}

impl FileLink {
    pub fn new() -> Self {
        FileLink {
            state: RwSignal::new(FileState::NotKept),
            base: StoredValue::new(None),
            stamp: StoredValue::new(None),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
        }
    }
}

impl LibraryStore {
    fn file_name(self) -> String {
        self.file
            .state
            .with_untracked(|s| s.file_name().map(str::to_string))
            .unwrap_or_default()
    }

    /// Finds a file remembered from an earlier visit: reconnects at once when the browser
    /// still allows writing it, else waits for **Reconnect**.
    pub(super) fn start_file(self) {
        if !library_file::supported() {
            self.file.state.set(FileState::Unsupported);
            return;
        }
        library_file::on_shown(move || self.sync_file());
        spawn_local(async move {
            let Some((handle, base)) = storage::remembered_library_file().await else {
                return;
            };
            let name = library_file::adopt(handle);
            self.file.base.set_value(base);
            if library_file::may_write().await == Ok(true) {
                self.file.state.set(FileState::Kept { name });
                self.sync_file();
            } else {
                self.file.state.set(FileState::Remembered { name });
            }
        });
    }

    /// Lets the user choose the library file, then brings it and the library in step.
    pub fn keep_in_file(self, pick: Pick) {
        spawn_local(async move {
            match library_file::choose(pick).await {
                Ok(None) => {}
                Ok(Some(name)) => {
                    self.file.base.set_value(None);
                    self.file.stamp.set_value(None);
                    storage::remember_library_file(library_file::kept_handle());
                    storage::remember_library_file_base(None);
                    self.notices.inform(format!(
                        "The library is now kept in “{name}”: every change is saved to it."
                    ));
                    self.file.state.set(FileState::Kept { name });
                    self.sync_file();
                }
                Err(problem) => self
                    .notices
                    .fail(format!("No library file was chosen: {problem}.")),
            }
        });
    }

    /// **Reconnect**: asks the browser's permission to write the remembered file again.
    pub fn reconnect_file(self) {
        let name = self.file_name();
        spawn_local(async move {
            match library_file::ask_to_write().await {
                Ok(true) => {
                    self.file.state.set(FileState::Kept { name });
                    self.sync_file();
                }
                Ok(false) => self.notices.fail(format!(
                    "The browser was not allowed to write “{name}”, so the library is kept in this browser only."
                )),
                Err(problem) => self.file_trouble(problem),
            }
        });
    }

    /// Stops keeping the library in the file; the file is left as it is.
    pub fn stop_file(self) {
        let name = self.file_name();
        library_file::release();
        storage::remember_library_file(None);
        storage::remember_library_file_base(None);
        self.file.base.set_value(None);
        self.file.stamp.set_value(None);
        self.file.state.set(FileState::NotKept);
        self.notices.inform(format!(
            "The library is no longer kept in “{name}”; the file is left as it is, and the library stays in this browser."
        ));
    }

    /// Brings the file and the library in step (after the step under way, if one is).
    pub fn sync_file(self) {
        if !self.file.state.with_untracked(FileState::in_use) {
            return;
        }
        if self.file.busy.get_value() {
            self.file.again.set_value(true);
            return;
        }
        self.file.busy.set_value(true);
        spawn_local(async move {
            loop {
                self.file.again.set_value(false);
                match self.file_step().await {
                    Ok(()) => self.file_in_step(),
                    Err(problem) => self.file_trouble(problem),
                }
                if !self.file.again.get_value()
                    || !self.file.state.with_untracked(FileState::in_use)
                {
                    break;
                }
            }
            self.file.busy.set_value(false);
        });
    }

    /// One step: the file read and merged when it changed since, then written when it
    /// lacks part of the library.
    async fn file_step(self) -> Result<(), FileProblem> {
        let stamp = library_file::stamp().await?;
        let ours = self.with_untracked(Library::clone);
        let base = self.file.base.get_value();
        if base.is_some() && self.file.stamp.get_value() == Some(stamp) {
            return match base {
                Some(base) if base == ours => Ok(()),
                _ => self.write_file(&ours).await,
            };
        }
        let (bytes, stamp) = library_file::read().await?;
        let met = reconcile(base.as_ref(), &ours, &bytes).map_err(FileProblem::Refused)?;
        if let Some(said) = met.changes.describe(&self.file_name()) {
            self.notices.inform(said);
        }
        if met.library != ours {
            self.keeper.update(|k| k.adopt(met.library.clone()));
            self.persist();
        }
        self.file.stamp.set_value(Some(stamp));
        if met.write {
            self.write_file(&met.library).await
        } else {
            self.file_base(met.library);
            Ok(())
        }
    }

    async fn write_file(self, library: &Library) -> Result<(), FileProblem> {
        let text = write_backup(library, &storage::all_mappings(), clock::now());
        let stamp = library_file::write(&text).await?;
        self.file.stamp.set_value(Some(stamp));
        self.file_base(library.clone());
        Ok(())
    }

    fn file_base(self, library: Library) {
        storage::remember_library_file_base(Some(&library));
        self.file.base.set_value(Some(library));
    }

    fn file_in_step(self) {
        if matches!(self.file.state.get_untracked(), FileState::Trouble { .. }) {
            let name = self.file_name();
            self.notices.inform(format!(
                "“{name}” can be used again; the library is in step with it."
            ));
            self.file.state.set(FileState::Kept { name });
        }
    }

    /// Reports a problem with the file once (not again on every retry).
    fn file_trouble(self, problem: FileProblem) {
        let name = self.file_name();
        let said = format!(
            "The library file “{name}” cannot be used: {problem}. The library in this browser is unchanged and keeps working; the file is tried again after each change and when you come back to this page."
        );
        let next = FileState::Trouble { name, problem };
        if self.file.state.get_untracked() != next {
            self.notices.fail(said);
            self.file.state.set(next);
        }
    }
}
