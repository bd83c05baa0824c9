//! A share link opened: the personas it holds, read-only, and **Import** to add them to
//! this device's library (merged by id, newer wins, as an import is). The link was
//! read through the same validation as a persona file.

use crate::wording::counted;
use leptos::prelude::*;

use crate::library::read_share_link;
use crate::ui::persona_card::PersonaCard;
use crate::ui::stores::LibraryStore;

#[component]
pub fn SharedView(fragment: String) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let read = read_share_link(&fragment);
    view! {
        <section class="panel shared" aria-labelledby="shared-heading">
            <h2 id="shared-heading">"Shared personas"</h2>
            {match read {
                Err(why) => view! { <p class="storage-problem" role="alert">{why.to_string()}</p> }.into_any(),
                Ok(imported) => {
                    let count = imported.personas.len();
                    let refused: Vec<String> = imported.refused.iter().map(ToString::to_string).collect();
                    let personas = StoredValue::new(imported.personas);
                    let import = move |_| {
                        if library.import_shared(&personas.get_value()) {
                            let _ = window().location().set_hash("library");
                        }
                    };
                    view! {
                        <p class="hint">{format!(
                            "{} shared through a link, shown read-only. Nothing was sent anywhere: the personas are in the link itself.",
                            counted(count, "persona")
                        )}</p>
                        {(!refused.is_empty()).then(|| view! {
                            <p class="storage-problem">{format!("Not shown: {}", refused.join(" "))}</p>
                        })}
                        <button type="button" on:click=import>"Import"</button>
                        <div class="persona-grid">
                            {personas.get_value().into_iter().map(|p| view! { <PersonaCard persona=p context="shared" /> }).collect_view()}
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
