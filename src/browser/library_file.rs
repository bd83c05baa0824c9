//! The library file through the File System Access API: choosing it
//! (`showSaveFilePicker` / `showOpenFilePicker`), asking permission again on a later
//! visit, and reading and writing it. Called through `wasm_bindgen` bindings of our own
//! (web-sys has these only behind `web_sys_unstable_apis`).
//!
//! **The seam tests use**: the page looks the pickers up on `window` each time, so a test
//! replaces `window.showSaveFilePicker` (with `page.addInitScript`) by one that returns a
//! handle from the origin-private file system; the page cannot tell the difference.

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::library::{BackupError, FileProblem, FileStamp, LIBRARY_FILE_NAME, MAX_BACKUP_BYTES};

#[wasm_bindgen]
extern "C" {
    /// A `FileSystemFileHandle`.
    #[wasm_bindgen(extends = Object)]
    #[derive(Clone)]
    pub type FileHandle;
    #[wasm_bindgen(method, getter)]
    fn name(this: &FileHandle) -> String;
    #[wasm_bindgen(method, catch, js_name = getFile)]
    fn get_file(this: &FileHandle) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = createWritable)]
    fn create_writable(this: &FileHandle) -> Result<Promise, JsValue>;

    /// A `FileSystemWritableFileStream`.
    #[wasm_bindgen(extends = Object)]
    type Writable;
    #[wasm_bindgen(method, catch)]
    fn write(this: &Writable, data: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn close(this: &Writable) -> Result<Promise, JsValue>;
}

thread_local! {
    static HANDLE: RefCell<Option<FileHandle>> = const { RefCell::new(None) };
}

/// How a file is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// A new file, or one to put this library in (`showSaveFilePicker`).
    Save,
    /// A colleague's existing library file (`showOpenFilePicker`).
    Open,
}

impl Pick {
    fn function(self) -> &'static str {
        match self {
            Pick::Save => "showSaveFilePicker",
            Pick::Open => "showOpenFilePicker",
        }
    }
}

