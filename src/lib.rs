//! Persona Builder: patient-survey exports in, privacy-safe patient personas out.
//!
//! The pipeline, in the order the data flows (see ARCHITECTURE.md):
//! [`survey`] → ([`records`], an extract linked on a shared key, then the key dropped) →
//! [`columns`] → [`segments`] → [`personas`] → [`persona_file`], with
//! [`privacy`] applied at every step, [`library`] keeping personas between visits and
//! [`refresh`] bringing kept personas up to date from a new survey wave, [`community`]
//! comparing respondents with the catchment's population (and weighting them to it),
//! [`interviews`] turning interview notes into scrubbed quotes, and
//! [`follow_up`] holding what the team does with them (plans, the wave timeline,
//! ratings, reviews). [`pipeline`]
//! strings the stages together; [`protocol`] is how the page asks the worker that runs
//! them; [`wording`] words what they all count ("1 persona", "3 personas"). These
//! modules are pure Rust and tested natively. The browser-only layers, [`ui`]
//! (Leptos components) and [`browser`] (storage, files, downloads), exist only in the
//! wasm build.

pub mod columns;
pub mod community;
pub mod follow_up;
pub mod interviews;
pub mod library;
pub mod persona_file;
pub mod personas;
pub mod pipeline;
pub mod privacy;
pub mod protocol;
pub mod records;
pub mod refresh;
pub mod segments;
pub mod survey;
pub mod wording;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(test)]
mod test_support;
