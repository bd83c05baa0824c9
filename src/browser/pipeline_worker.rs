//! The page's side of a pipeline worker: the survey is read, guarded, summarised and
//! segmented in a Web Worker (`src/bin/pipeline.rs`), so the page stays responsive and a
//! reader that fails on a damaged file takes down only its worker.
//!
//! A [`PipelineWorker`] is one worker; [`PipelineWorker::ask`] sends it a request and
//! gives back a [`Pending`]: its progress reports as a stream and its reply as a future
//! that resolves to `Result<Reply, Failure>`. The stores decide which worker holds what:
//! every request that carries a file goes to a [`PipelineWorker::fresh`] one, which
//! replaces the worker holding the loaded survey only once it has answered with the
//! survey. A spare worker is started ahead of time, so reading starts at once (and works
//! when the network has gone since the page loaded).
//!
//! Messages are JSON [`Envelope`]s; files travel beside their request as `File`s.
//!
//! The worker starts from a `blob:` URL made by this page, whose two lines load the
//! same-origin worker script and its wasm. A worker made from a `blob:` URL takes its
//! creator's Content-Security-Policy, so the page's policy (only this origin, no `eval`)
//! binds the code that handles the survey too; a worker made from a script URL would
//! run under that script's response headers, which a static host may not set.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use futures::channel::{mpsc, oneshot};
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{
    Blob, BlobPropertyBag, ErrorEvent, File, MessageEvent, Url, Worker, WorkerOptions, WorkerType,
};

use wasm_bindgen_futures::spawn_local;

use super::workbook_worker::{is_workbook, read_workbook};
use crate::protocol::{Envelope, Failure, Reply, Request, FINGERPRINT_BESIDE_FROM, WORKBOOK_TYPE};
use crate::survey::Progress;

/// The worker's script and wasm, written by Trunk beside `index.html` (named after the
/// binary).
const WORKER_SCRIPT: &str = "./pipeline.js";
const WORKER_WASM: &str = "./pipeline_bg.wasm";

thread_local! {
    /// A worker started ahead of time for the next request that needs a fresh one.
    static SPARE: RefCell<Option<PipelineWorker>> = const { RefCell::new(None) };
}

/// A handle on one pipeline worker; cheap to clone. The worker stops when the last
/// handle is dropped, and every request still waiting then resolves to
/// [`Failure::Replaced`].
#[derive(Clone)]
pub struct PipelineWorker {
    inner: Rc<Inner>,
}

struct Inner {
    worker: Worker,
    /// The `blob:` URL the worker started from, given back once it is running.
    source: RefCell<Option<String>>,
    state: RefCell<State>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.worker.terminate();
        self.release_source();
    }
}

#[derive(Default)]
struct State {
    /// Whether the worker has said it is listening.
    ready: bool,
    /// Set once the worker has stopped; every later request fails with it.
    stopped: Option<Failure>,
    next_seq: u32,
    /// Messages held until the worker is listening.
    queue: Vec<Array>,
    waiting: HashMap<u32, Waiting>,
}

struct Waiting {
    progress: mpsc::UnboundedSender<Progress>,
    reply: oneshot::Sender<Result<Reply, Failure>>,
}

/// A request sent to a worker: its progress reports and its answer.
pub struct Pending {
    progress: mpsc::UnboundedReceiver<Progress>,
    reply: oneshot::Receiver<Result<Reply, Failure>>,
}

impl Pending {
    /// The worker's answer: a reply, or why the request was not carried out.
    pub async fn reply(self) -> Result<Reply, Failure> {
        self.into_parts().1.await
    }

    /// The progress reports as they come, and the answer.
    pub fn into_parts(
        self,
    ) -> (
        mpsc::UnboundedReceiver<Progress>,
        impl std::future::Future<Output = Result<Reply, Failure>>,
    ) {
        let reply = self.reply;
        let answer = async move { reply.await.unwrap_or(Err(Failure::Replaced)) };
        (self.progress, answer)
    }

    fn failed(failure: Failure) -> Self {
        let (_, progress) = mpsc::unbounded();
        let (send, reply) = oneshot::channel();
        let _ = send.send(Err(failure));
        Pending { progress, reply }
    }
}

