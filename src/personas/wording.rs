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

/// `text` in at most `most` characters: cut at the last word boundary that fits, and
/// marked “…”; a single word longer than that is cut where it must.
pub fn shorten(text: &str, most: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= most || most == 0 {
        return text.chars().take(most).collect();
    }
    let room: String = text.chars().take(most - 1).collect();
    let at_word = match room.rfind(char::is_whitespace) {
        Some(end) if end > 0 => room[..end].trim_end_matches([',', ';', ':', '-', '–', ' ']),
        _ => room.as_str(),
    };
    format!("{at_word}…")
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

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shortening_cuts_at_a_word_and_says_so() {
        assert_eq!(shorten("How do you travel?", 40), "How do you travel?");
        assert_eq!(
            shorten("How do you usually travel to the clinic", 20),
            "How do you usually…"
        );
        assert_eq!(shorten("Supercalifragilistic", 6), "Super…");
        let long = "word ".repeat(100);
        assert!(shorten(&long, 80).chars().count() <= 80);
    }
}
