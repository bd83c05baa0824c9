//! Work under way in a pipeline worker, as the progress bar shows it.

use futures::StreamExt;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::pipeline_worker::Pending;
use crate::protocol::{Failure, Reply};
use crate::survey::Progress;

/// What a worker is doing, for the progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Busy {
    /// "Reading “wave.csv”", "Building personas"…
    pub what: String,
    /// The latest report, once one has come.
    pub progress: Option<Progress>,
    /// Which request it is, so a late report of an earlier one changes nothing.
    ticket: u64,
}

/// Waits for a request's reply while `busy` shows `what` and each progress report; the
/// bar goes once the reply is in (unless a newer request has taken it over).
pub async fn tracked(
    busy: RwSignal<Option<Busy>>,
    what: impl Into<String>,
    pending: Pending,
) -> Result<Reply, Failure> {
    let ticket = next_ticket();
    busy.set(Some(Busy {
        what: what.into(),
        progress: None,
        ticket,
    }));
    let (mut reports, answer) = pending.into_parts();
    spawn_local(async move {
        while let Some(progress) = reports.next().await {
            busy.update(|b| match b {
                Some(b) if b.ticket == ticket => b.progress = Some(progress),
                _ => {}
            });
        }
    });
    let answer = answer.await;
    if busy.with_untracked(|b| b.as_ref().is_some_and(|b| b.ticket == ticket)) {
        busy.set(None);
    }
    answer
}

fn next_ticket() -> u64 {
    thread_local! {
        static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}
