//! The survey being worked on: the worker that holds it, what the page sees of it, the
//! privacy settings it is read with and the column mapping remembered per layout.
//!
//! Every request that carries a file (a new survey, the same file read another way, a
//! REDCap dictionary) goes to a fresh worker, which becomes the survey's worker only
//! when it answers with the survey; a reader that fails or crashes costs only that
//! worker, and the survey loaded before stays.

use crate::wording::counted;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::work::{tracked, Busy};
use super::Notices;
use crate::browser::pipeline_worker::PipelineWorker;
use crate::browser::storage;
use crate::pipeline::{ColumnMapping, Recipe};
use crate::privacy::{PrivacySettings, ShownCount};
use crate::protocol::{Beside, Failure, Reply, Request, SurveyView};
use crate::survey::{check_size, EncodingChoice, ReadError, ReadOptions, UnclosedQuotes};

/// The survey being worked on.
#[derive(Clone, Copy)]
pub struct SurveyStore {
    /// The survey as the page shows it; its rows stay in the worker.
    pub view: RwSignal<Option<SurveyView>>,
    /// The privacy settings the next survey is read with.
    pub privacy: RwSignal<PrivacySettings>,
    /// What the survey's worker (or the one reading a new file) is doing.
    pub busy: RwSignal<Option<Busy>>,
    /// The file being read, while a new one is.
    pub reading: RwSignal<Option<String>>,
    /// The text encoding files are read with (automatic unless the user chose one).
    pub encoding: RwSignal<EncodingChoice>,
    /// A file refused for a quote that never closes, with the reason, until the user
    /// reads it with that quote taken literally or chooses another file.
    pub unclosed: RwSignal<Option<String>>,
    unclosed_file: StoredValue<Option<(File, Recipe)>, LocalStorage>,
    worker: StoredValue<Option<PipelineWorker>, LocalStorage>,
    /// The file the loaded survey was read from, to read it again another way.
    file: StoredValue<Option<File>, LocalStorage>,
    /// The records extract linked to it, sent again with every read of the same survey.
    extract: StoredValue<Option<File>, LocalStorage>,
    /// Counts the files chosen, so a read overtaken by a newer one changes nothing.
    reads: StoredValue<u64>,
    pub(super) notices: Notices,
}

/// What a file is opened for, which decides what the user is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opening {
    NewFile,
    ReadAgain,
    Dictionary,
    Extract,
}

impl SurveyStore {
    pub fn new(notices: Notices) -> Self {
        PipelineWorker::start_spare();
        SurveyStore {
            view: RwSignal::new(None),
            privacy: RwSignal::new(PrivacySettings::default()),
            busy: RwSignal::new(None),
            reading: RwSignal::new(None),
            encoding: RwSignal::new(EncodingChoice::default()),
            unclosed: RwSignal::new(None),
            unclosed_file: StoredValue::new_local(None),
            worker: StoredValue::new_local(None),
            file: StoredValue::new_local(None),
            extract: StoredValue::new_local(None),
            reads: StoredValue::new(0),
            notices,
        }
    }

    /// The minimum group size in force.
    pub fn min_group_size(&self) -> Signal<usize> {
        let privacy = self.privacy;
        Signal::derive(move || privacy.with(|p| p.min_group_size))
    }

    /// Reads a survey file in a fresh worker; the loaded survey stays until it is read.
    /// The roles and kinds chosen for an earlier wave of the same survey then apply
    /// again, as far as they fit.
    pub fn read_file(&self, file: File) {
        let name = file.name();
        if let Err(e) = check_size(file.size() as usize) {
            self.notices.fail(format!("“{name}” was not read. {e}"));
            return;
        }
        // The next wave of a REDCap project keeps the dictionary given for the last.
        let recipe = Recipe {
            settings: self.privacy.get_untracked(),
            dictionary: self.with_view(|v| v.recipe.dictionary.clone()).flatten(),
            read_options: ReadOptions {
                encoding: self.encoding.get_untracked(),
                ..ReadOptions::default()
            },
            ..Recipe::default()
        };
        self.open_new(file, recipe);
    }

    /// Reads the synthetic sample survey the app makes itself (`survey::sample`), so a
    /// newcomer can see the whole flow without a survey of their own.
    pub fn try_sample(&self) {
        use crate::survey::sample::{sample, SAMPLE_FILE_NAME};
        match crate::browser::files::made(SAMPLE_FILE_NAME, &sample()) {
            Some(file) => self.read_file(file),
            None => self
                .notices
                .fail("This browser could not make the sample survey."),
        }
    }

