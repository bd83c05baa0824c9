//! Refreshing the library from a new survey wave: choose the next export of the same
//! survey; it is read in a worker of its own (the remembered roles and kinds apply
//! themselves) and compared with the saved personas. Each persona's changes are accepted
//! one by one; the version before stays in its history.

use leptos::prelude::*;

use crate::browser::files;
use crate::personas::Persona;
use crate::refresh::{Drift, PersonaRefresh};
use crate::ui::busy::BusyBar;
use crate::ui::persona_card::PersonaCard;
use crate::ui::stores::{RefreshStore, SurveyStore};

#[component]
pub fn RefreshPanel() -> impl IntoView {
    let store = expect_context::<RefreshStore>();
    let k = expect_context::<SurveyStore>().min_group_size();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(file) = files::take_from_input(&ev) {
            store.refresh_from(file);
        }
    };
    view! {
        <section class="refresh no-print" aria-labelledby="refresh-heading">
            <h3 id="refresh-heading">"Refresh from a new survey wave"</h3>
            <p class="hint">
                "Choose the next export of the same survey. Its respondents are sorted into the saved personas and each persona's figures are compared; nothing changes until you accept it."
            </p>
            <label for="refresh-file">"Survey wave"</label>
            <input id="refresh-file" type="file" on:change=choose />
            <BusyBar busy=store.busy id="refresh-busy-bar" />
            {move || store.refresh.get().map(|report| {
                let fits_none = match report.fits_none {
                    Some(n) => format!("{n} of {} respondents fit no saved persona.", report.respondents),
                    None => format!("Fewer than {} respondents fit no saved persona.", k.get_untracked()),
                };
                let skipped = (!report.not_in_survey.is_empty()).then(|| view! {
                    <p class="hint">{format!(
                        "Not in this survey, so left as they are: {}.",
                        report.not_in_survey.join("; ")
                    )}</p>
                });
                let notes = report.notes.iter().map(|n| view! { <p class="hint">{n.clone()}</p> }).collect_view();
                let proposals = report.proposals.iter().cloned().map(proposal).collect_view();
                let has_proposals = !report.proposals.is_empty();
                view! {
                    <div class="refresh-report">
                        <p class="fits-none">{fits_none}</p>
                        {skipped}
                        {notes}
                        <div class="persona-grid">
                            <For
                                each=move || store.refresh.with(|r| r.as_ref().map(|r| r.personas.clone()).unwrap_or_default())
                                key=|r| r.id.clone()
                                children=move |r| change(r, k.get_untracked())
                            />
                        </div>
                        {has_proposals.then(|| view! {
                            <h4>"Proposed new personas (respondents who fit none)"</h4>
                            <div class="persona-grid">{proposals}</div>
                        })}
                        <button type="button" on:click=move |_| store.close()>"Close the comparison"</button>
                    </div>
                }
            })}
        </section>
    }
}

/// One saved persona, before and after, with its label and the choice to accept.
fn change(r: PersonaRefresh, k: usize) -> impl IntoView {
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
    let accept = {
        let (id, refreshed) = (id.clone(), r.refreshed.clone());
        move |_| store.accept(&id, refreshed.clone(), r.drift)
    };
    let dismiss = {
        let id = id.clone();
        move |_| store.settle(&id)
    };
    let accept_label = if r.drift == Drift::Gone {
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
            <table class="traits">
                <caption>"Key facts in the persona (before → after)"</caption>
                <thead><tr><th scope="col">"Answer"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                <tbody>{facts}</tbody>
            </table>
            <div class="persona-controls">
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
fn proposal(p: Persona) -> impl IntoView {
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
