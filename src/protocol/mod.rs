//! The conversation between the page and the pipeline worker: the page sends
//! [`Request`]s, the worker's [`Session`] answers each with one [`Reply`] (after any
//! number of progress reports), or with a [`Failure`]. The types are plain serde values
//! so that they cross the worker boundary as JSON; natively, tests drive a `Session`
//! directly. [`SurveyView`] is what the page sees of a loaded survey.

mod failure;
mod session;
mod view;
mod workbook;

pub use failure::Failure;
pub use session::{Contents, Session};
pub use view::{SurveyView, ViewTooLarge, MAX_VIEW_BYTES, PREVIEW_ROWS, SHOWN_CELL_CHARS};
pub use workbook::{WorkbookReply, WorkbookRequest, WORKBOOK_TYPE};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::community::CommunityProfile;
use crate::pipeline::{Built, ColumnMapping, GroupBy, Recipe};
use crate::privacy::PrivacySettings;
use crate::records::KeyChoice;
use crate::refresh::{KeptPersona, Refresh};
use crate::survey::Progress;

/// What the page asks of the pipeline.
///
/// Externally tagged (`{"open": {…}}`), as every message between page and worker is:
/// serde reads an internally tagged enum by buffering it whole first, which links a
/// second deserialiser of every type inside it into each wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Read a survey file (the first file beside the request) as `recipe` says, then
    /// apply `mapping` as far as it fits. When `dictionary_file` names one, the next
    /// file beside the request is a REDCap data dictionary to use from now on; when
    /// `extract_file` names one, the last is a records extract to link (see
    /// [`Request::beside`]).
    ///
    /// Every request that carries a file goes to a fresh worker, which replaces the one
    /// holding the current survey only once it answers with the survey: a reader that
    /// fails, or crashes its worker, leaves the loaded survey as it was.
    Open {
        file_name: String,
        recipe: Box<Recipe>,
        mapping: ColumnMapping,
        dictionary_file: Option<String>,
        #[serde(default)]
        extract_file: Option<String>,
    },
    /// Link the records extract on another key pair.
    LinkKey { key: KeyChoice },
    /// Take the records extract away: the survey is read again without it.
    Unlink,
    /// Compare respondents with the community profile (`None` takes it away) and, when
    /// `weighted`, weight them to it.
    Community {
        profile: Option<CommunityProfile>,
        weighted: bool,
    },
    /// Guard the loaded file again under other privacy settings.
    Settings { settings: PrivacySettings },
    /// Undo (or re-apply) a merge, keyed as [`crate::columns::Merge::key`] says. The
    /// mapping in the reply then holds it, to be remembered for the layout.
    MergeUndone { key: (String, String), undone: bool },
    /// Keep a multi-select question as written (or fold it again); the mapping in the
    /// reply then holds it.
    FoldUndone { question: String, undone: bool },
    /// Set what the user chose about the columns: roles, kinds, undone merges and folds.
    Mapping { mapping: ColumnMapping },
    /// Apply the mapping remembered for this layout as far as it still fits.
    Remembered { mapping: ColumnMapping },
    /// Build personas from segments formed as `group_by` says.
    Build {
        group_by: GroupBy,
        now: OffsetDateTime,
    },
    /// Compare kept personas (what a refresh compares of them) with the loaded survey, a
    /// later wave.
    Refresh {
        personas: Vec<KeptPersona>,
        now: OffsetDateTime,
    },
    /// Work out the fingerprint of the file beside the request: the whole job of a helper
    /// worker the page starts beside a large survey's read ([`FINGERPRINT_BESIDE_FROM`]).
    Fingerprint,
    /// The fingerprint of the loaded survey's file, worked out beside its read.
    Fingerprinted { sha256: String },
}

/// Survey files from this size on (8 MiB) are fingerprinted beside the read — in the
/// browser by a helper worker the page starts, on another core, while the survey worker
/// parses — rather than by the survey worker as it reads: hashing in wasm takes about
/// 30 ms for 8 MiB, but 1.3 s of a national survey's 354 MB.
pub const FINGERPRINT_BESIDE_FROM: usize = 8 << 20;

/// What a file beside a request is, in the order the files travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beside {
    Survey,
    Dictionary,
    Extract,
}

impl Beside {
    /// Refuses a file too large for its place from its size alone: a survey or records
    /// extract over [`crate::survey::MAX_SURVEY_BYTES`], a REDCap dictionary over
    /// [`crate::survey::MAX_DICTIONARY_BYTES`]. The worker calls it before it reads a
    /// file, and [`Session::handle`] again on what arrived.
    pub fn check_size(self, bytes: usize) -> Result<(), Failure> {
        match self {
            Beside::Survey | Beside::Extract => crate::survey::check_size(bytes)?,
            Beside::Dictionary => crate::survey::Dictionary::check_size(bytes)?,
        }
        Ok(())
    }
}

impl Request {
    /// The files that travel beside the request, in order.
    pub fn beside(&self) -> Vec<Beside> {
        match self {
            Request::Open {
                dictionary_file,
                extract_file,
                ..
            } => std::iter::once(Beside::Survey)
                .chain(dictionary_file.as_ref().map(|_| Beside::Dictionary))
                .chain(extract_file.as_ref().map(|_| Beside::Extract))
                .collect(),
            Request::Fingerprint => vec![Beside::Survey],
            _ => Vec::new(),
        }
    }

    /// How many files travel beside the request.
    pub fn files(&self) -> usize {
        self.beside().len()
    }
}

/// The pipeline's answer to one request (externally tagged, as [`Request`] is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker is listening.
    Ready,
    /// How far the current request has got.
    Progress { progress: Progress },
    /// The survey as it now is.
    Survey { view: Box<SurveyView> },
    /// Personas built.
    Built { built: Box<Built> },
    /// What the loaded wave says about the kept personas.
    Refreshed { refresh: Box<Refresh> },
    /// A file's fingerprint as worked out (to [`Request::Fingerprint`]), or as the loaded
    /// survey now carries it (to [`Request::Fingerprinted`]).
    Fingerprint { sha256: String },
    /// The request could not be carried out; whatever was loaded is unchanged.
    Failed { failure: Failure },
}

/// A reply or request with the number of the request it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope<T> {
    pub seq: u32,
    pub body: T,
}
