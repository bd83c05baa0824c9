//! The presentation view for training sessions: one saved persona's header block per
//! screen in large type, stepped through with the arrow keys (or the buttons); Escape
//! goes back to the library, with the focus on the persona's Present link.

use leptos::ev;
use leptos::prelude::*;

use super::persona_card::HeaderBlock;
use super::stores::LibraryStore;
use crate::browser::clock;
use crate::library::Query;

/// Goes back to the library and puts the focus on the Present link of the persona
/// shown, where the presentation started (once the library has drawn it).
fn leave(shown: &str) {
    let _ = window().location().set_hash("library");
    focus_when_drawn(format!(".library-item a[href=\"#present/{shown}\"]"), 20);
}

/// Focuses the element `selector` finds, looking again every 50 ms, `tries` times.
fn focus_when_drawn(selector: String, tries: u32) {
    set_timeout(
        move || {
            let found = document()
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            match found {
                Some(link) => {
                    let _ = link.focus();
                }
                None if tries > 1 => focus_when_drawn(selector, tries - 1),
                None => {}
            }
        },
        std::time::Duration::from_millis(50),
    );
}

#[component]
pub fn PresentView(id: String) -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let id = StoredValue::new(id);
    let today = clock::now().date();
    let order = move || {
        library.with(|l| {
            l.find(&Query::default(), today)
                .into_iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let go = move |step: isize| {
        // The address names the persona shown, even before a quick second key press
        // has re-rendered the slide.
        let hash = window().location().hash().unwrap_or_default();
        let shown = hash.strip_prefix("#present/").unwrap_or_default();
        let ids = order();
        let Some(at) = ids.iter().position(|i| i == shown) else {
            return;
        };
        let next = (at as isize + step).clamp(0, ids.len() as isize - 1) as usize;
        let _ = window()
            .location()
            .set_hash(&format!("present/{}", ids[next]));
    };
    let keys = window_event_listener(ev::keydown, move |e| match e.key().as_str() {
        "ArrowRight" | "PageDown" => go(1),
        "ArrowLeft" | "PageUp" => go(-1),
        "Escape" => leave(&id.get_value()),
        _ => {}
    });
    on_cleanup(move || keys.remove());
    let slide = move || {
        let ids = order();
        let position = ids.iter().position(|i| *i == id.get_value());
        let persona = library.with(|l| l.get(&id.get_value()).cloned());
        let (Some(at), Some(p)) = (position, persona) else {
            return view! {
                <p>"This persona is not in the library. " <a href="#library">"Back to the library"</a></p>
            }
            .into_any();
        };
        view! {
            <article class="slide" aria-labelledby="slide-heading">
                <p class="slide-count">{format!("Persona {} of {}", at + 1, ids.len())}</p>
                <HeaderBlock persona=p heading_id="slide-heading".to_string() />
            </article>
        }
        .into_any()
    };
    view! {
        <section class="present" aria-label="Presentation">
            <nav class="present-nav" aria-label="Slides">
                <button type="button" on:click=move |_| go(-1)>"← Previous"</button>
                <button type="button" on:click=move |_| go(1)>"Next →"</button>
                <button type="button" on:click=move |_| leave(&id.get_value())>"Exit (Esc)"</button>
            </nav>
            {slide}
        </section>
    }
}
