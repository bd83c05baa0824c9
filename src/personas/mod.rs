//! Stage 4 — personas: aggregate descriptions of segments, the only thing the app keeps.
//!
//! A [`Persona`] holds counts and percentages about at least 11 respondents and never a
//! survey row. These types are also the content of the persona file (`persona_file`).

mod actions;
pub(crate) mod dates;
mod evidence;
mod fields;
mod glance;
mod model;
mod names;
mod numbers;
mod phrases;
mod profile;
mod quotes;
mod synthesis;
mod traits;
mod upkeep;
mod wording;

pub use actions::{is_library_action, recommend as recommend_actions};
pub use dates::{add_months, iso_date, parse_iso_date, REVIEW_INTERVAL_MONTHS};
pub use fields::{Field, FieldChange};
pub use glance::{Figure, Glance};
pub use model::{
    Action, CommunitySource, InterviewSource, ModelFit, Note, Persona, Provenance, Quote,
    RecordsSource, SegmentInfo, SegmentQuality, Trait, Wave,
};
pub use numbers::{Distribution, NumberTrait, QUARTILES};
pub use quotes::QUOTES_SUGGESTED;
pub use synthesis::{
    personas_from_grouping, personas_from_segments, Basis, QuoteSuggestion, Synthesis, Withheld,
    TOP_ANSWERS_PER_QUESTION,
};
pub use upkeep::{parse_tags, ReviewState, DUE_SOON_DAYS};
pub use wording::shorten;
