//! The words a care team reads first: a persona's plain name ("Lives alone, prefers a
//! phone call"), its illustrative display name ("Margaret, 65–74: lives alone,
//! held back by transport"), a headline a nurse can repeat, and what matters to its
//! people and what stands in their way. All of it is written by templates from the
//! persona's facts — its strong answers and the answers that define it — so every
//! phrase rests on figures the evidence table shows.

use super::names::{names_for, pick, Generation, NameGender};
use super::phrases::{
    asks_when, in_words, is_negative, is_yes, name_gender, phrase, subject, Family,
};
use super::{NumberTrait, Synthesis, Trait};
use crate::columns::Role;
use crate::segments::rules::{bounds, Rule, Test};

/// One thing known about a persona's people: an answer and how many of them gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub question: String,
    pub answer: String,
    pub role: Option<Role>,
    /// Percent of the persona's people giving it (100 for a defining answer).
    pub share: f64,
    /// Percent of all respondents giving it (for a defining answer, the persona's share).
    pub overall: f64,
    /// How many times more common than among everyone (0 when unknown).
    pub lift: f64,
    /// Whether it sets them apart (significantly more common than among the rest).
    pub distinctive: bool,
    /// Whether the persona's definition fixes it (a rule's condition, or the answer
    /// that formed the group).
    pub defining: bool,
    /// For a number's middle half ([`age_fact`]): everyone's middle half, to set beside it.
    pub everyone: Option<String>,
}

impl Fact {
    /// Given by enough of them to speak for the persona: a quarter and distinctive, or
    /// half of them or more.
    fn is_strong(&self) -> bool {
        self.share >= 25.0 && (self.distinctive || self.share >= 50.0)
    }

    pub(super) fn family(&self) -> Family {
        Family::of(&self.question)
    }
}

/// The facts of a persona: its traits, and the answers its definition fixes (which give
/// no traits, being everyone's; `share` is the persona's share of all respondents, in
/// percent). `role_of` gives a question's role.
pub fn facts(
    traits: &[Trait],
    definition: Option<&Rule>,
    share: f64,
    role_of: impl Fn(&str) -> Option<Role>,
) -> Vec<Fact> {
    let defining = definition
        .into_iter()
        .flat_map(|rule| &rule.conditions)
        .map(|c| {
            let answer = match &c.test {
                Test::Is { value } => value.clone(),
                Test::Includes { option } => option.clone(),
                Test::AtLeast { number } => format!("{number}+"),
                Test::AtMost { number } => format!("up to {number}"),
            };
            Fact {
                question: c.question.clone(),
                answer,
                role: role_of(&c.question),
                share: 100.0,
                overall: share,
                lift: if share > 0.0 { 100.0 / share } else { 0.0 },
                distinctive: true,
                defining: true,
                everyone: None,
            }
        });
    let answered = traits.iter().map(|t| Fact {
        question: t.attribute.clone(),
        answer: t.value.clone(),
        role: t.role,
        share: t.segment_pct,
        overall: t.overall_pct,
        lift: t.lift(),
        distinctive: t.distinctive,
        defining: false,
        everyone: None,
    });
    defining.chain(answered).collect()
}

/// What an age asked as a number says of a persona's people: the middle half of their
/// ages ("68–85", a share of 50%), when both quartiles may be shown (each rests on at
/// least k answers). Ages asked in bands are traits already.
pub fn age_fact(numbers: &[NumberTrait]) -> Option<Fact> {
    let age = numbers
        .iter()
        .find(|n| Family::of(&n.attribute) == Family::Age)?;
    let (low, high) = (age.segment.q1?, age.segment.q3?);
    Some(Fact {
        question: age.attribute.clone(),
        answer: format!("{}–{}", low.round(), high.round()),
        role: age.role,
        share: 50.0,
        overall: 0.0,
        lift: 0.0,
        distinctive: age.distinctive,
        defining: false,
        everyone: match (age.overall.q1, age.overall.q3) {
            (Some(low), Some(high)) => Some(format!("{}–{}", low.round(), high.round())),
            _ => None,
        },
    })
}

