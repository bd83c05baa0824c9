//! What the page keeps on the device: the persona library (with its revision), the
//! column mapping remembered per survey layout, the editing person's name and when the
//! library was last backed up — all in IndexedDB (`idb.rs`). No survey answer is ever
//! stored.
//!
//! [`boot`] runs once before the app mounts: it opens the database, migrates a library
//! kept in `localStorage` by earlier versions (left there until it reads back from
//! IndexedDB unchanged), and reads everything. Where IndexedDB is unavailable (private
//! browsing in some browsers) the page runs from memory and says that nothing is kept.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use indexed_db_futures::database::Database;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::idb::{self, Key};
use crate::library::{Library, Mappings, Revision, Stale};
use crate::pipeline::ColumnMapping;

/// The local-storage keys earlier versions kept the library, mappings and name under.
pub const LIBRARY_KEY: &str = "persona-builder.library";
pub const MAPPING_KEY: &str = "persona-builder.column-mapping";
pub const EDITOR_KEY: &str = "persona-builder.editor";

/// What the page found in storage when it started.
pub struct Boot {
    /// The library, or why it could not be read (it is then never overwritten).
    pub library: Result<Library, String>,
    pub revision: Revision,
    /// Why nothing will be kept, when the page runs from memory.
    pub memory_only: Option<String>,
    /// Whether a `localStorage` library was moved into IndexedDB just now.
    pub migrated: bool,
    pub saved_at: Option<OffsetDateTime>,
    pub backed_up_at: Option<OffsetDateTime>,
}

/// Where a setting that could not be kept is told.
type Report = Box<dyn Fn(String)>;

thread_local! {
    static DB: RefCell<Option<Database>> = const { RefCell::new(None) };
    static BOOT: RefCell<Option<Boot>> = const { RefCell::new(None) };
    static MAPPINGS: RefCell<Mappings> = const { RefCell::new(Mappings::new()) };
    static EDITOR: RefCell<String> = const { RefCell::new(String::new()) };
    static FAILED: RefCell<Option<Report>> = const { RefCell::new(None) };
}

fn db() -> Option<Database> {
    DB.with(|db| db.borrow().clone())
}

fn time_of(text: Option<String>) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(&text?, &Rfc3339).ok()
}

