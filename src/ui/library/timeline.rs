//! A measure over a persona's waves: a small line chart with the plan's starting wave
//! and target marked, and the figures in words beside it (for screen readers and for
//! anyone who prefers numbers). A wave that did not record the figure (fewer than k
//! behind it) is a gap, said so in the list.

use leptos::prelude::*;

use crate::follow_up::{series, Measure, Plan};
use crate::personas::Persona;

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 22.0;

/// The figure with its unit.
pub(super) fn shown(measure: &Measure, value: f64) -> String {
    if measure.is_percent() {
        format!("{value:.1} %")
    } else {
        format!("{value:.1}")
    }
}

/// The chart of `measure` over the persona's waves; `plan` marks its start and target.
#[component]
pub fn TimelineChart(
    persona: Persona,
    measure: Measure,
    #[prop(optional)] plan: Option<Plan>,
) -> impl IntoView {
    let line = series(&persona, &measure);
    let numbers: Vec<u32> = persona.waves.iter().map(|w| w.number).collect();
    let target = plan.as_ref().and_then(|p| p.target);
    let values = line.iter().filter_map(|(_, v)| *v).chain(target);
    let (mut low, mut high) =
        values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if low > high {
        (low, high) = (0.0, 1.0);
    }
    if measure.is_percent() {
        // Percents on their whole scale, so a small move does not look like a big one.
        (low, high) = (0.0, 100.0);
    }
    let span = (high - low).max(1e-9);
    let last = line.len().max(2) as f64 - 1.0;
    let x = |i: usize| PAD + i as f64 / last * (WIDTH - 2.0 * PAD);
    let y = |v: f64| HEIGHT - PAD - (v - low) / span * (HEIGHT - 1.6 * PAD);
    let points = line
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| v.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = line
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let label = format!("wave {}", numbers.get(i).copied().unwrap_or(0));
            let anchor = match i {
                0 => "start",
                _ if i + 1 == line.len() => "end",
                _ => "middle",
            };
            view! {
                {v.map(|v| view! { <circle class="timeline-point" cx=format!("{:.1}", x(i)) cy=format!("{:.1}", y(v)) r="3.5" /> })}
                <text class="timeline-tick" x=format!("{:.1}", x(i)) y=format!("{:.1}", HEIGHT - 4.0) text-anchor=anchor>
                    {label}
                </text>
            }
        })
        .collect_view();
    let target_line = target.map(|t| {
        view! {
            <line class="timeline-target" x1=PAD.to_string() x2=(WIDTH - PAD).to_string() y1=format!("{:.1}", y(t)) y2=format!("{:.1}", y(t)) />
            <text class="timeline-tick" x=(WIDTH - PAD).to_string() y=format!("{:.1}", y(t) - 4.0) text-anchor="end">"target"</text>
        }
    });
    let start = plan
        .as_ref()
        .and_then(|p| numbers.iter().rposition(|&n| n <= p.from_wave))
        .map(|i| {
            view! {
                <line class="timeline-start" x1=format!("{:.1}", x(i)) x2=format!("{:.1}", x(i)) y1=(PAD / 2.0).to_string() y2=(HEIGHT - PAD).to_string() />
                <text class="timeline-tick" x=format!("{:.1}", x(i) + 3.0) y=(PAD / 2.0 + 8.0).to_string()>"plan"</text>
            }
        });
    let words = line
        .iter()
        .zip(&numbers)
        .map(|((date, v), number)| {
            let figure = v.map_or(
                "not shown (fewer than the minimum group size)".to_string(),
                |v| shown(&measure, v),
            );
            view! { <li>{format!("Wave {number}, {date}: {figure}")}</li> }
        })
        .collect_view();
    let caption = match target {
        Some(t) => format!("{} — target {}", measure.label(), shown(&measure, t)),
        None => measure.label(),
    };
    view! {
        <figure class="timeline" aria-label=format!("Timeline: {}", measure.label())>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") width=WIDTH.to_string() height=HEIGHT.to_string() aria-hidden="true">
                {target_line}
                {start}
                <polyline class="timeline-line" points=points />
                {dots}
            </svg>
            <figcaption>
                <p>{caption}</p>
                <ul class="timeline-figures">{words}</ul>
            </figcaption>
        </figure>
    }
}
