//! The app's state: signals holding plain domain values, shared through context.

use leptos::prelude::*;

use super::tasks::Tasks;
use crate::browser::storage;
use crate::library::{Library, StorageUse};
use crate::persona_file::MAX_PERSONAS;
use crate::pipeline::{Built, SurveyView};
use crate::privacy::PrivacySettings;
use crate::refresh::Refresh;
use crate::survey::Progress;

/// A message for the user; errors are announced assertively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// Work under way in the pipeline worker, for the progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Busy {
    /// "Reading “wave.csv”", "Building personas"…
    pub what: String,
    /// The latest report, once one has come.
    pub progress: Option<Progress>,
}

/// Everything the components share. Cheap to copy: it is a bundle of signal handles.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The survey being worked on, as the page shows it; its rows stay in the worker.
    pub survey: RwSignal<Option<SurveyView>>,
    /// The privacy settings the next survey is read with.
    pub privacy: RwSignal<PrivacySettings>,
    /// The column chosen to group respondents by.
    pub grouping: RwSignal<Option<usize>>,
    /// Whether to group respondents by similar answers across the questions instead.
    pub automatic: RwSignal<bool>,
    /// The number of personas to find; `None` lets Auto choose.
    pub persona_count: RwSignal<Option<usize>>,
    /// Personas built (not yet saved) and the notes on how.
    pub built: RwSignal<Built>,
    /// The saved personas, always equal to what storage holds.
    pub library: RwSignal<Library>,
    /// Set when the stored library could not be read; saving is then refused so the
    /// stored copy is not overwritten.
    pub library_unreadable: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// What the pipeline worker is doing, if anything.
    pub busy: RwSignal<Option<Busy>>,
    /// Library states before the latest changes, newest last, with what each change
    /// was ("delete “Commuters”"); kept in this tab only.
    pub undo: RwSignal<Vec<(String, Library)>>,
    /// How the person editing calls themselves, for version histories and notes.
    pub editor: RwSignal<String>,
    /// Local storage used against what browsers allow.
    pub storage_use: RwSignal<StorageUse>,
    /// What a new survey wave says about the saved personas, while it is reviewed.
    pub refresh: RwSignal<Option<Refresh>>,
    /// Requests sent to the pipeline worker and what to do with their replies.
    pub tasks: StoredValue<Tasks, LocalStorage>,
}

impl AppState {
    /// Fresh state with the library loaded from storage.
    pub fn load() -> Self {
        let (library, unreadable) = match storage::load_library() {
            Ok(library) => (library, None),
            Err(problem) => (Library::default(), Some(problem)),
        };
        let state = AppState {
            survey: RwSignal::new(None),
            privacy: RwSignal::new(PrivacySettings::default()),
            grouping: RwSignal::new(None),
            automatic: RwSignal::new(false),
            persona_count: RwSignal::new(None),
            built: RwSignal::new(Built::default()),
            library: RwSignal::new(library),
            library_unreadable: RwSignal::new(unreadable),
            notice: RwSignal::new(None),
            busy: RwSignal::new(None),
            undo: RwSignal::new(Vec::new()),
            editor: RwSignal::new(storage::load_editor()),
            storage_use: RwSignal::new(StorageUse::of(storage::used_chars())),
            refresh: RwSignal::new(None),
            tasks: StoredValue::new_local(Tasks::default()),
        };
        state.tasks.set_value(Tasks::new(state));
        state
    }

    /// Tells the user something went well.
    pub fn inform(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Info(text.into())));
    }

    /// Tells the user something went wrong.
    pub fn fail(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Error(text.into())));
    }

    /// Changes a copy of the library and keeps the change only once storage holds it,
    /// so a failed save (a full storage, say) leaves library and storage as they were.
    /// `what` names the change for Undo.
    pub fn change_library<R>(
        &self,
        what: impl Into<String>,
        change: impl FnOnce(&mut Library) -> R,
    ) -> Result<R, String> {
        self.try_change_library(what, |library| {
            Ok::<R, std::convert::Infallible>(change(library))
        })
    }

    /// Like [`change_library`](Self::change_library) for changes that can be refused; a
    /// refused one changes nothing.
    pub fn try_change_library<R, E: std::fmt::Display>(
        &self,
        what: impl Into<String>,
        change: impl FnOnce(&mut Library) -> Result<R, E>,
    ) -> Result<R, String> {
        let before = self.library.get_untracked();
        let mut next = before.clone();
        let result = change(&mut next).map_err(|e| e.to_string())?;
        if next == before {
            return Ok(result);
        }
        self.keep_library(next)?;
        self.undo.update(|undo| {
            undo.push((what.into(), before));
            let excess = undo.len().saturating_sub(UNDO_DEPTH);
            undo.drain(..excess);
        });
        Ok(result)
    }

    /// Takes back the latest change; returns what it was.
    pub fn undo_last(&self) -> Result<String, String> {
        let Some((what, before)) = self.undo.with_untracked(|u| u.last().cloned()) else {
            return Err("There is nothing to undo.".into());
        };
        self.keep_library(before)?;
        self.undo.update(|undo| {
            undo.pop();
        });
        Ok(what)
    }

    /// Writes `next` to storage and, once it is there, shows it.
    fn keep_library(&self, next: Library) -> Result<(), String> {
        if let Some(problem) = self.library_unreadable.get_untracked() {
            return Err(format!(
                "Saving is turned off because {problem}. The stored library is kept as it is."
            ));
        }
        if !next.fits() {
            return Err(format!(
                "The library can hold at most {MAX_PERSONAS} personas; nothing was changed."
            ));
        }
        storage::save_library(&next)?;
        self.library.set(next);
        self.storage_use.set(StorageUse::of(storage::used_chars()));
        Ok(())
    }

    /// The name to record as who made a change.
    pub fn who(&self) -> String {
        self.editor.get_untracked()
    }
}

/// How many changes Undo can take back.
const UNDO_DEPTH: usize = 30;
