//! Inside a worker: a file's bytes, read synchronously (allowed, and cheap, in a worker),
//! whole or a slice at a time ([`BlobSlices`]), and its SHA-256 by the browser's
//! WebCrypto, several times quicker than hashing in wasm.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync};

use crate::protocol::Failure;
use crate::survey::{hex, FileSlices, ReadError};

/// The user's `File`, read a slice at a time where it lies: never copied whole into the
/// worker's JavaScript heap, and read again (not kept) when the survey is read anew.
pub struct BlobSlices(pub Blob);

impl FileSlices for BlobSlices {
    fn size(&self) -> usize {
        self.0.size() as usize
    }

    fn read_at(&self, start: usize, into: &mut [u8]) -> Result<(), ReadError> {
        let end = start + into.len();
        let slice = self
            .0
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(|_| ReadError::Unreadable)?;
        let buffer = FileReaderSync::new()
            .and_then(|reader| reader.read_as_array_buffer(&slice))
            .map_err(|_| ReadError::Unreadable)?;
        let view = Uint8Array::new(&buffer);
        if view.length() as usize != into.len() {
            return Err(ReadError::Unreadable);
        }
        view.copy_to(into);
        Ok(())
    }
}

/// The whole file's bytes.
pub fn read(file: &Blob) -> Result<Vec<u8>, Failure> {
    let reader = FileReaderSync::new().map_err(|_| Failure::FileUnreadable)?;
    let buffer = reader
        .read_as_array_buffer(file)
        .map_err(|_| Failure::FileUnreadable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Hex SHA-256 of `bytes` by WebCrypto, or `None` where it is unavailable (a page served
/// over plain HTTP from another host).
pub async fn sha256_by_webcrypto(
    scope: &DedicatedWorkerGlobalScope,
    bytes: &[u8],
) -> Option<String> {
    let subtle = scope.crypto().ok()?.subtle();
    // SAFETY: the view is only read by `digest`, which copies the bytes before it
    // returns (and before anything here can allocate and move wasm memory).
    let view = unsafe { Uint8Array::view(bytes) };
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", &view)
        .ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    if !digest.is_instance_of::<ArrayBuffer>() {
        return None;
    }
    Some(hex(&Uint8Array::new(&digest).to_vec()))
}
