//! The library as browser storage keeps it: a version tag, the personas and their
//! histories. Older shapes are migrated on load; newer ones are refused untouched.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::history::History;
use super::Library;
use crate::persona_file::{check_persona, PersonaProblem};
use crate::personas::Persona;

/// The version of the stored library this build writes and the newest it reads.
/// 1: personas only. 2: personas (with owner, tags, notes) and version histories.
pub const STORAGE_VERSION: u32 = 2;

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

/// Storage version 2.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredLibrary {
    storage_version: u32,
    personas: Vec<Persona>,
    #[serde(default)]
    history: BTreeMap<String, History>,
}

/// Storage version 1, read only to migrate it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredV1 {
    #[allow(dead_code)]
    storage_version: u32,
    personas: Vec<Persona>,
}

impl Library {
    /// The value kept in browser storage (serialised as JSON by the storage edge).
    pub fn to_stored(&self) -> StoredLibrary {
        StoredLibrary {
            storage_version: STORAGE_VERSION,
            personas: self.personas.clone(),
            history: self
                .history
                .iter()
                .filter(|(_, h)| !h.is_empty())
                .map(|(id, h)| (id.clone(), h.clone()))
                .collect(),
        }
    }

    /// Reads the value kept in browser storage, migrating an older version and checking
    /// every persona and every kept version.
    pub fn from_stored(value: serde_json::Value) -> Result<Self, LoadError> {
        let damaged = |e: serde_json::Error| LoadError::Damaged(e.to_string());
        let (personas, history) = match value.get("storage_version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(STORAGE_VERSION) => return Err(LoadError::Newer(v)),
            Some(1) => {
                let v1: StoredV1 = serde_json::from_value(value).map_err(damaged)?;
                (v1.personas, BTreeMap::new())
            }
            Some(2) => {
                let v2: StoredLibrary = serde_json::from_value(value).map_err(damaged)?;
                (v2.personas, v2.history)
            }
            _ => return Err(LoadError::Damaged("no storage version".into())),
        };
        let kept = history
            .values()
            .flat_map(|h| h.versions())
            .map(|v| &v.persona);
        for persona in personas.iter().chain(kept) {
            check_persona(persona).map_err(LoadError::Invalid)?;
        }
        Ok(Library { personas, history })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::persona;
    use time::macros::datetime;

    #[test]
    fn storage_round_trip_keeps_personas_and_history() {
        let mut library = Library::new(vec![persona("a", "A"), persona("b", "B")]);
        library
            .edit("a", "Sam", datetime!(2026-12-01 9:00 UTC), |p| {
                p.name = "A2".into()
            })
            .unwrap();
        let value = serde_json::to_value(library.to_stored()).unwrap();
        assert_eq!(value["storage_version"], 2);
        assert_eq!(Library::from_stored(value).unwrap(), library);
    }

    #[test]
    fn a_version_1_library_is_migrated() {
        let v1 = serde_json::json!({
            "storage_version": 1,
            "personas": [serde_json::to_value(persona("a", "A")).unwrap()],
        });
        let library = Library::from_stored(v1).unwrap();
        assert_eq!(library.personas(), [persona("a", "A")]);
        assert!(library.history("a").is_empty());
    }

    #[test]
    fn a_newer_or_damaged_store_is_refused() {
        let newer = serde_json::json!({"storage_version": 3, "personas": []});
        assert_eq!(Library::from_stored(newer), Err(LoadError::Newer(3)));
        let damaged = serde_json::json!({"storage_version": 2, "personas": "x"});
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
}
