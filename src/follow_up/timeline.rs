//! A persona's timeline: its figures at every survey wave it was built or refreshed
//! from, so a plan's measure can be followed over time. Every figure rests on at least
//! k respondents, as every figure the persona shows does; one that does not is simply
//! not recorded for that wave.

use serde::{Deserialize, Serialize};
use time::Date;

use super::plan::Measure;
use crate::personas::dates::review_date;
use crate::personas::Persona;
use crate::refresh::Drift;

/// Most waves a timeline keeps (the oldest go first): ten years of quarterly waves.
pub const MAX_WAVES: usize = 40;
/// Most figures one wave records.
pub const MAX_FIGURES: usize = 40;

/// The persona's figures in one survey wave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveRecord {
    /// The wave's place in the timeline: 1 for the survey the persona was built from,
    /// one more for each accepted refresh.
    pub number: u32,
    /// The wave's date (the day it was built or its refresh accepted).
    #[serde(with = "review_date")]
    pub date: Date,
    /// Respondents in the wave.
    pub respondents: usize,
    /// Respondents the persona stood for (at least k).
    pub size: usize,
    /// Its share of the wave's respondents, 0–1.
    pub share: f64,
    /// The tracked figures (each on at least k respondents).
    #[serde(default)]
    pub figures: Vec<TrackedFigure>,
    /// How the persona fared in this wave, for a wave it was refreshed from (the
    /// refresh's label: stable, drifted, split).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drift: Option<Drift>,
}

/// One tracked figure in one wave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackedFigure {
    pub measure: Measure,
    /// A percent (0–100) or the number's median.
    pub value: f64,
    /// Respondents behind it: those giving the answer, or those who gave a number.
    pub n: usize,
    /// For a median, the interquartile range (for its sampling error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iqr: Option<f64>,
}

impl WaveRecord {
    /// The persona's figures now, as the wave of `date` with `respondents`: its size and
    /// share, and each of `tracked` it shows — plus every answer strong enough to speak
    /// for it, so a measure adopted later has its history.
    pub fn of(
        persona: &Persona,
        number: u32,
        date: Date,
        respondents: usize,
        tracked: &[Measure],
    ) -> Self {
        let mut measures: Vec<Measure> = tracked.to_vec();
        for t in persona.traits.iter().filter(|t| t.is_strong()) {
            let measure = Measure::Answer {
                question: t.attribute.clone(),
                answer: t.value.clone(),
            };
            if !measures.contains(&measure) {
                measures.push(measure);
            }
        }
        let figures = measures
            .iter()
            .filter(|m| **m != Measure::Share)
            .filter_map(|m| figure_of(persona, m))
            .take(MAX_FIGURES)
            .collect();
        WaveRecord {
            number,
            date,
            respondents,
            size: persona.segment.size,
            share: persona.segment.share,
            figures,
            drift: None,
        }
    }

    /// This wave's figure for `measure`, with the people behind it and what it is a
    /// share of (for percents): `None` when the wave did not record it.
    pub fn figure(&self, measure: &Measure) -> Option<TrackedFigure> {
        match measure {
            Measure::Share => Some(TrackedFigure {
                measure: Measure::Share,
                value: self.share * 100.0,
                n: self.size,
                iqr: None,
            }),
            _ => self.figures.iter().find(|f| &f.measure == measure).cloned(),
        }
    }

    /// What a percent measure is a percent of: the wave's respondents for the persona's
    /// size, the persona's size for an answer.
    pub fn base(&self, measure: &Measure) -> usize {
        match measure {
            Measure::Share => self.respondents,
            _ => self.size,
        }
    }
}

/// The persona's figure for `measure` as it shows it, when it does.
fn figure_of(persona: &Persona, measure: &Measure) -> Option<TrackedFigure> {
    match measure {
        Measure::Share => None,
        Measure::Answer { question, answer } => persona
            .traits
            .iter()
            .find(|t| &t.attribute == question && &t.value == answer)
            .map(|t| TrackedFigure {
                measure: measure.clone(),
                value: t.segment_pct,
                n: t.n,
                iqr: None,
            }),
        Measure::Median { question } => {
            let number = persona.numbers.iter().find(|n| &n.attribute == question)?;
            let d = &number.segment;
            Some(TrackedFigure {
                measure: measure.clone(),
                value: d.median?,
                n: d.n,
                iqr: d.q1.zip(d.q3).map(|(q1, q3)| q3 - q1),
            })
        }
    }
}

/// The measures a persona follows: its plans' measures, then those its timeline has
/// recorded, each once.
pub fn tracked_measures(persona: &Persona) -> Vec<Measure> {
    let mut measures: Vec<Measure> = Vec::new();
    let recorded = persona
        .waves
        .iter()
        .flat_map(|w| &w.figures)
        .map(|f| &f.measure);
    for measure in persona
        .plans
        .iter()
        .filter_map(|p| p.measure.as_ref())
        .chain(recorded)
    {
        if !measures.contains(measure) {
            measures.push(measure.clone());
        }
    }
    measures
}

/// Adds the persona's current figures to its timeline as the wave of `date`, keeping at
/// most [`MAX_WAVES`] (the oldest go first).
pub fn record_wave(persona: &mut Persona, date: Date, respondents: usize) {
    let tracked = tracked_measures(persona);
    let number = persona.waves.last().map_or(1, |w| w.number + 1);
    let record = WaveRecord::of(persona, number, date, respondents, &tracked);
    persona.waves.push(record);
    let excess = persona.waves.len().saturating_sub(MAX_WAVES);
    persona.waves.drain(..excess);
}

/// One measure over the timeline: each wave's date and its figure, if recorded.
pub fn series(persona: &Persona, measure: &Measure) -> Vec<(Date, Option<f64>)> {
    persona
        .waves
        .iter()
        .map(|w| (w.date, w.figure(measure).map(|f| f.value)))
        .collect()
}

/// Gives a persona that has no timeline (one read from a file before version 4) its
/// first wave: its figures as they are, dated by the wave they come from.
pub fn start_timeline(persona: &mut Persona) {
    if persona.waves.is_empty() {
        let (date, respondents) = match &persona.provenance.refreshed {
            Some(wave) => (wave.date, wave.rows),
            None => (persona.created_at.date(), persona.provenance.rows),
        };
        record_wave(persona, date, respondents);
    }
}
