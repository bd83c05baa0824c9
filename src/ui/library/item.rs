//! One saved persona in the library: its card (or its editor), selection for export,
//! and the controls that keep it current.

use std::collections::BTreeSet;

use leptos::prelude::*;
use time::Date;

use super::editor::PersonaEditor;
use super::history::HistoryList;
use super::plan::PlanSection;
use super::rating::RatingPanel;
use crate::personas::Persona;
use crate::ui::persona_card::PersonaCard;
use crate::ui::stores::LibraryStore;

#[component]
pub fn LibraryItem(id: String, selected: RwSignal<BTreeSet<String>>, today: Date) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let persona = Memo::new({
        let id = id.clone();
        move |_| library.with(|l| l.get(&id).cloned())
    });
    let editing = RwSignal::new(false);
    let show_history = RwSignal::new(false);
    let id = StoredValue::new(id);

    let card = move |p: Persona| {
        let name = p.name.clone();
        let versions = library.with_untracked(|l| l.history(&p.id).len());
        let is_selected = selected.with_untracked(|s| s.contains(&p.id));
        view! {
            <PersonaCard persona=p context="saved" today>
                <label class="checkbox">
                    <input
                        type="checkbox"
                        prop:checked=is_selected
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected
                                .update(|s| {
                                    if on {
                                        s.insert(id.get_value());
                                    } else {
                                        s.remove(&id.get_value());
                                    }
                                })
                        }
                    />
                    "Select"
                    <span class="visually-hidden">{format!(" “{name}”")}</span>
                </label>
                <button type="button" on:click=move |_| editing.set(true)>
                    "Edit"
                    <span class="visually-hidden">{format!(" “{name}”")}</span>
                </button>
                <button type="button" on:click=move |_| library.mark_reviewed(&id.get_value())>
                    "Mark reviewed"
                    <span class="visually-hidden">{format!(" “{name}”")}</span>
                </button>
                <button type="button" on:click=move |_| library.duplicate(&id.get_value())>
                    "Duplicate"
                    <span class="visually-hidden">{format!(" “{name}”")}</span>
                </button>
                <button
                    type="button"
                    aria-expanded=move || show_history.get().to_string()
                    on:click=move |_| show_history.update(|s| *s = !*s)
                >
                    {format!("History ({versions})")}
                    <span class="visually-hidden">{format!(" of “{name}”")}</span>
                </button>
                <a class="button" href=format!("#present/{}", id.get_value())>
                    "Present"
                    <span class="visually-hidden">{format!(" “{name}”")}</span>
                </a>
                <button type="button" class="danger" on:click=move |_| library.delete(&id.get_value())>
                    "Delete"
                    <span class="visually-hidden">{format!(" “{name}”")}</span>
                </button>
            </PersonaCard>
        }
    };

    view! {
        <div class="library-item">
            {move || {
                if editing.get() {
                    view! { <PersonaEditor id=id.get_value() done=move || editing.set(false) /> }
                        .into_any()
                } else {
                    view! {
                        {move || persona.get().map(card)}
                        <PlanSection id=id.get_value() />
                        <RatingPanel id=id.get_value() />
                    }
                    .into_any()
                }
            }}
            {move || show_history.get().then(|| view! { <HistoryList id=id.get_value() /> })}
        </div>
    }
}
