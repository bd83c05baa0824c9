//! Version history: each earlier version of a persona, with who changed it, when and what.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::personas::Persona;

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
