//! The page's state, one store per area. A store is a plain `Copy` struct of signals
//! holding domain values, with the methods that change them; each owns its storage
//! writes and its conversation with the pipeline worker. Components take the store they
//! need from context (`expect_context::<LibraryStore>()`), never a bundle of all.
//!
//! - [`Notices`]: the message area.
//! - [`SurveyStore`]: the survey being worked on, its worker, the privacy settings and
//!   the column mapping remembered per layout.
//! - [`BuildStore`]: how to group respondents and the personas built (not yet saved).
//! - [`LibraryStore`]: the saved personas, Undo, the editing person's name, storage use.
//! - [`RefreshStore`]: a new survey wave compared with the saved personas, in a worker of
//!   its own, so nothing on the Build view changes.

mod build;
mod library;
mod library_backup;
mod library_file;
mod library_interviews;
mod library_plans;
mod library_review;
mod library_share;
mod library_sync;
mod notices;
mod refresh;
mod survey;
mod survey_community;
mod survey_mapping;
mod survey_records;
mod work;

pub use build::BuildStore;
pub use library::LibraryStore;
pub use library_backup::PendingRestore;
pub use notices::{Notice, Notices};
pub use refresh::RefreshStore;
pub use survey::SurveyStore;
pub use work::Busy;

use leptos::prelude::provide_context;

/// Creates every store and provides each through context.
pub fn provide_stores() {
    let notices = Notices::new();
    crate::browser::storage::report_failures_to(move |why| notices.fail(why));
    let survey = SurveyStore::new(notices);
    let build = BuildStore::new(survey, notices);
    let library = LibraryStore::load(notices);
    let refresh = RefreshStore::new(survey, library, notices);
    provide_context(notices);
    provide_context(survey);
    provide_context(build);
    provide_context(library);
    provide_context(refresh);
}