    /// Reads the file refused for an unclosed quote again, that quote taken literally.
    pub fn read_literally(&self) {
        if let Some((file, mut recipe)) = self.unclosed_file.get_value() {
            recipe.read_options.unclosed_quotes = UnclosedQuotes::Literal;
            self.open_new(file, recipe);
        }
    }

    /// Sets the text encoding: for the next file, and the loaded one is read again.
    pub fn set_encoding(&self, encoding: EncodingChoice) {
        self.encoding.set(encoding);
        if let Some(options) = self.with_view(|v| v.recipe.read_options) {
            self.set_read_options(ReadOptions {
                encoding,
                ..options
            });
        }
    }

    fn open_new(&self, file: File, recipe: Recipe) {
        let name = file.name();
        self.unclosed.set(None);
        self.unclosed_file.set_value(None);
        let store = *self;
        spawn_local(async move {
            let request = Request::Open {
                file_name: name.clone(),
                recipe: Box::new(recipe.clone()),
                mapping: ColumnMapping::default(),
                dictionary_file: None,
                extract_file: None,
            };
            let Some(view) = store
                .open(request, vec![file.clone()], Opening::NewFile)
                .await
            else {
                if store.unclosed.with_untracked(Option::is_some) {
                    store.unclosed_file.set_value(Some((file, recipe)));
                }
                return;
            };
            let mapping = storage::load_mapping(&view.layout_key);
            if !mapping.is_empty() {
                let request = Request::Remembered { mapping };
                store
                    .change(request, "Applying the remembered roles and kinds")
                    .await;
            }
        });
    }

    /// Reads the loaded file again another way; on failure the survey stays as it was.
    pub fn set_read_options(&self, options: ReadOptions) {
        let Some((file, mut recipe, mapping)) = self.current() else {
            return;
        };
        recipe.read_options = options;
        let extract = self.linked_extract();
        self.read_again((file, recipe, mapping), None, extract, Opening::ReadAgain);
    }

    /// Uses a REDCap data dictionary: its identifiers are dropped, its labels used.
    pub fn use_dictionary(&self, dictionary: File) {
        let Some((file, recipe, mapping)) = self.current() else {
            return;
        };
        let extract = self.linked_extract();
        self.read_again(
            (file, recipe, mapping),
            Some(dictionary),
            extract,
            Opening::Dictionary,
        );
    }

    /// Applies new privacy settings: the loaded survey is guarded again (and personas
    /// built under the old settings are discarded with the old view).
    pub fn set_privacy(&self, settings: PrivacySettings) {
        self.privacy.set(settings.clone());
        if self.with_view(|_| ()).is_none() {
            return;
        }
        let store = *self;
        spawn_local(async move {
            let request = Request::Settings { settings };
            store.change(request, "Applying the privacy settings").await;
        });
    }

    /// Analyses another event of a REDCap longitudinal project: the file is read again
    /// with that event's answers.
    pub fn set_event(&self, event: String) {
        let Some((file, mut recipe, mapping)) = self.current() else {
            return;
        };
        recipe.event = Some(event);
        let extract = self.linked_extract();
        self.read_again((file, recipe, mapping), None, extract, Opening::ReadAgain);
    }

    /// Forgets the records extract (it was taken away).
    pub(super) fn forget_extract(&self) {
        self.extract.set_value(None);
    }

    /// The records extract linked to the loaded survey, to send with its next read.
    pub(super) fn linked_extract(&self) -> Option<File> {
        self.extract.get_value()
    }

    /// Reads the loaded survey's file again in a fresh worker, with a dictionary if one
    /// is given and a records extract to link, if any (see [`Self::linked_extract`]).
    pub(super) fn read_again(
        &self,
        (file, recipe, mapping): (File, Recipe, ColumnMapping),
        dictionary: Option<File>,
        extract: Option<File>,
        opening: Opening,
    ) {
        let request = Request::Open {
            file_name: file.name(),
            recipe: Box::new(recipe),
            mapping,
            dictionary_file: dictionary.as_ref().map(File::name),
            extract_file: extract.as_ref().map(File::name),
        };
        let files = std::iter::once(file)
            .chain(dictionary)
            .chain(extract)
            .collect();
        let store = *self;
        spawn_local(async move {
            store.open(request, files, opening).await;
        });
    }

    /// Sends a request about the loaded survey to its worker, showing `what` on the
    /// progress bar until the reply.
    pub async fn ask(&self, request: Request, what: &str) -> Result<Reply, Failure> {
        let worker = self.worker.get_value().ok_or(Failure::NothingLoaded)?;
        tracked(self.busy, what, worker.ask(&request, &[])).await
    }

    pub(super) fn with_view<R>(&self, f: impl FnOnce(&SurveyView) -> R) -> Option<R> {
        self.view.with_untracked(|v| v.as_ref().map(f))
    }

