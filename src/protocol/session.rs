//! The worker's side of the conversation: a [`Session`] holds the loaded survey and
//! carries out the page's requests on it, one at a time.

use std::sync::Arc;

use super::{Failure, Reply, Request};
use crate::pipeline::{build, refresh, LoadedSurvey, Recipe};
use crate::survey::{check_size, Dictionary, ProgressSink};

/// A file's contents as they reach the session, with their hex SHA-256 when the caller
/// has it already (the browser's WebCrypto is quicker than hashing in wasm).
#[derive(Debug, Clone, PartialEq)]
pub struct Contents {
    pub bytes: Vec<u8>,
    pub sha256: Option<String>,
}

/// The loaded survey, if any, and the requests that change it.
#[derive(Debug, Default)]
pub struct Session {
    loaded: Option<LoadedSurvey>,
}

impl Session {
    /// Carries out one request; `files` are those that travelled beside it (see
    /// [`Request::files`]), in order.
    pub fn handle(
        &mut self,
        request: Request,
        files: Vec<Contents>,
        progress: ProgressSink,
    ) -> Reply {
        match self.carry_out(request, files, progress) {
            Ok(reply) => reply,
            Err(failure) => Reply::Failed { failure },
        }
    }

    fn carry_out(
        &mut self,
        request: Request,
        files: Vec<Contents>,
        progress: ProgressSink,
    ) -> Result<Reply, Failure> {
        match request {
            Request::Open {
                file_name,
                mut recipe,
                mapping,
                dictionary_file,
            } => {
                let mut files = files.into_iter();
                let Contents { bytes, sha256 } = files.next().ok_or(Failure::NoContents)?;
                check_size(bytes.len())?;
                recipe.settings = recipe.settings.checked()?;
                if dictionary_file.is_some() {
                    let dictionary = files.next().ok_or(Failure::NoContents)?;
                    check_size(dictionary.bytes.len())?;
                    recipe.dictionary = Some(Dictionary::parse(&dictionary.bytes)?);
                }
                let mut loaded =
                    LoadedSurvey::open(&file_name, Arc::new(bytes), sha256, *recipe, progress)?;
                loaded.apply_fitting(&mapping);
                Ok(self.keep(loaded))
            }
            Request::Settings { settings } => {
                let settings = settings.checked()?;
                self.rebuild(|recipe| recipe.settings = settings, progress)
            }
            Request::MergeUndone { key, undone } => {
                self.rebuild(|recipe| recipe.set_merge_undone(key, undone), progress)
            }
            Request::Mapping { mapping } => self.change(|loaded| loaded.set_mapping(mapping)),
            Request::Remembered { mapping } => self.change(|loaded| {
                loaded.apply_fitting(&mapping);
                Ok(())
            }),
            Request::Build { group_by, now } => {
                let built = build(self.loaded()?, group_by, now)?;
                Ok(Reply::Built {
                    built: Box::new(built),
                })
            }
            Request::Refresh { personas, now } => {
                let refresh = refresh(self.loaded()?, &personas, now);
                Ok(Reply::Refreshed {
                    refresh: Box::new(refresh),
                })
            }
        }
    }

    /// Reads the loaded file again under its recipe as `change` leaves it.
    fn rebuild(
        &mut self,
        change: impl FnOnce(&mut Recipe),
        progress: ProgressSink,
    ) -> Result<Reply, Failure> {
        let loaded = self.loaded()?;
        let mut recipe = loaded.recipe.clone();
        change(&mut recipe);
        let next = loaded.rebuilt(recipe, progress)?;
        Ok(self.keep(next))
    }

    /// Changes the loaded survey in place (no reading again).
    fn change(
        &mut self,
        change: impl FnOnce(&mut LoadedSurvey) -> Result<(), crate::columns::KindRefusal>,
    ) -> Result<Reply, Failure> {
        let loaded = self.loaded.as_mut().ok_or(Failure::NothingLoaded)?;
        change(loaded)?;
        Ok(Reply::Survey {
            view: Box::new(loaded.view()),
        })
    }

    fn loaded(&self) -> Result<&LoadedSurvey, Failure> {
        self.loaded.as_ref().ok_or(Failure::NothingLoaded)
    }

    fn keep(&mut self, loaded: LoadedSurvey) -> Reply {
        let view = Box::new(loaded.view());
        self.loaded = Some(loaded);
        Reply::Survey { view }
    }
}

/// Progress and other replies as the worker sends them, for the tests.
#[cfg(test)]
pub(super) fn replies_of(
    session: &mut Session,
    request: Request,
    files: Vec<Vec<u8>>,
) -> (Vec<crate::survey::Progress>, Reply) {
    let mut seen = Vec::new();
    let files = files
        .into_iter()
        .map(|bytes| Contents {
            bytes,
            sha256: None,
        })
        .collect();
    let reply = session.handle(request, files, &mut |p| seen.push(p));
    (seen, reply)
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
