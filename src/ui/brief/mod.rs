//! The outreach brief (route `#brief/<id>`, from a saved persona's **Outreach brief**
//! link): one printable page for the team that contacts the persona's patients, drafted
//! from its evidence and plan by `OutreachBrief::draft`. Each section is an editable,
//! labelled text box; **Print the brief** prints the page as edited. Edits live only in
//! this page — they are not stored, and leaving or reloading brings the draft back.

use leptos::prelude::*;

use super::stores::LibraryStore;
use crate::browser::clock;
use crate::follow_up::OutreachBrief;

/// One section of the brief: its element id, its heading, and its text.
struct Section {
    id: &'static str,
    heading: &'static str,
    text: RwSignal<String>,
}

#[component]
pub fn BriefView(id: String) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let Some(persona) = library.with_untracked(|l| l.get(&id).cloned()) else {
        return view! {
            <section class="panel outreach-brief">
                <p>"This persona is not in the library. " <a href="#library">"Back to the library"</a></p>
            </section>
        }
        .into_any();
    };
    let draft = OutreachBrief::draft(&persona);
    let sections = [
        ("brief-who", "Who they are", draft.who),
        ("brief-reach", "Preferred channels and times", draft.reach),
        ("brief-format", "Format", draft.format),
        ("brief-say-first", "What to say first", draft.say_first),
        ("brief-offers", "What we offer", draft.offers),
    ]
    .map(|(id, heading, text)| Section {
        id,
        heading,
        text: RwSignal::new(text),
    });
    let today = clock::now().date();
    let basis = format!(
        "Drawn from {} of {} survey respondents ({:.0} %) · printed {today}. Illustrative: it describes a group, not any one patient.",
        persona.segment.size,
        persona.provenance.rows,
        persona.segment.share * 100.0
    );
    let sections = sections
        .into_iter()
        .map(|s| {
            let text = s.text;
            view! {
                <div class="brief-section">
                    <h3><label for=s.id>{s.heading}</label></h3>
                    <textarea
                        id=s.id
                        class="no-print"
                        rows="3"
                        maxlength="2000"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                    // The printed page shows the text itself: a text box would cut it off.
                    <p class="print-only brief-text">{move || text.get()}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel outreach-brief" aria-labelledby="brief-heading">
            <div class="brief-tools no-print">
                <a href="#library">"← Back to the library"</a>
                <p class="hint">
                    "A draft from the persona's evidence and plan. Edit any section, then print. Edits stay on this page only: they are not saved, and leaving or reloading the page brings the draft back."
                </p>
                <button type="button" class="primary" on:click=move |_| {
                    let _ = window().print();
                }>"Print the brief"</button>
            </div>
            <p class="brief-kicker">"Outreach brief"</p>
            <h2 id="brief-heading">{persona.name.clone()}</h2>
            <p class="brief-basis">{basis}</p>
            {sections}
        </section>
    }
    .into_any()
}
