//! The Leptos UI: a thin layer of components over the core. The page's state is held in
//! [`stores`], one per area, as signals *of* domain types; the domain types know nothing
//! of signals. Each area has a folder with its component and its CSS.

mod app;
mod brief;
mod build;
mod busy;
mod choice_select;
mod community;
mod compare;
mod fold;
mod library;
mod notice;
mod one_a_frame;
mod persona_card;
mod present;
mod privacy_report;
mod records;
mod review;
mod rule_builder;
mod shared;
mod stores;
mod survey_overview;
mod upload;
mod welcome;

pub use app::App;
