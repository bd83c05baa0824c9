//! The outreach brief: one printable page for the team that contacts a persona's
//! patients — how to reach them, in what format, and what to say first — drawn from the
//! persona's evidence and plans. A draft staff edit before printing; never stored.

use super::plan::PlanStatus;
use crate::personas::{Figure, Persona};

/// The brief's sections, each a text staff may edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutreachBrief {
    /// Who the brief is about ("Margaret, 75–84: lives alone …" and the headline).
    pub who: String,
    /// Preferred channels and times, with the share of them preferring each.
    pub reach: String,
    /// The format that suits them: large print, plain language, phone first.
    pub format: String,
    /// The persona's main obstacle and what the clinic offers for it.
    pub say_first: String,
    /// The plan's actions (or, before a plan, the recommended ones).
    pub offers: String,
}

impl OutreachBrief {
    /// The draft for `persona`.
    pub fn draft(persona: &Persona) -> Self {
        let glance = persona.glance();
        let mut reach: Vec<String> = Vec::new();
        for (label, figures) in [("Channel", &glance.channels), ("Time", &glance.times)] {
            reach.extend(figures.iter().map(|f| format!("{label}: {}", share_of(f))));
        }
        if reach.is_empty() {
            reach.push("No preferred channel or time stands out: ask them.".to_string());
        }
        let offers = offers(persona);
        let obstacle = persona
            .frustrations
            .first()
            .cloned()
            .or_else(|| glance.obstacle.as_ref().map(share_of));
        let say_first = match (obstacle, offers.first()) {
            (Some(obstacle), Some(offer)) => {
                format!("Start with what gets in their way — {obstacle} — and what we offer for it: {offer}")
            }
            (Some(obstacle), None) => format!("Start with what gets in their way: {obstacle}."),
            (None, Some(offer)) => format!("Start with what we offer: {offer}"),
            (None, None) => "Ask what gets in the way of their care.".to_string(),
        };
        let who = [persona.display_name.trim(), persona.headline.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>();
        OutreachBrief {
            who: if who.is_empty() {
                persona.name.clone()
            } else {
                who.join("\n")
            },
            reach: reach.join("\n"),
            format: format_hints(persona).join("\n"),
            say_first,
            offers: offers
                .iter()
                .map(|o| format!("• {o}"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// "Phone call (64 % of them, 30 % of everyone)".
fn share_of(f: &Figure) -> String {
    format!(
        "{} ({:.0} % of them, {:.0} % of everyone)",
        f.answer, f.share, f.overall
    )
}

/// The plan's live actions, or the recommended ones when it has none.
fn offers(persona: &Persona) -> Vec<String> {
    let planned: Vec<String> = persona
        .plans
        .iter()
        .filter(|p| p.status != PlanStatus::Dropped)
        .map(|p| p.action.clone())
        .collect();
    if planned.is_empty() {
        persona.actions.iter().map(|a| a.text.clone()).collect()
    } else {
        planned
    }
}

/// The formats their answers call for, each with why.
fn format_hints(persona: &Persona) -> Vec<String> {
    let answers: Vec<String> = persona
        .traits
        .iter()
        .filter(|t| t.is_strong())
        .map(|t| format!("{} {}", t.attribute, t.value).to_lowercase())
        .collect();
    let any = |cues: &[&str]| answers.iter().any(|a| cues.iter().any(|c| a.contains(c)));
    let older = persona
        .glance()
        .age
        .is_some_and(|age| lower_bound(&age.answer).is_some_and(|from| from >= 65));
    let mut hints = Vec::new();
    if older || any(&["vision", "eyesight", "sight"]) {
        hints.push("Large print (14 pt or more) on paper.".to_string());
    }
    if any(&[
        "phone",
        "not online",
        "no internet",
        "never use the internet",
    ]) {
        hints.push("Phone first; follow up on paper.".to_string());
    }
    if any(&["interpreter", "language", "reading", "literacy"]) {
        hints.push("Plain language; offer an interpreter.".to_string());
    }
    if hints.is_empty() {
        hints.push("Plain language, short sentences.".to_string());
    }
    hints
}

/// The first whole number of an age band ("75–84" → 75, "65+" → 65).
fn lower_bound(band: &str) -> Option<u32> {
    band.split(|c: char| !c.is_ascii_digit())
        .find(|part| !part.is_empty())?
        .parse()
        .ok()
}
