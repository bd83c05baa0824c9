//! IndexedDB, through `indexed_db_futures` (chosen over `rexie`/`idb`: it mirrors the
//! IndexedDB API one to one, is actively released, and its transactions roll back unless
//! committed, so a save that fails half-way — or a tab closed mid-save — leaves the
//! previous library whole).
//!
//! One database, one object store of text values under fixed keys. The library is
//! written with its revision in one read-write transaction that first checks the
//! revision: a compare-and-swap across tabs (IndexedDB runs read-write transactions on
//! one store one after another).

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

use crate::library::{Revision, Stale};

const DB_NAME: &str = "persona-builder";
const STORE: &str = "kv";

/// The keys of the values kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The stored library's JSON text (`Library::to_stored`).
    Library,
    /// The library's revision, as decimal text.
    Revision,
    /// When the library was last saved (RFC 3339).
    SavedAt,
    /// When the last back-up was downloaded (RFC 3339).
    BackedUpAt,
    /// Column mappings by survey layout (JSON).
    Mappings,
    /// The editing person's name.
    Editor,
    /// The library file's handle (a `FileSystemFileHandle`, kept as the browser
    /// structured-clones it), so the next visit reconnects with one click.
    LibraryFile,
    /// The stored library's text as the library file held it when last read or written
    /// (what a colleague's later changes are merged against); empty when no file is kept.
    LibraryFileBase,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::Library => "library",
            Key::Revision => "revision",
            Key::SavedAt => "saved-at",
            Key::BackedUpAt => "backed-up-at",
            Key::Mappings => "mappings",
            Key::Editor => "editor",
            Key::LibraryFile => "library-file",
            Key::LibraryFileBase => "library-file-base",
        }
    }
}

fn say(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Opens (creating on first use) the database; an error when IndexedDB is unavailable.
pub async fn open() -> Result<Database, String> {
    Database::open(DB_NAME)
        .with_version(1u8)
        .with_on_upgrade_needed(|_event, db| {
            if !db.object_store_names().any(|name| name == STORE) {
                db.create_object_store(STORE).build()?;
            }
            Ok(())
        })
        .await
        .map_err(say)
}

/// Reads the values under `keys`, in one read-only transaction.
pub async fn read(db: &Database, keys: &[Key]) -> Result<Vec<Option<String>>, String> {
    let tx = db.transaction(STORE).build().map_err(say)?;
    let store = tx.object_store(STORE).map_err(say)?;
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        let value: Option<String> = store.get(key.name()).await.map_err(say)?;
        values.push(value);
    }
    Ok(values)
}

/// Writes the values, all or none, in one read-write transaction.
pub async fn write(db: &Database, values: &[(Key, &str)]) -> Result<(), String> {
    let tx = db
        .transaction(STORE)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(say)?;
    let store = tx.object_store(STORE).map_err(say)?;
    for (key, value) in values {
        store
            .put(*value)
            .with_key(key.name())
            .primitive()
            .map_err(say)?;
    }
    tx.commit().await.map_err(say)
}

/// Reads a browser value (not text) kept under `key`.
pub async fn read_js(db: &Database, key: Key) -> Result<Option<wasm_bindgen::JsValue>, String> {
    let tx = db.transaction(STORE).build().map_err(say)?;
    let store = tx.object_store(STORE).map_err(say)?;
    let value: Option<wasm_bindgen::JsValue> = store.get(key.name()).await.map_err(say)?;
    Ok(value.filter(|v| !v.is_undefined() && !v.is_null()))
}

/// Keeps a browser value under `key` (`None`: removes it), in one transaction.
pub async fn write_js(
    db: &Database,
    key: Key,
    value: Option<&wasm_bindgen::JsValue>,
) -> Result<(), String> {
    let tx = db
        .transaction(STORE)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(say)?;
    let store = tx.object_store(STORE).map_err(say)?;
    match value {
        Some(value) => {
            store
                .put(value)
                .with_key(key.name())
                .primitive()
                .map_err(say)?;
        }
        None => {
            store.delete(key.name()).primitive().map_err(say)?;
        }
    }
    tx.commit().await.map_err(say)
}

/// Saves the library if storage still holds revision `seen`, in one transaction: the
/// new revision, or [`Stale`] with what storage holds instead (nothing written).
pub async fn save_library(
    db: &Database,
    seen: Revision,
    text: &str,
    saved_at: &str,
) -> Result<Result<Revision, Stale>, String> {
    let tx = db
        .transaction(STORE)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(say)?;
    let store = tx.object_store(STORE).map_err(say)?;
    let stored: Option<String> = store.get(Key::Revision.name()).await.map_err(say)?;
    let revision = parse_revision(stored.as_deref());
    if revision != seen {
        let text: Option<String> = store.get(Key::Library.name()).await.map_err(say)?;
        // Dropping the transaction uncommitted rolls it back; it wrote nothing.
        return Ok(Err(Stale {
            revision,
            text: text.unwrap_or_default(),
        }));
    }
    let next = revision + 1;
    let next_text = next.to_string();
    for (key, value) in [
        (Key::Library, text),
        (Key::Revision, next_text.as_str()),
        (Key::SavedAt, saved_at),
    ] {
        store
            .put(value)
            .with_key(key.name())
            .primitive()
            .map_err(say)?;
    }
    tx.commit().await.map_err(say)?;
    Ok(Ok(next))
}

/// A stored revision (none stored: 0).
pub fn parse_revision(text: Option<&str>) -> Revision {
    text.and_then(|t| t.parse().ok()).unwrap_or(0)
}
