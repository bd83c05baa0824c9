//! The page's side of the workbook worker (`src/bin/workbook.rs`): a workbook (XLSX,
//! XLS, ODS) is read in a worker of its own, started for that one file and stopped once
//! it answers, so the spreadsheet reader is fetched and run only when a workbook is
//! chosen, and the survey worker and the page do not carry it. The sheet it read comes
//! back as a `Blob` the page passes, unread, to the survey worker (`protocol/workbook.rs`).
//! It starts from a `blob:` URL like the survey worker, under the page's policy.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::oneshot;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ErrorEvent, MessageEvent, Url};

use super::pipeline_worker::start_from_blob;
use crate::protocol::{Failure, WorkbookReply, WorkbookRequest};
use crate::survey::{is_spreadsheet, MAGIC_BYTES};

/// The workbook worker's script and wasm, written by Trunk beside `index.html`.
const WORKBOOK_SCRIPT: &str = "./workbook.js";
const WORKBOOK_WASM: &str = "./workbook_bg.wasm";

/// Whether `file` is a workbook, from its first bytes (as the survey reader tells).
pub async fn is_workbook(file: &Blob) -> bool {
    let Ok(head) = file.slice_with_i32_and_i32(0, MAGIC_BYTES as i32) else {
        return false;
    };
    match JsFuture::from(head.array_buffer()).await {
        Ok(buffer) => is_spreadsheet(&Uint8Array::new(&buffer).to_vec()),
        Err(_) => false,
    }
}

/// Reads sheet `sheet` (or the first with data) of the workbook `file` in a workbook
/// worker: the read sheet, for the survey worker, or why it could not be read. A reader
/// that crashes on a damaged file is [`Failure::ReaderStopped`].
pub async fn read_workbook(file: &Blob, sheet: Option<usize>) -> Result<Blob, Failure> {
    let document = false;
    ask(file, WorkbookRequest { sheet, document }).await
}

/// A Word (.docx) file's text, read by a workbook worker of its own (the page links no
/// zip reader), as a plain-text `Blob`.
pub async fn read_document(file: &Blob) -> Result<Blob, Failure> {
    let (sheet, document) = (None, true);
    ask(file, WorkbookRequest { sheet, document }).await
}

/// Sends `file` to a fresh workbook worker with `request` and waits for what it reads.
async fn ask(file: &Blob, request: WorkbookRequest) -> Result<Blob, Failure> {
    let (worker, source) = start_from_blob(WORKBOOK_SCRIPT, WORKBOOK_WASM)?;
    let request = serde_json::to_string(&request).map_err(|_| Failure::NoContents)?;
    let (answer_in, answer) = oneshot::channel::<Result<Blob, Failure>>();
    let answer_in = Rc::new(RefCell::new(Some(answer_in)));
    let finish = {
        let answer_in = answer_in.clone();
        move |answer: Result<Blob, Failure>| {
            if let Some(send) = answer_in.borrow_mut().take() {
                let _ = send.send(answer);
            }
        }
    };
    let ready = Rc::new(Cell::new(false));
    let on_message = {
        let (worker, file, ready, finish) =
            (worker.clone(), file.clone(), ready.clone(), finish.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Array::from(&event.data());
            let reply = message.get(0).as_string();
            match reply.and_then(|json| serde_json::from_str::<WorkbookReply>(&json).ok()) {
                Some(WorkbookReply::Ready) => {
                    ready.set(true);
                    let _ = worker.post_message(&Array::of2(&JsValue::from_str(&request), &file));
                }
                Some(WorkbookReply::Read) => finish(
                    message
                        .get(1)
                        .dyn_into::<Blob>()
                        .map_err(|_| Failure::FileUnreadable),
                ),
                Some(WorkbookReply::Failed { failure }) => finish(Err(failure)),
                None => {}
            }
        })
    };
    let on_error = {
        let ready = ready.clone();
        Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            finish(Err(if ready.get() {
                Failure::ReaderStopped
            } else {
                Failure::ReaderNotStarted
            }));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let answer = answer.await.unwrap_or(Err(Failure::ReaderStopped));
    worker.terminate();
    let _ = Url::revoke_object_url(&source);
    answer
}
