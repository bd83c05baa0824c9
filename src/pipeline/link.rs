//! A records extract beside the survey (see [`crate::records`]): read once by the survey
//! reader when the page sends it, kept in the worker only as long as the survey is, and
//! linked again on every read of the survey, so the key is never in what analysis sees.

use crate::records::{self, LinkReport};
use crate::survey::{
    read_source_reporting, Fingerprint, ProgressSink, ReadError, ReadOptions, Source, Survey,
};

use super::{LoadedSurvey, Recipe};

/// A records extract as read, before linking. It never leaves the worker and is never
/// stored; its rows reach analysis only as the `Records: …` columns of matched
/// respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct Extract {
    pub file_name: String,
    table: Survey,
}

impl Extract {
    /// Reads an extract with the survey reader (any format it takes, options worked out).
    pub fn read(
        file_name: &str,
        source: &Source,
        progress: ProgressSink,
    ) -> Result<Self, ReadError> {
        let table =
            read_source_reporting(source, Fingerprint::Hash, ReadOptions::default(), progress)?;
        Ok(Extract {
            file_name: file_name.to_string(),
            table,
        })
    }

    /// The extract's hex SHA-256, kept as provenance (it identifies no one).
    pub fn sha256(&self) -> &str {
        &self.table.source_sha256
    }

    /// The survey with the extract's fields joined on the recipe's key (or the best one
    /// proposed), and the key gone from it.
    pub(super) fn link(
        &self,
        raw: Survey,
        recipe: &Recipe,
    ) -> Result<(Survey, LinkReport), ReadError> {
        records::link(
            raw,
            &self.table,
            &self.file_name,
            recipe.link.as_ref(),
            recipe.settings.min_group_size,
        )
        .map_err(ReadError::NotLinked)
    }
}

impl LoadedSurvey {
    /// The records extract the survey was linked to, as a persona's provenance says it.
    pub fn records_source(&self) -> Option<crate::personas::RecordsSource> {
        let (extract, link) = (self.extract.as_ref()?, self.link.as_ref()?);
        Some(crate::personas::RecordsSource {
            sha256: extract.sha256().to_string(),
            matched: link.matched,
        })
    }
}
