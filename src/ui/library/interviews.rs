//! **Add interview notes**: notes from patient interviews (plain text, Markdown, or
//! pasted) read in the page, cut into passages and scrubbed for review — a passage still
//! identifying after scrubbing is held back — and an excerpt attached to a saved persona
//! as a quote "from an interview". The notes live only in this panel's signals; only
//! attached excerpts are stored.

use crate::wording::counted;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::editor::parse_date;
use crate::browser::workbook_worker::read_document;
use crate::browser::{clock, files};
use crate::interviews::{read_notes, Notes, NotesError, MAX_EXCERPT_CHARS, MAX_NOTES_BYTES};
use crate::personas::iso_date;
use crate::ui::choice_select::ChoiceSelect;
use crate::ui::stores::{LibraryStore, Notices};

/// The Library's interview notes panel.
#[component]
pub fn InterviewNotesPanel() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let notes: RwSignal<Option<Notes>> = RwSignal::new(None);
    let pasted = RwSignal::new(String::new());
    let date = RwSignal::new(clock::now().date());
    let take = move |name: &str, bytes: &[u8]| match read_notes(name, bytes) {
        Ok(read) => {
            let held = read.passages.iter().filter(|p| p.held_back).count();
            notices.inform(format!(
                "Read “{name}”: {} scrubbed for review, {held} held back. Nothing of them is kept unless you attach it.",
                counted(read.passages.len(), "passage")
            ));
            notes.set(Some(read));
            true
        }
        Err(e) => {
            notices.fail(format!("“{name}” was not read. {e}"));
            false
        }
    };
    let add = move |ev: leptos::ev::Event| {
        let Some(file) = files::take_from_input(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_NOTES_BYTES as f64 {
            let too_large = NotesError::TooLarge {
                max_kib: MAX_NOTES_BYTES / 1024,
            };
            notices.fail(format!("“{name}” was not read. {too_large}"));
            return;
        }
        spawn_local(async move {
            // A Word file is made text by a workbook worker, which links the zip reader.
            let blob: web_sys::Blob = if name.to_lowercase().ends_with(".docx") {
                match read_document(&file).await {
                    Ok(blob) => blob,
                    Err(failure) => {
                        notices.fail(format!("“{name}” was not read. {failure}"));
                        return;
                    }
                }
            } else {
                file.into()
            };
            match files::read_blob(&blob).await {
                Ok(bytes) => {
                    take(&name, &bytes);
                }
                Err(()) => notices.fail(format!("The browser could not read “{name}”.")),
            }
        });
    };
    view! {
        <section class="interview-notes no-print" aria-labelledby="interviews-heading">
            <h3 id="interviews-heading">"Interview notes"</h3>
            <p class="hint">
                "Notes from patient interviews are read here, scrubbed of names, phone numbers, emails, record numbers and dates, and shown for review. Attach an excerpt to a persona as a quote; nothing else of the notes is kept."
            </p>
            <label for="interview-notes-file">"Add interview notes"</label>
            <input id="interview-notes-file" type="file" accept=".txt,.md,.markdown,.text,.docx,text/plain,text/markdown" on:change=add />
            <label for="interview-notes-pasted">"Or paste interview notes"</label>
            <textarea id="interview-notes-pasted" rows="4" prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            // Once read, the pasted text (unscrubbed) leaves the page: only the passages stay.
            <button type="button" on:click=move |_| {
                if take("pasted notes", pasted.get_untracked().as_bytes()) {
                    pasted.set(String::new());
                }
            }>
                "Read the pasted notes"
            </button>
            <label for="interview-date">"Interview date"</label>
            <input id="interview-date" type="date" prop:value=move || iso_date(date.get())
                on:change=move |ev| match parse_date(&event_target_value(&ev)) {
                    Some(d) => date.set(d),
                    None => notices.fail("Give the interview date as a full date."),
                } />
            {move || notes.get().map(|n| passages(n, date))}
        </section>
    }
}

/// Each passage for review: held back, or an excerpt to trim and attach to a persona.
fn passages(notes: Notes, date: RwSignal<time::Date>) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let items = notes
        .passages
        .into_iter()
        .enumerate()
        .map(|(i, passage)| {
            if passage.held_back {
                return view! {
                    <li class="held-back">
                        "Held back: this passage still looked identifying after scrubbing, so it is not shown."
                    </li>
                }
                .into_any();
            }
            let excerpt = RwSignal::new(passage.text);
            let personas: Vec<(String, String)> = library.with_untracked(|l| {
                l.personas().iter().map(|p| (p.id.clone(), p.name.clone())).collect()
            });
            let first = personas.first().map(|(id, _)| id.clone()).unwrap_or_default();
            let chosen = RwSignal::new(first);
            let has_personas = !personas.is_empty();
            let (excerpt_id, persona_id) = (format!("excerpt-{i}"), format!("excerpt-{i}-persona"));
            view! {
                <li>
                    <label for=excerpt_id.clone()>{format!("Excerpt {}", i + 1)}</label>
                    <textarea id=excerpt_id rows="3" maxlength=MAX_EXCERPT_CHARS
                        prop:value=move || excerpt.get()
                        on:input=move |ev| excerpt.set(event_target_value(&ev))></textarea>
                    {has_personas.then(|| view! {
                        <div class="attach">
                            <label for=persona_id.clone()>{format!("Persona for excerpt {}", i + 1)}</label>
                            <ChoiceSelect id=persona_id options=personas selected=chosen on_choose=Callback::new(move |id| chosen.set(id)) />
                            <button type="button" on:click=move |_| {
                                library.attach_interview_quote(&chosen.get_untracked(), &excerpt.get_untracked(), date.get_untracked())
                            }>"Attach as a quote"</button>
                        </div>
                    })}
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div role="group" aria-label="Passages for review">
            <p>{format!("“{}”, scrubbed. Trim an excerpt to what the patient said, then attach it.", notes.file_name)}</p>
            <ol class="passages">{items}</ol>
        </div>
    }
}
