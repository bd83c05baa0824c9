//! The persona library: the personas a team keeps, each with its version history, and
//! the versioned shape in which the browser edge stores them. Only personas are ever
//! stored, never survey rows.

mod backup;
mod history;
mod keeper;
mod library_file;
mod query;
mod quota;
mod share_link;
mod stored;
mod sync;

pub use backup::{
    read_backup, write_backup, Backup, BackupError, Mappings, RestoreMode, RestorePlan,
    BACKUP_FILE_NAME, BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES,
};
pub use history::{labels, History, Version, MAX_VERSIONS};
pub use keeper::{Keeper, UNDO_DEPTH};
pub use library_file::{
    reconcile, FileChanges, FileProblem, FileStamp, FileState, Reconciled, LIBRARY_FILE_NAME,
};
pub use query::Query;
pub use quota::{size, StorageUse, STORAGE_WARN_SHARE};
pub use share_link::{read_share_link, share_link, LinkError, MAX_LINK_CHARS, SHARE_PREFIX};
pub use stored::{LoadError, SetAside, StoredLibrary, SET_ASIDE_FILE_NAME, STORAGE_VERSION};
pub use sync::{merge_three_way, Revision, Stale, SyncReport};

use std::collections::BTreeMap;

use thiserror::Error;
use time::OffsetDateTime;

use crate::follow_up::carry_over;
use crate::persona_file::{check_persona, fit_to_format, PersonaProblem};
use crate::personas::{Field, Persona};

/// The most personas a library holds. Measured (docs/library.md): 5,000 small personas
/// are 4 MB of stored JSON and load natively in 3 s, every persona checked; 5,000 with
/// 60 traits each are 48 MB, within IndexedDB's quota and a back-up's 64 MiB. The file
/// import cap (`persona_file::MAX_PERSONAS`, 500 a file) is separate.
pub const LIBRARY_CAP: usize = 5_000;

/// The saved personas, in the order they were first added, and their earlier versions;
/// and the stored personas that failed the rules when loaded, kept as they were until the
/// user removes them (see `stored.rs`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    personas: Vec<Persona>,
    history: BTreeMap<String, History>,
    set_aside: Vec<SetAside>,
}

/// What adding personas to the library did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    pub updated: usize,
    /// Personas already in the library in a newer or equal version.
    pub unchanged: usize,
}

/// Why a change to a persona was refused; the library is then unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("That persona is no longer in the library.")]
    Missing,
    #[error("That version is no longer in the persona's history.")]
    NoSuchVersion,
    #[error("The change was not kept: {0}.")]
    Invalid(PersonaProblem),
    /// A persona to be added breaks a rule; nothing was added.
    #[error("Nothing was changed: “{name}” {problem}.")]
    Refused {
        name: String,
        problem: PersonaProblem,
    },
}

/// Checks a persona about to be added: the same rules as an import.
fn checked(p: &Persona) -> Result<(), EditError> {
    check_persona(p).map_err(|problem| EditError::Refused {
        name: p.name.clone(),
        problem,
    })
}

impl Library {
    /// A library holding `personas`, with no history.
    pub fn new(personas: Vec<Persona>) -> Self {
        Library {
            personas,
            ..Library::default()
        }
    }

    /// The saved personas.
    pub fn personas(&self) -> &[Persona] {
        &self.personas
    }