    /// The loaded survey's file, recipe and mapping, to read it again.
    pub(super) fn current(&self) -> Option<(File, Recipe, ColumnMapping)> {
        let file = self.file.get_value()?;
        self.with_view(|v| (file, v.recipe.clone(), v.mapping.clone()))
    }

    /// Sends a request that changes the loaded survey; shows the new view (and returns
    /// it), or says why nothing changed.
    pub(super) async fn change(&self, request: Request, what: &str) -> Option<SurveyView> {
        match self.ask(request, what).await {
            Ok(Reply::Survey { view }) => {
                self.view.set(Some((*view).clone()));
                Some(*view)
            }
            Ok(_) => None,
            Err(failure) => {
                self.notices.fail(failure.to_string());
                None
            }
        }
    }

    /// Opens a file in a fresh worker; once it answers with the survey, that worker holds
    /// the survey from now on. A read overtaken by a newer file changes nothing.
    async fn open(
        &self,
        request: Request,
        files: Vec<File>,
        opening: Opening,
    ) -> Option<SurveyView> {
        let file_name = files.first().map(File::name).unwrap_or_default();
        let beside = request.beside();
        let named = |role| {
            let at = beside.iter().position(|&b| b == role);
            at.and_then(|i| files.get(i))
                .map(File::name)
                .unwrap_or_default()
        };
        let (dictionary_name, extract_name) = (named(Beside::Dictionary), named(Beside::Extract));
        let read = self.reads.get_value() + 1;
        self.reads.set_value(read);
        let what = match opening {
            Opening::NewFile => format!("Reading “{file_name}”"),
            Opening::ReadAgain => "Reading the file again".to_string(),
            Opening::Dictionary => "Reading the data dictionary".to_string(),
            Opening::Extract => format!("Linking “{extract_name}”"),
        };
        if opening == Opening::NewFile {
            self.reading.set(Some(file_name.clone()));
        }
        let answer = match PipelineWorker::fresh() {
            Ok(worker) => tracked(self.busy, what, worker.ask(&request, &files))
                .await
                .map(|reply| (worker, reply)),
            Err(failure) => Err(failure),
        };
        if self.reads.get_value() != read {
            return None;
        }
        self.reading.set(None);
        let (worker, view) = match answer {
            Ok((worker, Reply::Survey { view })) => (worker, *view),
            Ok(_) => return None,
            Err(failure) => {
                if let (Opening::NewFile, Failure::Read(error @ ReadError::UnclosedQuote { .. })) =
                    (opening, &failure)
                {
                    self.unclosed.set(Some(format!("“{file_name}”: {error}")));
                }
                // The select shows the encoding the loaded survey was read with.
                if let Some(encoding) = self.with_view(|v| v.recipe.read_options.encoding) {
                    self.encoding.set(encoding);
                }
                self.notices.fail(match opening {
                    Opening::NewFile => format!(
                        "“{file_name}” could not be read. {failure} Nothing else was changed."
                    ),
                    Opening::ReadAgain => format!(
                        "The file cannot be read that way, so it stays as it was read before. {failure}"
                    ),
                    Opening::Dictionary => format!(
                        "“{dictionary_name}” was not used. {failure} The survey is as it was."
                    ),
                    Opening::Extract => format!(
                        "“{extract_name}” was not linked. {failure} The survey is as it was."
                    ),
                });
                return None;
            }
        };
        self.notices.inform(match opening {
            Opening::NewFile => format!(
                "Read “{file_name}”: {} respondents, {} questions kept, {} dropped as identifiers or survey-tool metadata.",
                ShownCount::of(view.respondents),
                view.summaries.len(),
                counted(view.report.dropped.len(), "column")
            ),
            Opening::ReadAgain => format!("Read again: {} questions kept.", view.summaries.len()),
            Opening::Dictionary => format!(
                "“{dictionary_name}” marks {} as identifiers; they are dropped. Questions and coded answers now show the dictionary's labels.",
                counted(
                    view.recipe.dictionary.as_ref().map_or(0, |d| d.identifiers.len()),
                    "field"
                )
            ),
            Opening::Extract => view
                .link
                .as_ref()
                .map_or_else(String::new, ToString::to_string),
        });
        self.worker.set_value(Some(worker));
        self.encoding.set(view.recipe.read_options.encoding);
        let extract = (beside.last() == Some(&Beside::Extract))
            .then(|| files.last().cloned())
            .flatten();
        self.extract.set_value(extract);
        if let Some(file) = files.into_iter().next() {
            self.file.set_value(Some(file));
        }
        self.view.set(Some(view.clone()));
        Some(view)
    }
}
