//! A persona's fields as staff see them in its history: what each version changed, shown
//! before → after, and what restoring a version (or one field of it) would change.

use super::Persona;
use crate::personas::wording::shorten;

/// The parts of a persona a change can touch, each restorable on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    /// The card's header words: the illustrative name, headline, goals and frustrations.
    Portrait,
    Summary,
    /// Size, share, answers and numbers: what a survey wave counted (and the timeline
    /// of every wave's).
    Figures,
    Actions,
    /// The adopted actions, with owners, status, due dates and targets.
    Plan,
    /// Staff's answers to "Does this match the patients you see?".
    Ratings,
    Quotes,
    Notes,
    Owner,
    Tags,
    Review,
    Source,
}

/// How much of a long field a diff shows.
const SHOWN_CHARS: usize = 120;

impl Field {
    /// Every field, in the order a card shows them.
    pub const ALL: [Field; 13] = [
        Field::Name,
        Field::Portrait,
        Field::Summary,
        Field::Figures,
        Field::Actions,
        Field::Plan,
        Field::Ratings,
        Field::Quotes,
        Field::Notes,
        Field::Owner,
        Field::Tags,
        Field::Review,
        Field::Source,
    ];

    /// The field in words ("edited name, tags").
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Portrait => "portrait",
            Field::Summary => "summary",
            Field::Figures => "figures",
            Field::Actions => "actions",
            Field::Plan => "plan",
            Field::Ratings => "ratings",
            Field::Quotes => "quotes",
            Field::Notes => "notes",
            Field::Owner => "owner",
            Field::Tags => "tags",
            Field::Review => "review date",
            Field::Source => "source",
        }
    }

    /// Whether `a` and `b` differ in this field.
    pub fn differs(self, a: &Persona, b: &Persona) -> bool {
        match self {
            Field::Name => a.name != b.name,
            Field::Portrait => {
                (&a.display_name, &a.headline, &a.goals, &a.frustrations)
                    != (&b.display_name, &b.headline, &b.goals, &b.frustrations)
            }
            Field::Summary => a.summary != b.summary,
            Field::Figures => {
                (&a.segment, &a.traits, &a.numbers, &a.waves)
                    != (&b.segment, &b.traits, &b.numbers, &b.waves)
            }
            Field::Actions => a.actions != b.actions,
            Field::Plan => a.plans != b.plans,
            Field::Ratings => a.ratings != b.ratings,
            Field::Quotes => a.quotes != b.quotes,
            Field::Notes => a.notes != b.notes,
            Field::Owner => a.owner != b.owner,
            Field::Tags => a.tags != b.tags,
            Field::Review => {
                (a.review_due, a.last_reviewed, &a.reviews)
                    != (b.review_due, b.last_reviewed, &b.reviews)
            }
            Field::Source => a.provenance != b.provenance,
        }
    }

    /// The field's value in a line, for a diff.
    pub fn shown(self, p: &Persona) -> String {
        let list = |items: Vec<&str>| {
            if items.is_empty() {
                "none".to_string()
            } else {
                shorten(&items.join("; "), SHOWN_CHARS)
            }
        };
        let blank = |s: &str| {
            if s.trim().is_empty() {
                "blank".to_string()
            } else {
                shorten(s, SHOWN_CHARS)
            }
        };
        match self {
            Field::Name => blank(&p.name),
            Field::Portrait => blank(&p.headline),
            Field::Summary => blank(&p.summary),
            Field::Figures => format!(
                "{} respondents ({:.1}%), {} answers",
                p.segment.size,
                100.0 * p.segment.share,
                p.traits.len() + p.numbers.len()
            ),
            Field::Actions => list(p.actions.iter().map(|a| a.text.as_str()).collect()),
            Field::Plan => list(p.plans.iter().map(|a| a.action.as_str()).collect()),
            Field::Ratings => match crate::follow_up::rating_summary(p) {
                Some(summary) => summary.describe(),
                None => "none".to_string(),
            },
            Field::Quotes => list(p.quotes.iter().map(|q| q.text.as_str()).collect()),
            Field::Notes => list(p.notes.iter().map(|n| n.text.as_str()).collect()),
            Field::Owner => blank(&p.owner),
            Field::Tags => list(p.tags.iter().map(String::as_str).collect()),
            Field::Review => match p.last_reviewed {
                Some(last) => format!("due {}, last reviewed {last}", p.review_due),
                None => format!("due {}", p.review_due),
            },
            Field::Source => match &p.provenance.refreshed {
                Some(wave) => format!("refreshed from a wave of {} on {}", wave.rows, wave.date),
                None => format!("built from {} respondents", p.provenance.rows),
            },
        }
    }

    /// `into` with this field taken from `from`.
    pub fn take(self, into: &mut Persona, from: &Persona) {
        match self {
            Field::Name => into.name = from.name.clone(),
            Field::Portrait => {
                into.display_name = from.display_name.clone();
                into.headline = from.headline.clone();
                into.goals = from.goals.clone();
                into.frustrations = from.frustrations.clone();
            }
            Field::Summary => into.summary = from.summary.clone(),
            Field::Figures => {
                into.segment = from.segment.clone();
                into.traits = from.traits.clone();
                into.numbers = from.numbers.clone();
                into.waves = from.waves.clone();
            }
            Field::Actions => into.actions = from.actions.clone(),
            Field::Plan => into.plans = from.plans.clone(),
            Field::Ratings => into.ratings = from.ratings.clone(),
            Field::Quotes => into.quotes = from.quotes.clone(),
            Field::Notes => into.notes = from.notes.clone(),
            Field::Owner => into.owner = from.owner.clone(),
            Field::Tags => into.tags = from.tags.clone(),
            Field::Review => {
                into.review_due = from.review_due;
                into.last_reviewed = from.last_reviewed;
                into.reviews = from.reviews.clone();
            }
            Field::Source => into.provenance = from.provenance.clone(),
        }
    }
}