/// The strongest fact of a family or role: the most common among the strong ones, the
/// most distinctive breaking ties.
pub(super) fn main_fact(facts: &[Fact], wanted: impl Fn(&Fact) -> bool) -> Option<&Fact> {
    facts
        .iter()
        .filter(|f| wanted(f) && f.is_strong() && !is_negative(&f.answer))
        .max_by(|a, b| {
            (a.share, a.lift)
                .partial_cmp(&(b.share, b.lift))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// The persona's plain name: what defines it (up to three conditions) or else its two
/// most telling facts ("Lives alone, prefers a phone call"); never a question's text.
pub fn plain_name(facts: &[Fact]) -> String {
    let defining = facts.iter().filter(|f| f.defining).count();
    let parts = telling(facts, defining.clamp(2, 3));
    if parts.is_empty() {
        return "Respondents who answered alike".into();
    }
    capitalise(&parts.join(", "))
}

/// Up to `most` phrases of the facts that say most about the persona, one per question:
/// defining answers first, in their order, then questions whose answers set it apart,
/// by how much more common their most common such answer is than among everyone.
fn telling(facts: &[Fact], most: usize) -> Vec<String> {
    let eligible = |f: &&Fact| f.defining || (f.distinctive && f.share >= 25.0);
    // Each question speaks through its most common eligible answer.
    let mut chosen: Vec<&Fact> = Vec::new();
    for fact in facts.iter().filter(eligible) {
        match chosen.iter_mut().find(|c| c.question == fact.question) {
            Some(c) if (fact.defining, fact.share) > (c.defining, c.share) => *c = fact,
            Some(_) => {}
            None => chosen.push(fact),
        }
    }
    chosen.sort_by(|a, b| {
        (b.defining, b.lift)
            .partial_cmp(&(a.defining, a.lift))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut phrases: Vec<String> = Vec::new();
    for fact in chosen {
        if phrases.len() == most {
            break;
        }
        if let Some(p) = phrase(fact) {
            if !phrases.contains(&p) {
                phrases.push(p);
            }
        }
    }
    phrases
}

/// Another telling phrase, beyond those a name already has, to tell two personas apart.
pub fn distinguishing(facts: &[Fact], used: usize) -> Option<String> {
    telling(facts, used + 1).get(used).cloned()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// What a header block says of a persona.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// "Margaret, 65–74: lives alone, held back by transport" (the first name is
    /// invented).
    pub display_name: String,
    pub headline: String,
    pub goals: Vec<String>,
    pub frustrations: Vec<String>,
}

/// Goals and frustrations shown, at most.
pub const MOST_LISTED: usize = 3;

/// The persona's header words. `seed` picks its first name; `taken` are the names
/// other personas of the same build already have.
pub fn profile(facts: &[Fact], seed: u64, taken: &[String]) -> Profile {
    let age = main_fact(facts, |f| f.family() == Family::Age).map(|f| f.answer.clone());
    let gender = main_fact(facts, |f| f.family() == Family::Gender && f.share >= 60.0)
        .and_then(|f| name_gender(&f.answer))
        .unwrap_or(NameGender::Neutral);
    let generation = age.as_deref().and_then(bounds).map(|(low, high)| {
        Generation::of_age(if high.is_finite() {
            (low + high) / 2.0
        } else {
            low + 5.0
        })
    });
    let first = pick(names_for(gender, generation), seed, taken);
    let descriptor = descriptor(facts);
    let mut display_name = first;
    if let Some(age) = &age {
        display_name.push_str(&format!(", {age}"));
    }
    if !descriptor.is_empty() {
        display_name.push_str(&format!(": {descriptor}"));
    }
    let listed = |role: Role| -> Vec<String> {
        let mut items: Vec<&Fact> = facts
            .iter()
            .filter(|f| f.role == Some(role) && f.is_strong() && !is_negative(&f.answer))
            .collect();
        items.sort_by(|a, b| {
            b.share
                .partial_cmp(&a.share)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        items
            .into_iter()
            .map(|f| {
                capitalise(&if is_yes(&f.answer) {
                    subject(&f.question)
                } else {
                    f.answer.trim().to_string()
                })
            })
            .take(MOST_LISTED)
            .collect()
    };
    Profile {
        display_name,
        headline: headline(facts, gender, age.as_deref()),
        goals: listed(Role::Motivation),
        frustrations: listed(Role::Barrier),
    }
}

/// "lives alone, held back by transport": how they live and what stops them, or
/// failing those the most telling facts.
fn descriptor(facts: &[Fact]) -> String {
    let living = main_fact(facts, |f| f.family() == Family::Living).and_then(phrase);
    let obstacle = main_fact(facts, |f| {
        f.role == Some(Role::Barrier) && f.family() == Family::Other
    })
    .and_then(phrase);
    let parts: Vec<String> = living.into_iter().chain(obstacle).collect();
    if parts.is_empty() {
        telling(facts, 2)
            .into_iter()
            .filter(|p| !p.starts_with("aged "))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        parts.join(", ")
    }
}

/// "A woman aged 65–74 with diabetes who lives alone and prefers a phone call;
/// held back by transport."
fn headline(facts: &[Fact], gender: NameGender, age: Option<&str>) -> String {
    let clear_gender =
        main_fact(facts, |f| f.family() == Family::Gender && f.share >= 60.0).is_some();
    let mut text = match (clear_gender, gender) {
        (true, NameGender::Female) => "A woman".to_string(),
        (true, NameGender::Male) => "A man".to_string(),
        _ => "Someone".to_string(),
    };
    if let Some(age) = age {
        text.push_str(&format!(" aged {age}"));
    }
    let condition = main_fact(facts, |f| {
        f.role == Some(Role::Condition) && f.family() == Family::Other
    })
    .map(|f| {
        if is_yes(&f.answer) {
            subject(&f.question)
        } else {
            in_words(&f.answer)
        }
    });
    if let Some(condition) = condition {
        text.push_str(&format!(" with {condition}"));
    }
    let living = main_fact(facts, |f| f.family() == Family::Living).and_then(phrase);
    let prefers = main_fact(facts, |f| {
        f.role == Some(Role::ChannelPreference) && !is_yes(&f.answer) && !asks_when(&f.question)
    })
    .and_then(phrase);
    let who: Vec<String> = living.into_iter().chain(prefers).collect();
    if !who.is_empty() {
        text.push_str(&format!(" who {}", who.join(" and ")));
    }
    let obstacle = main_fact(facts, |f| {
        f.role == Some(Role::Barrier) && f.family() == Family::Other
    })
    .and_then(phrase);
    if let Some(obstacle) = obstacle {
        let joint = if text == "Someone" { " " } else { "; " };
        text.push_str(&format!("{joint}{obstacle}"));
    }
    if text == "Someone" {
        let telling = telling(facts, 2);
        return if telling.is_empty() {
            "Someone whose answers are much like the others in this group.".into()
        } else {
            format!("Someone whose answers stand out: {}.", telling.join("; "))
        };
    }
    text.push('.');
    text
}

/// Gives every persona of a build its own plain name (adding what tells two apart) and
/// its header words, each with an illustrative first name no other persona has.
pub fn name_apart(synthesis: &mut Synthesis, facts: &[Vec<Fact>]) {
    let personas = &mut synthesis.personas;
    for extra in 0..2 {
        let names: Vec<String> = personas.iter().map(|p| p.name.clone()).collect();
        for (i, p) in personas.iter_mut().enumerate() {
            let shared = names.iter().filter(|n| **n == names[i]).count() > 1;
            if shared {
                if let Some(more) = distinguishing(&facts[i], 2 + extra) {
                    p.name = format!("{}, {more}", p.name);
                }
            }
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for p in personas.iter_mut() {
        let base = p.name.clone();
        let mut n = 2;
        while seen.contains(&p.name) {
            p.name = format!("{base} ({n})");
            n += 1;
        }
        seen.push(p.name.clone());
    }
    let mut first_names: Vec<String> = Vec::new();
    for (p, facts) in personas.iter_mut().zip(facts) {
        let seed = u64::from_str_radix(&p.id[..p.id.len().min(12)], 16).unwrap_or(0);
        let header = profile(facts, seed, &first_names);
        first_names.push(
            header
                .display_name
                .split([',', ':'])
                .next()
                .unwrap_or_default()
                .to_string(),
        );
        p.display_name = header.display_name;
        p.headline = header.headline;
        p.goals = header.goals;
        p.frustrations = header.frustrations;
    }
    for w in &mut synthesis.withheld {
        if let Some(p) = personas.iter().find(|p| p.id == w.persona_id) {
            w.persona_name = p.name.clone();
        }
    }
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
