//! One `<select>` for every choice among typed values (a kind, a role, a survey tool,
//! an encoding…): options are (value, label) pairs, the page's `<option value>` is only
//! their position (`o0`, `o1`…, never mistaken for a label), so no label is ever parsed
//! back into a value.

use leptos::prelude::*;
use web_sys::HtmlSelectElement;

/// A select over `options`; `on_choose` gets the value picked. The select then shows
/// `selected` again — the new value when the caller set it at once, the value in force
/// when the change waits on the worker (which may refuse it).
#[component]
pub fn ChoiceSelect<T>(
    /// The values and their labels, in order.
    options: Vec<(T, String)>,
    /// The value shown as chosen.
    #[prop(into)]
    selected: Signal<T>,
    /// Called with the value the user picked.
    #[prop(into)]
    on_choose: Callback<T>,
    #[prop(optional, into)] id: Option<String>,
    /// The accessible name when no `<label for>` names the select.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let options = StoredValue::new(options);
    let index_of =
        move |value: &T| options.with_value(|all| all.iter().position(|(v, _)| v == value));
    let items = options.with_value(|all| {
        all.iter()
            .enumerate()
            .map(|(i, (value, text))| {
                let value = value.clone();
                view! {
                    <option value=format!("o{i}") prop:selected=move || selected.with(|s| *s == value)>
                        {text.clone()}
                    </option>
                }
            })
            .collect_view()
    });
    view! {
        <select
            id=id
            aria-label=label
            on:change=move |ev| {
                let picked = event_target_value(&ev)
                    .strip_prefix('o')
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| options.with_value(|all| all.get(i).map(|(v, _)| v.clone())));
                if let Some(value) = picked {
                    on_choose.run(value);
                }
                let shown = selected.with_untracked(|s| index_of(s)).unwrap_or(0);
                event_target::<HtmlSelectElement>(&ev).set_value(&format!("o{shown}"));
            }
        >
            {items}
        </select>
    }
}
