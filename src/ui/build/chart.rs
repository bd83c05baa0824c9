//! Why this number of personas: for latent classes, BIC against the number of segments
//! tried, the lowest (or the one taken) marked, with the verdict in plain words.

use leptos::prelude::*;

use crate::pipeline::SegmentationReport;
use crate::segments::latent::{ClassCount, Verdict};

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 150.0;
const PAD: f64 = 28.0;

/// The chart of a latent class build, or nothing for other methods.
pub fn segmentation_chart(report: &SegmentationReport) -> Option<impl IntoView> {
    let one = report.one_class?;
    let points: Vec<ClassCount> = std::iter::once(one)
        .chain(report.candidates.iter().copied())
        .collect();
    if points.len() < 2 {
        return None;
    }
    let (low, high) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.bic), hi.max(p.bic))
    });
    let span = (high - low).max(1.0);
    let last = points.iter().map(|p| p.count).max().unwrap_or(1).max(2) as f64;
    let x = |count: usize| PAD + (count as f64 - 1.0) / (last - 1.0) * (WIDTH - 2.0 * PAD);
    let y = |bic: f64| PAD / 2.0 + (bic - low) / span * (HEIGHT - 1.5 * PAD);
    let line = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.count), y(p.bic)))
        .collect::<Vec<_>>()
        .join(" ");
    let chosen = report.fitted;
    let dots = points
        .iter()
        .map(|p| {
            let class = match (Some(p.count) == chosen, p.eligible) {
                (true, _) => "bic-chosen",
                (false, true) => "bic-point",
                (false, false) => "bic-ineligible",
            };
            let r = if Some(p.count) == chosen { "6" } else { "3.5" };
            view! {
                <circle class=class cx=format!("{:.1}", x(p.count)) cy=format!("{:.1}", y(p.bic)) r=r />
                <text class="bic-tick" x=format!("{:.1}", x(p.count)) y=format!("{:.1}", HEIGHT - 4.0) text-anchor="middle">
                    {p.count.to_string()}
                </text>
            }
        })
        .collect_view();
    let verdict = match (report.verdict, chosen) {
        (Verdict::NoClearSegments, _) | (_, None) => {
            format!("No clear segments: {}.", Verdict::NoClearSegments.explain())
        }
        (verdict, Some(n)) => format!("{n} personas: {}.", verdict.explain()),
    };
    let values = points
        .iter()
        .map(|p| {
            let note = if p.eligible { "" } else { " (a segment would be under the minimum group size)" };
            view! { <li>{format!("{}: BIC {:.0}, entropy {:.2}{note}", p.count, p.bic, p.entropy)}</li> }
        })
        .collect_view();
    let left_out = (!report.left_out.is_empty()).then(|| {
        view! { <p class="hint">{format!("Left out of the segments (Use for segments unticked): {}.", report.left_out.join("; "))}</p> }
    });
    Some(view! {
        <figure class="bic-chart" aria-label="BIC chart: why this many personas">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") width=WIDTH.to_string() height=HEIGHT.to_string() aria-hidden="true">
                <polyline class="bic-line" points=line />
                {dots}
            </svg>
            <figcaption>
                <p>{verdict}</p>
                <details>
                    <summary>"The figures (lower BIC is better)"</summary>
                    <ul>{values}</ul>
                </details>
                {left_out}
            </figcaption>
        </figure>
    })
}