/// One field that differs between two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: Field,
    pub before: String,
    pub after: String,
}

impl Persona {
    /// The fields that differ from `earlier`, in the order a card shows them.
    pub fn changed_fields(&self, earlier: &Persona) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| f.differs(self, earlier))
            .collect()
    }

    /// What changed from `earlier` to this, field by field, before → after.
    pub fn diff_from(&self, earlier: &Persona) -> Vec<FieldChange> {
        self.changed_fields(earlier)
            .into_iter()
            .map(|field| FieldChange {
                field,
                before: field.shown(earlier),
                after: field.shown(self),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::persona;

    #[test]
    fn a_diff_names_each_changed_field_before_and_after() {
        let before = persona("a", "Margaret");
        let mut after = before.clone();
        assert!(after.diff_from(&before).is_empty());
        after.name = "Margaret, 75–84".into();
        after.tags.push("transport".into());
        after.updated_at += time::Duration::hours(1);
        let diff = after.diff_from(&before);
        assert_eq!(
            diff.iter().map(|c| c.field).collect::<Vec<_>>(),
            [Field::Name, Field::Tags]
        );
        assert_eq!(
            (diff[0].before.as_str(), diff[0].after.as_str()),
            ("Margaret", "Margaret, 75–84")
        );
        assert_eq!(
            (diff[1].before.as_str(), diff[1].after.as_str()),
            ("none", "transport")
        );
    }

    #[test]
    fn taking_one_field_changes_that_field_only() {
        let earlier = persona("a", "Old name");
        let mut now = earlier.clone();
        now.name = "New name".into();
        now.owner = "Sam".into();
        Field::Name.take(&mut now, &earlier);
        assert_eq!(now.changed_fields(&earlier), [Field::Owner]);
        for field in Field::ALL {
            let mut copy = now.clone();
            field.take(&mut copy, &earlier);
            assert!(!field.differs(&copy, &earlier), "{}", field.label());
        }
    }
}
