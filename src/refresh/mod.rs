//! Refreshing kept personas from a new survey wave: who in the new wave fits each
//! persona (`assign`) once its answers are named as the new wave names them
//! (`vocabulary`), what changed and the label for it (`drift`), and the persona
//! with its figures brought up to date. The worker compares only what `kept` gives of
//! each persona; `pipeline::refresh` strings the steps together, and the page puts the
//! new figures into its own copies with [`Refresh::finish`].

pub mod assign;
pub mod drift;
pub mod kept;
pub mod vocabulary;

pub use assign::assign;
pub use drift::{fact_changes, judge, Direction, Drift, FactChange};
pub use kept::{kept, KeptBuild, KeptPersona};

use serde::{Deserialize, Serialize};

use crate::follow_up::record_wave;
use crate::persona_file::fit_to_format;
use crate::personas::{is_library_action, Persona, Wave};

/// What a new wave says about the kept personas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refresh {
    /// The wave compared: its file, respondents and the day of the comparison.
    pub wave: Wave,
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
    /// Whether it grew or shrank beyond what the wave as a whole did (`drift::Sizes`).
    #[serde(default)]
    pub size_moved: Direction,
    pub facts: Vec<FactChange>,
    /// The segment recounted in the new wave on its own, as the worker sends it, with the
    /// kept persona's rule and class profile in the wave's words: what
    /// [`Refresh::finish`] puts into the kept persona.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recount: Option<Persona>,
    /// The kept persona with its figures from the new wave, to accept; `None` when gone
    /// (and until [`Refresh::finish`]).
    #[serde(skip)]
    pub refreshed: Option<Persona>,
}

impl Refresh {
    /// Puts each recount's figures into the kept persona of the same id in `personas`
    /// ([`with_new_figures`]) with its rule (and the rule's wording) and class profile as
    /// the wave words them, labelled with its drift for the next review, and shaped to the
    /// persona format. A persona no longer among `personas` (removed while the wave was
    /// compared) is left out of the report.
    pub fn finish(&mut self, personas: &[Persona]) {
        self.personas
            .retain(|r| personas.iter().any(|p| p.id == r.id));
        for r in &mut self.personas {
            let kept = personas.iter().find(|p| p.id == r.id);
            r.refreshed = match (kept, r.recount.take()) {
                (Some(kept), Some(mut fresh)) => {
                    let definition = fresh.segment.definition.take();
                    let class_profile = fresh.segment.class_profile.take();
                    let described = fresh.segment.rule.take();
                    let mut next = with_new_figures(kept, fresh, self.wave.clone());
                    if definition.is_some() {
                        next.segment.rule = described;
                    }
                    next.segment.definition = definition;
                    next.segment.class_profile = class_profile;
                    // The label travels with the wave it was given at, for the next review.
                    if let Some(recorded) = next.waves.last_mut() {
                        recorded.drift = Some(r.drift);
                    }
                    fit_to_format(&mut next);
                    Some(next)
                }
                _ => None,
            };
        }
    }
}

impl PersonaRefresh {
    /// The key fact that moved most, for the summary table.
    pub fn biggest_change(&self) -> Option<&FactChange> {
        self.facts
            .iter()
            .filter(|f| f.moved().is_some())
            .max_by(|a, b| {
                a.moved()
                    .unwrap()
                    .abs()
                    .total_cmp(&b.moved().unwrap().abs())
            })
    }
}

/// `kept` with the figures of `fresh` (the same segment recounted in the new wave):
/// size, share, answers and numbers come from the wave, and so does every figure the
/// persona shows in words — the summary paragraph when the app wrote it, and the
/// evidence of each recommended action (an action the new wave no longer calls for says
/// so). What staff wrote (name, a summary they rewrote, actions of their own, notes,
/// owner, tags, review, plans) stays, and the wave's figures join its timeline.
pub fn with_new_figures(kept: &Persona, fresh: Persona, wave: Wave) -> Persona {
    let mut next = kept.clone();
    if app_wrote_summary(kept) {
        next.summary = fresh.summary;
    }
    for action in &mut next.actions {
        if let Some(now) = fresh.actions.iter().find(|a| a.text == action.text) {
            action.evidence = now.evidence.clone();
        } else if is_library_action(&action.text) {
            action.evidence = format!(
                "The wave of {} no longer shows the need behind this action.",
                wave.date
            );
        }
    }
    next.segment.size = fresh.segment.size;
    next.segment.share = fresh.segment.share;
    next.traits = fresh.traits;
    next.numbers = fresh.numbers;
    record_wave(&mut next, wave.date, wave.rows);
    next.provenance.refreshed = Some(wave);
    next
}

/// Whether the summary still opens as the app wrote it ("40 of 120 respondents (33.3%)
/// …"): staff who rewrote it keep their words.
fn app_wrote_summary(p: &Persona) -> bool {
    let total = p
        .provenance
        .refreshed
        .as_ref()
        .map_or(p.provenance.rows, |w| w.rows);
    p.summary
        .starts_with(&format!("{} of {total} respondents (", p.segment.size))
}
