//! One saved persona in a wave's comparison — its label, why, its key facts before and
//! after, Accept (with **Mark reviewed** in the same step) or keep it as it is — and a
//! persona proposed for the respondents who fit none.

use leptos::prelude::*;

use crate::personas::Persona;
use crate::refresh::{Drift, PersonaRefresh};
use crate::ui::persona_card::PersonaCard;
use crate::ui::stores::RefreshStore;

/// One saved persona, before and after, with its label and the choice to accept.
pub fn change(r: PersonaRefresh, k: usize) -> impl IntoView {
    let store = expect_context::<RefreshStore>();
    let size_after = r
        .size_after
        .map_or(format!("fewer than {k}"), |n| n.to_string());
    let label = r.drift.label();
    let facts = r
        .facts
        .iter()
        .map(|f| {
            let after = f
                .after
                .map_or("too few to show".to_string(), |a| format!("{a}%"));
            view! {
                <tr>
                    <th scope="row">{format!("{}: {}", f.attribute, f.value)}</th>
                    <td>{format!("{}%", f.before)}</td>
                    <td>{after}</td>
                </tr>
            }
        })
        .collect_view();
    let reasons = r
        .reasons
        .iter()
        .map(|why| view! { <li>{why.clone()}</li> })
        .collect_view();
    let (id, name) = (r.id.clone(), r.name.clone());
    let reviewed = RwSignal::new(false);
    let accept = {
        let (id, refreshed) = (id.clone(), r.refreshed.clone());
        move |_| store.accept(&id, refreshed.clone(), r.drift, reviewed.get_untracked())
    };
    let dismiss = {
        let id = id.clone();
        move |_| store.settle(&id)
    };
    let gone = r.drift == Drift::Gone;
    let accept_label = if gone {
        "Remove it from the library"
    } else {
        "Accept the new figures"
    };
    view! {
        <article class="persona-card refresh-change" aria-label=format!("{name}: {label}")>
            <h4>
                {name.clone()} " "
                <span class=format!("badge drift-{label}")>{label}</span>
            </h4>
            <p>{format!(
                "Respondents: {} → {size_after} · share {:.1}% → {:.1}%",
                r.size_before,
                100.0 * r.share_before,
                100.0 * r.share_after
            )}</p>
            <ul class="reasons">{reasons}</ul>
            <div class="table-scroll">
                <table class="traits before-after">
                    <caption>"Key facts in the persona (before → after)"</caption>
                    <thead><tr><th scope="col">"Answer"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>{facts}</tbody>
                </table>
            </div>
            <div class="persona-controls">
                {(!gone).then(|| view! {
                    <label class="checkbox">
                        <input type="checkbox" bind:checked=reviewed />
                        "Mark reviewed"
                        <span class="visually-hidden">{format!(" “{name}”")}</span>
                    </label>
                })}
                <button type="button" class="primary" on:click=accept>
                    {accept_label}
                    <span class="visually-hidden">{format!(" for “{name}”")}</span>
                </button>
                <button type="button" on:click=dismiss>
                    "Keep as it is"
                    <span class="visually-hidden">{format!(" “{name}”")}</span>
                </button>
            </div>
        </article>
    }
}

/// A new persona proposed for respondents who fit none, with Add.
pub fn proposal(p: Persona) -> impl IntoView {
    let store = expect_context::<RefreshStore>();
    let name = p.name.clone();
    let add = {
        let p = p.clone();
        move |_| store.add_proposal(p.clone())
    };
    view! {
        <PersonaCard persona=p context="proposed">
            <button type="button" on:click=add>
                "Add to the library"
                <span class="visually-hidden">{format!(" “{name}”")}</span>
            </button>
        </PersonaCard>
    }
}
