//! A persona's version history: who changed what and when, each change shown field by
//! field (before → after); **Restore** says first which fields it will change, and any
//! one field can be taken back on its own.

use leptos::prelude::*;

use crate::library::Version;
use crate::personas::{Field, FieldChange};
use crate::ui::stores::LibraryStore;

#[component]
pub fn HistoryList(id: String) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let id = StoredValue::new(id);
    let versions = move || library.with(|l| l.history(&id.get_value()).to_vec());
    view! {
        <section class="history no-print" aria-label="Version history">
            <h4>"Version history"</h4>
            {move || {
                let versions = versions();
                if versions.is_empty() {
                    return view! { <p class="hint">"No earlier versions yet."</p> }.into_any();
                }
                let rows = versions
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| version_entry(id.get_value(), i, v))
                    .collect_view();
                view! { <ol class="versions">{rows}</ol> }.into_any()
            }}
        </section>
    }
}

/// One earlier version: the change that replaced it, its diff and the ways to restore.
fn version_entry(id: String, index: usize, v: Version) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let when = format!(
        "{} {:02}:{:02} UTC",
        v.at.date(),
        v.at.hour(),
        v.at.minute()
    );
    let by = if v.by.is_empty() {
        "someone on this device".to_string()
    } else {
        v.by.clone()
    };
    let (diff, would_change) =
        library.with_untracked(|l| (l.version_diff(&id, index), l.restore_changes(&id, index)));
    let confirming = RwSignal::new(false);
    let id = StoredValue::new(id);
    let restore_all = move |_| {
        confirming.set(false);
        library.restore(&id.get_value(), index);
    };
    let what = if would_change.is_empty() {
        "It is the same as the persona now.".to_string()
    } else {
        format!(
            "Restoring it changes: {}.",
            crate::library::labels(&would_change)
        )
    };
    let can_restore = !would_change.is_empty();
    let rows = diff
        .into_iter()
        .map(|change| diff_row(change, would_change.clone(), id, index, when.clone()))
        .collect_view();
    let when_hidden = when.clone();
    view! {
        <li class="version">
            <p>{format!("{when} · {by} · {}", v.change)}</p>
            <table class="version-diff">
                <caption class="visually-hidden">{format!("What the change of {when} did")}</caption>
                <thead><tr>
                    <th scope="col">"Field"</th>
                    <th scope="col">"Before"</th>
                    <th scope="col">"After"</th>
                    <th scope="col"><span class="visually-hidden">"Restore"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {can_restore.then(|| view! {
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" on:click=move |_| confirming.set(true)>
                            "Restore"
                            <span class="visually-hidden">{format!(" the version from before {when_hidden}")}</span>
                        </button>
                    }
                >
                    <div class="confirm-restore" role="group" aria-label="Restore this version">
                        <p>{what.clone()}</p>
                        <button type="button" class="primary" on:click=restore_all>"Restore all of them"</button>
                        <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </Show>
            })}
        </li>
    }
}

/// One changed field, before → after, with Restore for that field alone when the
/// persona now differs from the version in it.
fn diff_row(
    change: FieldChange,
    would_change: Vec<Field>,
    id: StoredValue<String>,
    index: usize,
    when: String,
) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let field = change.field;
    let restorable = would_change.contains(&field);
    view! {
        <tr>
            <th scope="row">{field.label()}</th>
            <td>{change.before}</td>
            <td>{change.after}</td>
            <td>
                {restorable.then(|| view! {
                    <button type="button" on:click=move |_| library.restore_field(&id.get_value(), index, field)>
                        {format!("Restore the {} only", field.label())}
                        <span class="visually-hidden">{format!(" from before {when}")}</span>
                    </button>
                })}
            </td>
        </tr>
    }
}
