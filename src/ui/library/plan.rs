//! A saved persona's plan: each recommended action can be adopted (**Add to plan**), or
//! staff write their own; each plan item has an **Owner**, a **Status**, a **Due** date
//! and the figure it should move with a **Target**, its progress judged at each new
//! wave, and its measure's timeline. Every change is one library edit.

use super::editor::parse_date;
use super::timeline::{shown, TimelineChart};
use crate::follow_up::{judge, tracked_measures, Measure, Plan, PlanStatus, Progress};
use crate::personas::Persona;
use crate::ui::choice_select::ChoiceSelect;
use crate::ui::stores::{LibraryStore, Notices};
use leptos::prelude::*;

/// Most timelines shown beside the plan (its measures first).
const TIMELINES_SHOWN: usize = 6;

#[component]
pub fn PlanSection(id: String) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let notices = expect_context::<Notices>();
    let id = StoredValue::new(id);
    let persona = Memo::new(move |_| library.with(|l| l.get(&id.get_value()).cloned()));
    let own_action = RwSignal::new(String::new());
    let add_own = move |_| {
        let text = own_action.get_untracked().trim().to_string();
        if text.is_empty() {
            notices.fail("Write the action first.");
            return;
        }
        library.adopt(&id.get_value(), &text, "");
        own_action.set(String::new());
    };
    let body = move |p: Persona| {
        let name = p.name.clone();
        let offered = p
            .actions
            .iter()
            .filter(|a| p.plans.iter().all(|plan| plan.action != a.text))
            .map(|a| {
                let (text, why) = (a.text.clone(), a.evidence.clone());
                let shown = text.clone();
                view! {
                    <li>
                        <span>{shown}</span>
                        " "
                        <button type="button" class="small" on:click=move |_| library.adopt(&id.get_value(), &text, &why)>
                            "Add to plan"
                        </button>
                    </li>
                }
            })
            .collect_view();
        let items = p
            .plans
            .iter()
            .map(|plan| view! { <PlanItem persona=p.clone() plan=plan.clone() /> })
            .collect_view();
        let has_plans = !p.plans.is_empty();
        let timelines = (p.waves.len() >= 2).then(|| {
            let charts = tracked_measures(&p)
                .into_iter()
                .chain(std::iter::once(Measure::Share))
                .take(TIMELINES_SHOWN)
                .map(|m| view! { <TimelineChart persona=p.clone() measure=m /> })
                .collect_view();
            view! {
                <details class="timelines no-print">
                    <summary>{format!("Its figures over {} waves", p.waves.len())}</summary>
                    <div class="timeline-grid">{charts}</div>
                </details>
            }
        });
        view! {
            <section class="persona-plan" class:no-plan=!has_plans aria-label=format!("Plan for “{name}”")>
                <h4>"Plan"</h4>
                {(!has_plans).then(|| view! { <p class="hint">"Nothing adopted yet: add a recommended action, or write your own."</p> })}
                <div class="plan-items">{items}</div>
                <ul class="plan-offers no-print" aria-label="Recommended actions">{offered}</ul>
                <div class="plan-own no-print">
                    <label class="field">
                        "Your own action"
                        <input type="text" bind:value=own_action />
                    </label>
                    <button type="button" on:click=add_own>"Add this action"</button>
                </div>
                {timelines}
            </section>
        }
    };
    view! { {move || persona.get().map(body)} }
}

