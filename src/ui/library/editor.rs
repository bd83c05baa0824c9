//! Editing a saved persona in place. Each field is saved when it changes (on leaving it),
//! checked by the same rules as an import; the version before goes into its history and
//! Undo takes the change back.

use leptos::prelude::*;
use time::Date;

use crate::browser::clock;
use crate::columns::Role;
use crate::personas::{parse_tags, Action, Note, Persona};
use crate::ui::stores::{LibraryStore, Notices};

/// The sections a trait can be shown in (roles that describe respondents).
const SECTIONS: [Role; 8] = [
    Role::Demographic,
    Role::Condition,
    Role::Behaviour,
    Role::Motivation,
    Role::Barrier,
    Role::ChannelPreference,
    Role::Experience,
    Role::Record,
];

#[component]
pub fn PersonaEditor(id: String, done: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let (library, notices) = (
        expect_context::<LibraryStore>(),
        expect_context::<Notices>(),
    );
    let Some(p) = library.with_untracked(|l| l.get(&id).cloned()) else {
        return view! { <p class="hint">"This persona is no longer in the library."</p> }
            .into_any();
    };
    let id = StoredValue::new(id);
    let current = move || library.with(|l| l.get(&id.get_value()).cloned());
    let field = move |label: &str, value: String, set: fn(&mut Persona, String)| {
        text_input(library, id, label.to_string(), value, set)
    };
    let heading = format!("Editing “{}”", p.name);
    let note_text = RwSignal::new(String::new());
    let add_note = move |_| {
        let text = note_text.get_untracked().trim().to_string();
        if text.is_empty() {
            notices.fail("Write the note first.");
            return;
        }
        let note = Note {
            date: clock::now().date(),
            author: library.who(),
            text,
        };
        library.edit(&id.get_value(), |p| p.notes.push(note));
        note_text.set(String::new());
    };

    view! {
        <section class="persona-editor" aria-label=heading.clone()>
            <h3>{heading.clone()}</h3>
            <p class="hint">"Each change is saved when you leave the field."</p>
            {field("Name", p.name.clone(), |p, v| p.name = v.trim().to_string())}
            <label class="field">
                "Summary"
                <textarea
                    rows="5"
                    prop:value=p.summary.clone()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        library.edit(&id.get_value(), |p| p.summary = v)
                    }
                ></textarea>
            </label>
            {field("Owner", p.owner.clone(), |p, v| p.owner = v.trim().to_string())}
            {field("Tags (separated by commas)", p.tags.join(", "), |p, v| p.tags = parse_tags(&v))}
            <label class="field">
                "Review due"
                <input
                    type="date"
                    prop:value=p.review_due.to_string()
                    on:change=move |ev| match parse_date(&event_target_value(&ev)) {
                        Some(date) => library.edit(&id.get_value(), |p| p.review_due = date),
                        None => notices.fail("Give the review date as a full date."),
                    }
                />
            </label>

            <h4>"Answers, by section"</h4>
            <ul class="edit-list">
                <For
                    each=move || current().map(|p| p.traits).unwrap_or_default()
                    key=|t| (t.attribute.clone(), t.value.clone())
                    children=move |t| {
                        let what = format!("{}: {}", t.attribute, t.value);
                        let (attribute, value) = (t.attribute.clone(), t.value.clone());
                        let same = move |p: &Persona, i: usize| {
                            p.traits[i].attribute == attribute && p.traits[i].value == value
                        };
                        let same2 = same.clone();
                        view! {
                            <li>
                                <span>{format!("{what} ({}%)", t.segment_pct)}</span>
                                <select
                                    aria-label=format!("Section of “{what}”")
                                    on:change=move |ev| {
                                        let chosen = event_target_value(&ev);
                                        let role = SECTIONS.into_iter().find(|r| r.section().1 == chosen);
                                        let same = same.clone();
                                        library.edit(&id.get_value(), move |p| {
                                            if let Some(i) = (0..p.traits.len()).find(|&i| same(p, i)) {
                                                p.traits[i].role = role;
                                            }
                                        })
                                    }
                                >
                                    {SECTIONS
                                        .into_iter()
                                        .map(|r| {
                                            view! {
                                                <option value=r.section().1 selected=t.role == Some(r)>
                                                    {r.section().1}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        let same = same2.clone();
                                        library.edit(&id.get_value(), move |p| {
                                            if let Some(i) = (0..p.traits.len()).find(|&i| same(p, i)) {
                                                p.traits.remove(i);
                                            }
                                        })
                                    }
                                >
                                    "Remove"
                                    <span class="visually-hidden">{format!(" “{what}”")}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>

            <h4>"Actions"</h4>
            <ul class="edit-list">
                <For
                    each=move || {
                        current().map(|p| p.actions.into_iter().enumerate().collect::<Vec<_>>()).unwrap_or_default()
                    }
                    key=|(i, a)| (*i, a.text.clone(), a.evidence.clone())
                    children=move |(i, a)| {
                        view! {
                            <li class="edit-action">
                                {action_input(library, id, i, format!("Action {}", i + 1), a.text.clone(), |a, v| a.text = v)}
                                {action_input(library, id, i, format!("Why (action {})", i + 1), a.evidence.clone(), |a, v| a.evidence = v)}
                                <button
                                    type="button"
                                    on:click=move |_| library.edit(&id.get_value(), |p| {
                                        if i < p.actions.len() { p.actions.remove(i); }
                                    })
                                >
                                    {format!("Remove action {}", i + 1)}
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <button
                type="button"
                on:click=move |_| library.edit(&id.get_value(), |p| {
                    p.actions.push(Action { text: "New action".into(), evidence: String::new() })
                })
            >
                "Add an action"
            </button>

            {move || {
                let quotes = current().map(|p| p.quotes).unwrap_or_default();
                (!quotes.is_empty()).then(|| {
                    let items = quotes
                        .into_iter()
                        .enumerate()
                        .map(|(i, q)| view! {
                            <li>
                                <span>{q.text}</span>
                                <button type="button" on:click=move |_| library.edit(&id.get_value(), |p| {
                                    if i < p.quotes.len() { p.quotes.remove(i); }
                                })>{format!("Remove quote {}", i + 1)}</button>
                            </li>
                        })
                        .collect_view();
                    view! { <h4>"Quotes"</h4><ul class="edit-list">{items}</ul> }
                })
            }}

            <h4>"Notes from staff"</h4>
            {move || {
                let notes = current().map(|p| p.notes).unwrap_or_default();
                let items = notes
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| view! {
                        <li>
                            <span>{format!("{} {}: {}", n.date, n.author, n.text)}</span>
                            <button type="button" on:click=move |_| library.edit(&id.get_value(), |p| {
                                if i < p.notes.len() { p.notes.remove(i); }
                            })>{format!("Remove note {}", i + 1)}</button>
                        </li>
                    })
                    .collect_view();
                view! { <ul class="edit-list">{items}</ul> }
            }}
            <label class="field">
                "New note (what you observed, patient feedback — no names or contact details)"
                <textarea
                    rows="3"
                    prop:value=move || note_text.get()
                    on:input=move |ev| note_text.set(event_target_value(&ev))
                ></textarea>
            </label>
            <button type="button" on:click=add_note>"Add note"</button>
            <p>
                <button type="button" class="primary" on:click=move |_| done()>
                    "Done editing"
                </button>
            </p>
        </section>
    }
    .into_any()
}

/// A text input for one part of action `i`, saved on change.
fn action_input(
    library: LibraryStore,
    id: StoredValue<String>,
    i: usize,
    label: String,
    value: String,
    set: fn(&mut Action, String),
) -> impl IntoView {
    text_input(library, id, label, value, move |p, v| {
        if let Some(a) = p.actions.get_mut(i) {
            set(a, v)
        }
    })
}

/// A labelled text input whose value `set` puts into the persona when it changes.
fn text_input(
    library: LibraryStore,
    id: StoredValue<String>,
    label: String,
    value: String,
    set: impl Fn(&mut Persona, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="field">
            {label}
            <input
                type="text"
                prop:value=value
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    library.edit(&id.get_value(), |p| set(p, v))
                }
            />
        </label>
    }
}

/// A date as a date input gives it (`2027-03-31`).
pub(super) fn parse_date(text: &str) -> Option<Date> {
    crate::personas::parse_iso_date(text)
}
