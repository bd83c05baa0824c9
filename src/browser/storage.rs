//! The persona library in the browser's local storage. Only the library is stored.

use std::collections::HashMap;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use crate::columns::Role;
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

/// The local-storage key of the column roles remembered per survey layout. It holds
/// question names and roles only, never answers.
pub const ROLES_KEY: &str = "persona-builder.column-roles";

type RolesByLayout = HashMap<String, HashMap<String, Role>>;

/// The roles remembered for a survey layout (empty when none, or unreadable).
pub fn load_roles(layout_key: &str) -> HashMap<String, Role> {
    LocalStorage::get::<RolesByLayout>(ROLES_KEY)
        .ok()
        .and_then(|mut all| all.remove(layout_key))
        .unwrap_or_default()
}

/// Remembers the roles chosen for a survey layout.
pub fn save_roles(layout_key: &str, roles: &HashMap<String, Role>) -> Result<(), String> {
    let mut all: RolesByLayout = LocalStorage::get(ROLES_KEY).unwrap_or_default();
    all.insert(layout_key.to_string(), roles.clone());
    LocalStorage::set(ROLES_KEY, all)
        .map_err(|e| format!("The column roles were not remembered: {e}"))
}
