//! Refreshing the library from a new survey wave. The wave is read and compared in a
//! worker of its own, dropped once the comparison is in: the survey and the personas on
//! the Build view are not touched. Each persona's change is accepted one by one.

use crate::wording::counted;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::work::{tracked, Busy};
use super::{LibraryStore, Notices, SurveyStore};
use crate::browser::clock;
use crate::browser::pipeline_worker::PipelineWorker;
use crate::personas::Persona;
use crate::pipeline::{ColumnMapping, Recipe};
use crate::protocol::{Failure, Reply, Request};
use crate::refresh::{kept, Drift, Refresh};
use crate::survey::check_size;

/// A new wave's comparison with the saved personas, while it is reviewed.
#[derive(Clone, Copy)]
pub struct RefreshStore {
    pub refresh: RwSignal<Option<Refresh>>,
    /// What the wave's worker is doing.
    pub busy: RwSignal<Option<Busy>>,
    survey: SurveyStore,
    library: LibraryStore,
    notices: Notices,
}

impl RefreshStore {
    pub fn new(survey: SurveyStore, library: LibraryStore, notices: Notices) -> Self {
        RefreshStore {
            refresh: RwSignal::new(None),
            busy: RwSignal::new(None),
            survey,
            library,
            notices,
        }
    }

    /// Reads the next wave of a survey (the roles and kinds remembered for its layout
    /// apply, as do the privacy settings and any REDCap dictionary in use) and compares
    /// the saved personas with it.
    pub fn refresh_from(&self, file: File) {
        let name = file.name();
        if self.library.with_untracked(|l| l.is_empty()) {
            self.notices
                .fail("The library is empty: there are no personas to refresh.");
            return;
        }
        if let Err(e) = check_size(file.size() as usize) {
            self.notices.fail(format!("“{name}” was not read. {e}"));
            return;
        }
        self.refresh.set(None);
        let store = *self;
        spawn_local(async move {
            match store.compare(file).await {
                Ok(refresh) => {
                    store.notices.inform(format!(
                        "Compared {} with the new wave; review each below.",
                        counted(refresh.personas.len(), "saved persona")
                    ));
                    store.refresh.set(Some(refresh));
                }
                Err(failure) => store.notices.fail(format!(
                    "“{name}” could not be read. {failure} Nothing else was changed."
                )),
            }
        });
    }

    async fn compare(&self, file: File) -> Result<Refresh, Failure> {
        let worker = PipelineWorker::fresh()?;
        let recipe = Recipe {
            settings: self.survey.privacy.get_untracked(),
            dictionary: self
                .survey
                .view
                .with_untracked(|v| v.as_ref().and_then(|v| v.recipe.dictionary.clone())),
            ..Recipe::default()
        };
        let open = Request::Open {
            file_name: file.name(),
            recipe: Box::new(recipe),
            mapping: ColumnMapping::default(),
            dictionary_file: None,
            extract_file: None,
        };
        let what = format!("Reading “{}”", file.name());
        let Reply::Survey { view } = tracked(self.busy, what, worker.ask(&open, &[file])).await?
        else {
            return Err(Failure::NothingLoaded);
        };
        let mapping = self.survey.remembered_mapping(&view.layout_key);
        if !mapping.is_empty() {
            let remembered = Request::Remembered { mapping };
            tracked(
                self.busy,
                "Applying the remembered roles and kinds",
                worker.ask(&remembered, &[]),
            )
            .await?;
        }
        let request = Request::Refresh {
            personas: self.library.with_untracked(|l| kept(l.personas())),
            now: clock::now(),
        };
        let what = "Comparing the saved personas with the new wave";
        match tracked(self.busy, what, worker.ask(&request, &[])).await? {
            Reply::Refreshed { mut refresh } => {
                self.library
                    .with_untracked(|l| refresh.finish(l.personas()));
                Ok(*refresh)
            }
            _ => Err(Failure::NothingLoaded),
        }
    }

    /// Takes the new wave's figures for a persona (or removes one that is gone), marked
    /// reviewed in the same step when `reviewed`; the earlier version stays in its
    /// history.
    pub fn accept(&self, id: &str, refreshed: Option<Persona>, drift: Drift, reviewed: bool) {
        let library = self.library;
        let name = library.name_of(id);
        let (who, now) = (library.who(), clock::now());
        let outcome = match refreshed {
            Some(mut next) => library.try_change(format!("refresh of “{name}”"), |l| {
                let mut change = format!("refreshed from a new wave ({})", drift.label());
                if reviewed {
                    next.mark_reviewed(now.date());
                    change.push_str(" and marked reviewed");
                }
                l.update(next, &who, now, &change)
            }),
            None => library
                .change(format!("removal of “{name}”"), |l| l.remove(id))
                .map(|_| ()),
        };
        match outcome {
            Ok(()) => {
                self.settle(id);
                self.notices.inform(if drift == Drift::Gone {
                    format!("Removed “{name}”; Undo brings it back.")
                } else {
                    format!("Updated “{name}” with the new wave's figures; the earlier version is in its history.")
                });
            }
            Err(e) => self.notices.fail(e),
        }
    }

    /// Takes a persona whose change was accepted or declined off the comparison.
    pub fn settle(&self, id: &str) {
        self.refresh.update(|r| {
            if let Some(r) = r {
                r.personas.retain(|p| p.id != id);
            }
        });
    }

    /// Adds a persona proposed for respondents who fit none of the saved ones.
    pub fn add_proposal(&self, persona: Persona) {
        let library = self.library;
        let (who, now) = (library.who(), clock::now());
        let name = persona.name.clone();
        match library.try_change(format!("adding “{name}”"), |l| {
            l.save(std::slice::from_ref(&persona), &who, now)
        }) {
            Ok(_) => self
                .notices
                .inform(format!("Added “{name}” to the library.")),
            Err(e) => self.notices.fail(e),
        }
    }

    /// Closes the comparison.
    pub fn close(&self) {
        self.refresh.set(None);
    }
}
