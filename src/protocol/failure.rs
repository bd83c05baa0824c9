//! Why a request to the pipeline was not carried out: the stage's own error, worded once
//! in its `Display`, or what went wrong with the worker itself.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::columns::KindRefusal;
use crate::community::CommunityError;
use crate::pipeline::BuildError;
use crate::privacy::SettingsError;
use crate::survey::{DictionaryError, ReadError};

use super::ViewTooLarge;

/// A request that failed; whatever was loaded before is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// The survey file could not be read.
    #[error("{0}")]
    Read(ReadError),
    /// Interview notes could not be read.
    #[error("{0}")]
    Notes(crate::interviews::NotesError),
    /// The community profile could not be used.
    #[error("{0}")]
    Community(CommunityError),
    /// The records extract could not be read.
    #[error("The records extract could not be read. {0}")]
    Extract(ReadError),
    /// The REDCap data dictionary could not be used.
    #[error("{0}")]
    Dictionary(DictionaryError),
    #[error("{0}")]
    Settings(SettingsError),
    /// A column's answers do not fit the kind chosen for it.
    #[error("{0}")]
    Kind(KindRefusal),
    #[error("{0}")]
    Build(BuildError),
    /// The survey's description would be too large for the page.
    #[error("{0}")]
    TooLargeToShow(ViewTooLarge),
    #[error("No survey is loaded; choose a file first.")]
    NothingLoaded,
    #[error("The file's contents did not arrive; choose the file again.")]
    NoContents,
    /// The browser could not read the chosen file (it was moved or deleted, say).
    #[error(
        "The browser could not read the file; check that it is still there and choose it again."
    )]
    FileUnreadable,
    /// The worker stopped while working on the request: its reader crashed.
    #[error(
        "The file looks damaged: the reader stopped while working on it. Open it in the \
         survey tool, Excel or LibreOffice and save it again (or save it as .xlsx or .csv), \
         then try again."
    )]
    ReaderStopped,
    /// The worker could not be started at all.
    #[error(
        "The survey reader could not start. If the network is off, reload the page once \
         it is back; nothing else was changed."
    )]
    ReaderNotStarted,
    /// A newer request took the worker's place (another file was chosen).
    #[error("Another file was chosen, so this one was not read.")]
    Replaced,
}

impl From<ReadError> for Failure {
    fn from(e: ReadError) -> Self {
        Failure::Read(e)
    }
}

impl From<DictionaryError> for Failure {
    fn from(e: DictionaryError) -> Self {
        Failure::Dictionary(e)
    }
}

impl From<SettingsError> for Failure {
    fn from(e: SettingsError) -> Self {
        Failure::Settings(e)
    }
}

impl From<KindRefusal> for Failure {
    fn from(e: KindRefusal) -> Self {
        Failure::Kind(e)
    }
}

impl From<ViewTooLarge> for Failure {
    fn from(e: ViewTooLarge) -> Self {
        Failure::TooLargeToShow(e)
    }
}

impl From<BuildError> for Failure {
    fn from(e: BuildError) -> Self {
        Failure::Build(e)
    }
}

impl From<CommunityError> for Failure {
    fn from(e: CommunityError) -> Self {
        Failure::Community(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segments::clustering::SegmentError;
    use crate::survey::FileKind;

    #[test]
    fn every_kind_of_failure_crosses_the_worker_boundary_whole() {
        let failures = [
            Failure::Read(ReadError::Damaged {
                kind: FileKind::Xls,
            }),
            Failure::Read(ReadError::BadEncoding {
                encoding: "UTF-8".into(),
                offset: 3,
            }),
            Failure::Dictionary(DictionaryError::Unreadable(ReadError::Empty)),
            Failure::Settings(SettingsError::MinGroupSize { asked: 5 }),
            Failure::Kind(KindRefusal::NotANumber {
                column: "Travel".into(),
                answer: "Bus".into(),
                stays: crate::columns::ColumnKind::Categorical,
            }),
            Failure::Build(BuildError::Segments(SegmentError::NoVariables)),
            Failure::NothingLoaded,
            Failure::ReaderStopped,
            Failure::Replaced,
        ];
        for failure in failures {
            let json = serde_json::to_string(&failure).unwrap();
            let back: Failure = serde_json::from_str(&json).unwrap();
            assert_eq!(back, failure, "{json}");
            assert_eq!(back.to_string(), failure.to_string());
        }
    }

    #[test]
    fn each_failure_is_worded_in_whole_sentences() {
        let failures = [
            Failure::from(ReadError::Empty),
            Failure::from(SettingsError::MinGroupSize { asked: 5 }),
            Failure::NothingLoaded,
            Failure::NoContents,
            Failure::FileUnreadable,
            Failure::ReaderStopped,
            Failure::ReaderNotStarted,
            Failure::Replaced,
        ];
        for failure in failures {
            let text = failure.to_string();
            assert!(text.ends_with('.'), "{text}");
            assert!(
                text.chars().next().is_some_and(char::is_uppercase),
                "{text}"
            );
        }
        assert!(Failure::from(SettingsError::MinGroupSize { asked: 5 })
            .to_string()
            .contains("between 11 and 1000"));
    }
}
