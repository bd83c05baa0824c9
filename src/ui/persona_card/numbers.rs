//! A number question on a persona card: the median and interquartile range for the
//! persona beside everyone's, each with a small histogram.

use leptos::prelude::*;

use super::super::survey_overview::MiniChart;
use crate::columns::numbers::{bin_label, format_number};
use crate::columns::Bar;
use crate::personas::{Distribution, NumberTrait};

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
                    {histogram(&number, &number.segment)}
                    {segment}
                </td>
                <td>
                    {histogram(&number, &number.overall)}
                    {overall}
                </td>
            </tr>
        </tbody>
    }
}

/// A group's histogram as the column table draws one: a bar per bin, scaled to the
/// group's answers, a bin that may not be shown an empty outline.
fn histogram(number: &NumberTrait, distribution: &Distribution) -> impl IntoView {
    let bars: Vec<Bar> = distribution
        .bins
        .iter()
        .enumerate()
        .map(|(i, &count)| Bar {
            label: bin_label(&number.edges, i, number.whole),
            count,
        })
        .collect();
    view! { <MiniChart bars=bars respondents=distribution.n /> }
}
