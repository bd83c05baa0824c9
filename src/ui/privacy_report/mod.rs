//! The privacy report: what the guard dropped, generalised and scrubbed, what a persona
//! hides, and the privacy settings (minimum group size, ZIP areas, REDCap identifiers).

use crate::wording::counted;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::fold::Fold;
use super::stores::{BuildStore, Notices, SurveyStore};
use crate::browser::files;
use crate::privacy::guard::MAX_MIN_GROUP_SIZE;
use crate::privacy::MIN_GROUP_SIZE;
use crate::protocol::SurveyView;

/// The privacy report, a part of step 2: a summary line and the dropped columns, what
/// was made coarser and scrubbed folded beneath (`open`), and the settings.
#[component]
pub fn PrivacyReport(open: RwSignal<bool>) -> impl IntoView {
    let (survey, notices) = (expect_context::<SurveyStore>(), expect_context::<Notices>());

    let set_k = move |ev: leptos::ev::Event| {
        let mut settings = survey.privacy.get_untracked();
        let wanted = event_target_value(&ev).trim().parse::<usize>().unwrap_or(0);
        match settings.set_min_group_size(wanted) {
            Ok(()) => {
                survey.set_privacy(settings);
                notices.inform(format!(
                    "Minimum group size set to {wanted}. Build the personas again."
                ));
            }
            Err(e) => {
                // Show the size still in force, not the refused one.
                event_target::<HtmlInputElement>(&ev)
                    .set_value(&settings.min_group_size.to_string());
                notices.fail(e.to_string());
            }
        }
    };
    let set_zip3 = move |ev: leptos::ev::Event| {
        let mut settings = survey.privacy.get_untracked();
        settings.keep_zip3 = event_target_checked(&ev);
        survey.set_privacy(settings);
    };
    let load_dictionary = move |ev: leptos::ev::Event| {
        if let Some(file) = files::take_from_input(&ev) {
            survey.use_dictionary(file);
        }
    };

    view! {
        <Show when=move || survey.view.with(Option::is_some)>
            <section class="subsection privacy-report" aria-labelledby="privacy-heading">
                <h3 id="privacy-heading">"Privacy report"</h3>
                <p class="hint">
                    "Before any analysis, columns that could identify a patient are dropped and the rest is made coarser. Nothing below ever leaves this tab."
                </p>
                {move || survey.view.with(|s| s.as_ref().map(|s| report_lists(s, open)))}
                <WithheldTraits />
                <h4>"Settings"</h4>
                <div class="privacy-settings">
                    <label for="min-group-size">"Minimum group size"</label>
                    <input
                        id="min-group-size"
                        type="number"
                        min=MIN_GROUP_SIZE
                        max=MAX_MIN_GROUP_SIZE
                        prop:value=move || survey.privacy.with(|p| p.min_group_size.to_string())
                        aria-describedby="min-group-size-hint"
                        on:change=set_k
                    />
                    <p id="min-group-size-hint" class="hint">
                        "No persona or shown count rests on fewer respondents. It can be raised, never set below 11."
                    </p>
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            prop:checked=move || survey.privacy.with(|p| p.keep_zip3)
                            on:change=set_zip3
                        />
                        "Keep ZIP codes as 3-digit areas (small areas become 000) instead of dropping them"
                    </label>
                    <label for="redcap-dictionary">"REDCap data dictionary (optional)"</label>
                    <input
                        id="redcap-dictionary"
                        type="file"
                        accept=".csv,text/csv"
                        aria-describedby="redcap-dictionary-hint"
                        on:change=load_dictionary
                    />
                    <p id="redcap-dictionary-hint" class="hint">
                        "Fields it marks “Identifier? = y” are dropped; its question labels and choice labels replace variable names and codes."
                    </p>
                </div>
            </section>
        </Show>
    }
}

/// Dropped columns; generalised and scrubbed ones folded under their summary.
fn report_lists(loaded: &SurveyView, open: RwSignal<bool>) -> impl IntoView {
    let report = &loaded.report;
    let dropped = report
        .dropped
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <th scope="row">{d.name.clone()}</th>
                    <td>{d.reason.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let generalised = report
        .generalised
        .iter()
        .map(|g| view! { <li>{format!("“{}”: {}", g.name, g.how)}</li> })
        .collect_view();
    let scrubbed = report
        .scrubbed
        .iter()
        .map(|s| {
            view! {
                <li>
                    {format!(
                        "“{}”: emails, phone numbers, web addresses, record numbers, dates and names replaced ({} answers changed)",
                        s.name,
                        s.shown_changed()
                    )}
                </li>
            }
        })
        .collect_view();
    let nothing_dropped = report.dropped.is_empty();
    let coarser_summary = format!(
        "{} made coarser, {} scrubbed",
        counted(report.generalised.len(), "column"),
        counted(report.scrubbed.len(), "free-text question")
    );
    view! {
        <table class="dropped">
            <caption>{format!("Dropped columns ({})", report.dropped.len())}</caption>
            <thead>
                <tr>
                    <th scope="col">"Column"</th>
                    <th scope="col">"Why it was dropped"</th>
                </tr>
            </thead>
            <tbody>{dropped}</tbody>
        </table>
        {nothing_dropped.then(|| view! { <p class="hint">"No column looked like an identifier."</p> })}
        <Fold open summary=coarser_summary>
            <h4>"Made coarser"</h4>
            <ul class="generalised">{generalised}</ul>
            <h4>"Free text scrubbed"</h4>
            <ul class="scrubbed">{scrubbed}</ul>
        </Fold>
    }
}

/// Sensitive answers a whole persona shares: hidden until the user confirms.
#[component]
fn WithheldTraits() -> impl IntoView {
    let build = expect_context::<BuildStore>();
    let rows = move || {
        build.built.with(|b| {
            b.withheld
                .iter()
                .enumerate()
                .map(|(index, w)| {
                    let text = format!(
                        "Everyone in “{}” who answered “{}” said “{}” ({} respondents).",
                        w.persona_name, w.item.attribute, w.item.value, w.item.n
                    );
                    view! {
                        <li>
                            {text}
                            " "
                            <button
                                type="button"
                                on:click=move |_| build.reveal(index)
                            >
                                "Show it in the persona"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || build.built.with(|b| !b.withheld.is_empty())>
            <h4>"Hidden sensitive answers"</h4>
            <p class="hint">
                "Showing an answer that everyone in a persona shares tells anyone who knows a member that answer. Show it only when that is acceptable."
            </p>
            <ul class="withheld">{rows}</ul>
        </Show>
    }
}
