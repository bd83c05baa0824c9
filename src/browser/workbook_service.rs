//! The workbook worker's side: reads the workbook the page sends (XLSX, XLS, ODS) into
//! its sheet's table and hands it back as a [`ReadWorkbook`] in a `Blob` (see
//! `protocol/workbook.rs`). Only this worker links the spreadsheet reader, so the survey
//! worker and the page do not carry it. One workbook a worker: the page starts one for
//! each read, so a reader that crashes on a damaged file costs only this worker.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Blob, BlobPropertyBag, DedicatedWorkerGlobalScope, MessageEvent};

use super::worker_files::{read, sha256_by_webcrypto};
use crate::protocol::{Beside, Failure, WorkbookReply, WorkbookRequest, WORKBOOK_TYPE};
use crate::survey::{read_spreadsheet, sha256_hex, ReadWorkbook};

/// Starts answering the page; called by the workbook binary's `main`.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Array::from(&event.data());
            let request = message
                .get(0)
                .as_string()
                .and_then(|json| serde_json::from_str::<WorkbookRequest>(&json).ok());
            let file = message.get(1).dyn_into::<Blob>().ok();
            let scope = scope.clone();
            spawn_local(async move {
                let read = match (request, file) {
                    (Some(request), Some(file)) if request.document => document_blob(&file),
                    (Some(request), Some(file)) => read_workbook(&scope, request, &file)
                        .await
                        .and_then(|read| sheet_blob(&read)),
                    _ => Err(Failure::NoContents),
                };
                match read {
                    Ok(blob) => post(&scope, &WorkbookReply::Read, Some(&blob)),
                    Err(failure) => post(&scope, &WorkbookReply::Failed { failure }, None),
                }
            });
        })
    };
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    handler.forget();
    post(&scope, &WorkbookReply::Ready, None);
}

/// The workbook's sheet and the file's fingerprint.
async fn read_workbook(
    scope: &DedicatedWorkerGlobalScope,
    request: WorkbookRequest,
    file: &Blob,
) -> Result<ReadWorkbook, Failure> {
    // A file too large for a survey is refused from its size, before it is read.
    Beside::Survey.check_size(file.size() as usize)?;
    let bytes = read(file)?;
    let sha256 = match sha256_by_webcrypto(scope, &bytes).await {
        Some(sha256) => sha256,
        None => sha256_hex(&bytes),
    };
    let sheet = read_spreadsheet(&bytes, request.sheet)?;
    Ok(ReadWorkbook {
        sha256,
        file_bytes: bytes.len(),
        sheet,
    })
}

/// A Word file's text (interview notes) as a plain-text `Blob`.
fn document_blob(file: &Blob) -> Result<Blob, Failure> {
    // A Word file is compressed: its size is capped loosely here, its text by docx_text.
    if file.size() > crate::interviews::MAX_NOTES_BYTES as f64 * 16.0 {
        let max_kib = crate::interviews::MAX_NOTES_BYTES / 1024;
        return Err(Failure::Notes(crate::interviews::NotesError::TooLarge {
            max_kib,
        }));
    }
    let text = crate::interviews::docx_text(&read(file)?).map_err(Failure::Notes)?;
    let options = BlobPropertyBag::new();
    options.set_type("text/plain");
    let parts = Array::of1(&Uint8Array::from(text.as_bytes()));
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| Failure::NoContents)
}

/// The read workbook as JSON in a `Blob` of type [`WORKBOOK_TYPE`].
fn sheet_blob(read: &ReadWorkbook) -> Result<Blob, Failure> {
    let json = serde_json::to_vec(read).map_err(|_| Failure::NoContents)?;
    let options = BlobPropertyBag::new();
    options.set_type(WORKBOOK_TYPE);
    let parts = Array::of1(&Uint8Array::from(json.as_slice()));
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| Failure::NoContents)
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &WorkbookReply, sheet: Option<&Blob>) {
    let Ok(json) = serde_json::to_string(reply) else {
        return;
    };
    let message = Array::of1(&JsValue::from_str(&json));
    if let Some(sheet) = sheet {
        message.push(sheet);
    }
    let _ = scope.post_message(&message);
}
