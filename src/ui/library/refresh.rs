//! Refreshing the library from a new survey wave: choose the next export of the same
//! survey; it is read (the remembered roles and kinds apply themselves) and compared
//! with the saved personas. Each persona's changes are accepted one by one; the version
//! before stays in its history.

use leptos::prelude::*;

use crate::browser::{clock, files};
use crate::personas::Persona;
use crate::privacy::MIN_GROUP_SIZE;
use crate::refresh::{Drift, PersonaRefresh};
use crate::ui::persona_card::PersonaCard;
use crate::ui::state::AppState;

#[component]
pub fn RefreshPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(file) = files::take_from_input(&ev) {
            state.refresh_from(file);
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
            {move || state.refresh.get().map(|report| {
                let fits_none = match report.fits_none {
                    Some(n) => format!("{n} of {} respondents fit no saved persona.", report.respondents),
                    None => format!("Fewer than {MIN_GROUP_SIZE} respondents fit no saved persona."),
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
                                each=move || state.refresh.with(|r| r.as_ref().map(|r| r.personas.clone()).unwrap_or_default())
                                key=|r| r.id.clone()
                                children=change
                            />
                        </div>
                        {has_proposals.then(|| view! {
                            <h4>"Proposed new personas (respondents who fit none)"</h4>
                            <div class="persona-grid">{proposals}</div>
                        })}
                        <button type="button" on:click=move |_| state.refresh.set(None)>"Close the comparison"</button>
                    </div>
                }
            })}
        </section>
    }
}

/// One saved persona, before and after, with its label and the choice to accept.
fn change(r: PersonaRefresh) -> impl IntoView {
    let state = expect_context::<AppState>();
    let size_after = r
        .size_after
        .map_or(format!("fewer than {MIN_GROUP_SIZE}"), |n| n.to_string());
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
        let (id, name, refreshed) = (id.clone(), name.clone(), r.refreshed.clone());
        move |_| accept(state, &id, &name, refreshed.clone(), r.drift)
    };
    let dismiss = {
        let id = id.clone();
        move |_| settled(state, &id)
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

fn accept(state: AppState, id: &str, name: &str, refreshed: Option<Persona>, drift: Drift) {
    let (who, now) = (state.who(), clock::now());
    let outcome = match refreshed {
        Some(next) => state.try_change_library(format!("refresh of “{name}”"), |l| {
            l.update(
                next,
                &who,
                now,
                &format!("refreshed from a new wave ({})", drift.label()),
            )
        }),
        None => state
            .change_library(format!("removal of “{name}”"), |l| l.remove(id))
            .map(|_| ()),
    };
    match outcome {
        Ok(()) => {
            settled(state, id);
            state.inform(if drift == Drift::Gone {
                format!("Removed “{name}”; Undo brings it back.")
            } else {
                format!("Updated “{name}” with the new wave's figures; the earlier version is in its history.")
            });
        }
        Err(e) => state.fail(e),
    }
}

/// Takes a persona whose change was accepted or declined off the comparison.
fn settled(state: AppState, id: &str) {
    state.refresh.update(|r| {
        if let Some(r) = r {
            r.personas.retain(|p| p.id != id);
        }
    });
}

/// A new persona proposed for respondents who fit none, with Add.
fn proposal(p: Persona) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = p.name.clone();
    let add = {
        let p = p.clone();
        move |_| {
            let (who, now) = (state.who(), clock::now());
            let name = p.name.clone();
            match state.change_library(format!("adding “{name}”"), |l| {
                l.save(std::slice::from_ref(&p), &who, now)
            }) {
                Ok(_) => state.inform(format!("Added “{name}” to the library.")),
                Err(e) => state.fail(e),
            }
        }
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