    /// The persona with this id.
    pub fn get(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// The persona's earlier versions, newest first.
    pub fn history(&self, id: &str) -> &[Version] {
        self.history.get(id).map_or(&[], History::versions)
    }

    /// True when nothing is saved.
    pub fn is_empty(&self) -> bool {
        self.personas.is_empty()
    }

    /// Changes one persona; the change is kept only if the persona still meets every
    /// rule, and the version before it goes into the history with who, when and what.
    /// Returns the fields that changed (none: nothing recorded).
    pub fn edit(
        &mut self,
        id: &str,
        by: &str,
        now: OffsetDateTime,
        change: impl FnOnce(&mut Persona),
    ) -> Result<Vec<Field>, EditError> {
        let index = self.index(id)?;
        let mut next = self.personas[index].clone();
        change(&mut next);
        let changed = next.changed_fields(&self.personas[index]);
        if changed.is_empty() {
            return Ok(changed);
        }
        check_persona(&next).map_err(EditError::Invalid)?;
        self.replace(index, next, by, now, format!("edited {}", labels(&changed)));
        Ok(changed)
    }

    /// Marks the persona reviewed today; its next review is due a quarter later.
    pub fn mark_reviewed(
        &mut self,
        id: &str,
        by: &str,
        now: OffsetDateTime,
    ) -> Result<(), EditError> {
        let index = self.index(id)?;
        let mut next = self.personas[index].clone();
        next.mark_reviewed(now.date());
        check_persona(&next).map_err(EditError::Invalid)?;
        self.replace(index, next, by, now, "marked reviewed".into());
        Ok(())
    }

    /// Brings back an earlier version (`version` counts from the newest, 0); the
    /// version replaced goes into the history too, so a restore can be undone the same way.
    pub fn restore(
        &mut self,
        id: &str,
        version: usize,
        by: &str,
        now: OffsetDateTime,
    ) -> Result<(), EditError> {
        let (index, earlier) = self.version_of(id, version)?;
        let change = format!(
            "restored the version of {}",
            earlier.at.date() // the day it was replaced
        );
        let mut next = earlier.persona.clone();
        next.created_at = self.personas[index].created_at;
        check_persona(&next).map_err(EditError::Invalid)?;
        self.replace(index, next, by, now, change);
        Ok(())
    }

    /// Adds a copy of the persona after it; returns the copy's id.
    pub fn duplicate(&mut self, id: &str, now: OffsetDateTime) -> Result<String, EditError> {
        let index = self.index(id)?;
        let mut copy = self.personas[index].duplicate(now);
        fit_to_format(&mut copy);
        checked(&copy)?;
        let copy_id = copy.id.clone();
        self.personas.insert(index + 1, copy);
        Ok(copy_id)
    }

    /// Adds personas from a persona file, replacing a saved one with the same id when
    /// the incoming one was updated more recently (the saved one goes into its history);
    /// older or identical incoming versions are left out. Every incoming persona must
    /// meet the rules, or nothing is merged.
    pub fn merge(
        &mut self,
        incoming: &[Persona],
        by: &str,
        now: OffsetDateTime,
    ) -> Result<MergeSummary, EditError> {
        incoming.iter().try_for_each(checked)?;
        let mut summary = MergeSummary::default();
        for persona in incoming {
            match self.personas.iter().position(|p| p.id == persona.id) {
                None => {
                    self.personas.push(persona.clone());
                    summary.added += 1;
                }
                Some(i) if persona.updated_at > self.personas[i].updated_at => {
                    let change = "replaced by a newer imported version".to_string();
                    self.replace_as_is(i, persona.clone(), by, now, change);
                    summary.updated += 1;
                }
                Some(_) => summary.unchanged += 1,
            }
        }
        Ok(summary)
    }

    /// Replaces saved personas with these (same id), adding the others: used when the
    /// user saves freshly built personas, which always win. The staff's own fields
    /// (owner, tags, notes, review) stay, and the replaced version goes into history.
    /// Every persona must meet the rules an import applies, or nothing is saved.
    pub fn save(
        &mut self,
        personas: &[Persona],
        by: &str,
        now: OffsetDateTime,
    ) -> Result<MergeSummary, EditError> {
        personas.iter().try_for_each(checked)?;
        let mut summary = MergeSummary::default();
        for persona in personas {
            match self.personas.iter().position(|p| p.id == persona.id) {
                Some(i) => {
                    let saved = &self.personas[i];
                    let mut next = Persona {
                        created_at: saved.created_at,
                        owner: saved.owner.clone(),
                        tags: saved.tags.clone(),
                        notes: saved.notes.clone(),
                        review_due: saved.review_due,
                        last_reviewed: saved.last_reviewed,
                        ..persona.clone()
                    };
                    carry_over(saved, &mut next);
                    self.replace(i, next, by, now, "rebuilt from the survey".into());
                    summary.updated += 1;
                }
                None => {
                    self.personas.push(persona.clone());
                    summary.added += 1;
                }
            }
        }
        Ok(summary)
    }

    /// Replaces a persona with a checked new version (refreshed from a new wave, say),
    /// keeping the old one in its history.
    pub fn update(
        &mut self,
        next: Persona,
        by: &str,
        now: OffsetDateTime,
        change: &str,
    ) -> Result<(), EditError> {
        let index = self.index(&next.id)?;
        check_persona(&next).map_err(EditError::Invalid)?;
        self.replace(index, next, by, now, change.to_string());
        Ok(())
    }

    /// Removes the persona with this id and its history, returning it.
    pub fn remove(&mut self, id: &str) -> Option<Persona> {
        let index = self.personas.iter().position(|p| p.id == id)?;
        self.history.remove(id);
        Some(self.personas.remove(index))
    }

    /// Whether the library is within the number of personas it may hold.
    pub fn fits(&self) -> bool {
        self.personas.len() <= LIBRARY_CAP
    }

    fn index(&self, id: &str) -> Result<usize, EditError> {
        self.personas
            .iter()
            .position(|p| p.id == id)
            .ok_or(EditError::Missing)
    }

    /// Puts `next` in place of persona `index`, stamped `now`, keeping the old version.
    fn replace(
        &mut self,
        index: usize,
        mut next: Persona,
        by: &str,
        now: OffsetDateTime,
        change: String,
    ) {
        next.updated_at = now;
        self.replace_as_is(index, next, by, now, change);
    }

    fn replace_as_is(
        &mut self,
        index: usize,
        next: Persona,
        by: &str,
        now: OffsetDateTime,
        change: String,
    ) {
        let before = std::mem::replace(&mut self.personas[index], next);
        self.history
            .entry(before.id.clone())
            .or_default()
            .record(Version {
                at: now,
                by: by.to_string(),
                change,
                persona: before,
            });
    }
}

#[cfg(test)]
mod tests;
