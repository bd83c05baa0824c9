//! The persona library: the personas a team keeps, and the versioned shape in which
//! the browser edge stores them. Only personas are ever stored, never survey rows.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::persona_file::{check_persona, PersonaProblem, MAX_PERSONAS};
use crate::personas::Persona;

/// The version of the stored library this build writes and the newest it reads.
pub const STORAGE_VERSION: u32 = 1;

/// The saved personas, in the order they were first added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    personas: Vec<Persona>,
}

/// What adding personas to the library did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    pub updated: usize,
    /// Personas already in the library in a newer or equal version.
    pub unchanged: usize,
}

/// Why a stored library cannot be loaded (it is then left untouched in storage).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("the stored library is damaged ({0})")]
    Damaged(String),
    #[error(
        "the stored library was written by a newer version of Persona Builder \
         (storage version {0}); update the app to use it"
    )]
    Newer(u64),
    #[error("a stored persona is invalid: {0}")]
    Invalid(PersonaProblem),
}

/// The library as it is stored: a version tag and the personas, nothing else.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredLibrary {
    storage_version: u32,
    personas: Vec<Persona>,
}

impl Library {
    /// A library holding `personas`.
    pub fn new(personas: Vec<Persona>) -> Self {
        Library { personas }
    }

    /// The saved personas.
    pub fn personas(&self) -> &[Persona] {
        &self.personas
    }

    /// True when nothing is saved.
    pub fn is_empty(&self) -> bool {
        self.personas.is_empty()
    }

    /// Adds personas, replacing a saved one with the same id when the incoming one was
    /// updated more recently; older or identical incoming versions are left out.
    pub fn merge(&mut self, incoming: &[Persona]) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for persona in incoming {
            match self.personas.iter_mut().find(|p| p.id == persona.id) {
                None => {
                    self.personas.push(persona.clone());
                    summary.added += 1;
                }
                Some(saved) if persona.updated_at > saved.updated_at => {
                    *saved = persona.clone();
                    summary.updated += 1;
                }
                Some(_) => summary.unchanged += 1,
            }
        }
        summary
    }

    /// Replaces saved personas with these (same id), adding the others: used when the
    /// user saves freshly built personas, which always win.
    pub fn save(&mut self, personas: &[Persona]) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for persona in personas {
            match self.personas.iter_mut().find(|p| p.id == persona.id) {
                Some(saved) => {
                    let created_at = saved.created_at;
                    *saved = persona.clone();
                    saved.created_at = created_at;
                    summary.updated += 1;
                }
                None => {
                    self.personas.push(persona.clone());
                    summary.added += 1;
                }
            }
        }
        summary
    }

    /// Removes the persona with this id, returning it.
    pub fn remove(&mut self, id: &str) -> Option<Persona> {
        let index = self.personas.iter().position(|p| p.id == id)?;
        Some(self.personas.remove(index))
    }

    /// Whether the library is within the number of personas it may hold.
    pub fn fits(&self) -> bool {
        self.personas.len() <= MAX_PERSONAS
    }

    /// The value kept in browser storage (serialised as JSON by the storage edge).
    pub fn to_stored(&self) -> StoredLibrary {
        StoredLibrary {
            storage_version: STORAGE_VERSION,
            personas: self.personas.clone(),
        }
    }

    /// Reads the value kept in browser storage, checking its version and every persona.
    pub fn from_stored(value: serde_json::Value) -> Result<Self, LoadError> {
        let version = value.get("storage_version").and_then(|v| v.as_u64());
        match version {
            Some(v) if v > u64::from(STORAGE_VERSION) => return Err(LoadError::Newer(v)),
            Some(v) if v >= 1 => {}
            _ => return Err(LoadError::Damaged("no storage version".into())),
        }
        let stored: StoredLibrary =
            serde_json::from_value(value).map_err(|e| LoadError::Damaged(e.to_string()))?;
        for persona in &stored.personas {
            check_persona(persona).map_err(LoadError::Invalid)?;
        }
        Ok(Library::new(stored.personas))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::persona;
    use time::Duration;

    #[test]
    fn storage_round_trip_keeps_every_persona() {
        let library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
        let value = serde_json::to_value(library.to_stored()).unwrap();
        assert_eq!(value["storage_version"], 1);
        assert_eq!(Library::from_stored(value).unwrap(), library);
    }

    #[test]
    fn a_newer_or_damaged_store_is_refused() {
        let newer = serde_json::json!({"storage_version": 2, "personas": []});
        assert_eq!(Library::from_stored(newer), Err(LoadError::Newer(2)));
        let damaged = serde_json::json!({"storage_version": 1, "personas": "x"});
        assert!(matches!(
            Library::from_stored(damaged),
            Err(LoadError::Damaged(_))
        ));
        let mut small = persona("a", "A");
        small.segment.size = 5;
        let value = serde_json::to_value(Library::new(vec![small]).to_stored()).unwrap();
        assert!(matches!(
            Library::from_stored(value),
            Err(LoadError::Invalid(_))
        ));
    }

    #[test]
    fn merge_adds_new_updates_newer_and_skips_older() {
        let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
        let mut newer_a = persona("a", "A renamed");
        newer_a.updated_at += Duration::hours(1);
        let mut older_b = persona("b", "B old");
        older_b.updated_at -= Duration::hours(1);
        let summary = library.merge(&[newer_a, older_b, persona("c", "C")]);
        assert_eq!(
            summary,
            MergeSummary {
                added: 1,
                updated: 1,
                unchanged: 1
            }
        );
        let names: Vec<_> = library.personas().iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["A renamed", "B", "C"]);
    }

    #[test]
    fn saving_a_rebuilt_persona_replaces_it_but_keeps_its_creation_time() {
        let mut library = Library::new(vec![persona("a", "A")]);
        let mut rebuilt = persona("a", "A again");
        rebuilt.created_at += Duration::days(2);
        let summary = library.save(&[rebuilt]);
        assert_eq!(summary.updated, 1);
        assert_eq!(library.personas()[0].name, "A again");
        assert_eq!(
            library.personas()[0].created_at,
            persona("a", "A").created_at
        );
    }

    #[test]
    fn remove_takes_out_only_that_persona() {
        let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
        assert_eq!(library.remove("a").unwrap().name, "A");
        assert!(library.remove("a").is_none());
        assert_eq!(library.personas().len(), 1);
    }
}
