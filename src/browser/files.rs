//! Reading a file the user picked or dropped; its bytes stay in this tab's memory.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, Event, File, HtmlInputElement};

/// The first file chosen in an `<input type="file">` change event, clearing the input so
/// choosing the same file again fires another change.
pub fn take_from_input(event: &Event) -> Option<File> {
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The first file dropped in a drag-and-drop event.
pub fn take_from_drop(event: &DragEvent) -> Option<File> {
    event.data_transfer()?.files()?.get(0)
}

/// All bytes of a file.
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    read_blob(file)
        .await
        .map_err(|()| format!("The browser could not read “{}”.", file.name()))
}

/// A blob's bytes (a file, or what a worker handed back).
pub async fn read_blob(blob: &web_sys::Blob) -> Result<Vec<u8>, ()> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file made in this tab from `bytes` (the sample survey), read like a chosen one.
pub fn made(name: &str, bytes: &[u8]) -> Option<File> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    File::new_with_u8_array_sequence(&parts, name).ok()
}
