//! The browser's local storage: the persona library, and the column mapping remembered
//! per survey layout. No survey answer is ever stored.

use std::collections::HashMap;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use crate::library::{Library, StorageUse};
use crate::pipeline::ColumnMapping;

/// The local-storage key of the library.
pub const LIBRARY_KEY: &str = "persona-builder.library";

/// Loads the saved library; a missing one is empty. Personas that fail the rules are
/// set aside inside it (`Library::set_aside`) and written back unchanged by every save
/// until the user removes them. A library that cannot be read at all is reported and
/// left in storage untouched.
pub fn load_library() -> Result<Library, String> {
    match LocalStorage::raw().get_item(LIBRARY_KEY) {
        Ok(Some(text)) => Library::from_stored(&text).map_err(|e| e.to_string()),
        Ok(None) => Ok(Library::default()),
        Err(_) => Err("local storage is unavailable".to_string()),
    }
}

/// Saves the library. On failure storage keeps the previous library. A library that
/// would not fit the storage browsers allow is refused before anything is written.
pub fn save_library(library: &Library) -> Result<(), String> {
    let text = serde_json::to_string(&library.to_stored()).map_err(|e| e.to_string())?;
    let current = LocalStorage::raw()
        .get_item(LIBRARY_KEY)
        .ok()
        .flatten()
        .map_or(0, |old| LIBRARY_KEY.len() + old.chars().count());
    let after = StorageUse::of(used_chars() - current + LIBRARY_KEY.len() + text.chars().count());
    if !after.fits() {
        return Err(format!(
            "Nothing was saved: the library would need {}, more than this browser keeps for a page. Export personas to a file, then delete some or their history.",
            after.describe()
        ));
    }
    LocalStorage::set(LIBRARY_KEY, library.to_stored()).map_err(|error| match error {
        StorageError::JsError(e) if e.name == "QuotaExceededError" => {
            "The browser's storage for this page is full, so nothing was saved and the \
             library is as it was. Export or delete personas to make room."
                .to_string()
        }
        other => format!("Saving failed, so the library is as it was: {other}"),
    })
}

/// The local-storage key of the column roles and kinds remembered per survey layout. It
/// holds question names, roles and kinds only, never answers.
pub const MAPPING_KEY: &str = "persona-builder.column-mapping";

type MappingByLayout = HashMap<String, ColumnMapping>;

/// The mapping remembered for a survey layout (empty when none, or unreadable).
pub fn load_mapping(layout_key: &str) -> ColumnMapping {
    LocalStorage::get::<MappingByLayout>(MAPPING_KEY)
        .ok()
        .and_then(|mut all| all.remove(layout_key))
        .unwrap_or_default()
}

/// Remembers the roles and kinds chosen for a survey layout.
pub fn save_mapping(layout_key: &str, mapping: &ColumnMapping) -> Result<(), String> {
    let mut all: MappingByLayout = LocalStorage::get(MAPPING_KEY).unwrap_or_default();
    all.insert(layout_key.to_string(), mapping.clone());
    LocalStorage::set(MAPPING_KEY, all)
        .map_err(|e| format!("The column roles and kinds were not remembered: {e}"))
}

/// The local-storage key of the name the person editing goes by on this device.
pub const EDITOR_KEY: &str = "persona-builder.editor";

/// The name the person editing gave on this device (blank when none).
pub fn load_editor() -> String {
    LocalStorage::get(EDITOR_KEY).unwrap_or_default()
}

/// Remembers the editing person's name on this device.
pub fn save_editor(name: &str) -> Result<(), String> {
    LocalStorage::set(EDITOR_KEY, name).map_err(|e| format!("Your name was not remembered: {e}"))
}

/// Characters this site keeps in local storage (keys and values), as browsers count
/// them against their limit.
pub fn used_chars() -> usize {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .map(|key| {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            key.chars().count() + value.chars().count()
        })
        .sum()
}