impl PipelineWorker {
    /// A worker with nothing loaded: the spare when there is one (another is started
    /// for next time), else a new one.
    pub fn fresh() -> Result<Self, Failure> {
        let spare = SPARE.with(|s| s.borrow_mut().take());
        let worker = match spare {
            Some(worker) => worker,
            None => Self::start()?,
        };
        Self::start_spare();
        Ok(worker)
    }

    /// Starts the spare worker, if none is waiting.
    pub fn start_spare() {
        if SPARE.with(|s| s.borrow().is_none()) {
            if let Ok(worker) = Self::start() {
                SPARE.with(|s| *s.borrow_mut() = Some(worker));
            }
        }
    }

    fn start() -> Result<Self, Failure> {
        let (worker, source) = start_from_blob(WORKER_SCRIPT, WORKER_WASM)?;
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| {
            let on_message = {
                let weak = weak.clone();
                Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                    if let (Some(inner), Some(text)) = (weak.upgrade(), event.data().as_string()) {
                        inner.received(&text);
                    }
                })
            };
            let on_error = {
                let weak = weak.clone();
                Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                    event.prevent_default();
                    if let Some(inner) = weak.upgrade() {
                        inner.stopped();
                    }
                })
            };
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Inner {
                worker,
                source: RefCell::new(Some(source)),
                state: RefCell::default(),
                _on_message: on_message,
                _on_error: on_error,
            }
        });
        Ok(PipelineWorker { inner })
    }

    /// Sends `request` with the files it carries (see [`Request::files`]). A workbook is
    /// first read by a workbook worker of its own (`browser/workbook_worker.rs`) and its
    /// sheet goes in the file's place: this worker links no spreadsheet reader. (Requests
    /// with files go to a fresh worker and are answered before the next is sent, so the
    /// wait for the workbook reorders nothing.)
    pub fn ask(&self, request: &Request, files: &[File]) -> Pending {
        let mut state = self.inner.state.borrow_mut();
        if let Some(failure) = &state.stopped {
            return Pending::failed(failure.clone());
        }
        state.next_seq += 1;
        let seq = state.next_seq;
        let envelope = Envelope {
            seq,
            body: request.clone(),
        };
        let Ok(json) = serde_json::to_string(&envelope) else {
            return Pending::failed(Failure::NoContents);
        };
        let message = Array::of1(&JsValue::from_str(&json));
        let (progress_in, progress) = mpsc::unbounded();
        let (reply_in, reply) = oneshot::channel();
        state.waiting.insert(
            seq,
            Waiting {
                progress: progress_in,
                reply: reply_in,
            },
        );
        drop(state);
        let survey = files.first().cloned();
        let files: Vec<Blob> = files.iter().map(|f| f.clone().into()).collect();
        let Request::Open { recipe, .. } = request else {
            self.inner.send(message, &files);
            return Pending { progress, reply };
        };
        let (sheet, inner) = (recipe.read_options.sheet, Rc::downgrade(&self.inner));
        spawn_local(async move {
            let files = with_workbooks_read(files, sheet).await;
            let Some(strong) = inner.upgrade() else {
                return;
            };
            let files = match files {
                Ok(files) => files,
                Err(failure) => return strong.fail(seq, failure),
            };
            strong.send(message, &files);
            drop(strong);
            // A large text file (a workbook's worker has fingerprinted it already).
            let text = survey.filter(|file| {
                file.size() as usize >= FINGERPRINT_BESIDE_FROM
                    && files.first().is_some_and(|f| f.type_() != WORKBOOK_TYPE)
            });
            if let Some(file) = text {
                fingerprint_beside(file, inner).await;
            }
        });
        Pending { progress, reply }
    }
}

/// Works out a large survey file's fingerprint in a helper worker of its own, on another
/// core while the survey worker parses the file, and hands it to the survey worker
/// (which works it out itself when personas are first built if none came). The helper
/// stops once it has answered.
async fn fingerprint_beside(file: File, survey_worker: Weak<Inner>) {
    let Ok(helper) = PipelineWorker::start() else {
        return;
    };
    let reply = helper.ask(&Request::Fingerprint, &[file]).reply().await;
    if let (Ok(Reply::Fingerprint { sha256 }), Some(inner)) = (reply, survey_worker.upgrade()) {
        // Its answer only says which fingerprint the survey now carries.
        drop(PipelineWorker { inner }.ask(&Request::Fingerprinted { sha256 }, &[]));
    }
}

