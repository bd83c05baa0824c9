//! The worker's side of the conversation: a [`Session`] holds the loaded survey and
//! carries out the page's requests on it, one at a time.

use std::rc::Rc;

use super::{Beside, Failure, Reply, Request, FINGERPRINT_BESIDE_FROM};
use crate::pipeline::{build, compare, Extract, LoadedSurvey, Recipe};
use crate::survey::{Dictionary, Fingerprint, ProgressSink, ReadWorkbook, SlicedFile, Source};

/// A file's contents as they reach the session.
#[derive(Debug, Clone, PartialEq)]
pub enum Contents {
    /// The file's bytes, with their hex SHA-256 when the caller has it already (the
    /// browser's WebCrypto is quicker than hashing in wasm).
    File {
        bytes: Vec<u8>,
        sha256: Option<String>,
    },
    /// A file to be read a slice at a time from where it lies (the browser's `File`),
    /// fingerprinted over the same slices; read again, never kept, for a rebuild.
    Sliced(SlicedFile),
    /// A workbook's sheet as the workbook worker read it (the survey worker links no
    /// spreadsheet reader).
    Workbook(Box<ReadWorkbook>),
}

impl Contents {
    /// A file's bytes, to be fingerprinted by the session.
    pub fn file(bytes: Vec<u8>) -> Self {
        Contents::File {
            bytes,
            sha256: None,
        }
    }
}

impl Contents {
    /// The source to read, and what the read is to do about its fingerprint (a large
    /// file's comes from beside the read, see [`FINGERPRINT_BESIDE_FROM`]), after a check
    /// of its size for its place beside the request.
    fn into_source(self, role: Beside) -> Result<(Source, Fingerprint), Failure> {
        let (source, fingerprint) = match self {
            Contents::File { bytes, sha256 } => (
                Source::File(bytes),
                sha256.map_or(Fingerprint::Hash, Fingerprint::Known),
            ),
            Contents::Sliced(file) if file.size() >= FINGERPRINT_BESIDE_FROM => {
                (Source::Sliced(file), Fingerprint::Later)
            }
            Contents::Sliced(file) => (Source::Sliced(file), Fingerprint::Hash),
            Contents::Workbook(read) => (Source::Workbook(read), Fingerprint::Hash),
        };
        role.check_size(source.file_bytes())?;
        Ok((source, fingerprint))
    }
}

/// A REDCap data dictionary from its file.
fn dictionary(source: &Source) -> Result<Dictionary, Failure> {
    Ok(match source {
        Source::File(bytes) => Dictionary::parse(bytes)?,
        // A dictionary's fingerprint is not wanted (it is never worked out).
        Source::Sliced(file) => {
            Dictionary::parse(&file.read_whole(Fingerprint::Later, &mut |_| {})?.0)?
        }
        Source::Workbook(read) => Dictionary::parse_workbook(read)?,
    })
}

/// The loaded survey, if any, and the requests that change it.
#[derive(Debug, Default)]
pub struct Session {
    loaded: Option<LoadedSurvey>,
}

impl Session {
    /// Carries out one request; `files` are those that travelled beside it (see
    /// [`Request::files`]), in order.
    pub fn handle(
        &mut self,
        request: Request,
        files: Vec<Contents>,
        progress: ProgressSink,
    ) -> Reply {
        match self.carry_out(request, files, progress) {
            Ok(reply) => reply,
            Err(failure) => Reply::Failed { failure },
        }
    }

