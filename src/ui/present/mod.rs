//! The presentation view for training sessions: one saved persona per screen in large
//! type, stepped through with the arrow keys (or the buttons); Escape goes back.

use leptos::ev;
use leptos::prelude::*;

use super::persona_card::avatar::Avatar;
use super::stores::LibraryStore;
use crate::browser::clock;
use crate::library::Query;

/// Answers shown per persona on a slide.
const FACTS_SHOWN: usize = 6;

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
        "Escape" => {
            let _ = window().location().set_hash("library");
        }
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
        let facts = p
            .traits
            .iter()
            .filter(|t| t.is_strong())
            .take(FACTS_SHOWN)
            .map(|t| view! { <li>{format!("{}: {} ({}%)", t.attribute, t.value, t.segment_pct)}</li> })
            .collect_view();
        let actions = p
            .actions
            .iter()
            .take(4)
            .map(|a| view! { <li>{a.text.clone()}</li> })
            .collect_view();
        view! {
            <article class="slide" aria-labelledby="slide-heading">
                <p class="slide-count">{format!("Persona {} of {}", at + 1, ids.len())}</p>
                <div class="slide-head">
                    <Avatar id=p.id.clone() />
                    <h2 id="slide-heading">{p.name.clone()}</h2>
                </div>
                <p class="slide-summary">{p.summary.clone()}</p>
                <div class="slide-columns">
                    <section>
                        <h3>"What sets them apart"</h3>
                        <ul>{facts}</ul>
                    </section>
                    <section>
                        <h3>"What we can do"</h3>
                        <ul>{actions}</ul>
                    </section>
                </div>
            </article>
        }
        .into_any()
    };
    view! {
        <section class="present" aria-label="Presentation">
            <nav class="present-nav" aria-label="Slides">
                <button type="button" on:click=move |_| go(-1)>"← Previous"</button>
                <button type="button" on:click=move |_| go(1)>"Next →"</button>
                <a class="button" href="#library">"Exit (Esc)"</a>
            </nav>
            {slide}
        </section>
    }
}
