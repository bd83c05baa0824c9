//! Work the page hands to the pipeline worker, and what each reply means for the page:
//! every request is recorded as a [`Task`] under its number until its reply arrives.

use std::collections::HashMap;

use leptos::prelude::*;
use web_sys::File;

use super::state::{AppState, Busy};
use crate::browser::pipeline_worker::PipelineWorker;
use crate::browser::{clock, storage};
use crate::columns::{ColumnKind, Role};
use crate::pipeline::{Built, ColumnMapping, GroupBy, Reply, Request, SurveyView};
use crate::privacy::{PrivacySettings, ShownCount};
use crate::survey::{check_size, ReadOptions};

/// What a request was for, which decides what its reply does.
#[derive(Debug, Clone, PartialEq)]
enum Task {
    /// `refresh`: compare the saved personas with it once it is read (a new wave).
    Read {
        file_name: String,
        refresh: bool,
    },
    Remembered,
    Mapping {
        key: String,
        mapping: ColumnMapping,
    },
    ReadAs,
    Dictionary {
        file_name: String,
    },
    Settings,
    Change,
    Build,
    Refresh,
}

/// The worker and the requests awaiting replies.
#[derive(Default)]
pub struct Tasks {
    worker: Option<PipelineWorker>,
    open: HashMap<u32, Task>,
}

impl Tasks {
    /// Tasks whose replies update `state`.
    pub fn new(state: AppState) -> Self {
        Tasks {
            worker: Some(PipelineWorker::new(move |seq, reply| {
                state.on_reply(seq, reply)
            })),
            open: HashMap::new(),
        }
    }
}

impl AppState {
    /// Reads a survey file in a fresh worker; the loaded survey stays until it is read.
    pub fn read_file(&self, file: File) {
        self.read(file, false);
    }

    /// Reads the next wave of a survey and compares the saved personas with it.
    pub fn refresh_from(&self, file: File) {
        if self.library.with_untracked(|l| l.is_empty()) {
            self.fail("The library is empty: there are no personas to refresh.");
            return;
        }
        self.refresh.set(None);
        self.read(file, true);
    }

    fn read(&self, file: File, refresh: bool) {
        let file_name = file.name();
        if let Err(e) = check_size(file.size() as usize) {
            self.fail(format!("“{file_name}” was not read. {e}"));
            return;
        }
        // The next wave of a REDCap project keeps the dictionary given for the last.
        let dictionary = self
            .survey
            .with_untracked(|s| s.as_ref().and_then(|v| v.recipe.dictionary.clone()));
        let request = Request::Read {
            file_name: file_name.clone(),
            settings: self.privacy.get_untracked(),
            dictionary,
        };
        let sent = self.tasks.try_update_value(|tasks| {
            // A read under way for another file is abandoned with its worker.
            tasks.open.retain(|_, t| !matches!(t, Task::Read { .. }));
            let worker = tasks.worker.clone()?;
            let seq = worker.read(&file, request);
            if let Ok(seq) = seq {
                tasks.open.insert(
                    seq,
                    Task::Read {
                        file_name: file_name.clone(),
                        refresh,
                    },
                );
            }
            Some(seq)
        });
        let what = format!("Reading “{file_name}”");
        self.sent(sent.flatten(), what, |e| {
            format!("“{file_name}” was not read. {e}")
        });
    }

    /// Applies new privacy settings: the loaded survey is guarded again and personas
    /// built under the old settings are discarded.
    pub fn set_privacy(&self, settings: PrivacySettings) {
        self.privacy.set(settings.clone());
        if self.survey.with_untracked(Option::is_none) {
            return;
        }
        self.send(
            Request::Settings { settings },
            Task::Settings,
            "Applying the privacy settings",
        );
    }

    /// Reads the loaded file again another way; on failure the survey stays as it was.
    pub fn set_read_options(&self, options: ReadOptions) {
        self.send(
            Request::ReadAs { options },
            Task::ReadAs,
            "Reading the file again",
        );
    }

    /// Sets a column's role and remembers it for this survey layout.
    pub fn set_role(&self, column: String, role: Role) {
        self.change_mapping("Applying the role", |mapping| {
            mapping.roles.insert(column, role);
        });
    }

    /// Sets a column's kind (`None`: the kind worked out from its answers) and
    /// remembers it for this survey layout.
    pub fn set_kind(&self, column: String, kind: Option<ColumnKind>) {
        self.change_mapping("Applying the kind", |mapping| match kind {
            Some(kind) => {
                mapping.kinds.insert(column, kind);
            }
            None => {
                mapping.kinds.remove(&column);
            }
        });
    }

    fn change_mapping(&self, what: &str, change: impl FnOnce(&mut ColumnMapping)) {
        let Some((mut mapping, key)) = self.survey.with_untracked(|s| {
            s.as_ref()
                .map(|v| (v.mapping.clone(), v.layout_key.clone()))
        }) else {
            return;
        };
        change(&mut mapping);
        let task = Task::Mapping {
            key,
            mapping: mapping.clone(),
        };
        self.send(Request::Mapping { mapping }, task, what);
    }

    /// Undoes (or re-applies) a merge of spellings.
    pub fn set_merge_undone(&self, key: (String, String), undone: bool) {
        let request = Request::MergeUndone { key, undone };
        self.send(request, Task::Change, "Updating the answers");
    }

    /// Uses a REDCap data dictionary: its identifiers are dropped, its labels used.
    pub fn use_dictionary(&self, file: File) {
        let file_name = file.name();
        let request = Request::Dictionary {
            file_name: file_name.clone(),
        };
        let task = Task::Dictionary { file_name };
        self.send_with(request, Some(&file), task, "Reading the data dictionary");
    }