    fn carry_out(
        &mut self,
        request: Request,
        files: Vec<Contents>,
        progress: ProgressSink,
    ) -> Result<Reply, Failure> {
        let beside = request.beside();
        match request {
            Request::Open {
                file_name,
                mut recipe,
                mapping,
                dictionary_file: _,
                extract_file,
            } => {
                recipe.settings = recipe.settings.checked()?;
                let mut files = files.into_iter();
                let mut next = || files.next().ok_or(Failure::NoContents);
                let (source, fingerprint) = next()?.into_source(Beside::Survey)?;
                let mut extract = None;
                for role in beside.into_iter().skip(1) {
                    let (file, _) = next()?.into_source(role)?;
                    match role {
                        Beside::Dictionary => recipe.dictionary = Some(dictionary(&file)?),
                        Beside::Extract => {
                            let name = extract_file.as_deref().unwrap_or_default();
                            let read =
                                Extract::read(name, &file, progress).map_err(Failure::Extract)?;
                            extract = Some(Rc::new(read));
                        }
                        Beside::Survey => unreachable!("only the first file is the survey"),
                    }
                }
                let loaded = LoadedSurvey::open_with(
                    &file_name,
                    Rc::new(source),
                    fingerprint,
                    extract,
                    *recipe,
                    &mapping,
                    progress,
                )?;
                self.keep(loaded)
            }
            Request::LinkKey { key } => self.rebuild(|recipe| recipe.link = Some(key), progress),
            Request::Unlink => {
                let loaded = self.loaded()?;
                let mut recipe = loaded.recipe.clone();
                recipe.link = None;
                let next = loaded.rebuilt_with(None, recipe, progress)?;
                self.keep(next)
            }
            Request::Community { profile, weighted } => {
                // In place: a profile that cannot be used leaves the survey untouched, and
                // a copy of a national survey's columns would double the worker's memory.
                let loaded = self.loaded.as_mut().ok_or(Failure::NothingLoaded)?;
                loaded.set_community(profile, weighted)?;
                Ok(Reply::Survey {
                    view: Box::new(loaded.view()),
                })
            }
            Request::Settings { settings } => {
                let settings = settings.checked()?;
                self.rebuild(|recipe| recipe.settings = settings, progress)
            }
            Request::MergeUndone { key, undone } => self.change(|loaded| {
                let mut mapping = loaded.mapping.clone();
                mapping.set_merge_undone(key, undone);
                loaded.set_mapping(mapping)
            }),
            Request::FoldUndone { question, undone } => self.change(|loaded| {
                let mut mapping = loaded.mapping.clone();
                mapping.set_fold_undone(question, undone);
                loaded.set_mapping(mapping)
            }),
            Request::Mapping { mapping } => self.change(|loaded| loaded.set_mapping(mapping)),
            Request::Remembered { mapping } => self.change(|loaded| {
                loaded.apply_fitting(&mapping);
                Ok(())
            }),
            Request::Build { group_by, now } => {
                let built = build(self.fingerprinted()?, group_by, now)?;
                Ok(Reply::Built {
                    built: Box::new(built),
                })
            }
            Request::Refresh { personas, now } => {
                let refresh = compare(self.fingerprinted()?, &personas, now);
                Ok(Reply::Refreshed {
                    refresh: Box::new(refresh),
                })
            }
            Request::Fingerprint => {
                let file = files.into_iter().next().ok_or(Failure::NoContents)?;
                let (source, _) = file.into_source(Beside::Survey)?;
                let sha256 = source.fingerprint(progress)?;
                Ok(Reply::Fingerprint { sha256 })
            }
            Request::Fingerprinted { sha256 } => {
                self.loaded
                    .as_mut()
                    .ok_or(Failure::NothingLoaded)?
                    .fingerprint_came(&sha256);
                let sha256 = self.fingerprinted()?.survey.source_sha256.clone();
                Ok(Reply::Fingerprint { sha256 })
            }
        }
    }

    /// Reads the loaded file again under its recipe as `change` leaves it.
    fn rebuild(
        &mut self,
        change: impl FnOnce(&mut Recipe),
        progress: ProgressSink,
    ) -> Result<Reply, Failure> {
        let loaded = self.loaded()?;
        let mut recipe = loaded.recipe.clone();
        change(&mut recipe);
        let next = loaded.rebuilt(recipe, progress)?;
        self.keep(next)
    }

    /// Changes the loaded survey in place (read again only when merges or folds change);
    /// a change whose view would be too large for the page is taken back.
    fn change(
        &mut self,
        change: impl FnOnce(&mut LoadedSurvey) -> Result<(), crate::columns::KindRefusal>,
    ) -> Result<Reply, Failure> {
        let loaded = self.loaded.as_mut().ok_or(Failure::NothingLoaded)?;
        let before = loaded.mapping.clone();
        change(loaded)?;
        let view = loaded.view();
        if let Err(too_large) = view.check_size() {
            loaded.set_mapping(before)?;
            return Err(too_large.into());
        }
        Ok(Reply::Survey {
            view: Box::new(view),
        })
    }

    fn loaded(&self) -> Result<&LoadedSurvey, Failure> {
        self.loaded.as_ref().ok_or(Failure::NothingLoaded)
    }

    /// The loaded survey with its file's fingerprint known: one still to come from beside
    /// the read is worked out now.
    fn fingerprinted(&mut self) -> Result<&LoadedSurvey, Failure> {
        let loaded = self.loaded.as_mut().ok_or(Failure::NothingLoaded)?;
        loaded.fingerprinted()?;
        Ok(loaded)
    }

    /// Keeps a survey just read, unless its view is too large for the page (then
    /// whatever was loaded before stays).
    fn keep(&mut self, loaded: LoadedSurvey) -> Result<Reply, Failure> {
        let view = Box::new(loaded.view());
        view.check_size()?;
        self.loaded = Some(loaded);
        Ok(Reply::Survey { view })
    }
}

/// Progress and other replies as the worker sends them, for the tests.
#[cfg(test)]
pub(super) fn replies_of(
    session: &mut Session,
    request: Request,
    files: Vec<Vec<u8>>,
) -> (Vec<crate::survey::Progress>, Reply) {
    let mut seen = Vec::new();
    let files = files.into_iter().map(Contents::file).collect();
    let reply = session.handle(request, files, &mut |p| seen.push(p));
    (seen, reply)
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
