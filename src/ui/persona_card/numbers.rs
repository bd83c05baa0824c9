//! A number question on a persona card: the median and interquartile range for the
//! persona beside everyone's, each with a small histogram.

use leptos::prelude::*;

use crate::columns::numbers::{bin_label, format_number};
use crate::personas::{Distribution, NumberTrait};

/// Histogram size in SVG units.
const WIDTH: f64 = 100.0;
const HEIGHT: f64 = 24.0;

/// "median 2 (IQR 1–4)", as much of it as may be shown.
fn spread(distribution: &Distribution) -> String {
    match (distribution.median, distribution.q1, distribution.q3) {
        (Some(m), Some(q1), Some(q3)) => format!(
            "median {} (IQR {}–{})",
            format_number(m),
            format_number(q1),
            format_number(q3)
        ),
        (Some(m), _, _) => format!("median {}", format_number(m)),
        _ => "too few answers to show a median".to_string(),
    }
}

/// The rows of one number question in the persona's traits table.
pub fn number_rows(number: NumberTrait) -> impl IntoView {
    let distinctive = number.distinctive.then(|| {
        let text = match (number.segment.median, number.overall.median) {
            (Some(a), Some(b)) if a > b => " higher than all",
            (Some(a), Some(b)) if a < b => " lower than all",
            _ => " unlike all",
        };
        view! { <span class="distinctive">{text}</span> }
    });
    let segment = format!("{} (n = {})", spread(&number.segment), number.segment.n);
    let overall = spread(&number.overall);
    view! {
        <tbody>
            <tr>
                <th scope="rowgroup">{number.attribute.clone()}</th>
                <td>"Number" {distinctive}</td>
                <td>
                    <Histogram number=number.clone() segment=true />
                    {segment}
                </td>
                <td>
                    <Histogram number=number segment=false />
                    {overall}
                </td>
            </tr>
        </tbody>
    }
}

/// Bars for the bins whose counts may be shown, the fullest bin full height; a bin that
/// may not be shown is an empty outline. Labels are in each bar's title.
#[component]
fn Histogram(number: NumberTrait, segment: bool) -> impl IntoView {
    let distribution = if segment {
        &number.segment
    } else {
        &number.overall
    };
    let bins = distribution.bins.clone();
    let fullest = bins.iter().flatten().copied().max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / bins.len().max(1) as f64;
    let rects = bins
        .iter()
        .enumerate()
        .map(|(i, count)| {
            let height = count.map_or(HEIGHT, |c| (c as f64 / fullest * HEIGHT).max(1.0));
            let label = bin_label(&number.edges, i, number.whole);
            let title = match count {
                Some(c) => format!("{label}: {c}"),
                None => format!("{label}: under the minimum group size"),
            };
            view! {
                <rect
                    class=if count.is_some() { "bar-shown" } else { "bar-hidden" }
                    x=(i as f64 * slot + 0.5).to_string()
                    y=(HEIGHT - height).to_string()
                    width=(slot - 1.0).max(0.5).to_string()
                    height=height.to_string()
                >
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    (!bins.is_empty()).then(|| {
        view! {
            <svg
                class="histogram"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                width=WIDTH.to_string()
                height=HEIGHT.to_string()
                aria-hidden="true"
            >
                {rects}
            </svg>
        }
    })
}
