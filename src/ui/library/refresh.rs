//! Refreshing the library from a new survey wave: choose the next export of the same
//! survey; it is read in a worker of its own (the remembered roles and kinds apply
//! themselves) and compared with the saved personas. A table sums up every persona
//! first (label, size before → after, the biggest change); the drifted, split and gone
//! ones are open below it, the stable ones folded away. Each change is accepted one by
//! one (or the stable ones together); the version before stays in its history.

use leptos::prelude::*;

use super::refresh_change::{change, proposal};
use crate::browser::files;
use crate::refresh::{Drift, PersonaRefresh};
use crate::ui::busy::BusyBar;
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
    let rows = move || {
        store
            .refresh
            .with(|r| r.as_ref().map(|r| r.personas.clone()).unwrap_or_default())
    };
    let of = move |stable: bool| {
        move || {
            rows()
                .into_iter()
                .filter(|r| (r.drift == Drift::Stable) == stable)
                .collect::<Vec<_>>()
        }
    };
    let stable_count = move || of(true)().len();
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
                        <SummaryTable rows=Signal::derive(rows) k=k.get_untracked() />
                        <div class="persona-grid">
                            <For each=of(false) key=|r| r.id.clone() children=move |r| change(r, k.get_untracked()) />
                        </div>
                        <Show when=move || { stable_count() > 0 }>
                            <details class="fold stable-personas">
                                <summary>{move || format!(
                                    "Stable personas ({}): about as large, their key facts about as common",
                                    stable_count()
                                )}</summary>
                                <button type="button" on:click=move |_| {
                                    for r in of(true)() {
                                        store.accept(&r.id, r.refreshed.clone(), r.drift, false);
                                    }
                                }>"Accept the new figures for the stable personas"</button>
                                <div class="persona-grid">
                                    <For each=of(true) key=|r| r.id.clone() children=move |r| change(r, k.get_untracked()) />
                                </div>
                            </details>
                        </Show>
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

/// Every persona on one line: its label, its size before → after and the key fact that
/// moved most.
#[component]
fn SummaryTable(rows: Signal<Vec<PersonaRefresh>>, k: usize) -> impl IntoView {
    let row = move |r: PersonaRefresh| {
        let size = r.size_moved;
        let after = r
            .size_after
            .map_or(format!("fewer than {k}"), |n| n.to_string());
        let biggest = r.biggest_change().map_or("—".to_string(), |f| {
            let after = f.after.unwrap_or_default();
            let way = crate::refresh::Direction::of(f.before, after, 1.0);
            format!(
                "{}: {} — {}% → {after}% {}",
                f.attribute,
                f.value,
                f.before,
                way.arrow()
            )
        });
        let label = r.drift.label();
        view! {
            <tr>
                <th scope="row">{r.name.clone()}</th>
                <td><span class=format!("badge drift-{label}")>{label}</span></td>
                <td>
                    {format!("{} → {after} ", r.size_before)}
                    <span aria-hidden="true">{size.arrow()}</span>
                    <span class="visually-hidden">{size.words()}</span>
                </td>
                <td>{biggest}</td>
            </tr>
        }
    };
    view! {
        <div class="refresh-summary-wrap">
            <table class="refresh-summary" aria-label="What the new wave says">
                <thead>
                    <tr>
                        <th scope="col">"Persona"</th>
                        <th scope="col">"Label"</th>
                        <th scope="col">"Respondents"</th>
                        <th scope="col">"Biggest change"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.id.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}
