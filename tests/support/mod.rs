//! Look-ups shared by the integration tests that read surveys through the pipeline.
// Each test crate uses a part of them.
#![allow(dead_code)]

use persona_builder::columns::ColumnSummary;
use persona_builder::pipeline::LoadedSurvey;
use persona_builder::protocol::{Contents, Reply, Request, Session, SurveyView};

/// The summary of the first column whose name starts with `question`.
pub fn column<'a>(loaded: &'a LoadedSurvey, question: &str) -> &'a ColumnSummary {
    loaded
        .summaries
        .iter()
        .find(|s| s.name.starts_with(question))
        .unwrap_or_else(|| panic!("no column “{question}”"))
}

/// The names of the columns the privacy guard dropped.
pub fn dropped(loaded: &LoadedSurvey) -> Vec<&str> {
    loaded
        .report
        .dropped
        .iter()
        .map(|d| d.name.as_str())
        .collect()
}

/// The session's reply to `request`, the files' bytes beside it (progress unheard).
pub fn ask(session: &mut Session, request: Request, files: Vec<Vec<u8>>) -> Reply {
    let files = files.into_iter().map(Contents::file).collect();
    session.handle(request, files, &mut |_| {})
}

/// The survey a reply holds.
pub fn view(reply: Reply) -> SurveyView {
    match reply {
        Reply::Survey { view } => *view,
        other => panic!("expected a survey, got {other:?}"),
    }
}
