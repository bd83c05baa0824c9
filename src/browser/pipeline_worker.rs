//! The page's side of the pipeline worker: the survey is read, guarded, summarised and
//! segmented in a Web Worker (`src/bin/pipeline.rs`), so the page stays responsive and a
//! reader that fails on a damaged file takes down only its worker.
//!
//! Each new file is read by a fresh worker; it replaces the current one only once the
//! file has been read, so a file that cannot be read leaves the loaded survey as it was.
//! A spare worker is started ahead of time, so that reading starts at once (and works
//! when the network has gone since the page loaded).
//! Messages are JSON [`Envelope`]s; a file travels beside its request as a `File`.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::{Rc, Weak};

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, File, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::pipeline::{Envelope, Reply, Request};

/// The worker's script, written by Trunk beside `index.html` (named after the binary).
const WORKER_SCRIPT: &str = "./pipeline_loader.js";

/// What the user is told when a worker stops without answering.
const STOPPED: &str = "The file looks damaged: the reader stopped while working on it. \
                       Open it in the survey tool, Excel or LibreOffice and save it again \
                       (or save it as .xlsx or .csv), then try again.";

/// What the user is told when a worker could not start at all.
const NOT_STARTED: &str = "The survey reader could not start. If the network is off, \
                           reload the page once it is back; nothing else was changed.";

type OnReply = Rc<dyn Fn(u32, Reply)>;

/// A handle on the pipeline workers; cheap to clone.
#[derive(Clone)]
pub struct PipelineWorker {
    inner: Rc<RefCell<Inner>>,
    on_reply: OnReply,
}

#[derive(Default)]
struct Inner {
    next_seq: u32,
    next_slot: u32,
    /// The worker holding the loaded survey.
    current: Option<Slot>,
    /// A worker reading a new file; it becomes current once the file is read.
    incoming: Option<Slot>,
    /// A started worker waiting for the next file.
    spare: Option<Slot>,
}

struct Slot {
    id: u32,
    worker: Worker,
    ready: bool,
    /// Messages held until the worker says it is listening.
    queue: Vec<Array>,
    /// Requests sent and not yet answered, failed if the worker stops.
    waiting: BTreeSet<u32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl PipelineWorker {
    /// A handle whose replies (and progress reports) go to `on_reply` with the number
    /// of the request they answer.
    pub fn new(on_reply: impl Fn(u32, Reply) + 'static) -> Self {
        let worker = PipelineWorker {
            inner: Rc::default(),
            on_reply: Rc::new(on_reply),
        };
        worker.start_spare();
        worker
    }

    /// Reads a file in a fresh worker; returns the request's number.
    pub fn read(&self, file: &File, request: Request) -> Result<u32, String> {
        let spare = self.inner.borrow_mut().spare.take();
        let slot = match spare {
            Some(slot) => slot,
            None => self.spawn()?,
        };
        self.start_spare();
        let mut inner = self.inner.borrow_mut();
        // A read still under way for another file is abandoned.
        inner.incoming = Some(slot);
        let seq = inner.seq();
        let message = message(seq, &request, Some(file))?;
        inner
            .incoming
            .as_mut()
            .expect("just set")
            .post(seq, message);
        Ok(seq)
    }

    /// Sends a request about the loaded survey, with a file if it needs one; returns
    /// its number.
    pub fn send(&self, request: &Request, file: Option<&File>) -> Result<u32, String> {
        let mut inner = self.inner.borrow_mut();
        let seq = inner.seq();
        let message = message(seq, request, file)?;
        let slot = inner
            .current
            .as_mut()
            .ok_or("No survey is loaded; choose a file first.")?;
        slot.post(seq, message);
        Ok(seq)
    }

    fn start_spare(&self) {
        if let Ok(slot) = self.spawn() {
            self.inner.borrow_mut().spare = Some(slot);
        }
    }

    fn spawn(&self) -> Result<Slot, String> {
        let id = {
            let mut inner = self.inner.borrow_mut();
            inner.next_slot += 1;
            inner.next_slot
        };
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Classic);
        let worker = Worker::new_with_options(WORKER_SCRIPT, &options)
            .map_err(|_| "The browser could not start the survey reader.".to_string())?;
        let (weak, on_reply) = (Rc::downgrade(&self.inner), self.on_reply.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string() {
                received(&weak, &on_reply, id, &text);
            }
        });
        let (weak, on_reply) = (Rc::downgrade(&self.inner), self.on_reply.clone());
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            stopped(&weak, &on_reply, id);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Slot {
            id,
            worker,
            ready: false,
            queue: Vec::new(),
            waiting: BTreeSet::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}

impl Inner {
    fn seq(&mut self) -> u32 {
        self.next_seq += 1;
        self.next_seq
    }

    fn slot(&mut self, id: u32) -> Option<&mut Slot> {
        [&mut self.current, &mut self.incoming, &mut self.spare]
            .into_iter()
            .flatten()
            .find(|s| s.id == id)
    }
}

impl Slot {
    fn post(&mut self, seq: u32, message: Array) {
        self.waiting.insert(seq);
        if self.ready {
            // A worker that has closed drops messages; its error event answers them.
            let _ = self.worker.post_message(&message);
        } else {
            self.queue.push(message);
        }
    }
}

/// A request as the worker reads it: `[json]` or `[json, file]`.
fn message(seq: u32, request: &Request, file: Option<&File>) -> Result<Array, String> {
    let envelope = Envelope {
        seq,
        body: request.clone(),
    };
    let json = serde_json::to_string(&envelope).map_err(|e| e.to_string())?;
    let message = Array::of1(&JsValue::from_str(&json));
    if let Some(file) = file {
        message.push(file);
    }
    Ok(message)
}

fn received(inner: &Weak<RefCell<Inner>>, on_reply: &OnReply, id: u32, text: &str) {
    let Some(inner) = inner.upgrade() else { return };
    let Ok(Envelope { seq, body }) = serde_json::from_str::<Envelope<Reply>>(text) else {
        return;
    };
    {
        let mut inner = inner.borrow_mut();
        let is_incoming = inner.incoming.as_ref().is_some_and(|s| s.id == id);
        let Some(slot) = inner.slot(id) else { return };
        match &body {
            Reply::Ready => {
                slot.ready = true;
                for message in std::mem::take(&mut slot.queue) {
                    let _ = slot.worker.post_message(&message);
                }
                return;
            }
            Reply::Progress { .. } => {}
            _ => {
                slot.waiting.remove(&seq);
            }
        }
        if is_incoming {
            match &body {
                // The new file is read: its worker now holds the survey.
                Reply::Survey { .. } => inner.current = inner.incoming.take(),
                Reply::Failed { .. } => inner.incoming = None,
                _ => {}
            }
        }
    }
    on_reply(seq, body);
}

fn stopped(inner: &Weak<RefCell<Inner>>, on_reply: &OnReply, id: u32) {
    let Some(inner) = inner.upgrade() else { return };
    let waiting = {
        let mut inner = inner.borrow_mut();
        let is = |slot: &Option<Slot>| slot.as_ref().is_some_and(|s| s.id == id);
        let slot = if is(&inner.incoming) {
            inner.incoming.take()
        } else if is(&inner.current) {
            inner.current.take()
        } else if is(&inner.spare) {
            inner.spare.take()
        } else {
            None
        };
        slot.map(|s| (s.waiting.clone(), s.ready))
            .unwrap_or_default()
    };
    let (waiting, started) = waiting;
    let message = if started { STOPPED } else { NOT_STARTED };
    for seq in waiting {
        let message = message.to_string();
        on_reply(seq, Reply::Failed { message });
    }
}
