//! The worker's side: runs the pipeline [`Session`] inside the Web Worker, answering the
//! page's requests one at a time, in the order they came, and reporting progress at most
//! every 100 ms.
//!
//! The survey file is read a slice at a time from the `File` itself, its SHA-256 (its
//! provenance) computed over the same slices — or, for a large file, by a helper worker
//! beside the read (`Request::Fingerprint`), which the page hands on — and read again,
//! not kept, when the user changes how it is read. A workbook arrives already read by the workbook worker
//! (`browser/workbook_service.rs`): this worker links no spreadsheet reader.
//!
//! Each request leaves User Timing marks in the worker (`persona-builder:<seq>:start`,
//! one per stage it enters, `:end`), for the browser's performance tools and the
//! benchmark (`tools/bench/`).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Date};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

use super::worker_files::{read, BlobSlices};
use crate::protocol::{
    Beside, Contents, Envelope, Failure, Reply, Request, Session, WORKBOOK_TYPE,
};
use crate::survey::{Progress, ReadWorkbook, SlicedFile, Stage};

/// Milliseconds between two progress reports.
const REPORT_EVERY_MS: f64 = 100.0;

/// A request as it arrived, with the files that travelled beside it.
struct Message {
    seq: u32,
    request: Request,
    files: Vec<Blob>,
}

/// The session and the requests waiting for it.
struct Service {
    scope: DedicatedWorkerGlobalScope,
    session: RefCell<Session>,
    queue: RefCell<VecDeque<Message>>,
    /// Whether a request is being carried out (they wait their turn behind it).
    working: RefCell<bool>,
}

/// Starts answering the page's messages; called by the worker binary's `main`.
pub fn serve() {
    console_error_panic_hook::set_once();
    let service = Rc::new(Service {
        scope: js_sys::global().unchecked_into(),
        session: RefCell::default(),
        queue: RefCell::default(),
        working: RefCell::new(false),
    });
    let handler = {
        let service = service.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Array::from(&event.data());
            let Some(json) = message.get(0).as_string() else {
                return;
            };
            let Ok(Envelope { seq, body }) = serde_json::from_str::<Envelope<Request>>(&json)
            else {
                return;
            };
            mark(&service.scope, seq, "start");
            let files = (1..message.length())
                .filter_map(|i| message.get(i).dyn_into::<Blob>().ok())
                .collect();
            service.queue.borrow_mut().push_back(Message {
                seq,
                request: body,
                files,
            });
            if !service.working.replace(true) {
                spawn_local(work_through(service.clone()));
            }
        })
    };
    service
        .scope
        .set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    handler.forget();
    post(&service.scope, 0, &Reply::Ready);
}

/// Carries out the waiting requests one after another until none is left.
async fn work_through(service: Rc<Service>) {
    loop {
        let next = service.queue.borrow_mut().pop_front();
        let Some(Message {
            seq,
            request,
            files,
        }) = next
        else {
            break;
        };
        let reply = match contents(&service.scope, seq, &request.beside(), &files) {
            Ok(contents) => answer(&service, seq, request, contents),
            Err(failure) => Reply::Failed { failure },
        };
        mark(&service.scope, seq, "end");
        post(&service.scope, seq, &reply);
    }
    service.working.replace(false);
}

/// The files' contents: the survey and a records extract are read a slice at a time by
/// the session itself, the survey fingerprinted over the same slices, so neither is
/// copied whole; a workbook comes already read by the workbook worker, fingerprint and
/// all; a dictionary is small and read whole.
fn contents(
    scope: &DedicatedWorkerGlobalScope,
    seq: u32,
    beside: &[Beside],
    files: &[Blob],
) -> Result<Vec<Contents>, Failure> {
    let mut all = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let role = beside.get(i).copied().unwrap_or(Beside::Dictionary);
        if file.type_() == WORKBOOK_TYPE {
            // Read as text, as the requests are: `from_slice` would link a second copy of
            // serde_json's reader into this worker.
            let text = String::from_utf8(read(file)?).map_err(|_| Failure::FileUnreadable)?;
            let read: ReadWorkbook =
                serde_json::from_str(&text).map_err(|_| Failure::FileUnreadable)?;
            all.push(Contents::Workbook(Box::new(read)));
            continue;
        }
        if i == 0 {
            checking(scope, seq, 0, file.size() as usize);
        }
        // A file too large for its place is refused from its size, before it is read.
        role.check_size(file.size() as usize)?;
        all.push(if role != Beside::Dictionary {
            Contents::Sliced(SlicedFile::new(BlobSlices(file.clone())))
        } else {
            Contents::file(read(file)?)
        });
    }
    Ok(all)
}

/// A progress report for the file's fingerprint: `done` of `total` bytes.
fn checking(scope: &DedicatedWorkerGlobalScope, seq: u32, done: usize, total: usize) {
    let progress = Progress {
        stage: Stage::Checking,
        rows: 0,
        done,
        total,
    };
    post(scope, seq, &Reply::Progress { progress });
}

/// One request carried out by the session, its progress posted as it goes.
fn answer(service: &Service, seq: u32, request: Request, files: Vec<Contents>) -> Reply {
    let scope = &service.scope;
    // The first report goes at once, then at most every 100 ms.
    let mut last = f64::NEG_INFINITY;
    let mut stage = None;
    let mut report = |progress: Progress| {
        if stage != Some(progress.stage) {
            stage = Some(progress.stage);
            mark(scope, seq, &format!("{:?}", progress.stage));
        }
        let now = Date::now();
        if now - last >= REPORT_EVERY_MS {
            last = now;
            post(scope, seq, &Reply::Progress { progress });
        }
    };
    service
        .session
        .borrow_mut()
        .handle(request, files, &mut report)
}

/// A User Timing mark for request `seq`, seen in the browser's performance tools.
fn mark(scope: &DedicatedWorkerGlobalScope, seq: u32, what: &str) {
    if let Some(performance) = scope.performance() {
        let _ = performance.mark(&format!("persona-builder:{seq}:{what}"));
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, seq: u32, reply: &impl Serialize) {
    let envelope = Envelope { seq, body: reply };
    if let Ok(json) = serde_json::to_string(&envelope) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}
