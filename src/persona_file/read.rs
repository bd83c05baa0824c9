//! Reading a persona file: the envelope must be right (or nothing is read), then each
//! persona is read and checked on its own, so a file with a bad persona still gives the
//! good ones, with the bad listed and why ([`Imported`]).

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use thiserror::Error;

use super::shape::{self, ShapeError};
use super::strict::{self, JsonProblem};
use super::{check_persona, ImportError, PersonaProblem, FORMAT, MAX_FILE_BYTES, MAX_PERSONAS};
use super::{MAX_NAME_SHOWN, SCHEMA_VERSION};
use crate::follow_up::start_timeline;
use crate::personas::Persona;
use crate::survey::without_unsafe_chars;

/// What a persona file holds: the personas that meet every rule, and those that do not.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub personas: Vec<Persona>,
    pub refused: Vec<Refused>,
}

/// A persona that was not taken, as the file (or storage) holds it, and why.
#[derive(Debug, Clone)]
pub struct Refused {
    /// Its place in the file's list, from 1.
    pub position: usize,
    /// Its name, if it has one, as far as it can be shown (unsafe characters removed).
    pub name: Option<String>,
    pub reason: Refusal,
    raw: Box<RawValue>,
}

impl PartialEq for Refused {
    fn eq(&self, other: &Self) -> bool {
        (self.position, &self.name, &self.reason, self.raw.get())
            == (other.position, &other.name, &other.reason, other.raw.get())
    }
}

impl Eq for Refused {}

impl Refused {
    /// The persona's JSON exactly as the file or storage holds it.
    pub fn raw_json(&self) -> &str {
        self.raw.get()
    }

    /// The persona's JSON, for writing it back as it was.
    pub fn raw(&self) -> &RawValue {
        &self.raw
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match &self.name {
            Some(name) => write!(f, "Persona {} (“{name}”): {}.", self.position, self.reason),
            None => write!(f, "Persona {}: {}.", self.position, self.reason),
        }
    }
}

/// Why one persona was not taken.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("it is not valid JSON ({detail})")]
    NotJson { detail: String },
    #[error("it names “{key}” twice; each field may appear once")]
    RepeatedKey { key: String },
    #[error("it is incomplete or has unexpected content{}: {detail}", at(path))]
    BadShape { path: String, detail: String },
    #[error("{0}")]
    Broken(PersonaProblem),
    #[error("another persona before it has the id “{id}”")]
    RepeatedId { id: String },
    #[error("its version history cannot be used: {0}")]
    BadHistory(String),
}

fn at(path: &str) -> String {
    if path == "." || path.is_empty() {
        String::new()
    } else {
        format!(" at {path}")
    }
}

/// The envelope, the personas left unread.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    schema_version: u32,
    #[allow(dead_code)]
    #[serde(with = "time::serde::rfc3339")]
    exported_at: time::OffsetDateTime,
    personas: Vec<Box<RawValue>>,
}

/// Reads a persona file: the valid personas and the refused ones. The file as a whole
/// is refused when it is too large, not JSON, not a persona file, of a newer schema,
/// repeats a key of its own, or holds more than [`MAX_PERSONAS`].
pub fn read_file(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let text = strict::decode(bytes).map_err(|encoding| ImportError::NotText { encoding })?;
    let Some(entries) = strict::entries(&text).map_err(file_problem)? else {
        return Err(ImportError::NotPersonaFile {
            found: "missing".into(),
        });
    };
    if let Some(key) = strict::repeated_key(&entries) {
        return Err(ImportError::RepeatedKey {
            key: key.to_string(),
        });
    }
    let field = |name: &str| {
        let raw = entries.iter().find(|(key, _)| key == name)?;
        strict::value(raw.1.get()).ok()
    };
    check_envelope(field("format"), field("schema_version"))?;
    let envelope: Envelope = shape::from_text(&text)
        .map_err(|ShapeError { path, detail }| ImportError::BadShape { path, detail })?;
    if envelope.personas.len() > MAX_PERSONAS {
        return Err(ImportError::TooManyPersonas {
            found: envelope.personas.len(),
        });
    }
    let mut imported = Imported {
        personas: Vec::new(),
        refused: Vec::new(),
    };
    let mut ids = std::collections::HashSet::new();
    for (i, raw) in envelope.personas.into_iter().enumerate() {
        match read_persona(&raw) {
            Ok(persona) if ids.insert(persona.id.clone()) => imported.personas.push(persona),
            Ok(persona) => {
                imported
                    .refused
                    .push(refused(i, raw, Refusal::RepeatedId { id: persona.id }))
            }
            Err(reason) => imported.refused.push(refused(i, raw, reason)),
        }
    }
    Ok(imported)
}

/// One persona from its JSON, read as strictly as the file and checked against every
/// rule (`check_persona`).
pub fn read_persona(raw: &RawValue) -> Result<Persona, Refusal> {
    // Checked strictly first (no key named twice), then read from the same text.
    strict::value(raw.get()).map_err(|problem| match problem {
        JsonProblem::RepeatedKey { key, .. } => Refusal::RepeatedKey { key },
        JsonProblem::Syntax { detail, .. } => Refusal::NotJson { detail },
    })?;
    let mut persona: Persona = shape::from_text(raw.get())
        .map_err(|ShapeError { path, detail }| Refusal::BadShape { path, detail })?;
    // A persona from before version 4 starts its timeline with its figures as they are.
    start_timeline(&mut persona);
    check_persona(&persona).map_err(Refusal::Broken)?;
    Ok(persona)
}

/// A refused persona at index `i`, with its name if it can be found.
pub fn refused(i: usize, raw: Box<RawValue>, reason: Refusal) -> Refused {
    let name = serde_json::from_str::<Value>(raw.get())
        .ok()
        .and_then(|v| v.get("name")?.as_str().map(shown_name));
    Refused {
        position: i + 1,
        name,
        reason,
        raw,
    }
}

/// A name as a message may show it: no unsafe characters, at most 80 characters.
pub fn shown_name(name: &str) -> String {
    without_unsafe_chars(name)
        .chars()
        .take(MAX_NAME_SHOWN)
        .collect()
}

fn file_problem(problem: JsonProblem) -> ImportError {
    match problem {
        JsonProblem::Syntax {
            line,
            column,
            detail,
        } => ImportError::NotJson {
            line,
            column,
            detail,
        },
        JsonProblem::RepeatedKey { key, .. } => ImportError::RepeatedKey { key },
    }
}

/// Checks `format` and `schema_version` first, so a foreign or newer file gets a
/// message about that rather than about its fields.
fn check_envelope(format: Option<Value>, version: Option<Value>) -> Result<(), ImportError> {
    if format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotPersonaFile {
            found: format.map_or("missing".to_string(), |f| {
                f.to_string().chars().take(60).collect()
            }),
        });
    }
    match version.as_ref().and_then(Value::as_u64) {
        Some(v) if v > u64::from(SCHEMA_VERSION) => Err(ImportError::NewerSchema { found: v }),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(ImportError::BadSchemaVersion {
            found: version.map_or("missing".to_string(), |v| {
                v.to_string().chars().take(30).collect()
            }),
        }),
    }
}
