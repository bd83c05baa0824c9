//! The review summary: each persona reviewed in the last quarter (so every review of
//! this session), its decision, note and next date, and its open plan items — on one
//! printed page with nothing else on it.

use crate::wording::counted;
use leptos::prelude::*;
use time::Date;

use crate::follow_up::Plan;
use crate::ui::stores::LibraryStore;

#[component]
pub fn ReviewSummary(today: Date) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let rows = move || {
        library.with(|l| {
            l.reviewed_lately(today)
                .into_iter()
                .map(|(p, r)| {
                    let by = if r.by.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" by {}", r.by)
                    };
                    let plans = plan_list(p.plans.iter().filter(|plan| plan.status.is_open()));
                    view! {
                        <tr>
                            <th scope="row" data-label="Persona">{p.name.clone()}</th>
                            <td data-label="Reviewed"><span class="day">{r.date.to_string()}</span>{by}</td>
                            <td data-label="Decision">{r.decision.label()}</td>
                            <td data-label="Note" class="summary-note">{r.note.clone()}</td>
                            <td data-label="Next review">{r.next_due.to_string()}</td>
                            <td data-label="Open plans">{plans}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let count = move || library.with(|l| l.reviewed_lately(today).len());
    view! {
        <section class="review-summary" aria-labelledby="review-summary-heading">
            <h2 id="review-summary-heading">"Review summary"</h2>
            <p class="summary-line">
                {move || format!(
                    "{} reviewed in the last quarter, as of {today}: each one's latest review and its open plans.",
                    counted(count(), "persona")
                )}
            </p>
            <button type="button" class="no-print" on:click=move |_| {
                let _ = window().print();
            }>"Print the review summary"</button>
            <Show
                when=move || { count() > 0 }
                fallback=|| view! { <p class="hint">"No review recorded in the last quarter yet."</p> }
            >
                <table class="summary-table">
                    <thead>
                        <tr>
                            <th scope="col">"Persona"</th>
                            <th scope="col">"Reviewed"</th>
                            <th scope="col">"Decision"</th>
                            <th scope="col">"Note"</th>
                            <th scope="col">"Next review"</th>
                            <th scope="col">"Open plans"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}

/// Open plan items as "action — owner · status · due".
fn plan_list<'a>(plans: impl Iterator<Item = &'a Plan>) -> AnyView {
    let items: Vec<_> = plans
        .map(|plan| {
            let mut facts = Vec::new();
            if !plan.owner.trim().is_empty() {
                facts.push(plan.owner.clone());
            }
            facts.push(plan.status.label().to_string());
            if let Some(due) = plan.due {
                facts.push(format!("due {due}"));
            }
            view! { <li>{plan.action.clone()} <span class="plan-facts">{format!(" — {}", facts.join(" · "))}</span></li> }
        })
        .collect();
    if items.is_empty() {
        view! { <span class="hint">"None"</span> }.into_any()
    } else {
        view! { <ul class="summary-plans">{items}</ul> }.into_any()
    }
}
