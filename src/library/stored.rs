//! The library as browser storage keeps it: a version tag, the personas and their
//! histories. Older shapes are migrated on load; newer ones are refused untouched.
//!
//! Each stored persona is read and checked on its own, as strictly as an import
//! (`persona_file::read_persona`): one that fails the rules, or whose kept versions do,
//! is set aside ([`SetAside`]) with its history, exactly as stored, and the rest load.
//! The set-aside ones are written back unchanged with every save until the user removes
//! them ([`Library::remove_set_aside`]), so nothing is lost before the user chooses; they
//! can be downloaded as they are ([`Library::set_aside_file`]).

use std::collections::HashMap;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::value::RawValue;
use thiserror::Error;

use super::history::History;
use super::Library;
use crate::persona_file::shape;
use crate::persona_file::strict::{self, JsonProblem};
use crate::persona_file::{read_persona, refused, Refusal, Refused};
use crate::personas::Persona;

/// The version of the stored library this build writes and the newest it reads.
/// 1: personas only. 2: personas (with owner, tags, notes) and version histories.
pub const STORAGE_VERSION: u32 = 2;

/// The file name offered for downloading the set-aside personas.
pub const SET_ASIDE_FILE_NAME: &str = "set-aside-personas.json";

/// Why a stored library cannot be loaded at all (it is then left untouched in storage).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("the stored library is damaged ({0})")]
    Damaged(String),
    #[error(
        "the stored library was written by a newer version of Persona Builder \
         (storage version {0}); update the app to use it"
    )]
    Newer(u64),
}

/// A stored persona that did not load, kept as storage holds it with its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The persona, where it stood in storage, and why it was set aside.
    pub persona: Refused,
    /// Its version history as stored (the entries under its id).
    history: Vec<(String, RawJson)>,
}

/// Raw JSON text that compares by its text.
#[derive(Debug, Clone)]
struct RawJson(Box<RawValue>);

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl Eq for RawJson {}

