//! Stage 5 — the persona file: the one thing that leaves the app (see
//! `docs/persona-format.md`). Export writes it; import reads it back as strictly as
//! the app checks its own personas (`strict.rs`: no repeated keys; `read.rs`: each
//! persona on its own, so the good ones of a file can be taken and the bad listed).

mod class_profile_rules;
mod follow_up_rules;
mod numbers;
mod own_figures;
mod read;
pub mod shape;
mod sources_rules;
pub mod strict;
mod survey_addresses;
mod validate;

pub use read::{read_file, read_persona, refused, shown_name, Imported, Refusal, Refused};
pub use validate::{check_persona, fit_to_format, PersonaProblem, MAX_PERSONAS};

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;

use crate::personas::Persona;

/// The `format` tag every persona file carries.
pub const FORMAT: &str = "persona-builder";
/// The schema version this build writes and the newest it reads (3 added number
/// figures and the display name, headline, goals and frustrations; 4 plans, the wave
/// timeline, ratings and reviews; 5 the records extract a persona rests on; older
/// versions are read as they are, a persona with no timeline starting one from its
/// figures).
pub const SCHEMA_VERSION: u32 = 5;
/// Files larger than this are refused before parsing (5 MiB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The file name offered for downloads.
pub const EXPORT_FILE_NAME: &str = "personas.json";
/// The most characters of a persona's name a message shows.
const MAX_NAME_SHOWN: usize = 80;

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
    #[error(
        "The file is not valid {encoding} text. Export the personas again and import the \
         new file."
    )]
    NotText { encoding: &'static str },
    #[error("The file is not valid JSON (line {line}, column {column}): {detail}.")]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error(
        "The file names “{key}” twice; a persona file names each field once, so it cannot \
         be told which one is meant."
    )]
    RepeatedKey { key: String },
    #[error("This is not a Persona Builder file: its “format” is {found}, not “{FORMAT}”.")]
    NotPersonaFile { found: String },
    #[error(
        "This file uses persona schema version {found}, made by a newer Persona Builder; \
         this version reads up to version {SCHEMA_VERSION}. Update the app and try again."
    )]
    NewerSchema { found: u64 },
    #[error("The file's “schema_version” is {found}; it must be a whole number from 1.")]
    BadSchemaVersion { found: String },
    #[error("The persona file is incomplete or has unexpected content at {path}: {detail}.")]
    BadShape { path: String, detail: String },
    #[error("The file holds {found} personas; at most {MAX_PERSONAS} can be imported at once.")]
    TooManyPersonas { found: usize },
    #[error("A persona in the file was refused, so none was taken. {0}")]
    BadPersona(Refused),
}

/// Choices the user makes when exporting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Approved quotes are left out unless this is set.
    pub include_quotes: bool,
}

/// Why personas could not be exported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("“{name}” cannot be exported: {problem}.")]
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
    // Written compact (as the library is stored), then laid out from the value: the
    // page links the personas' serialiser once, not again for the pretty printer.
    let compact = serde_json::to_string(&file).expect("personas serialise");
    let value: serde_json::Value = serde_json::from_str(&compact).expect("it was just written");
    Ok(serde_json::to_string_pretty(&value).expect("a value serialises"))
}

/// Reads and validates a persona file, all or nothing: the first refused persona
/// refuses the file. [`read_file`] gives the good personas and lists the others.
pub fn import(bytes: &[u8]) -> Result<Vec<Persona>, ImportError> {
    let imported = read_file(bytes)?;
    match imported.refused.into_iter().next() {
        Some(first) => Err(ImportError::BadPersona(first)),
        None => Ok(imported.personas),
    }
}

#[cfg(test)]
mod follow_up_tests;
#[cfg(test)]
mod tests;
