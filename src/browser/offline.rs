//! Offline use: registers the service worker (`sw.js`), which keeps the app's own files
//! so the app opens with no network after the first visit. Where service workers are
//! not available (a `file:` page, some private modes) the app simply stays online-only.

use wasm_bindgen_futures::JsFuture;

/// Registers `sw.js` beside the page, once the page has rendered.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !window.is_secure_context() {
        return;
    }
    let container = window.navigator().service_worker();
    let registering = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = JsFuture::from(registering).await {
            web_sys::console::warn_1(&e);
        }
    });
}
