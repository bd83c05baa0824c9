//! The worker's side: runs the pipeline [`Session`] inside the Web Worker, answering the
//! page's requests one at a time and reporting progress at most every 100 ms.
//!
//! Each request leaves User Timing marks in the worker (`persona-builder:<seq>:start`,
//! one per stage it enters, `:end`), for the browser's performance tools and the
//! benchmark (`tools/bench/`).

use std::cell::RefCell;

use js_sys::{Array, Date, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

use crate::pipeline::{Envelope, Reply, Request, Session};
use crate::survey::Progress;

/// Milliseconds between two progress reports.
const REPORT_EVERY_MS: f64 = 100.0;

/// Starts answering the page's messages; called by the worker binary's `main`.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let session = RefCell::new(Session::default());
    let handler = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Array::from(&event.data());
            let Some(json) = message.get(0).as_string() else {
                return;
            };
            let Ok(Envelope { seq, body }) = serde_json::from_str::<Envelope<Request>>(&json)
            else {
                return;
            };
            mark(&scope, seq, "start");
            let bytes = message.get(1).dyn_into::<Blob>().ok().map(|b| read(&b));
            let reply = match bytes {
                Some(Err(message)) => Reply::Failed { message },
                bytes => {
                    // The first report goes at once, then at most every 100 ms.
                    let mut last = f64::NEG_INFINITY;
                    let mut stage = None;
                    let mut report = |progress: Progress| {
                        if stage != Some(progress.stage) {
                            stage = Some(progress.stage);
                            mark(&scope, seq, &format!("{:?}", progress.stage));
                        }
                        let now = Date::now();
                        if now - last >= REPORT_EVERY_MS {
                            last = now;
                            post(&scope, seq, &Reply::Progress { progress });
                        }
                    };
                    let bytes = bytes.and_then(Result::ok);
                    session.borrow_mut().handle(body, bytes, &mut report)
                }
            };
            mark(&scope, seq, "end");
            post(&scope, seq, &reply);
        })
    };
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    handler.forget();
    post(&scope, 0, &Reply::Ready);
}

/// The whole file, read synchronously (allowed, and cheap, inside a worker).
fn read(file: &Blob) -> Result<Vec<u8>, String> {
    let reader = FileReaderSync::new().map_err(|_| "The file could not be opened.")?;
    let buffer = reader
        .read_as_array_buffer(file)
        .map_err(|_| "The browser could not read the file.".to_string())?;
    Ok(Uint8Array::new(&buffer).to_vec())
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