/// The files with each workbook replaced by its sheet as a workbook worker read it:
/// `sheet` of the survey (the first file), the first sheet with data of a dictionary.
async fn with_workbooks_read(
    mut files: Vec<Blob>,
    sheet: Option<usize>,
) -> Result<Vec<Blob>, Failure> {
    for (index, file) in files.iter_mut().enumerate() {
        if is_workbook(file).await {
            *file = read_workbook(file, sheet.filter(|_| index == 0)).await?;
        }
    }
    Ok(files)
}

impl Inner {
    /// Posts a request's message with its files, or holds it until the worker listens.
    fn send(&self, message: Array, files: &[Blob]) {
        for file in files {
            message.push(file);
        }
        let mut state = self.state.borrow_mut();
        if state.stopped.is_some() {
            // Its error event has answered the request already.
        } else if state.ready {
            // A worker that has closed drops messages; its error event answers them.
            let _ = self.worker.post_message(&message);
        } else {
            state.queue.push(message);
        }
    }

    /// Answers request `seq` with `failure` without sending it.
    fn fail(&self, seq: u32, failure: Failure) {
        if let Some(waiting) = self.state.borrow_mut().waiting.remove(&seq) {
            let _ = waiting.reply.send(Err(failure));
        }
    }

    fn received(&self, text: &str) {
        let Ok(Envelope { seq, body }) = serde_json::from_str::<Envelope<Reply>>(text) else {
            return;
        };
        let mut state = self.state.borrow_mut();
        match body {
            Reply::Ready => {
                state.ready = true;
                self.release_source();
                for message in std::mem::take(&mut state.queue) {
                    let _ = self.worker.post_message(&message);
                }
            }
            Reply::Progress { progress } => {
                if let Some(waiting) = state.waiting.get(&seq) {
                    let _ = waiting.progress.unbounded_send(progress);
                }
            }
            reply => {
                if let Some(waiting) = state.waiting.remove(&seq) {
                    let answer = match reply {
                        Reply::Failed { failure } => Err(failure),
                        reply => Ok(reply),
                    };
                    let _ = waiting.reply.send(answer);
                }
            }
        }
    }

    fn release_source(&self) {
        if let Some(url) = self.source.borrow_mut().take() {
            let _ = Url::revoke_object_url(&url);
        }
    }

    /// The worker stopped (its reader crashed, or it never started): every request
    /// waiting, and every later one, fails.
    fn stopped(&self) {
        let mut state = self.state.borrow_mut();
        let failure = if state.ready {
            Failure::ReaderStopped
        } else {
            Failure::ReaderNotStarted
        };
        state.stopped = Some(failure.clone());
        for (_, waiting) in state.waiting.drain() {
            let _ = waiting.reply.send(Err(failure.clone()));
        }
    }
}

/// A worker started from a `blob:` URL (see the module's comment) that loads `script`
/// and its `wasm`, and that URL, to be revoked once the worker is running.
pub(super) fn start_from_blob(script: &str, wasm: &str) -> Result<(Worker, String), Failure> {
    let source = bootstrap_url(script, wasm).ok_or(Failure::ReaderNotStarted)?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    match Worker::new_with_options(&source, &options) {
        Ok(worker) => Ok((worker, source)),
        Err(_) => {
            let _ = Url::revoke_object_url(&source);
            Err(Failure::ReaderNotStarted)
        }
    }
}

/// A `blob:` URL for a worker's start: it loads the worker script and its wasm by their
/// absolute URLs (a `blob:` URL is no base for relative ones).
fn bootstrap_url(script: &str, wasm: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let absolute = |path: &str| Url::new_with_base(path, &base).ok().map(|u| u.href());
    let (script, wasm) = (absolute(script)?, absolute(wasm)?);
    // JSON strings are JavaScript string literals.
    let source = format!(
        "importScripts({});wasm_bindgen({});",
        serde_json::to_string(&script).ok()?,
        serde_json::to_string(&wasm).ok()?
    );
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = Array::of1(&JsValue::from_str(&source));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}
