//! Step 2's **Community profile**: the catchment's population shares typed, pasted or
//! read from a small CSV; respondents compared with them (under-represented groups
//! first) and, with **Weight respondents to the community**, weighted to them by raking,
//! with the effective sample size beside. docs/community.md.

use crate::wording::counted;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::stores::{Notices, SurveyStore};
use crate::browser::files;
use crate::pipeline::CommunityView;

/// The largest community profile file read into the box.
const MAX_PROFILE_BYTES: f64 = 64.0 * 1024.0;

/// The community profile's part of step 2.
#[component]
pub fn CommunityProfilePanel() -> impl IntoView {
    let (survey, notices) = (expect_context::<SurveyStore>(), expect_context::<Notices>());
    let applied = move || {
        survey
            .view
            .with(|v| v.as_ref().and_then(|v| v.community.clone()))
    };
    let text = RwSignal::new(applied().map(|c| c.profile.to_text()).unwrap_or_default());
    let weighted = move || applied().is_some_and(|c| c.weighting.is_some());
    let read_file = move |ev: leptos::ev::Event| {
        let Some(file) = files::take_from_input(&ev) else {
            return;
        };
        if file.size() > MAX_PROFILE_BYTES {
            notices.fail("A community profile file is at most 64 KB: a share a line.");
            return;
        }
        spawn_local(async move {
            match files::read_bytes(&file).await.map(String::from_utf8) {
                Ok(Ok(read)) => text.set(read),
                _ => notices.fail("The community profile file could not be read as UTF-8 text."),
            }
        });
    };
    view! {
        <section class="subsection community-profile" aria-labelledby="community-heading">
            <h3 id="community-heading">"Community profile (optional)"</h3>
            <p class="hint" id="community-profile-hint">
                "Your catchment's population shares, as a community health assessment reports them — one a line: a category and its percent (“75+, 12”), or a question, a category and its percent. Respondents are compared with them; weighting makes persona shares describe the community, not only who answered."
            </p>
            <label for="community-profile">"Community profile"</label>
            <textarea
                id="community-profile"
                rows="6"
                aria-describedby="community-profile-hint"
                placeholder="Under 45, 45\n45-74, 35\n75+, 20\nFemale, 51\nMale, 49"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <label for="community-profile-file">"…or read it from a CSV file"</label>
            <input id="community-profile-file" type="file" accept=".csv,.txt,text/csv,text/plain" on:change=read_file />
            <div class="actions">
                <button type="button" on:click=move |_| survey.set_community(&text.get_untracked(), weighted())>
                    "Compare with the community"
                </button>
                {move || applied().map(|_| view! {
                    <button type="button" on:click=move |_| survey.clear_community()>"Remove the community profile"</button>
                })}
            </div>
            {move || applied().map(|c| compared(survey, text, c))}
        </section>
    }
}

/// Each category against the respondents, under-represented ones marked, and the
/// weighting's switch and cost.
fn compared(survey: SurveyStore, text: RwSignal<String>, c: CommunityView) -> impl IntoView {
    let is_weighted = c.weighting.is_some();
    let rows = c
        .representation
        .iter()
        .map(|r| {
            let line = r.to_string();
            let class = if r.under { "under" } else { "" };
            let mark = r.under.then_some("Under-represented: ");
            view! { <li class=class>{mark}{line}</li> }
        })
        .collect_view();
    let unmatched = (!c.unmatched.is_empty()).then(|| {
        view! {
            <p>{format!("Not found in the survey, so not used: {}.", c.unmatched.join(", "))}</p>
        }
    });
    let weighting = c.weighting.map(|w| {
        let capped = match w.capped {
            Some(0) => String::new(),
            Some(n) => format!(" {n} respondents' weights are at a cap (0.2 or 5 times the mean)."),
            None => " A few respondents' weights are at a cap.".to_string(),
        };
        view! {
            <p class="weighting">
                {format!(
                    "Weighted by raking in {}: the weighted respondents are worth {} unweighted ones (the effective sample size).{capped} Persona cards show both shares, labelled.",
                    counted(w.rounds, "round"), w.effective_n
                )}
            </p>
        }
    });
    view! {
        <div class="community-compared" role="group" aria-label="Respondents against the community">
            <ul class="representation">{rows}</ul>
            {unmatched}
            <label class="checkbox">
                <input
                    type="checkbox"
                    prop:checked=is_weighted
                    on:change=move |ev| survey.set_community(&text.get_untracked(), event_target_checked(&ev))
                />
                "Weight respondents to the community"
            </label>
            {weighting}
        </div>
    }
}
