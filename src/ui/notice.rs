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
    let shown = move || notices.notice.with(Option::is_some);
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
                    on:click=move |_| notices.dismiss()
                >
                    "×"
                </button>
            </Show>
        </div>
    }
}
