//! What a persona card shows at a glance beside its words: the figures behind them — its
//! main age band, condition and obstacle, its preferred channels and times — each with
//! the persona's share beside everyone's, as the evidence table has them.

use super::phrases::{asks_when, is_negative, is_yes, Family};
use super::profile::{age_fact, facts, main_fact, Fact};
use super::Persona;
use crate::columns::{propose_role, ColumnKind, Role};

/// Preferred channels or times shown as chips, at most.
pub const MOST_CHIPS: usize = 3;

/// One answer with the persona's share of it and everyone's, in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub question: String,
    pub answer: String,
    pub share: f64,
    pub overall: f64,
    /// For a number's middle half: everyone's, to set beside it.
    pub everyone: Option<String>,
}

impl From<&Fact> for Figure {
    fn from(f: &Fact) -> Self {
        Figure {
            question: f.question.clone(),
            answer: f.answer.clone(),
            share: f.share,
            overall: f.overall,
            everyone: f.everyone.clone(),
        }
    }
}

/// The figures a card's header shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glance {
    pub age: Option<Figure>,
    pub condition: Option<Figure>,
    pub obstacle: Option<Figure>,
    pub channels: Vec<Figure>,
    pub times: Vec<Figure>,
}

impl Persona {
    /// The persona's facts: its traits and what its definition fixes.
    fn facts(&self) -> Vec<Fact> {
        let role_of = |question: &str| Some(propose_role(question, ColumnKind::Categorical));
        let share = 100.0 * self.segment.share;
        let mut facts = facts(
            &self.traits,
            self.segment.definition.as_ref(),
            share,
            role_of,
        );
        facts.extend(age_fact(&self.numbers));
        facts
    }

    /// The figures behind the header's words.
    pub fn glance(&self) -> Glance {
        let facts = self.facts();
        let main = |wanted: &dyn Fn(&Fact) -> bool| main_fact(&facts, wanted).map(Figure::from);
        let chips = |when: bool| -> Vec<Figure> {
            let mut chosen: Vec<&Fact> = facts
                .iter()
                .filter(|f| {
                    f.role == Some(Role::ChannelPreference)
                        && asks_when(&f.question) == when
                        && f.share >= 25.0
                        && !is_yes(&f.answer)
                        && !is_negative(&f.answer)
                })
                .collect();
            chosen.sort_by(|a, b| b.share.total_cmp(&a.share));
            chosen
                .into_iter()
                .take(MOST_CHIPS)
                .map(Figure::from)
                .collect()
        };
        Glance {
            age: main(&|f| f.family() == Family::Age),
            condition: main(&|f| f.role == Some(Role::Condition)),
            obstacle: main(&|f| f.role == Some(Role::Barrier)),
            channels: chips(false),
            times: chips(true),
        }
    }

    /// The figure behind a phrase of the header (a goal or a frustration), when one of
    /// the persona's answers says it.
    pub fn figure_of(&self, phrase: &str) -> Option<Figure> {
        let phrase = phrase.trim().to_lowercase();
        self.facts()
            .iter()
            .find(|f| f.answer.trim().to_lowercase() == phrase)
            .map(Figure::from)
    }
}

#[cfg(test)]
mod tests {
    use crate::personas::Trait;
    use crate::test_support::persona;

    fn answer(question: &str, value: &str, role: crate::columns::Role, pct: f64) -> Trait {
        Trait {
            attribute: question.into(),
            value: value.into(),
            segment_pct: pct,
            overall_pct: pct / 2.0,
            n: 20,
            role: Some(role),
            distinctive: true,
        }
    }

    #[test]
    fn the_header_figures_are_the_traits_behind_its_words() {
        use crate::columns::Role::*;
        let mut p = persona("a", "A");
        p.traits = vec![
            answer("Age", "65–74", Demographic, 60.0),
            answer("Which conditions do you have?", "Diabetes", Condition, 55.0),
            answer("What stops you from attending?", "Transport", Barrier, 48.0),
            answer(
                "How would you like to hear from us?",
                "Phone",
                ChannelPreference,
                58.0,
            ),
            answer(
                "How would you like to hear from us?",
                "Letter",
                ChannelPreference,
                30.0,
            ),
            answer("When suits you best?", "Morning", ChannelPreference, 50.0),
        ];
        let glance = p.glance();
        assert_eq!(glance.age.unwrap().answer, "65–74");
        assert_eq!(glance.condition.unwrap().answer, "Diabetes");
        let obstacle = glance.obstacle.unwrap();
        assert_eq!((obstacle.share, obstacle.overall), (48.0, 24.0));
        let channels: Vec<_> = glance.channels.iter().map(|c| c.answer.as_str()).collect();
        assert_eq!(channels, ["Phone", "Letter"]);
        assert_eq!(glance.times[0].answer, "Morning");
        assert_eq!(p.figure_of("transport").unwrap().share, 48.0);
        assert!(p.figure_of("Being seen on time").is_none());
    }
}