/// An RFC 3339 time, as stored.
pub fn stamp(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

fn local(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Opens storage and reads what it holds; see the module documentation.
pub async fn boot() {
    let boot = match idb::open().await {
        Ok(db) => {
            let boot = from_database(&db).await;
            DB.with(|slot| *slot.borrow_mut() = Some(db));
            boot
        }
        Err(why) => from_memory(why),
    };
    BOOT.with(|slot| *slot.borrow_mut() = Some(boot));
}

/// Marks on the page whether a library save is under way (`data-library-saving`), so a
/// test can wait for the write before it reloads.
pub fn mark_saving(saving: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-library-saving", if saving { "true" } else { "false" });
    }
}

/// What [`boot`] found (once; later calls find an empty library in memory).
pub fn take_boot() -> Boot {
    BOOT.with(|slot| slot.borrow_mut().take())
        .unwrap_or_else(|| from_memory("storage was not opened".into()))
}

fn from_memory(why: String) -> Boot {
    let library = local(LIBRARY_KEY).map_or(Ok(Library::default()), |text| {
        Library::from_stored(&text).map_err(|e| e.to_string())
    });
    Boot {
        library,
        revision: 0,
        memory_only: Some(format!(
            "this browser does not let the page keep data ({why})"
        )),
        migrated: false,
        saved_at: None,
        backed_up_at: None,
    }
}

async fn from_database(db: &Database) -> Boot {
    use Key::*;
    let keys = [Library, Revision, SavedAt, BackedUpAt, Mappings, Editor];
    let mut values = match idb::read(db, &keys).await {
        Ok(values) => values,
        Err(why) => return from_memory(why),
    };
    let mut migrated = false;
    if values[0].is_none() {
        if let Some(text) = local(LIBRARY_KEY) {
            // One this version cannot read (damaged, newer) stays where it is, untouched,
            // with saving turned off.
            if let Err(e) = crate::library::Library::from_stored(&text) {
                return Boot {
                    library: Err(e.to_string()),
                    memory_only: None,
                    ..from_memory(String::new())
                };
            }
            match migrate(db, &text, &values).await {
                Ok(read_back) => {
                    values = read_back;
                    migrated = true;
                }
                Err(why) => return from_memory(why),
            }
        }
    }
    let [library, revision, saved_at, backed_up_at, mappings, editor] =
        <[Option<String>; 6]>::try_from(values).expect("six keys read");
    MAPPINGS.with(|m| {
        *m.borrow_mut() = mappings
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
    });
    EDITOR.with(|e| *e.borrow_mut() = editor.unwrap_or_default());
    Boot {
        library: library.map_or(Ok(crate::library::Library::default()), |text| {
            crate::library::Library::from_stored(&text).map_err(|e| e.to_string())
        }),
        revision: idb::parse_revision(revision.as_deref()),
        memory_only: None,
        migrated,
        saved_at: time_of(saved_at),
        backed_up_at: time_of(backed_up_at),
    }
}

/// Moves the `localStorage` library (and mappings and name) into IndexedDB in one
/// transaction, reads it back, and only when it reads back unchanged removes the old
/// keys. Returns the values read back.
async fn migrate(
    db: &Database,
    text: &str,
    found: &[Option<String>],
) -> Result<Vec<Option<String>>, String> {
    let mappings = local(MAPPING_KEY).filter(|_| found[4].is_none());
    let editor = LocalStorage::get::<String>(EDITOR_KEY)
        .ok()
        .filter(|_| found[5].is_none());
    let now = stamp(super::clock::now());
    let mut values = vec![
        (Key::Library, text),
        (Key::Revision, "1"),
        (Key::SavedAt, &now),
    ];
    values.extend(mappings.as_deref().map(|m| (Key::Mappings, m)));
    values.extend(editor.as_deref().map(|e| (Key::Editor, e)));
    idb::write(db, &values).await?;
    use Key::*;
    let keys = [Library, Revision, SavedAt, BackedUpAt, Mappings, Editor];
    let read_back = idb::read(db, &keys).await?;
    if read_back[0].as_deref() == Some(text) {
        let storage = LocalStorage::raw();
        for key in [LIBRARY_KEY, MAPPING_KEY, EDITOR_KEY] {
            let _ = storage.remove_item(key);
        }
    }
    Ok(read_back)
}

/// Whether the page runs from memory (nothing is kept).
pub fn memory_only() -> bool {
    db().is_none()
}

/// Saves the library's stored text if storage still holds revision `seen` (one
/// transaction): the new revision, or what storage holds instead. From memory, every
/// save "succeeds" without keeping anything, as the page's banner says.
pub async fn save_library(seen: Revision, text: &str) -> Result<Result<Revision, Stale>, String> {
    match db() {
        Some(db) => idb::save_library(&db, seen, text, &stamp(super::clock::now())).await,
        None => Ok(Ok(seen + 1)),
    }
}

/// The library's revision and stored text as storage holds them now.
pub async fn load_library() -> Result<(Revision, Option<String>), String> {
    let Some(db) = db() else {
        return Err("nothing is kept in this browser".into());
    };
    let values = idb::read(&db, &[Key::Revision, Key::Library]).await?;
    Ok((idb::parse_revision(values[0].as_deref()), values[1].clone()))
}

/// What a setting is, for the message when it could not be kept.
fn what_is_kept(key: Key) -> &'static str {
    match key {
        Key::Mappings => "the column choices for this survey layout",
        Key::Editor => "your name",
        Key::BackedUpAt => "the time of the last back-up",
        Key::LibraryFile | Key::LibraryFileBase => "the library file to reconnect to",
        Key::Library | Key::Revision | Key::SavedAt => "the library",
    }
}

