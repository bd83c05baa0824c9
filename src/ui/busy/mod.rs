//! The progress bar for work in the pipeline worker: what is being done, how far it
//! has got and how many rows have been read. The page stays usable meanwhile.

use leptos::prelude::*;

use super::stores::Busy;
use crate::privacy::ShownCount;

/// The bar for what `busy` says a worker is doing; nothing when it is idle.
#[component]
pub fn BusyBar(
    busy: RwSignal<Option<Busy>>,
    /// The bar's id, for its label.
    #[prop(default = "busy-bar")]
    id: &'static str,
) -> impl IntoView {
    move || {
        busy.get().map(|busy| {
            let stage = busy
                .progress
                .map(|p| format!("{}: {}", busy.what, p.stage.label()))
                .unwrap_or_else(|| format!("{}…", busy.what));
            let rows = busy
                .progress
                .filter(|p| p.rows > 0)
                .map(|p| format!("{} rows read", ShownCount::of(p.rows)));
            let bar = match busy.progress {
                Some(p) => view! {
                    <progress id=id max="1000" value=p.per_mille().to_string()>
                        {format!("{}%", p.percent())}
                    </progress>
                }
                .into_any(),
                None => view! { <progress id=id></progress> }.into_any(),
            };
            view! {
                <div class="busy">
                    <label for=id>{stage}</label>
                    {bar}
                    <span class="busy-rows">{rows}</span>
                </div>
            }
        })
    }
}
