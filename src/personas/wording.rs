//! The words of a persona, written from its data by templates: its name and its summary
//! paragraph. No model and no network: the same traits always give the same text.

use super::Trait;
use crate::segments::Segment;

use super::evidence::percent;

pub(super) fn answer_summary(
    question: &str,
    segment: &Segment,
    total: usize,
    traits: &[Trait],
) -> String {
    let opening = format!(
        "{} of {total} respondents ({}%) answered “{}” to “{question}”.",
        segment.size(),
        percent(segment.size(), total),
        segment.label
    );
    with_standout(opening, traits)
}

pub(super) fn rule_summary(
    rule: &str,
    segment: &Segment,
    total: usize,
    traits: &[Trait],
) -> String {
    let opening = format!(
        "{} of {total} respondents ({}%) meet the rule: {rule}.",
        segment.size(),
        percent(segment.size(), total),
    );
    with_standout(opening, traits)
}

/// A rule short enough to be a persona's name.
pub(super) fn short(rule: &str) -> String {
    const MOST: usize = 120;
    if rule.chars().count() <= MOST {
        return rule.to_string();
    }
    let cut: String = rule.chars().take(MOST - 1).collect();
    format!("{cut}…")
}

pub(super) fn found_summary(segment: &Segment, total: usize, traits: &[Trait]) -> String {
    let opening = format!(
        "{} of {total} respondents ({}%) answered much alike across the survey.",
        segment.size(),
        percent(segment.size(), total),
    );
    with_standout(opening, traits)
}

/// The summary paragraph: the opening, the answer that most sets the segment apart, then
/// one sentence per persona section whose leading answer is strong ([`Trait::is_strong`]).
fn with_standout(mut summary: String, traits: &[Trait]) -> String {
    let standout = standouts(traits).next();
    if let Some(t) = standout {
        summary.push_str(&format!(
            " More often than respondents overall they answered “{}” to “{}” ({}% vs {}%).",
            t.value, t.attribute, t.segment_pct, t.overall_pct
        ));
    }
    let mut sections_told = 0;
    let mut last_section = None;
    for t in traits {
        let section = t.role.map(|r| r.section());
        if section == last_section || sections_told == MAX_SECTION_SENTENCES {
            continue;
        }
        last_section = section;
        let told = standout.is_some_and(|s| std::ptr::eq(s, t));
        if let (Some((_, title)), true, false) = (section, t.is_strong(), told) {
            summary.push_str(&format!(
                " {title}: “{}” for “{}” ({}% of them, {}% overall).",
                t.value, t.attribute, t.segment_pct, t.overall_pct
            ));
            sections_told += 1;
        }
    }
    summary
}

/// The most section sentences in a summary.
const MAX_SECTION_SENTENCES: usize = 4;

/// "Segment A: Bus, 65–74": its letter and the two answers that most set it apart.
pub(super) fn found_name(letter: &str, traits: &[Trait]) -> String {
    let values: Vec<&str> = standouts(traits)
        .take(2)
        .map(|t| t.value.as_str())
        .collect();
    if values.is_empty() {
        format!("Segment {letter}")
    } else {
        format!("Segment {letter}: {}", values.join(", "))
    }
}

/// Traits more common in the segment than overall, the biggest difference first.
fn standouts(traits: &[Trait]) -> impl Iterator<Item = &Trait> {
    let mut above: Vec<&Trait> = traits
        .iter()
        .filter(|t| t.segment_pct > t.overall_pct)
        .collect();
    above.sort_by(|a, b| {
        (b.segment_pct - b.overall_pct).total_cmp(&(a.segment_pct - a.overall_pct))
    });
    above.into_iter()
}
