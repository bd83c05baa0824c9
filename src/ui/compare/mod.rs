//! Personas side by side: every listed answer as a row, strongest differences first,
//! each persona's share of it as a bar paired with all respondents' share. The persona
//! names stay in view while the table scrolls.

use leptos::prelude::*;

use crate::personas::Persona;

/// One answer compared across personas.
struct Row {
    question: String,
    answer: String,
    overall: f64,
    /// Each persona's share and count, where the answer is among its listed ones.
    shares: Vec<Option<(f64, usize)>>,
}

impl Row {
    /// How far the personas part on this answer: the widest gap between two personas'
    /// shares, or between one and everyone.
    fn spread(&self) -> f64 {
        let known: Vec<f64> = self.shares.iter().flatten().map(|(s, _)| *s).collect();
        let high = known.iter().copied().fold(self.overall, f64::max);
        let low = known.iter().copied().fold(self.overall, f64::min);
        high - low
    }
}

fn rows(personas: &[Persona]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for t in personas.iter().flat_map(|p| &p.traits) {
        if !rows
            .iter()
            .any(|r| r.question == t.attribute && r.answer == t.value)
        {
            let shares = personas
                .iter()
                .map(|p| {
                    p.traits
                        .iter()
                        .find(|u| u.attribute == t.attribute && u.value == t.value)
                        .map(|u| (u.segment_pct, u.n))
                })
                .collect();
            rows.push(Row {
                question: t.attribute.clone(),
                answer: t.value.clone(),
                overall: t.overall_pct,
                shares,
            });
        }
    }
    rows.sort_by(|a, b| b.spread().total_cmp(&a.spread()));
    rows
}

/// A persona's share beside everyone's, as two bars.
fn paired(share: f64, overall: f64) -> impl IntoView {
    let width = |pct: f64| (pct.clamp(0.0, 100.0)).to_string();
    view! {
        <svg class="paired" viewBox="0 0 100 12" width="100" height="12" aria-hidden="true">
            <rect class="bar-track" x="0" y="0" width="100" height="12" />
            <rect class="bar-segment" x="0" y="0" width=width(share) height="7" />
            <rect class="bar-overall" x="0" y="8" width=width(overall) height="4" />
        </svg>
    }
}

/// A comparison table of the given personas.
#[component]
pub fn CompareTable(personas: Vec<Persona>) -> impl IntoView {
    let header = personas
        .iter()
        .map(|p| view! { <th scope="col">{p.name.clone()}</th> })
        .collect_view();
    let body = rows(&personas)
        .into_iter()
        .map(|row| {
            let overall = row.overall;
            let cells = row
                .shares
                .iter()
                .map(|share| match share {
                    Some((pct, n)) => view! {
                        <td>
                            {paired(*pct, overall)}
                            {format!("{pct}% (n = {n})")}
                        </td>
                    }
                    .into_any(),
                    None => view! {
                        <td class="not-listed">"not among its listed answers"</td>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        {row.answer.clone()}
                        <span class="compare-question">{row.question.clone()}</span>
                    </th>
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
                    "Personas side by side: each persona's share giving the answer (upper bar) against all respondents' (lower bar), the answers that set them apart most first"
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
