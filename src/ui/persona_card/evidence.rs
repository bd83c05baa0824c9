//! The evidence behind a persona: its answers by persona section, this persona's share
//! beside all respondents', with the counts.

use leptos::prelude::*;

use super::numbers::number_rows;
use crate::columns::Role;
use crate::personas::{NumberTrait, Trait};

/// The bar width, in SVG units, that stands for 100 %.
const BAR_WIDTH: f64 = 100.0;

/// A table of a persona's traits and number questions, by section, under `caption`.
pub fn evidence_table(
    traits: &[Trait],
    numbers: &[NumberTrait],
    caption: &'static str,
) -> impl IntoView {
    let body = sections(traits, numbers)
        .into_iter()
        .map(|(title, groups, numbers)| {
            let groups = groups.into_iter().map(trait_group).collect_view();
            let numbers = numbers.iter().cloned().map(number_rows).collect_view();
            view! {
                <tbody class="trait-section">
                    <tr>
                        <th scope="rowgroup" colspan="4" class="section-title">{title}</th>
                    </tr>
                </tbody>
                {groups}
                {numbers}
            }
        })
        .collect_view();
    view! {
        <table class="traits">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Question"</th>
                    <th scope="col">"Answer"</th>
                    <th scope="col">"This persona"</th>
                    <th scope="col">"All respondents"</th>
                </tr>
            </thead>
            {body}
        </table>
    }
}

/// A persona section: its title, its traits by question, its number questions.
type Section = (&'static str, Vec<Vec<Trait>>, Vec<NumberTrait>);

/// Traits (by question, keeping their order) and number questions by persona section,
/// in section order.
fn sections(traits: &[Trait], numbers: &[NumberTrait]) -> Vec<Section> {
    let place = |role: Option<Role>| role.map_or((usize::MAX, "Answers"), Role::section);
    let mut sections: Vec<(usize, Section)> = Vec::new();
    let mut at = |(order, title): (usize, &'static str)| match sections
        .iter()
        .position(|(_, s)| s.0 == title)
    {
        Some(i) => i,
        None => {
            sections.push((order, (title, Vec::new(), Vec::new())));
            sections.len() - 1
        }
    };
    let traits: Vec<(usize, &Trait)> = traits.iter().map(|t| (at(place(t.role)), t)).collect();
    let numbers: Vec<(usize, &NumberTrait)> =
        numbers.iter().map(|n| (at(place(n.role)), n)).collect();
    for (i, t) in traits {
        let groups = &mut sections[i].1 .1;
        match groups.last_mut() {
            Some(group) if group[0].attribute == t.attribute => group.push(t.clone()),
            _ => groups.push(vec![t.clone()]),
        }
    }
    for (i, n) in numbers {
        sections[i].1 .2.push(n.clone());
    }
    sections.sort_by_key(|(order, _)| *order);
    sections.into_iter().map(|(_, s)| s).collect()
}

fn trait_group(group: Vec<Trait>) -> impl IntoView {
    let span = group.len().to_string();
    let rows = group
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let question = (i == 0).then(|| {
                view! { <th scope="rowgroup" rowspan=span.clone()>{t.attribute.clone()}</th> }
            });
            view! {
                <tr>
                    {question}
                    <td>
                        {t.value.clone()}
                        {t.distinctive.then(|| {
                            view! {
                                <span class="distinctive">
                                    {format!(" ×{:.1} vs all", t.lift())}
                                </span>
                            }
                        })}
                    </td>
                    <td>
                        <Bar pct=t.segment_pct class="bar-segment" />
                        {format!("{}% (n = {})", t.segment_pct, t.n)}
                    </td>
                    <td>
                        <Bar pct=t.overall_pct class="bar-overall" />
                        {format!("{}%", t.overall_pct)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! { <tbody>{rows}</tbody> }
}

/// A percentage bar drawn with SVG attributes (no inline styles, which the CSP forbids).
#[component]
pub fn Bar(pct: f64, class: &'static str) -> impl IntoView {
    let width = (pct.clamp(0.0, 100.0) / 100.0 * BAR_WIDTH).to_string();
    view! {
        <svg class="bar" viewBox="0 0 100 8" width="100" height="8" aria-hidden="true">
            <rect class="bar-track" x="0" y="0" width="100" height="8" />
            <rect class=class x="0" y="0" width=width height="8" />
        </svg>
    }
}