fn problem(error: JsValue) -> FileProblem {
    let text = |key: &str| {
        Reflect::get(&error, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    FileProblem::from_dom(&text("name"), &text("message"))
}

async fn settle(promise: Result<Promise, JsValue>) -> Result<JsValue, FileProblem> {
    JsFuture::from(promise.map_err(problem)?)
        .await
        .map_err(problem)
}

fn window_has(name: &str) -> bool {
    web_sys::window().is_some_and(|w| Reflect::has(&w, &name.into()).unwrap_or(false))
}

/// Whether this browser can keep the library in a file.
pub fn supported() -> bool {
    window_has(Pick::Save.function())
}

/// The file being kept, if one is.
fn handle() -> Result<FileHandle, FileProblem> {
    HANDLE.with(|h| h.borrow().clone()).ok_or(FileProblem::Gone)
}

/// Lets the user choose the file (a user gesture must have started this); its name, or
/// `None` when they cancelled. The handle is kept for [`read`] and [`write`].
pub async fn choose(pick: Pick) -> Result<Option<String>, FileProblem> {
    let window = web_sys::window().ok_or(FileProblem::Gone)?;
    let json = Object::new();
    let _ = Reflect::set(
        &json,
        &"application/json".into(),
        &Array::of1(&".json".into()),
    );
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Persona library".into());
    let _ = Reflect::set(&kind, &"accept".into(), &json);
    let options = Object::new();
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    if pick == Pick::Save {
        let _ = Reflect::set(&options, &"suggestedName".into(), &LIBRARY_FILE_NAME.into());
    }
    let picker: js_sys::Function = Reflect::get(&window, &pick.function().into())
        .map_err(problem)?
        .dyn_into()
        .map_err(|_| FileProblem::Unreadable("this browser has no file picker".into()))?;
    let called = picker.call1(&window, &options).map_err(problem)?;
    let picked = match JsFuture::from(Promise::from(called)).await {
        Ok(picked) => picked,
        // The user closed the picker without choosing.
        Err(e)
            if Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .as_deref()
                == Some("AbortError") =>
        {
            return Ok(None)
        }
        Err(e) => return Err(problem(e)),
    };
    // The open picker answers with a list, the save picker with one handle.
    let picked = if Array::is_array(&picked) {
        Array::from(&picked).get(0)
    } else {
        picked
    };
    Ok(Some(adopt(picked)))
}

/// Keeps `handle` (a picked or remembered `FileSystemFileHandle`); its name.
pub fn adopt(handle: JsValue) -> String {
    let handle: FileHandle = handle.unchecked_into();
    let name = handle.name();
    HANDLE.with(|h| *h.borrow_mut() = Some(handle));
    name
}

/// The kept handle, to remember in IndexedDB.
pub fn kept_handle() -> Option<JsValue> {
    HANDLE.with(|h| h.borrow().clone().map(JsValue::from))
}

/// Lets go of the file.
pub fn release() {
    HANDLE.with(|h| *h.borrow_mut() = None);
}

async fn permission(method: &str) -> Result<bool, FileProblem> {
    let handle = handle()?;
    let Ok(ask) =
        Reflect::get(&handle, &method.into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return Ok(true); // a browser without permissions on handles lets the page write
    };
    let mode = Object::new();
    let _ = Reflect::set(&mode, &"mode".into(), &"readwrite".into());
    let state = settle(ask.call1(&handle, &mode).map(Promise::from)).await?;
    Ok(state.as_string().as_deref() == Some("granted"))
}

/// Whether the page may still write the file without asking.
pub async fn may_write() -> Result<bool, FileProblem> {
    permission("queryPermission").await
}

/// Asks the user's permission to write the file again (needs a user gesture).
pub async fn ask_to_write() -> Result<bool, FileProblem> {
    permission("requestPermission").await
}

async fn file() -> Result<web_sys::File, FileProblem> {
    let handle = handle()?;
    Ok(settle(handle.get_file()).await?.unchecked_into())
}

fn stamp_of(file: &web_sys::File) -> FileStamp {
    FileStamp {
        modified: file.last_modified(),
        size: file.size(),
    }
}

/// The file's stamp now, without reading it.
pub async fn stamp() -> Result<FileStamp, FileProblem> {
    Ok(stamp_of(&file().await?))
}

/// The file's bytes and stamp; one bigger than a back-up may be is refused unread.
pub async fn read() -> Result<(Vec<u8>, FileStamp), FileProblem> {
    let file = file().await?;
    let stamp = stamp_of(&file);
    if file.size() > MAX_BACKUP_BYTES as f64 {
        return Err(FileProblem::Refused(BackupError::TooBig {
            size: file.size() as usize,
            max: MAX_BACKUP_BYTES,
        }));
    }
    let bytes = super::files::read_bytes(&file)
        .await
        .map_err(FileProblem::Unreadable)?;
    Ok((bytes, stamp))
}

/// Writes `text` as the whole file (the browser swaps it in on close, so a reader never
/// sees half a file); the stamp it then has.
pub async fn write(text: &str) -> Result<FileStamp, FileProblem> {
    let handle = handle()?;
    let writable: Writable = settle(handle.create_writable()).await?.unchecked_into();
    settle(writable.write(text)).await?;
    settle(writable.close()).await?;
    stamp().await
}

/// Calls `shown` whenever the page gets the focus or becomes visible again (a colleague
/// may have changed the file meanwhile).
pub fn on_shown(shown: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let document = window.document();
    let shown = std::rc::Rc::new(shown);
    let on_focus = {
        let shown = shown.clone();
        Closure::<dyn Fn()>::new(move || shown())
    };
    let on_visible = {
        let document = document.clone();
        Closure::<dyn Fn()>::new(move || {
            if document.as_ref().is_some_and(|d| !d.hidden()) {
                shown();
            }
        })
    };
    let _ = window.add_event_listener_with_callback("focus", on_focus.as_ref().unchecked_ref());
    if let Some(document) = &document {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    on_focus.forget(); // both live as long as the page
    on_visible.forget();
}
