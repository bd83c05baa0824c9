//! Building personas from the loaded survey: how respondents are grouped, and the
//! personas built but not yet saved. A new view of the survey (another file, new
//! settings, a role changed) discards personas built from the old one.

use crate::wording::counted;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Notices, SurveyStore};
use crate::browser::clock;
use crate::pipeline::{Built, GroupBy};
use crate::protocol::{Reply, Request};
use crate::segments::Method;

/// How to group respondents, and the personas built.
#[derive(Clone, Copy)]
pub struct BuildStore {
    /// The column chosen to group respondents by.
    pub grouping: RwSignal<Option<usize>>,
    /// Whether to group respondents by similar answers across the questions instead.
    pub automatic: RwSignal<bool>,
    /// The number of personas to find; `None` lets Auto choose.
    pub persona_count: RwSignal<Option<usize>>,
    /// How segments are found across the questions.
    pub method: RwSignal<Method>,
    /// Personas built (not yet saved) and the notes on how.
    pub built: RwSignal<Built>,
    /// The chosen question's name, which stays chosen in the next view of the survey.
    chosen: StoredValue<Option<String>>,
    survey: SurveyStore,
    notices: Notices,
}

impl BuildStore {
    pub fn new(survey: SurveyStore, notices: Notices) -> Self {
        let store = BuildStore {
            grouping: RwSignal::new(None),
            automatic: RwSignal::new(false),
            persona_count: RwSignal::new(None),
            method: RwSignal::new(Method::default()),
            built: RwSignal::new(Built::default()),
            chosen: StoredValue::new(None),
            survey,
            notices,
        };
        // Keep the question chosen (by name) while the new view can still group by it.
        Effect::new(move |_| {
            survey.view.with(|view| {
                if let Some(view) = view {
                    let kept = store
                        .chosen
                        .with_value(|name| view.keep_grouping(name.as_deref()));
                    store.set_grouping(view, kept);
                    store.built.set(Built::default());
                }
            })
        });
        store
    }

    /// Groups respondents by column `index` of the survey shown.
    pub fn choose_question(&self, index: usize) {
        self.automatic.set(false);
        self.survey.view.with_untracked(|view| {
            if let Some(view) = view {
                self.set_grouping(view, Some(index));
            }
        });
    }

    fn set_grouping(&self, view: &crate::protocol::SurveyView, index: Option<usize>) {
        let name = index.and_then(|i| view.column_name(i)).map(str::to_string);
        self.chosen.set_value(name);
        self.grouping.set(index);
    }

    /// Builds personas from segments formed as `group_by` says.
    pub fn build(&self, group_by: GroupBy) {
        if let Some(file) = self.survey.reading.get_untracked() {
            self.notices.fail(format!(
                "“{file}” is still being read; build the personas once it is."
            ));
            return;
        }
        let store = *self;
        spawn_local(async move {
            let request = Request::Build {
                group_by,
                now: clock::now(),
            };
            match store.survey.ask(request, "Building personas").await {
                Ok(Reply::Built { built }) => {
                    store.notices.inform(format!(
                        "Built {}. Save them to keep them.",
                        counted(built.personas.len(), "persona")
                    ));
                    store.built.set(*built);
                }
                Ok(_) => {}
                Err(failure) => {
                    store.built.set(Built::default());
                    store.notices.fail(failure.to_string());
                }
            }
        });
    }

    /// Builds personas as the controls say: by the chosen question, or automatically.
    pub fn build_as_chosen(&self, seed: u64) {
        if self.automatic.get_untracked() {
            self.build(GroupBy::Similarity {
                count: self.persona_count.get_untracked(),
                seed,
                method: self.method.get_untracked(),
            });
            return;
        }
        match self.grouping.get_untracked() {
            Some(column) => self.build(GroupBy::Answer { column }),
            None => self
                .notices
                .fail("Choose a question to group respondents by."),
        }
    }

    /// Adds a suggested quote to its persona after the user approved it.
    pub fn approve_quote(&self, index: usize) {
        self.built.update(|b| b.approve_quote(index));
    }

    /// Shows a withheld sensitive answer in its persona after the user confirmed it.
    pub fn reveal(&self, index: usize) {
        self.built.update(|b| b.reveal(index));
        self.notices
            .inform("The answer is now shown in the persona.");
    }
}
