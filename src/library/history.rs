//! Version history: each earlier version of a persona, with who changed it, when and
//! what — field by field, before → after — and restoring one field of a version.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{EditError, Library};
use crate::persona_file::check_persona;
use crate::personas::{Field, FieldChange, Persona};

/// Earlier versions kept per persona; the oldest are dropped beyond this.
pub const MAX_VERSIONS: usize = 20;

/// A persona as it was before a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// When the change was made.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Who made it, as they named themselves on this device (may be blank).
    pub by: String,
    /// What the change was, in words: "edited name, tags", "refreshed from a new wave".
    pub change: String,
    /// The persona before the change.
    pub persona: Persona,
}

/// A persona's earlier versions, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct History(Vec<Version>);

impl History {
    /// Earlier versions, newest first.
    pub fn versions(&self) -> &[Version] {
        &self.0
    }

    /// Keeps `version` as the newest, dropping the oldest beyond [`MAX_VERSIONS`].
    pub fn record(&mut self, version: Version) {
        self.0.insert(0, version);
        self.0.truncate(MAX_VERSIONS);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Fields in words: "name, tags".
pub fn labels(fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Library {
    /// What the change after `version` did, field by field: the version against the one
    /// that replaced it (the newer version, or the persona as it is now).
    pub fn version_diff(&self, id: &str, version: usize) -> Vec<FieldChange> {
        let versions = self.history(id);
        let (Some(earlier), Some(current)) = (versions.get(version), self.get(id)) else {
            return Vec::new();
        };
        let after = match version {
            0 => current,
            newer => &versions[newer - 1].persona,
        };
        after.diff_from(&earlier.persona)
    }

    /// The fields restoring `version` would change in the persona as it is now.
    pub fn restore_changes(&self, id: &str, version: usize) -> Vec<Field> {
        match (self.history(id).get(version), self.get(id)) {
            (Some(earlier), Some(current)) => earlier.persona.changed_fields(current),
            _ => Vec::new(),
        }
    }

    /// The persona's place and its earlier `version` (0 the newest).
    pub(super) fn version_of(
        &self,
        id: &str,
        version: usize,
    ) -> Result<(usize, &Version), EditError> {
        let index = self.index(id)?;
        let earlier = self
            .history(id)
            .get(version)
            .ok_or(EditError::NoSuchVersion)?;
        Ok((index, earlier))
    }

    /// Takes one field back from an earlier version, leaving the others as they are;
    /// the version before goes into the history like any change.
    pub fn restore_field(
        &mut self,
        id: &str,
        version: usize,
        field: Field,
        by: &str,
        now: OffsetDateTime,
    ) -> Result<(), EditError> {
        let (index, earlier) = self.version_of(id, version)?;
        let change = format!("restored the {} of {}", field.label(), earlier.at.date());
        let mut next = self.personas[index].clone();
        field.take(&mut next, &earlier.persona);
        check_persona(&next).map_err(EditError::Invalid)?;
        self.replace(index, next, by, now, change);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;
    use time::OffsetDateTime;

    use super::*;
    use crate::test_support::persona;

    const NOW: OffsetDateTime = datetime!(2026-12-02 09:00 UTC);

    /// A persona whose summary, then owner and tags, were edited.
    fn edited_twice() -> Library {
        let mut library = Library::new(vec![persona("a", "Margaret")]);
        library
            .edit("a", "Sam", NOW, |p| p.summary = "Staff's summary.".into())
            .unwrap();
        library
            .edit("a", "Ana", NOW, |p| {
                p.owner = "Outpatients".into();
                p.tags = vec!["transport".into()];
            })
            .unwrap();
        library
    }

    #[test]
    fn each_version_says_what_its_change_did() {
        let library = edited_twice();
        let fields = |v| {
            library
                .version_diff("a", v)
                .iter()
                .map(|c| c.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(0), [Field::Owner, Field::Tags]);
        assert_eq!(fields(1), [Field::Summary]);
        let summary = &library.version_diff("a", 1)[0];
        assert_eq!(summary.after, "Staff's summary.");
        assert!(library.version_diff("a", 5).is_empty());
    }

    #[test]
    fn restore_says_what_it_changes_and_can_take_back_one_field() {
        let mut library = edited_twice();
        // The version before the summary was edited differs now in summary, owner, tags.
        assert_eq!(
            library.restore_changes("a", 1),
            [Field::Summary, Field::Owner, Field::Tags]
        );
        library
            .restore_field("a", 1, Field::Summary, "Sam", NOW)
            .unwrap();
        let now = library.get("a").unwrap();
        assert_eq!(now.summary, persona("a", "Margaret").summary);
        assert_eq!((now.owner.as_str(), now.tags.len()), ("Outpatients", 1));
        assert_eq!(
            library.history("a")[0].change,
            "restored the summary of 2026-12-02"
        );
        assert_eq!(
            library.restore_field("a", 9, Field::Name, "Sam", NOW),
            Err(EditError::NoSuchVersion)
        );
    }
}
