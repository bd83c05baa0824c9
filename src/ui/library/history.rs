//! A persona's version history: who changed what and when, with Restore.

use leptos::prelude::*;

use super::item::name_of;
use crate::browser::clock;
use crate::ui::state::AppState;

#[component]
pub fn HistoryList(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let versions = move || state.library.with(|l| l.history(&id.get_value()).to_vec());
    let restore = move |index: usize| {
        let id = id.get_value();
        let name = name_of(state, &id);
        let (who, now) = (state.who(), clock::now());
        match state.try_change_library(format!("restore of “{name}”"), |l| {
            l.restore(&id, index, &who, now)
        }) {
            Ok(()) => state.inform(format!(
                "Restored an earlier version of “{name}”; the version it replaced is in the history."
            )),
            Err(e) => state.fail(e),
        }
    };
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