/// Tells the user a setting was not kept (set once by the page's stores, so a failed
/// write reaches the message area rather than only the console).
pub fn report_failures_to(report: impl Fn(String) + 'static) {
    FAILED.with(|f| *f.borrow_mut() = Some(Box::new(report)));
}

fn failed(key: Key, why: String) {
    let text = format!(
        "{} could not be kept on this device: {why}. It holds for this visit only.",
        capitalised(what_is_kept(key))
    );
    FAILED.with(|f| match &*f.borrow() {
        Some(report) => report(text),
        None => web_sys::console::warn_1(&text.into()),
    });
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Writes one setting in its own transaction, after the page has moved on; a failure
/// is told to the user.
fn keep(key: Key, value: String) {
    if let Some(db) = db() {
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = idb::write(&db, &[(key, &value)]).await {
                failed(key, why);
            }
        });
    }
}

/// Remembers the library file's handle (`None`: forgets it). From memory, nothing is
/// remembered.
pub fn remember_library_file(handle: Option<wasm_bindgen::JsValue>) {
    if let Some(db) = db() {
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = idb::write_js(&db, Key::LibraryFile, handle.as_ref()).await {
                failed(Key::LibraryFile, why);
            }
        });
    }
}

/// The library file's handle remembered from an earlier visit, with the library as the
/// file held it then (`None` when not known).
pub async fn remembered_library_file() -> Option<(wasm_bindgen::JsValue, Option<Library>)> {
    let db = db()?;
    let handle = idb::read_js(&db, Key::LibraryFile).await.ok().flatten()?;
    let base = idb::read(&db, &[Key::LibraryFileBase])
        .await
        .ok()
        .and_then(|mut v| v.pop().flatten())
        .and_then(|text| Library::from_stored(&text).ok());
    Some((handle, base))
}

/// Remembers the library as the library file now holds it (`None`: forgets it).
pub fn remember_library_file_base(library: Option<&Library>) {
    let text = library.map_or(String::new(), |l| {
        serde_json::to_string(&l.to_stored()).expect("a library serialises")
    });
    keep(Key::LibraryFileBase, text);
}

/// Remembers when the library was last backed up.
pub fn save_backed_up_at(at: OffsetDateTime) {
    keep(Key::BackedUpAt, stamp(at));
}

/// Every column mapping remembered (for a back-up).
pub fn all_mappings() -> Mappings {
    MAPPINGS.with(|m| m.borrow().clone())
}

/// Replaces the remembered mappings (a restored back-up's).
pub fn restore_mappings(mappings: Mappings) {
    let text = serde_json::to_string(&mappings).unwrap_or_default();
    MAPPINGS.with(|m| *m.borrow_mut() = mappings);
    keep(Key::Mappings, text);
}

/// The mapping remembered for a survey layout (empty when none).
pub fn load_mapping(layout_key: &str) -> ColumnMapping {
    MAPPINGS.with(|m| m.borrow().get(layout_key).cloned().unwrap_or_default())
}

/// Remembers the roles and kinds chosen for a survey layout (question names, roles and
/// kinds only, never answers).
pub fn save_mapping(layout_key: &str, mapping: &ColumnMapping) -> Result<(), String> {
    let text = MAPPINGS.with(|m| {
        let mut all = m.borrow_mut();
        all.insert(layout_key.to_string(), mapping.clone());
        serde_json::to_string(&*all).map_err(|e| e.to_string())
    })?;
    keep(Key::Mappings, text);
    Ok(())
}

/// The name the person editing gave on this device (blank when none).
pub fn load_editor() -> String {
    EDITOR.with(|e| e.borrow().clone())
}

/// Remembers the editing person's name on this device.
pub fn save_editor(name: &str) -> Result<(), String> {
    EDITOR.with(|e| *e.borrow_mut() = name.to_string());
    keep(Key::Editor, name.to_string());
    Ok(())
}
