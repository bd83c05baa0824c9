//! The persona library in the browser's local storage. Only the library is stored.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use crate::library::Library;

/// The local-storage key of the library.
pub const LIBRARY_KEY: &str = "persona-builder.library";

/// Loads the saved library; a missing one is empty. An unreadable one is reported and
/// left in storage untouched.
pub fn load_library() -> Result<Library, String> {
    match LocalStorage::get::<serde_json::Value>(LIBRARY_KEY) {
        Ok(value) => Library::from_stored(value).map_err(|e| e.to_string()),
        Err(StorageError::KeyNotFound(_)) => Ok(Library::default()),
        Err(StorageError::SerdeError(e)) => Err(format!("the stored library is damaged ({e})")),
        Err(StorageError::JsError(e)) => Err(format!("local storage is unavailable ({e})")),
    }
}

/// Saves the library. On failure storage keeps the previous library.
pub fn save_library(library: &Library) -> Result<(), String> {
    LocalStorage::set(LIBRARY_KEY, library.to_stored()).map_err(|error| match error {
        StorageError::JsError(e) if e.name == "QuotaExceededError" => {
            "The browser's storage for this page is full, so nothing was saved and the \
             library is as it was. Export or delete personas to make room."
                .to_string()
        }
        other => format!("Saving failed, so the library is as it was: {other}"),
    })
}
