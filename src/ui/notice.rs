//! The message area: polite for news, assertive for errors. Both regions always exist
//! so screen readers announce what appears in them. It stays at the top of the window
//! as the page scrolls; **Dismiss the message** takes it away, so that on a phone it
//! does not sit over the card being read.

use leptos::prelude::*;

use super::stores::{Notice, Notices};

#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let text_of = move |error: bool| {
        notices.notice.with(|n| match n {
            Some(Notice::Error(text)) if error => text.clone(),
            Some(Notice::Info(text)) if !error => text.clone(),
            _ => String::new(),
        })
    };
    let shown = move || {
        notices.notice.with(|n| match n {
            Some(Notice::Info(text) | Notice::Error(text)) => !text.is_empty(),
            None => false,
        })
    };
    // The button goes with the message: the focus moves to the page's content rather
    // than being lost to the document.
    let dismiss = move |_| {
        notices.dismiss();
        let main = document()
            .get_element_by_id("main")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(main) = main {
            let _ = main.focus();
        }
    };
    view! {
        <div class="notices">
            <p class="notice notice-info" role="status">{move || text_of(false)}</p>
            <p class="notice notice-error" role="alert">{move || text_of(true)}</p>
            <Show when=shown>
                <button
                    type="button"
                    class="notice-dismiss"
                    aria-label="Dismiss the message"
                    title="Dismiss the message"
                    on:click=dismiss
                >
                    "×"
                </button>
            </Show>
        </div>
    }
}
