//! The app shell: header, navigation between the views, and the message area.

use leptos::ev;
use leptos::prelude::*;

use super::brief::BriefView;
use super::build::BuildPanel;
use super::busy::BusyBar;
use super::library::LibraryView;
use super::notice::NoticeArea;
use super::present::PresentView;
use super::review::ReviewView;
use super::shared::SharedView;
use super::stores::{provide_stores, LibraryStore, SurveyStore};
use super::survey_overview::SurveyOverview;
use super::upload::UploadPanel;
use super::welcome::Welcome;

/// The two views, chosen by the URL's fragment so links work under any sub-path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Page {
    Build,
    Library,
    /// The presentation view, at this persona.
    Present(String),
    /// A share link's personas, read-only (the whole fragment).
    Shared(String),
    /// The quarterly review, walking the overdue personas.
    Review,
    /// The outreach brief of this persona.
    Brief(String),
}

impl Page {
    /// The page the fragment names; other fragments (like the skip link's) keep the page.
    fn from_location() -> Option<Self> {
        let hash = window().location().hash().unwrap_or_default();
        match hash.as_str() {
            "#library" => Some(Page::Library),
            "#build" => Some(Page::Build),
            "#review" => Some(Page::Review),
            _ if hash.starts_with(crate::library::SHARE_PREFIX) => Some(Page::Shared(hash.clone())),
            _ => hash
                .strip_prefix("#present/")
                .map(|id| Page::Present(id.to_string()))
                .or_else(|| {
                    hash.strip_prefix("#brief/")
                        .map(|id| Page::Brief(id.to_string()))
                }),
        }
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_stores();
    let (library, survey) = (
        expect_context::<LibraryStore>(),
        expect_context::<SurveyStore>(),
    );
    let page = RwSignal::new(Page::from_location().unwrap_or(Page::Build));
    let _ = window_event_listener(ev::hashchange, move |_| {
        if let Some(p) = Page::from_location() {
            page.set(p);
        }
    });
    // A file dropped outside the drop zone must not make the browser leave the app.
    let _ = window_event_listener(ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(ev::drop, |ev| ev.prevent_default());
    let current = move |p: Page| page.with(|now| *now == p).then_some("page");
    let saved = move || library.with(|l| l.personas().len());
    let today = crate::browser::clock::now().date();
    let overdue = move || {
        let n = library.with(|l| {
            l.personas()
                .iter()
                .filter(|p| p.review_state(today) == crate::personas::ReviewState::Overdue)
                .count()
        });
        (n > 0).then(|| view! { <span class="overdue-count">{format!(" · {n} overdue")}</span> })
    };

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header no-print" class:presenting=move || matches!(page.get(), Page::Present(_))>
            <h1>"Persona Builder"</h1>
            <p class="tagline">
                "Patient personas from your survey exports. The survey is read in this tab and never leaves your device."
            </p>
            <nav aria-label="Views">
                <a href="#build" aria-current=move || current(Page::Build)>"Build"</a>
                <a href="#library" aria-current=move || current(Page::Library)>
                    "Library (" {saved} ")" {overdue}
                </a>
            </nav>
        </header>
        <main id="main" tabindex="-1" class:presenting=move || matches!(page.get(), Page::Present(_))>
            // While presenting, messages go below the slide, never over it.
            <NoticeArea />
            <BusyBar busy=survey.busy />
            {move || match page.get() {
                Page::Build => view! {
                    <Show when=move || survey.view.with(Option::is_none)>
                        <Welcome />
                    </Show>
                    <UploadPanel />
                    <SurveyOverview />
                    <BuildPanel />
                }
                .into_any(),
                Page::Library => view! { <LibraryView /> }.into_any(),
                Page::Present(id) => view! { <PresentView id /> }.into_any(),
                Page::Shared(fragment) => view! { <SharedView fragment /> }.into_any(),
                Page::Review => view! { <ReviewView /> }.into_any(),
                Page::Brief(id) => view! { <BriefView id /> }.into_any(),
            }}
        </main>
    }
}
