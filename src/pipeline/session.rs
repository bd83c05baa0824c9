//! The pipeline as a conversation: the page sends [`Request`]s, the worker's [`Session`]
//! answers each with one [`Reply`] (after any number of progress reports). The types are
//! plain serde values so that they cross the worker boundary as JSON; natively, tests
//! drive a `Session` directly.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{build, refresh, Built, ColumnMapping, GroupBy, LoadedSurvey, Recipe, SurveyView};
use crate::personas::Persona;
use crate::privacy::PrivacySettings;
use crate::refresh::Refresh;
use crate::survey::{check_size, Dictionary, Progress, ProgressSink, ReadOptions};

/// What the page asks of the pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Read a file; its bytes travel beside the request.
    Read {
        file_name: String,
        settings: PrivacySettings,
        /// The REDCap dictionary given for the previous file, if any.
        dictionary: Option<Dictionary>,
    },
    /// Use a REDCap data dictionary (its bytes travel beside the request).
    Dictionary { file_name: String },
    /// Read the loaded file again another way.
    ReadAs { options: ReadOptions },
    /// Analyse another event of a REDCap longitudinal project (`None`: the default).
    Event { event: Option<String> },
    /// Guard the loaded file again under other privacy settings.
    Settings { settings: PrivacySettings },
    /// Undo (or re-apply) a merge, keyed (column, kept answer).
    MergeUndone { key: (String, String), undone: bool },
    /// Keep a multi-select question as written (or fold it again).
    FoldUndone { question: String, undone: bool },
    /// Set the roles and kinds the user chose, by column name.
    Mapping { mapping: ColumnMapping },
    /// Apply the mapping remembered for this layout as far as it still fits.
    Remembered { mapping: ColumnMapping },
    /// Build personas from segments formed as `group_by` says.
    Build {
        group_by: GroupBy,
        now: OffsetDateTime,
    },
    /// Compare kept personas with the loaded survey, a later wave.
    Refresh {
        personas: Vec<Persona>,
        now: OffsetDateTime,
    },
}

/// The pipeline's answer to one request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    /// The worker is listening.
    Ready,
    /// How far the current request has got.
    Progress { progress: Progress },
    /// The survey as it now is.
    Survey { view: Box<SurveyView> },
    /// Personas built.
    Built { built: Box<Built> },
    /// What the loaded wave says about the kept personas.
    Refreshed { refresh: Box<Refresh> },
    /// The request could not be carried out; whatever was loaded is unchanged.
    Failed { message: String },
}

/// A reply or request with the number of the request it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope<T> {
    pub seq: u32,
    pub body: T,
}

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
    /// Carries out one request; `contents` are the file's for [`Request::Read`] and
    /// [`Request::Dictionary`].
    pub fn handle(
        &mut self,
        request: Request,
        contents: Option<Contents>,
        progress: ProgressSink,
    ) -> Reply {
        match self.carry_out(request, contents, progress) {
            Ok(reply) => reply,
            Err(message) => Reply::Failed { message },
        }
    }

    fn carry_out(
        &mut self,
        request: Request,
        contents: Option<Contents>,
        progress: ProgressSink,
    ) -> Result<Reply, String> {
        match request {
            Request::Read {
                file_name,
                settings,
                dictionary,
            } => {
                let Contents { bytes, sha256 } = contents.ok_or(NO_CONTENTS)?;
                check_size(bytes.len()).map_err(|e| e.to_string())?;
                let recipe = Recipe {
                    settings: checked(settings)?,
                    dictionary,
                    ..Recipe::default()
                };
                let loaded =
                    LoadedSurvey::open(&file_name, Arc::new(bytes), sha256, recipe, progress)
                        .map_err(|e| e.to_string())?;
                Ok(self.keep(loaded))
            }
            Request::Dictionary { file_name } => {
                let contents = contents.ok_or(NO_CONTENTS)?;
                let dictionary = Dictionary::parse(&contents.bytes)
                    .map_err(|e| format!("“{file_name}” was not used. {e}"))?;
                self.rebuild(|recipe| recipe.dictionary = Some(dictionary), progress)
            }
            Request::ReadAs { options } => {
                self.rebuild(|recipe| recipe.read_options = options, progress)
            }
            Request::Event { event } => self.rebuild(|recipe| recipe.event = event, progress),
            Request::Settings { settings } => {
                let settings = checked(settings)?;
                self.rebuild(|recipe| recipe.settings = settings, progress)
            }
            Request::MergeUndone { key, undone } => self.change(|loaded| {
                let mut mapping = loaded.mapping.clone();
                mapping.set_merge_undone(key, undone);
                loaded.set_mapping(mapping)
            }),
            Request::FoldUndone { question, undone } => self.change(|loaded| {
                let mut mapping = loaded.mapping.clone();
                mapping.set_fold_undone(question, undone);
                loaded.set_mapping(mapping)
            }),
            Request::Mapping { mapping } => self.change(|loaded| loaded.set_mapping(mapping)),
            Request::Remembered { mapping } => self.change(|loaded| {
                loaded.apply_fitting(&mapping);
                Ok(())
            }),
            Request::Build { group_by, now } => {
                let built = build(self.loaded()?, group_by, now).map_err(|e| e.to_string())?;
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
    ) -> Result<Reply, String> {
        let loaded = self.loaded()?;
        let mut recipe = loaded.recipe.clone();
        change(&mut recipe);
        let next = loaded
            .rebuilt(recipe, progress)
            .map_err(|e| e.to_string())?;
        Ok(self.keep(next))
    }

    /// Changes the loaded survey in place (no reading again).
    fn change(
        &mut self,
        change: impl FnOnce(&mut LoadedSurvey) -> Result<(), String>,
    ) -> Result<Reply, String> {
        let loaded = self.loaded.as_mut().ok_or(NOTHING_LOADED)?;
        change(loaded)?;
        Ok(Reply::Survey {
            view: Box::new(loaded.view()),
        })
    }

    fn loaded(&self) -> Result<&LoadedSurvey, String> {
        self.loaded.as_ref().ok_or_else(|| NOTHING_LOADED.into())
    }

    fn keep(&mut self, loaded: LoadedSurvey) -> Reply {
        let view = Box::new(loaded.view());
        self.loaded = Some(loaded);
        Reply::Survey { view }
    }
}

const NOTHING_LOADED: &str = "No survey is loaded; choose a file first.";
const NO_CONTENTS: &str = "The file's contents did not arrive.";

/// Settings as the page sent them, refused if they would weaken the privacy rules.
fn checked(settings: PrivacySettings) -> Result<PrivacySettings, String> {
    let mut valid = settings.clone();
    valid.set_min_group_size(settings.min_group_size)?;
    Ok(valid)
}

/// Progress and other replies as the worker sends them, for the tests.
#[cfg(test)]
pub(super) fn replies_of(
    session: &mut Session,
    request: Request,
    bytes: Option<Vec<u8>>,
) -> (Vec<Progress>, Reply) {
    let mut seen = Vec::new();
    let contents = bytes.map(|bytes| Contents {
        bytes,
        sha256: None,
    });
    let reply = session.handle(request, contents, &mut |p| seen.push(p));
    (seen, reply)
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
