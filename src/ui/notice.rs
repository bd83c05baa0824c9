//! The message area: polite for news, assertive for errors. Both regions always exist
//! so screen readers announce what appears in them.

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
    view! {
        <div class="notices">
            <p class="notice notice-info" role="status">{move || text_of(false)}</p>
            <p class="notice notice-error" role="alert">{move || text_of(true)}</p>
        </div>
    }
}
