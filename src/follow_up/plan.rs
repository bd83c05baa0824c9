//! A persona's plan: the actions the team adopted, who does each, by when, and the
//! figure each should move.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::personas::dates::{optional_date, review_date};
use crate::personas::Persona;

/// Where a plan item stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl PlanStatus {
    /// Every status, in the order a plan goes through them.
    pub const ALL: [PlanStatus; 4] = [
        PlanStatus::Planned,
        PlanStatus::InProgress,
        PlanStatus::Done,
        PlanStatus::Dropped,
    ];

    /// The status as staff read it.
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Planned => "Planned",
            PlanStatus::InProgress => "In progress",
            PlanStatus::Done => "Done",
            PlanStatus::Dropped => "Dropped",
        }
    }

    /// Whether the item is still being worked on (so its due date matters).
    pub fn is_open(self) -> bool {
        matches!(self, PlanStatus::Planned | PlanStatus::InProgress)
    }
}

/// One of the persona's figures a plan should move.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Measure {
    /// The persona's size, as a percent of the wave's respondents.
    Share,
    /// The percent of the persona giving one answer (a trait's share).
    Answer { question: String, answer: String },
    /// The median of a number question (a scale's or count's median).
    Median { question: String },
}

impl Measure {
    /// The measure in words ("Transport is a barrier: Yes — share of the persona").
    pub fn label(&self) -> String {
        match self {
            Measure::Share => "Its size (percent of respondents)".to_string(),
            Measure::Answer { question, answer } => format!("“{answer}” to “{question}” (%)"),
            Measure::Median { question } => format!("Median of “{question}”"),
        }
    }

    /// Whether the figure is a percent (0–100) rather than a number's median.
    pub fn is_percent(&self) -> bool {
        !matches!(self, Measure::Median { .. })
    }

    /// The persona's current figure for this measure, when it shows one.
    pub fn current(&self, persona: &Persona) -> Option<f64> {
        match self {
            Measure::Share => Some(persona.segment.share * 100.0),
            Measure::Answer { question, answer } => persona
                .traits
                .iter()
                .find(|t| &t.attribute == question && &t.value == answer)
                .map(|t| t.segment_pct),
            Measure::Median { question } => persona
                .numbers
                .iter()
                .find(|n| &n.attribute == question)
                .and_then(|n| n.segment.median),
        }
    }

    /// The measures a persona's figures offer: its size, each answer it shows and each
    /// number's median.
    pub fn offered(persona: &Persona) -> Vec<Measure> {
        let mut measures = vec![Measure::Share];
        measures.extend(persona.traits.iter().map(|t| Measure::Answer {
            question: t.attribute.clone(),
            answer: t.value.clone(),
        }));
        measures.extend(
            persona
                .numbers
                .iter()
                .filter(|n| n.segment.median.is_some())
                .map(|n| Measure::Median {
                    question: n.attribute.clone(),
                }),
        );
        measures
    }

    /// The texts it names (held to the persona rules).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Measure::Share => Vec::new(),
            Measure::Answer { question, answer } => vec![question, answer],
            Measure::Median { question } => vec![question],
        }
    }
}

/// An action the team adopted for a persona.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Unique within the persona ("plan-1").
    pub id: String,
    /// What will be done.
    pub action: String,
    /// Why (the action's evidence when adopted from a recommendation).
    #[serde(default)]
    pub why: String,
    /// Who does it (free text, may be blank).
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub status: PlanStatus,
    #[serde(
        default,
        with = "optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<Date>,
    /// The figure it should move, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// Where that figure should get to (a percent, or the number's unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The day it was adopted.
    #[serde(with = "review_date")]
    pub started: Date,
    /// The wave current when it was adopted (its number in the timeline): the figure
    /// it is judged from.
    #[serde(default)]
    pub from_wave: u32,
}

impl Plan {
    /// A new plan item for `action`, started `today`, measured by the figure the
    /// action rests on when one can be told (its evidence names a trait's answer).
    pub fn adopt(persona: &Persona, action: &str, why: &str, today: Date) -> Plan {
        let measure = measure_behind(persona, action, why);
        Plan {
            id: next_plan_id(persona),
            action: action.to_string(),
            why: why.to_string(),
            owner: String::new(),
            status: PlanStatus::Planned,
            due: None,
            measure,
            target: None,
            started: today,
            from_wave: persona.waves.last().map_or(0, |w| w.number),
        }
    }

    /// Whether it is open and past its due date on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }
}

/// An id no plan of the persona has.
fn next_plan_id(persona: &Persona) -> String {
    (1..)
        .map(|n| format!("plan-{n}"))
        .find(|id| persona.plans.iter().all(|p| &p.id != id))
        .expect("some number is free")
}

/// The trait an action's evidence names (the rule library writes "… answered “Yes” to
/// “Transport …”"): the longest answer-and-question pair it quotes.
fn measure_behind(persona: &Persona, action: &str, why: &str) -> Option<Measure> {
    let text = format!("{action} {why}");
    persona
        .traits
        .iter()
        .filter(|t| text.contains(&format!("“{}” to “{}”", t.value, t.attribute)))
        .max_by_key(|t| t.attribute.len() + t.value.len())
        .map(|t| Measure::Answer {
            question: t.attribute.clone(),
            answer: t.value.clone(),
        })
}
