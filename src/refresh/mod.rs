//! Refreshing kept personas from a new survey wave: who in the new wave fits each
//! persona (`assign`), what changed and the label for it (`drift`), and the persona
//! with its figures brought up to date. `pipeline::refresh` strings them together.

pub mod assign;
pub mod drift;

pub use assign::assign;
pub use drift::{fact_changes, judge, Drift, FactChange};

use serde::{Deserialize, Serialize};

use crate::personas::{Persona, Wave};

/// What a new wave says about the kept personas.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Refresh {
    /// One entry per persona whose questions are in the new wave.
    pub personas: Vec<PersonaRefresh>,
    /// Personas whose questions the new wave does not ask (left as they are).
    pub not_in_survey: Vec<String>,
    /// Respondents in the new wave.
    pub respondents: usize,
    /// Respondents who fit no persona; `None` when 1 to k−1.
    pub fits_none: Option<usize>,
    /// New personas found among the respondents who fit none.
    pub proposals: Vec<Persona>,
    pub notes: Vec<String>,
}

/// One persona before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaRefresh {
    pub id: String,
    pub name: String,
    pub drift: Drift,
    /// Why it got its label, in words.
    pub reasons: Vec<String>,
    pub size_before: usize,
    /// Members in the new wave; `None` when 1 to k−1.
    pub size_after: Option<usize>,
    pub share_before: f64,
    pub share_after: f64,
    pub facts: Vec<FactChange>,
    /// The persona with its figures from the new wave, to accept; `None` when gone.
    pub refreshed: Option<Persona>,
}

/// `kept` with the figures of `fresh` (the same segment recounted in the new wave):
/// size, share and answers come from the wave; what staff wrote (name, summary,
/// actions, notes, owner, tags, review) stays.
pub fn with_new_figures(kept: &Persona, fresh: Persona, wave: Wave) -> Persona {
    let mut next = kept.clone();
    next.segment.size = fresh.segment.size;
    next.segment.share = fresh.segment.share;
    next.traits = fresh.traits;
    next.numbers = fresh.numbers;
    next.provenance.refreshed = Some(wave);
    next
}
