//! `navigator.storage`: asking the browser to keep the page's data
//! (`persist()`), and how much it uses of what it may (`estimate()`).

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|s| !s.is_undefined())
}

async fn call(method: &str) -> Option<JsValue> {
    let manager = manager()?;
    let function: js_sys::Function = Reflect::get(&manager, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: Promise = function.call0(&manager).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

/// Asks the browser to keep the data through "clear storage when space runs low":
/// whether it agreed (`None`: it cannot be asked).
pub async fn ask_to_keep() -> Option<bool> {
    call("persist").await?.as_bool()
}

/// Bytes used and bytes available to the page, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = call("estimate").await?;
    let field = |name: &str| Reflect::get(&estimate, &name.into()).ok()?.as_f64();
    Some((field("usage")?, field("quota")?))
}
