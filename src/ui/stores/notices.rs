//! The message area's store: one notice at a time, news or an error.

use leptos::prelude::*;

/// A message for the user; errors are announced assertively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// What the message area shows.
#[derive(Clone, Copy)]
pub struct Notices {
    pub notice: RwSignal<Option<Notice>>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            notice: RwSignal::new(None),
        }
    }

    /// Tells the user something went well.
    pub fn inform(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Info(text.into())));
    }

    /// Tells the user something went wrong.
    pub fn fail(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Error(text.into())));
    }

    /// Takes the message away (the user read it).
    pub fn dismiss(&self) {
        self.notice.set(None);
    }

    /// Reports an outcome: nothing when it went well, the error when not.
    pub fn report<T>(&self, outcome: Result<T, String>) -> Option<T> {
        outcome.map_err(|e| self.fail(e)).ok()
    }
}