    /// Builds personas from segments formed as `group_by` says.
    pub fn build(&self, group_by: GroupBy) {
        let now = clock::now();
        self.send(
            Request::Build { group_by, now },
            Task::Build,
            "Building personas",
        );
    }

    fn grouping_name(&self) -> Option<String> {
        let chosen = self.grouping.get_untracked()?;
        self.survey
            .with_untracked(|s| s.as_ref()?.summaries.get(chosen).map(|c| c.name.clone()))
    }

    fn send(&self, request: Request, task: Task, what: &str) {
        self.send_with(request, None, task, what);
    }

    fn send_with(&self, request: Request, file: Option<&File>, task: Task, what: &str) {
        let sent = self.tasks.try_update_value(|tasks| {
            let seq = tasks.worker.as_ref()?.send(&request, file);
            if let Ok(seq) = seq {
                tasks.open.insert(seq, task);
            }
            Some(seq)
        });
        self.sent(sent.flatten(), what.to_string(), |e| e);
    }

    /// Shows the progress bar for a request sent, or why it could not be sent.
    fn sent(
        &self,
        sent: Option<Result<u32, String>>,
        what: String,
        why: impl FnOnce(String) -> String,
    ) {
        match sent {
            Some(Ok(_)) => self.busy.set(Some(Busy {
                what,
                progress: None,
            })),
            Some(Err(e)) => self.fail(why(e)),
            None => {}
        }
    }

    fn on_reply(&self, seq: u32, reply: Reply) {
        if let Reply::Progress { progress } = reply {
            self.busy.update(|busy| {
                if let Some(busy) = busy {
                    busy.progress = Some(progress);
                }
            });
            return;
        }
        let done = self.tasks.try_update_value(|tasks| {
            let task = tasks.open.remove(&seq);
            (task, tasks.open.is_empty())
        });
        let Some((Some(task), idle)) = done else {
            return;
        };
        if idle {
            self.busy.set(None);
        }
        match reply {
            Reply::Survey { view } => self.loaded(task, *view),
            Reply::Built { built } => {
                self.inform(format!(
                    "Built {} persona(s). Save them to keep them.",
                    built.personas.len()
                ));
                self.built.set(*built);
            }
            Reply::Refreshed { refresh } => {
                let labels = refresh.personas.len();
                self.inform(format!(
                    "Compared {labels} saved persona(s) with the new wave; review each below."
                ));
                self.refresh.set(Some(*refresh));
            }
            Reply::Failed { message } => self.failed(task, message),
            Reply::Ready | Reply::Progress { .. } => {}
        }
    }

    fn loaded(&self, task: Task, view: SurveyView) {
        if let Task::Mapping { key, mapping } = &task {
            if let Err(e) = storage::save_mapping(key, mapping) {
                self.fail(e);
            }
        }
        let grouping = match task {
            Task::Read { file_name, refresh } => {
                self.inform(format!(
                    "Read “{file_name}”: {} respondents, {} questions kept, {} column(s) dropped as identifiers or survey-tool metadata.",
                    ShownCount::of(view.respondents),
                    view.summaries.len(),
                    view.report.dropped.len()
                ));
                // The roles and kinds chosen for an earlier wave of the same survey
                // apply again, as far as they fit.
                let mapping = storage::load_mapping(&view.layout_key);
                if !mapping.is_empty() {
                    self.send(
                        Request::Remembered { mapping },
                        Task::Remembered,
                        "Applying the remembered roles and kinds",
                    );
                }
                // The worker answers in order, so the comparison sees the mapping applied.
                if refresh {
                    let personas = self.library.with_untracked(|l| l.personas().to_vec());
                    let now = clock::now();
                    self.send(
                        Request::Refresh { personas, now },
                        Task::Refresh,
                        "Comparing the saved personas with the new wave",
                    );
                }
                view.suggested_grouping
            }
            Task::Dictionary { file_name } => {
                let dictionary = view.recipe.dictionary.as_ref();
                self.inform(format!(
                    "“{file_name}” marks {} field(s) as identifiers; they are dropped. Questions and coded answers now show the dictionary's labels.",
                    dictionary.map_or(0, |d| d.identifiers.len())
                ));
                view.suggested_grouping
            }
            Task::ReadAs => {
                self.inform(format!(
                    "Read again: {} questions kept.",
                    view.summaries.len()
                ));
                view.suggested_grouping
            }
            // Keep the question chosen now (perhaps while the request was under way)
            // when it can still group respondents.
            Task::Settings | Task::Remembered | Task::Mapping { .. } | Task::Change => self
                .grouping_name()
                .and_then(|name| view.summaries.iter().position(|c| c.name == name))
                .filter(|&i| view.summaries[i].can_group())
                .or(view.suggested_grouping),
            Task::Build | Task::Refresh => return,
        };
        self.grouping.set(grouping);
        self.built.set(Built::default());
        self.survey.set(Some(view));
    }

    fn failed(&self, task: Task, message: String) {
        match task {
            Task::Read { file_name, .. } => self.fail(format!(
                "“{file_name}” could not be read. {message} Nothing else was changed."
            )),
            Task::ReadAs => self.fail(format!(
                "The file cannot be read that way, so it stays as it was read before. {message}"
            )),
            Task::Build => {
                self.built.set(Built::default());
                self.fail(message);
            }
            _ => self.fail(message),
        }
    }
}
