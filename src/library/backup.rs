//! **Back up everything**: one file with the personas, their histories and notes and
//! plans (both live on the persona), and the column mappings remembered per survey
//! layout — never survey data, which is never stored. **Restore from a back-up** reads
//! it as strictly as an import: a file that is corrupt, truncated, too big, from a newer
//! version, or holds a persona that fails the rules is refused whole, changing nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;
use time::OffsetDateTime;

use super::{Library, MergeSummary};
use crate::persona_file::strict;
use crate::pipeline::ColumnMapping;

/// The `format` a back-up names.
pub const BACKUP_FORMAT: &str = "persona-builder-backup";
/// The back-up version this build writes and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// The largest back-up read: 64 MiB (a library at its cap of 5,000 personas with
/// histories measures well under this; see docs/library.md).
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;
/// The file name offered for a back-up.
pub const BACKUP_FILE_NAME: &str = "persona-library-backup.json";

/// Column mappings by survey layout: question names, roles and kinds only.
pub type Mappings = BTreeMap<String, ColumnMapping>;

/// A back-up read and checked, ready to restore.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub created_at: OffsetDateTime,
    pub library: Library,
    pub mappings: Mappings,
}

/// Why a back-up was refused (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("it is {size} bytes, more than the {max} a back-up may be")]
    TooBig { size: usize, max: usize },
    #[error("it is damaged or cut short ({0})")]
    Damaged(String),
    #[error("it is not a Persona Builder back-up")]
    NotBackup,
    #[error("it was made by a newer version of Persona Builder (back-up version {0}); update the app to restore it")]
    Newer(u64),
    #[error("{0} of its personas break the rules every persona must meet")]
    BadPersonas(usize),
}

/// How a restore treats the library already here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreMode {
    /// The back-up's library replaces this one (Undo brings this one back).
    Replace,
    /// The back-up's personas are merged in by id, newer wins, as an import is.
    Merge,
}

#[derive(Serialize)]
struct Written<'a> {
    format: &'static str,
    backup_version: u32,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    library: super::StoredLibrary<'a>,
    mappings: &'a Mappings,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Read {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    backup_version: u64,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    library: Box<RawValue>,
    mappings: Mappings,
}

/// The back-up file's text.
pub fn write_backup(library: &Library, mappings: &Mappings, now: OffsetDateTime) -> String {
    let written = Written {
        format: BACKUP_FORMAT,
        backup_version: BACKUP_VERSION,
        created_at: now,
        library: library.to_stored(),
        mappings,
    };
    serde_json::to_string(&written).expect("a back-up serialises")
}

/// Reads a back-up file, refusing it whole on any problem.
pub fn read_backup(bytes: &[u8]) -> Result<Backup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooBig {
            size: bytes.len(),
            max: MAX_BACKUP_BYTES,
        });
    }
    let damaged = |d: String| BackupError::Damaged(d);
    let text = std::str::from_utf8(bytes).map_err(|e| damaged(e.to_string()))?;
    let top = strict::entries(text)
        .map_err(|e| damaged(format!("{e:?}")))?
        .ok_or(BackupError::NotBackup)?;
    if let Some(key) = strict::repeated_key(&top) {
        return Err(damaged(format!("it names “{key}” twice")));
    }
    let field = |name: &str| top.iter().find(|(k, _)| k == name).map(|(_, v)| v.get());
    if field("format") != Some(&format!("\"{BACKUP_FORMAT}\"")) {
        return Err(BackupError::NotBackup);
    }
    match field("backup_version").and_then(|v| v.parse::<u64>().ok()) {
        Some(v) if v > u64::from(BACKUP_VERSION) => return Err(BackupError::Newer(v)),
        Some(1) => {}
        _ => return Err(damaged("no back-up version".into())),
    }
    let read: Read = serde_json::from_str(text).map_err(|e| damaged(e.to_string()))?;
    let library = Library::from_stored(read.library.get()).map_err(|e| damaged(e.to_string()))?;
    if !library.set_aside().is_empty() {
        return Err(BackupError::BadPersonas(library.set_aside().len()));
    }
    if !library.fits() {
        return Err(damaged(format!(
            "it holds more than {} personas",
            super::LIBRARY_CAP
        )));
    }
    Ok(Backup {
        created_at: read.created_at,
        library,
        mappings: read.mappings,
    })
}

/// What restoring would do, for the summary shown before anything changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestorePlan {
    pub personas: usize,
    pub versions: usize,
    pub mappings: usize,
    /// For a merge: what it would add, update and leave.
    pub merge: MergeSummary,
}

impl Backup {
    /// What restoring into `library` would do.
    pub fn plan(&self, library: &Library) -> RestorePlan {
        let mut trial = library.clone();
        let merge = trial
            .restore_from(self, RestoreMode::Merge, "", self.created_at)
            .unwrap_or_default();
        RestorePlan {
            personas: self.library.personas().len(),
            versions: self
                .library
                .history
                .values()
                .map(|h| h.versions().len())
                .sum(),
            mappings: self.mappings.len(),
            merge,
        }
    }
}

impl Library {
    /// Restores a back-up: replaces this library, or merges its personas in by id with
    /// the import rules (newer wins; a persona added brings its history).
    pub fn restore_from(
        &mut self,
        backup: &Backup,
        mode: RestoreMode,
        by: &str,
        now: OffsetDateTime,
    ) -> Result<MergeSummary, super::EditError> {
        match mode {
            RestoreMode::Replace => {
                *self = backup.library.clone();
                Ok(MergeSummary {
                    added: self.personas.len(),
                    ..MergeSummary::default()
                })
            }
            RestoreMode::Merge => {
                let before: Vec<String> = self.personas.iter().map(|p| p.id.clone()).collect();
                let summary = self.merge(backup.library.personas(), by, now)?;
                for (id, history) in &backup.library.history {
                    if !before.contains(id) && self.get(id).is_some() {
                        self.history.insert(id.clone(), history.clone());
                    }
                }
                Ok(summary)
            }
        }
    }
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
