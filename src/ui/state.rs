//! The app's state: signals holding plain domain values, shared through context.

use leptos::prelude::*;

use super::tasks::Tasks;
use crate::browser::storage;
use crate::library::Library;
use crate::persona_file::MAX_PERSONAS;
use crate::pipeline::{Built, SurveyView};
use crate::privacy::PrivacySettings;
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
    pub fn change_library<R>(&self, change: impl FnOnce(&mut Library) -> R) -> Result<R, String> {
        if let Some(problem) = self.library_unreadable.get_untracked() {
            return Err(format!(
                "Saving is turned off because {problem}. The stored library is kept as it is."
            ));
        }
        let mut next = self.library.get_untracked();
        let result = change(&mut next);
        if !next.fits() {
            return Err(format!(
                "The library can hold at most {MAX_PERSONAS} personas; nothing was changed."
            ));
        }
        storage::save_library(&next)?;
        self.library.set(next);
        Ok(result)
    }
}
