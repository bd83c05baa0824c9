//! Stage 5 — the persona file: the one thing that leaves the app (see
//! `docs/persona-format.md`). Export writes it; import reads it back as strictly as
//! the app checks its own personas.

mod validate;

pub use validate::{check_persona, fit_to_format, PersonaProblem, MAX_PERSONAS};

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;

use crate::personas::Persona;

/// The `format` tag every persona file carries.
pub const FORMAT: &str = "persona-builder";
/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 2;
/// Files larger than this are refused before parsing (5 MiB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The file name offered for downloads.
pub const EXPORT_FILE_NAME: &str = "personas.json";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonaFile {
    format: String,
    schema_version: u32,
    #[serde(with = "time::serde::rfc3339")]
    exported_at: OffsetDateTime,
    personas: Vec<Persona>,
}

/// Why a persona file was refused. The library is never touched when this happens.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("The file is {size} bytes; persona files are at most {max} bytes.")]
    TooLarge { size: usize, max: usize },
    #[error("The file is not valid JSON (line {line}, column {column}): {detail}")]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("This is not a Persona Builder file: its “format” is {found}, not “{FORMAT}”.")]
    NotPersonaFile { found: String },
    #[error(
        "This file uses persona schema version {found}, made by a newer Persona Builder; \
         this version reads up to version {SCHEMA_VERSION}. Update the app and try again."
    )]
    NewerSchema { found: u64 },
    #[error("The file's “schema_version” is {found}; it must be a whole number from 1.")]
    BadSchemaVersion { found: String },
    #[error("The persona file is incomplete or has unexpected content at {path}: {detail}")]
    BadShape { path: String, detail: String },
    #[error("The file holds {found} personas; at most {MAX_PERSONAS} can be imported at once.")]
    TooManyPersonas { found: usize },
    #[error("Persona {position} (“{name}”) was refused: {problem}")]
    BadPersona {
        position: usize,
        name: String,
        problem: PersonaProblem,
    },
    #[error("Two personas in the file share the id “{id}”.")]
    DuplicateId { id: String },
}

/// Choices the user makes when exporting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Approved quotes are left out unless this is set.
    pub include_quotes: bool,
}

/// Why personas could not be exported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("“{name}” cannot be exported: {problem}")]
pub struct ExportError {
    pub name: String,
    pub problem: PersonaProblem,
}

/// Writes personas as a persona file (pretty-printed JSON), after the same checks import
/// applies, so the app never writes a file it would refuse.
pub fn export(
    personas: &[Persona],
    options: ExportOptions,
    now: OffsetDateTime,
) -> Result<String, ExportError> {
    let mut personas = personas.to_vec();
    for persona in &mut personas {
        if !options.include_quotes {
            persona.quotes.clear();
        }
        check_persona(persona).map_err(|problem| ExportError {
            name: persona.name.clone(),
            problem,
        })?;
    }
    let file = PersonaFile {
        format: FORMAT.to_string(),
        schema_version: SCHEMA_VERSION,
        exported_at: now,
        personas,
    };
    Ok(serde_json::to_string_pretty(&file).expect("personas serialise"))
}

/// Reads and validates a persona file; all or nothing.
pub fn import(bytes: &[u8]) -> Result<Vec<Persona>, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
    check_envelope(&value)?;
    let file: PersonaFile =
        serde_path_to_error::deserialize(value).map_err(|e| ImportError::BadShape {
            path: e.path().to_string(),
            detail: e.inner().to_string(),
        })?;
    if file.personas.len() > MAX_PERSONAS {
        return Err(ImportError::TooManyPersonas {
            found: file.personas.len(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for (i, persona) in file.personas.iter().enumerate() {
        check_persona(persona).map_err(|problem| ImportError::BadPersona {
            position: i + 1,
            name: persona.name.chars().take(80).collect(),
            problem,
        })?;
        if !seen.insert(persona.id.as_str()) {
            return Err(ImportError::DuplicateId {
                id: persona.id.clone(),
            });
        }
    }
    Ok(file.personas)
}

/// Checks `format` and `schema_version` first, so a foreign or newer file gets a
/// message about that rather than about its fields.
fn check_envelope(value: &serde_json::Value) -> Result<(), ImportError> {
    let format = value.get("format");
    if format.and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotPersonaFile {
            found: format.map_or("missing".to_string(), |f| {
                f.to_string().chars().take(60).collect()
            }),
        });
    }
    let version = value.get("schema_version");
    match version.and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(SCHEMA_VERSION) => Err(ImportError::NewerSchema { found: v }),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(ImportError::BadSchemaVersion {
            found: version.map_or("missing".to_string(), |v| {
                v.to_string().chars().take(30).collect()
            }),
        }),
    }
}

#[cfg(test)]
mod tests;
