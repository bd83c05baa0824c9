//! Personas side by side: every listed answer as a row, each persona's share of it in a
//! column, and all respondents' share last.

use leptos::prelude::*;

use crate::personas::Persona;

/// A comparison table of the given personas.
#[component]
pub fn CompareTable(personas: Vec<Persona>) -> impl IntoView {
    let mut rows: Vec<(String, String, f64)> = Vec::new();
    for t in personas.iter().flat_map(|p| &p.traits) {
        if !rows
            .iter()
            .any(|(a, v, _)| *a == t.attribute && *v == t.value)
        {
            rows.push((t.attribute.clone(), t.value.clone(), t.overall_pct));
        }
    }
    let header = personas
        .iter()
        .map(|p| view! { <th scope="col">{p.name.clone()}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|(attribute, value, overall)| {
            let cells = personas
                .iter()
                .map(|p| {
                    let shown = p
                        .traits
                        .iter()
                        .find(|t| t.attribute == attribute && t.value == value)
                        .map(|t| format!("{}% (n = {})", t.segment_pct, t.n))
                        .unwrap_or_else(|| "—".to_string());
                    view! { <td>{shown}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{format!("{attribute}: {value}")}</th>
                    {cells}
                    <td>{format!("{overall}%")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll compare" role="region" aria-label="Personas side by side" tabindex="0">
            <table>
                <caption>
                    "Personas side by side (share of each persona giving the answer; — where it is not among the persona's listed answers)"
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Answer"</th>
                        {header}
                        <th scope="col">"All respondents"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
