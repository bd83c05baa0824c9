//! One row of the column table: kind, answered, distinct answers, the answers that may
//! be listed, and a small chart of them with the missing-answer share.

use leptos::prelude::*;

use crate::columns::{
    histogram, shown_answers, Bar, ColumnKind, ColumnSummary, Part, Role, CHOSEN_KINDS,
};
use crate::privacy::disclosure::{answered_label, missing_label};
use crate::segments::can_shape_segments;
use crate::ui::choice_select::ChoiceSelect;
use crate::ui::stores::SurveyStore;

/// Chart size in SVG units.
const CHART_WIDTH: f64 = 120.0;
const CHART_HEIGHT: f64 = 28.0;

/// A table row describing one column.
pub fn column_row(
    summary: &ColumnSummary,
    respondents: usize,
    k: usize,
    (chosen_kind, used_for_segments): (bool, bool),
) -> impl IntoView {
    let answers = shown_answers(summary, respondents, k);
    let listing_kind = matches!(
        summary.kind,
        ColumnKind::Categorical | ColumnKind::Scale | ColumnKind::MultiSelect
    );
    let text = match (listing_kind, answers.is_empty()) {
        (false, _) => "—".to_string(),
        (true, true) => "— (groups too small to list)".to_string(),
        (true, false) => answers
            .iter()
            .map(|b| format!("{} ({})", b.label, b.count.unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("; "),
    };
    let bars = if summary.kind == ColumnKind::Numeric {
        histogram(summary, respondents, k)
    } else {
        answers
    };
    // A grid's rows sit under its stem (shown once, above them): each row shows its
    // own words, the stem kept for screen readers.
    let heading = match &summary.part {
        Some(Part::GridRow { stem, row }) => view! {
            <th scope="row" class="grid-row">
                <span class="visually-hidden">{format!("{stem} ")}</span>
                {row.clone()}
            </th>
        }
        .into_any(),
        Some(Part::OtherText { question }) => view! {
            <th scope="row">
                {summary.name.clone()}
                <span class="column-part">{format!("text typed for “Other” in “{question}”")}</span>
            </th>
        }
        .into_any(),
        None => view! { <th scope="row">{summary.name.clone()}</th> }.into_any(),
    };
    view! {
        <tr>
            {heading}
            <td>
                <KindSelect column=summary.name.clone() kind=summary.kind chosen=chosen_kind />
            </td>
            <td>{answered_label(summary.answered, respondents, k)}</td>
            <td>{summary.distinct()}</td>
            <td>{text}</td>
            <td>
                <RoleSelect column=summary.name.clone() role=summary.role />
                {can_shape_segments(summary).then(|| view! {
                    <UseForSegments column=summary.name.clone() used=used_for_segments />
                })}
            </td>
            <td class="chart">
                <MiniChart bars=bars respondents=respondents />
                <span class="missing">{missing_label(summary.answered, respondents, k)}</span>
            </td>
        </tr>
    }
}

/// The column's kind, which the user may change when the one worked out is wrong; the
/// choice is remembered for this survey layout. Multi-select and empty columns keep theirs.
/// The select shows the kind in force until the worker accepts the new one (it may
/// refuse it); the reply then selects it.
#[component]
fn KindSelect(column: String, kind: ColumnKind, chosen: bool) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    if !CHOSEN_KINDS.contains(&kind) && !chosen {
        return view! { <span>{kind.label()}</span> }.into_any();
    }
    let label = format!("Kind of “{column}”");
    // `None` goes back to the kind worked out from the answers.
    let mut options: Vec<(Option<ColumnKind>, String)> = CHOSEN_KINDS
        .into_iter()
        .map(|k| {
            let text = if k == kind && !chosen {
                format!("{} (as read)", k.label())
            } else {
                k.label().to_string()
            };
            (Some(k), text)
        })
        .collect();
    if chosen {
        options.push((None, "as read from the answers".to_string()));
    }
    let choose = Callback::new(move |picked: Option<ColumnKind>| {
        survey.set_kind(column.clone(), picked);
    });
    view! { <ChoiceSelect options selected=Some(kind) on_choose=choose label /> }.into_any()
}

/// Whether the question shapes segments found across the questions (**Use for
/// segments**); it still describes the personas either way.
#[component]
fn UseForSegments(column: String, used: bool) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let hidden = format!(" “{column}”");
    view! {
        <label class="checkbox use-for-segments">
            <input
                type="checkbox"
                prop:checked=used
                on:change=move |ev| survey.set_use_for_segments(column.clone(), event_target_checked(&ev))
            />
            "Use for segments"
            <span class="visually-hidden">{hidden}</span>
        </label>
    }
}