/// The value kept in browser storage (serialised as JSON by the storage edge).
#[derive(Serialize)]
pub struct StoredLibrary<'a> {
    storage_version: u32,
    personas: Vec<StoredPersona<'a>>,
    #[serde(serialize_with = "entries")]
    history: Vec<(&'a str, StoredHistory<'a>)>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum StoredPersona<'a> {
    Kept(&'a Persona),
    SetAside(&'a RawValue),
}

#[derive(Serialize)]
#[serde(untagged)]
enum StoredHistory<'a> {
    Kept(&'a History),
    SetAside(&'a RawValue),
}

/// Writes entries as one JSON object, in order (a set-aside history keeps its keys).
fn entries<S: Serializer, V: Serialize>(entries: &[(&str, V)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(entries.len()))?;
    for (key, value) in entries {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

/// A stored library's top-level fields, read without their values.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields {
    #[allow(dead_code)]
    storage_version: u32,
    personas: Vec<Box<RawValue>>,
    #[serde(default)]
    history: Option<Box<RawValue>>,
}

impl Library {
    /// The value to keep in browser storage: the personas and their histories, and the
    /// set-aside personas exactly as they were stored.
    pub fn to_stored(&self) -> StoredLibrary<'_> {
        let kept = self.personas.iter().map(StoredPersona::Kept);
        let aside = self
            .set_aside
            .iter()
            .map(|s| StoredPersona::SetAside(s.persona.raw()));
        let kept_history = self
            .history
            .iter()
            .filter(|(_, h)| !h.is_empty())
            .map(|(id, h)| (id.as_str(), StoredHistory::Kept(h)));
        let aside_history = self.set_aside.iter().flat_map(|s| {
            s.history
                .iter()
                .map(|(id, raw)| (id.as_str(), StoredHistory::SetAside(&raw.0)))
        });
        StoredLibrary {
            storage_version: STORAGE_VERSION,
            personas: kept.chain(aside).collect(),
            history: kept_history.chain(aside_history).collect(),
        }
    }

    /// Reads the library kept in browser storage (its JSON text), migrating an older
    /// version. Every persona and every kept version is checked; those that fail are set
    /// aside, the rest load. `Err` only when the whole is unreadable or newer.
    pub fn from_stored(text: &str) -> Result<Self, LoadError> {
        let damaged = |detail: String| LoadError::Damaged(detail);
        let top = strict::entries(text)
            .map_err(|p| damaged(describe(p)))?
            .ok_or_else(|| damaged("it is not an object".into()))?;
        if let Some(key) = strict::repeated_key(&top) {
            return Err(damaged(format!("it names “{key}” twice")));
        }
        let version = top
            .iter()
            .find(|(key, _)| key == "storage_version")
            .and_then(|(_, raw)| raw.get().parse::<u64>().ok());
        match version {
            Some(v) if v > u64::from(STORAGE_VERSION) => return Err(LoadError::Newer(v)),
            Some(1 | 2) => {}
            _ => return Err(damaged("no storage version".into())),
        }
        let fields: Fields = serde_json::from_str(text).map_err(|e| damaged(e.to_string()))?;
        let history = match &fields.history {
            Some(raw) if version == Some(2) => strict::entries(raw.get())
                .map_err(|p| damaged(describe(p)))?
                .ok_or_else(|| damaged("its history is not an object".into()))?,
            Some(_) => return Err(damaged("a version 1 library has no history".into())),
            None => Vec::new(),
        };
        Ok(load(fields.personas, history))
    }

    /// The personas set aside when the library was loaded.
    pub fn set_aside(&self) -> &[SetAside] {
        &self.set_aside
    }

    /// Forgets the set-aside personas; the next save removes them from storage.
    pub fn remove_set_aside(&mut self) -> Vec<SetAside> {
        std::mem::take(&mut self.set_aside)
    }

    /// The set-aside personas as a file, exactly as storage held them, with their
    /// histories and the reasons they were set aside (for the team, or for support).
    pub fn set_aside_file(&self) -> String {
        #[derive(Serialize)]
        struct File<'a> {
            format: &'static str,
            reasons: Vec<String>,
            personas: Vec<&'a RawValue>,
            #[serde(serialize_with = "entries")]
            history: Vec<(&'a str, &'a RawValue)>,
        }
        let file = File {
            format: "persona-builder-set-aside",
            reasons: self
                .set_aside
                .iter()
                .map(|s| s.persona.to_string())
                .collect(),
            personas: self.set_aside.iter().map(|s| s.persona.raw()).collect(),
            history: self
                .set_aside
                .iter()
                .flat_map(|s| s.history.iter().map(|(id, raw)| (id.as_str(), &*raw.0)))
                .collect(),
        };
        serde_json::to_string_pretty(&file).expect("the set-aside personas serialise")
    }
}

/// The library from stored personas and history entries, setting aside what fails.
///
/// First each persona that reads and passes is loaded with the first history entry under
/// its id that reads and passes (none: an empty history); then each persona set aside
/// takes the entries left under its id. So a set-aside persona sharing an id with a loaded
/// one (an import of a fixed copy, say) keeps its own history apart, and saving and
/// loading again changes nothing. A history whose persona is not stored belongs to
/// nothing the user can see, and goes.
fn load(personas: Vec<Box<RawValue>>, history: Vec<(String, Box<RawValue>)>) -> Library {
    let mut by_id: HashMap<String, Vec<(String, Box<RawValue>)>> = HashMap::new();
    for (id, raw) in history {
        by_id.entry(id.clone()).or_default().push((id, raw));
    }
    let mut library = Library::default();
    let mut aside = Vec::new();
    for (i, raw) in personas.into_iter().enumerate() {
        let read = read_persona(&raw).and_then(|persona| {
            if library.get(&persona.id).is_some() {
                return Err(Refusal::RepeatedId { id: persona.id });
            }
            let kept = take_history(by_id.entry(persona.id.clone()).or_default())?;
            Ok((persona, kept))
        });
        match read {
            Ok((persona, kept)) => {
                library.history.insert(persona.id.clone(), kept);
                library.personas.push(persona);
            }
            Err(reason) => aside.push(refused(i, raw, reason)),
        }
    }
    for persona in aside {
        let id = serde_json::from_str::<serde_json::Value>(persona.raw_json())
            .ok()
            .and_then(|v| v.get("id")?.as_str().map(str::to_string));
        let own = id.and_then(|id| by_id.remove(&id)).unwrap_or_default();
        library.set_aside.push(SetAside {
            persona,
            history: own.into_iter().map(|(k, v)| (k, RawJson(v))).collect(),
        });
    }
    library.history.retain(|_, h| !h.is_empty());
    library
}

/// Takes out of `entries` the first history that reads with every version passing the
/// rules; none stored is an empty history; only failing ones refuse the persona (they
/// stay in `entries`, to go aside with it).
fn take_history(entries: &mut Vec<(String, Box<RawValue>)>) -> Result<History, Refusal> {
    let mut first_problem = None;
    for (at, (_, raw)) in entries.iter().enumerate() {
        match read_history(raw) {
            Ok(history) => {
                entries.remove(at);
                return Ok(history);
            }
            Err(problem) => {
                first_problem.get_or_insert(problem);
            }
        }
    }
    first_problem.map_or(Ok(History::default()), Err)
}

/// A persona's history from its stored JSON, every version checked.
fn read_history(raw: &RawValue) -> Result<History, Refusal> {
    let bad = |detail: String| Refusal::BadHistory(detail);
    strict::value(raw.get()).map_err(|p| bad(describe(p)))?;
    // Read from the text, as personas are (`persona_file::shape`), not from the value.
    let history: History = shape::from_text(raw.get()).map_err(|e| bad(e.detail))?;
    for version in history.versions() {
        crate::persona_file::check_persona(&version.persona)
            .map_err(|problem| bad(format!("an earlier version: {problem}")))?;
    }
    Ok(history)
}

fn describe(problem: JsonProblem) -> String {
    match problem {
        JsonProblem::Syntax { detail, .. } => detail,
        JsonProblem::RepeatedKey { key, line, column } => {
            format!("“{key}” appears twice in one object, line {line}, column {column}")
        }
    }
}

#[cfg(test)]
#[path = "stored_tests.rs"]
mod tests;
