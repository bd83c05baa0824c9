//! The app's state: signals holding plain domain values, shared through context.

use leptos::prelude::*;

use crate::browser::storage;
use crate::columns::Role;
use crate::library::Library;
use crate::persona_file::MAX_PERSONAS;
use crate::pipeline::{Built, LoadedSurvey};
use crate::privacy::PrivacySettings;
use crate::survey::ReadOptions;

/// A message for the user; errors are announced assertively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// Everything the components share. Cheap to copy: it is a bundle of signal handles.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The survey being worked on; it lives only in this tab's memory.
    pub survey: RwSignal<Option<LoadedSurvey>>,
    /// The privacy settings the next survey is read with.
    pub privacy: RwSignal<PrivacySettings>,
    /// The column chosen to group respondents by.
    pub grouping: RwSignal<Option<usize>>,
    /// Personas built (not yet saved) and the notes on how.
    pub built: RwSignal<Built>,
    /// The saved personas, always equal to what storage holds.
    pub library: RwSignal<Library>,
    /// Set when the stored library could not be read; saving is then refused so the
    /// stored copy is not overwritten.
    pub library_unreadable: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
}

impl AppState {
    /// Fresh state with the library loaded from storage.
    pub fn load() -> Self {
        let (library, unreadable) = match storage::load_library() {
            Ok(library) => (library, None),
            Err(problem) => (Library::default(), Some(problem)),
        };
        AppState {
            survey: RwSignal::new(None),
            privacy: RwSignal::new(PrivacySettings::default()),
            grouping: RwSignal::new(None),
            built: RwSignal::new(Built::default()),
            library: RwSignal::new(library),
            library_unreadable: RwSignal::new(unreadable),
            notice: RwSignal::new(None),
        }
    }

    /// Tells the user something went well.
    pub fn inform(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Info(text.into())));
    }

    /// Tells the user something went wrong.
    pub fn fail(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Error(text.into())));
    }

    /// Applies new privacy settings: the loaded survey is guarded again and personas
    /// built under the old settings are discarded.
    pub fn set_privacy(&self, settings: PrivacySettings) {
        self.privacy.set(settings.clone());
        let grouping = self.grouping.get_untracked();
        let regarded = self.survey.with_untracked(|survey| {
            let loaded = survey.as_ref()?;
            let chosen = grouping
                .and_then(|i| loaded.summaries.get(i))
                .map(|c| c.name.clone());
            Some((loaded.with_settings(settings), chosen))
        });
        let Some((loaded, chosen)) = regarded else {
            return;
        };
        // Keep the chosen question when it survives the new settings.
        let same = chosen.and_then(|name| loaded.summaries.iter().position(|c| c.name == name));
        self.grouping.set(same.or(loaded.suggested_grouping));
        self.built.set(Built::default());
        self.survey.set(Some(loaded));
    }

    /// Reads the loaded file again another way; on failure the survey stays as it was.
    pub fn set_read_options(&self, options: ReadOptions) {
        let reread = self
            .survey
            .with_untracked(|s| s.as_ref().map(|loaded| loaded.with_read_options(options)));
        match reread {
            Some(Ok(loaded)) => {
                self.inform(format!(
                    "Read again: {} questions kept.",
                    loaded.summaries.len()
                ));
                self.grouping.set(loaded.suggested_grouping);
                self.built.set(Built::default());
                self.survey.set(Some(loaded));
            }
            Some(Err(e)) => self.fail(format!(
                "The file cannot be read that way, so it stays as it was read before. {e}"
            )),
            None => {}
        }
    }

    /// Sets a column's role, remembers it for this survey layout, and discards personas
    /// built before.
    pub fn set_role(&self, column: String, role: Role) {
        let updated = self.survey.with_untracked(|s| {
            s.as_ref().map(|loaded| {
                let mut roles = loaded.roles.clone();
                roles.insert(column, role);
                (loaded.with_roles(roles), loaded.layout_key())
            })
        });
        let Some((loaded, key)) = updated else {
            return;
        };
        if let Err(e) = storage::save_roles(&key, &loaded.roles) {
            self.fail(e);
        }
        if self
            .grouping
            .get_untracked()
            .is_some_and(|i| !loaded.summaries[i].can_group())
        {
            self.grouping.set(loaded.suggested_grouping);
        }
        self.built.set(Built::default());
        self.survey.set(Some(loaded));
    }

    /// Undoes (or re-applies) a merge of spellings; personas built before are discarded.
    pub fn set_merge_undone(&self, key: (String, String), undone: bool) {
        let updated = self
            .survey
            .with_untracked(|s| s.as_ref().map(|l| l.with_merge_undone(key, undone)));
        if let Some(loaded) = updated {
            self.built.set(Built::default());
            self.survey.set(Some(loaded));
        }
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