/// The column's role for personas; the choice is remembered for this survey layout.
#[component]
fn RoleSelect(column: String, role: Role) -> impl IntoView {
    let survey = expect_context::<SurveyStore>();
    let label = format!("Role of “{column}”");
    let options = Role::ALL
        .into_iter()
        .map(|r| (r, r.label().to_string()))
        .collect();
    let choose = Callback::new(move |picked: Role| survey.set_role(column.clone(), picked));
    view! { <ChoiceSelect options selected=role on_choose=choose label /> }
}

/// Bars scaled to the share of respondents; a bar whose count may not be shown is an
/// empty outline. The numbers are in the row's text, so the chart is hidden from
/// screen readers.
#[component]
pub(in crate::ui) fn MiniChart(bars: Vec<Bar>, respondents: usize) -> impl IntoView {
    let slot = CHART_WIDTH / bars.len().max(1) as f64;
    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let share = bar.count.map_or(1.0, |c| c as f64 / respondents.max(1) as f64);
            let height = (share * CHART_HEIGHT).max(1.0);
            let class = if bar.count.is_some() { "bar-shown" } else { "bar-hidden" };
            view! {
                <rect
                    class=class
                    x=(i as f64 * slot + 1.0).to_string()
                    y=(CHART_HEIGHT - height).to_string()
                    width=(slot - 2.0).max(1.0).to_string()
                    height=height.to_string()
                >
                    <title>{format!("{}: {}", bar.label, bar.count.map_or("under the minimum group size".to_string(), |c| c.to_string()))}</title>
                </rect>
            }
        })
        .collect_view();
    (!bars.is_empty()).then(|| {
        view! {
            <svg
                class="mini-chart"
                viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}")
                width=CHART_WIDTH.to_string()
                height=CHART_HEIGHT.to_string()
                aria-hidden="true"
            >
                {rects}
            </svg>
        }
    })
}

/// The column table's rows, a grid's rows as one block under its stem.
pub fn column_rows(
    summaries: &[ColumnSummary],
    respondents: usize,
    k: usize,
    chosen: impl Fn(&ColumnSummary) -> (bool, bool),
) -> impl IntoView {
    let stem_of = |s: &ColumnSummary| match &s.part {
        Some(Part::GridRow { stem, .. }) => Some(stem.clone()),
        _ => None,
    };
    let mut blocks: Vec<(Option<String>, Vec<&ColumnSummary>)> = Vec::new();
    for summary in summaries {
        let stem = stem_of(summary);
        match blocks.last_mut() {
            Some((last, rows)) if stem.is_some() && *last == stem => rows.push(summary),
            _ => blocks.push((stem, vec![summary])),
        }
    }
    blocks
        .into_iter()
        .map(|(stem, rows)| {
            let title = stem.map(|stem| {
                view! {
                    <tr class="grid-stem">
                        <th scope="rowgroup" colspan="7">{format!("Grid: {stem}")}</th>
                    </tr>
                }
            });
            let rows = rows
                .into_iter()
                .map(|s| column_row(s, respondents, k, chosen(s)))
                .collect_view();
            view! { <tbody>{title}{rows}</tbody> }
        })
        .collect_view()
}