/// One plan item with its fields, its progress and its measure's timeline.
#[component]
fn PlanItem(persona: Persona, plan: Plan) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let notices = expect_context::<Notices>();
    let ids = StoredValue::new((persona.id.clone(), plan.id.clone()));
    let edit = move |change: Box<dyn FnOnce(&mut Plan)>| {
        let (id, plan_id) = ids.get_value();
        library.edit_plan(&id, &plan_id, change);
    };
    let field_id = format!("plan-{}-{}", persona.id, plan.id);
    let status_options: Vec<(PlanStatus, String)> = PlanStatus::ALL
        .iter()
        .map(|s| (*s, s.label().to_string()))
        .collect();
    let mut measures: Vec<(Option<Measure>, String)> = vec![(None, "No figure".to_string())];
    measures.extend(Measure::offered(&persona).into_iter().map(|m| {
        let label = m.label();
        (Some(m), label)
    }));
    if let Some(m) = plan
        .measure
        .as_ref()
        .filter(|m| !measures.iter().any(|(o, _)| o.as_ref() == Some(*m)))
    {
        measures.push((Some(m.clone()), m.label()));
    }
    let now = plan.measure.as_ref().and_then(|m| m.current(&persona));
    let m_now = plan.measure.clone().unwrap_or(Measure::Share);
    let unit = match &plan.measure {
        Some(m) if m.is_percent() => " (%)",
        _ => "",
    };
    let progress = judge(&plan, &persona);
    let verdict_class = match &progress {
        Progress::Judged(j) => format!(
            "plan-progress verdict-{}",
            j.verdict.label().to_lowercase().replace(' ', "-")
        ),
        _ => "plan-progress".to_string(),
    };
    let progress = match progress {
        Progress::NotMeasured => "Choose a figure and a target to see whether it works.".to_string(),
        Progress::AwaitingWave => "Judged at the next survey wave.".to_string(),
        Progress::NotShown => "The figure is not shown at one of the waves (fewer than the minimum group size), so it cannot be judged.".to_string(),
        Progress::Judged(j) => j.describe(),
    };
    let chart = plan
        .measure
        .clone()
        .filter(|_| !persona.waves.is_empty())
        .map(|m| {
            view! { <TimelineChart persona=persona.clone() measure=m plan=plan.clone() /> }
        });
    let due = plan.due.map(|d| d.to_string()).unwrap_or_default();
    let target = plan.target.map(|t| t.to_string()).unwrap_or_default();
    let (status, measure) = (plan.status, plan.measure.clone());
    let printed = format!(
        "{} — {}{}{}",
        plan.status.label(),
        if plan.owner.is_empty() {
            "no owner yet".to_string()
        } else {
            plan.owner.clone()
        },
        plan.due.map(|d| format!(", due {d}")).unwrap_or_default(),
        plan.target
            .zip(plan.measure.as_ref())
            .map(|(t, m)| format!("; target {t} for {}", m.label()))
            .unwrap_or_default(),
    );
    view! {
        <fieldset class="plan-item">
            <legend>{plan.action.clone()}</legend>
            <p class="print-only">{printed}</p>
            <div class="plan-fields no-print">
                <label class="field">
                    "Owner"
                    <input type="text" prop:value=plan.owner.clone() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |p| p.owner = v.trim().to_string()))
                    } />
                </label>
                <label class="field">
                    "Status"
                    <ChoiceSelect id=format!("{field_id}-status") options=status_options selected=Signal::derive(move || status)
                        on_choose=move |s| edit(Box::new(move |p| p.status = s)) />
                </label>
                <label class="field">
                    "Due"
                    <input type="date" prop:value=due on:change=move |ev| {
                        let text = event_target_value(&ev);
                        match parse_date(&text) {
                            Some(d) => edit(Box::new(move |p| p.due = Some(d))),
                            None if text.is_empty() => edit(Box::new(|p| p.due = None)),
                            None => notices.fail("Give the due date as a full date."),
                        }
                    } />
                </label>
                <label class="field wide">
                    "Figure it should move"
                    <ChoiceSelect id=format!("{field_id}-measure") options=measures selected=Signal::derive(move || measure.clone())
                        on_choose=move |m| edit(Box::new(move |p| p.measure = m)) />
                </label>
                <label class="field">
                    {format!("Target{unit}")}
                    <input type="number" step="any" prop:value=target on:change=move |ev| {
                        let text = event_target_value(&ev);
                        match text.trim().parse::<f64>() {
                            Ok(t) if t.is_finite() => edit(Box::new(move |p| p.target = Some(t))),
                            _ if text.trim().is_empty() => edit(Box::new(|p| p.target = None)),
                            _ => notices.fail("Give the target as a number."),
                        }
                    } />
                </label>
            </div>
            {now.map(|v| view! { <p class="hint">{format!("Now: {}", shown(&m_now, v))}</p> })}
            <p class=verdict_class>{progress}</p>
            {chart}
            <button type="button" class="small danger no-print" on:click=move |_| {
                let (id, plan_id) = ids.get_value();
                library.remove_plan(&id, &plan_id)
            }>
                "Remove from plan"
            </button>
        </fieldset>
    }
}
