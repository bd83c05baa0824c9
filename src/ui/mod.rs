//! The Leptos UI: a thin layer of components over the core. Components hold signals
//! *of* domain types (see [`state::AppState`]); the domain types know nothing of signals.
//! Each area has a folder with its component and its CSS.

mod app;
mod build;
mod busy;
mod compare;
mod library;
mod notice;
mod persona_card;
mod present;
mod privacy_report;
mod rule_builder;
mod state;
mod survey_overview;
mod tasks;
mod upload;

pub use app::App;
