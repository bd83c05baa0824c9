//! A stage's details folded under a one-line summary (`<details>`), its open state kept in
//! a signal so it stays open when the view beneath it is drawn again (after an Undo, a
//! new setting).

use leptos::prelude::*;

#[component]
pub fn Fold(
    /// Whether it is open; the caller owns it so it outlives the view drawn inside.
    open: RwSignal<bool>,
    /// The summary line the fold opens from.
    summary: String,
    children: Children,
) -> impl IntoView {
    view! {
        <details
            class="fold"
            prop:open=move || open.get()
            on:toggle=move |ev| {
                let details: web_sys::HtmlDetailsElement = event_target(&ev);
                open.set(details.open());
            }
        >
            <summary>{summary}</summary>
            {children()}
        </details>
    }
}
