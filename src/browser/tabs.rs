//! Tabs of the app open at once hear of each other's saves through a
//! `BroadcastChannel`: a save announces the library's new revision, and the others take
//! it in (merging by id when they have unsaved changes of their own).

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

use crate::library::Revision;

const CHANNEL: &str = "persona-builder.library";

thread_local! {
    static OPEN: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// Calls `heard` with the revision each other tab saves (no channel: never).
pub fn listen(heard: impl Fn(Revision) + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(revision) = event.data().as_f64() {
            heard(revision as Revision);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // lives as long as the page
    OPEN.with(|open| *open.borrow_mut() = Some(channel));
}

/// Tells the other tabs the library was saved at `revision`.
pub fn announce(revision: Revision) {
    OPEN.with(|open| {
        if let Some(channel) = &*open.borrow() {
            let _ = channel.post_message(&(revision as f64).into());
        }
    });
}
