//! What changed since the last review, figure by figure: the wave current then against
//! the latest one — the persona's size, its share and each tracked figure — for the
//! guided review to show. Every figure comes from the timeline, so each rests on at
//! least k respondents.

use super::plan::Measure;
use super::review::Agenda;
use super::timeline::WaveRecord;

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Respondents.
    People,
    /// A percent, 0–100.
    Percent,
    /// A number question's median, in its own unit.
    Median,
}

/// One figure at the wave before and now (`None`: that wave did not record it).
#[derive(Debug, Clone, PartialEq)]
pub struct FigureChange {
    pub label: String,
    pub unit: Unit,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// The waves a review compares and their figures.
#[derive(Debug, Clone, PartialEq)]
pub struct WaveChanges<'a> {
    /// The wave current at the last review; `None` when no wave came since, so there
    /// is nothing to compare and `to` is that wave.
    pub from: Option<&'a WaveRecord>,
    /// The latest wave.
    pub to: &'a WaveRecord,
    pub figures: Vec<FigureChange>,
}

impl<'a> Agenda<'a> {
    /// The figures of the wave before against the latest wave; `None` for a persona
    /// with no timeline.
    pub fn changes(&self) -> Option<WaveChanges<'a>> {
        let (from, to) = match (self.wave_before, self.waves_since.last()) {
            (before, Some(latest)) => (before, *latest),
            (Some(before), None) => (None, before),
            (None, None) => return None,
        };
        let value = |wave: Option<&WaveRecord>, measure: &Measure| {
            wave.and_then(|w| w.figure(measure)).map(|f| f.value)
        };
        let mut figures = vec![
            FigureChange {
                label: "Respondents it stands for".to_string(),
                unit: Unit::People,
                before: from.map(|w| w.size as f64),
                after: Some(to.size as f64),
            },
            FigureChange {
                label: Measure::Share.label(),
                unit: Unit::Percent,
                before: value(from, &Measure::Share),
                after: value(Some(to), &Measure::Share),
            },
        ];
        let mut measures: Vec<&Measure> = to.figures.iter().map(|f| &f.measure).collect();
        for f in from.iter().flat_map(|w| &w.figures) {
            if !measures.contains(&&f.measure) {
                measures.push(&f.measure);
            }
        }
        figures.extend(measures.into_iter().map(|m| FigureChange {
            label: m.label(),
            unit: if m.is_percent() {
                Unit::Percent
            } else {
                Unit::Median
            },
            before: value(from, m),
            after: value(Some(to), m),
        }));
        Some(WaveChanges { from, to, figures })
    }
}

impl FigureChange {
    /// One of its values as shown: "40", "25.0 %", "3.5".
    pub fn show(&self, value: Option<f64>) -> String {
        match (value, self.unit) {
            (None, _) => "—".to_string(),
            (Some(v), Unit::People) => format!("{v:.0}"),
            (Some(v), Unit::Percent) => format!("{v:.1} %"),
            (Some(v), Unit::Median) => format!("{v}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::follow_up::{record_review, record_wave, Decision, Review};
    use crate::test_support::persona;

    #[test]
    fn the_wave_before_the_last_review_is_compared_with_the_latest() {
        let mut p = persona("a", "A");
        let trait_of = Measure::Answer {
            question: "transport".into(),
            answer: "Car".into(),
        };
        assert_eq!(p.waves.len(), 1, "built from one wave");
        // Nothing to compare before a second wave: the one wave's figures, no "before".
        let agenda = Agenda::of(&p, date!(2027 - 03 - 01));
        let only = agenda.changes().unwrap();
        assert_eq!((only.from, only.to.number), (None, 1));
        assert!(only.figures.iter().all(|f| f.before.is_none()));
        assert_eq!(only.figures[0].show(only.figures[0].after), "25");

        let review = Review {
            date: date!(2027 - 03 - 01),
            by: String::new(),
            decision: Decision::Keep,
            note: String::new(),
            next_due: date!(2027 - 06 - 01),
            at_wave: 0,
        };
        record_review(&mut p, review);
        for (day, size, car) in [
            (date!(2027 - 04 - 01), 30, 70.0),
            (date!(2027 - 05 - 01), 20, 55.0),
        ] {
            p.segment.size = size;
            p.segment.share = size as f64 / 40.0;
            p.traits[0].segment_pct = car;
            record_wave(&mut p, day, 40);
        }
        let agenda = Agenda::of(&p, date!(2027 - 06 - 02));
        let changes = agenda.changes().unwrap();
        assert_eq!((changes.from.unwrap().number, changes.to.number), (1, 3));
        let [size, share, car] = &changes.figures[..] else {
            panic!("size, share and one trait: {:?}", changes.figures);
        };
        assert_eq!((size.before, size.after), (Some(25.0), Some(20.0)));
        assert_eq!(
            (share.show(share.before), share.show(share.after)),
            ("62.5 %".into(), "50.0 %".into())
        );
        assert_eq!(car.label, trait_of.label());
        assert_eq!((car.before, car.after), (Some(80.0), Some(55.0)));
    }

    #[test]
    fn a_persona_without_a_timeline_has_no_changes() {
        let mut p = persona("a", "A");
        p.waves.clear();
        assert_eq!(Agenda::of(&p, date!(2027 - 03 - 01)).changes(), None);
    }
}
