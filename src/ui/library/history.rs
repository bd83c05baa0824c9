//! A persona's version history: who changed what and when, with Restore.

use leptos::prelude::*;

use crate::ui::stores::LibraryStore;

#[component]
pub fn HistoryList(id: String) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let id = StoredValue::new(id);
    let versions = move || library.with(|l| l.history(&id.get_value()).to_vec());
    let restore = move |index: usize| library.restore(&id.get_value(), index);
    view! {
        <section class="history no-print" aria-label="Version history">
            <h4>"Version history"</h4>
            {move || {
                let versions = versions();
                if versions.is_empty() {
                    return view! { <p class="hint">"No earlier versions yet."</p> }.into_any();
                }
                let rows = versions
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let when = format!(
                            "{} {:02}:{:02} UTC",
                            v.at.date(),
                            v.at.hour(),
                            v.at.minute()
                        );
                        let by = if v.by.is_empty() { "someone on this device".to_string() } else { v.by.clone() };
                        view! {
                            <li>
                                <span>{format!("{when} · {by} · {} · was “{}”", v.change, v.persona.name)}</span>
                                " "
                                <button type="button" on:click=move |_| restore(i)>
                                    "Restore"
                                    <span class="visually-hidden">{format!(" the version from before {when}")}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ol class="versions">{rows}</ol> }.into_any()
            }}
        </section>
    }
}
