//! Web addresses that are the survey's own wording: an answer option such as "OHBM
//! website" with its site’s address, chosen by at least k respondents, or a
//! question naming a site. A persona quotes them in its traits and summary; they point
//! at an organisation, not a patient, so the identifier check sets them aside, as it sets
//! aside the persona's own figures (`own_figures.rs`). Only web addresses: an email,
//! phone or record number in the same wording is still refused, and so is any address
//! in a text that does not appear in the persona's questions and answers.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use crate::personas::Persona;
use crate::privacy::patterns::URL;
use crate::segments::latent::ItemProfile;

/// The web addresses in a persona's questions and answers.
pub(super) struct SurveyAddresses(FxHashSet<String>);

impl SurveyAddresses {
    /// The addresses in `p`'s trait questions and answers, number questions, class
    /// profile and definition.
    pub(super) fn of(p: &Persona) -> Self {
        let mut wording: Vec<&str> = Vec::new();
        for t in &p.traits {
            wording.extend([t.attribute.as_str(), t.value.as_str()]);
        }
        wording.extend(p.numbers.iter().map(|n| n.attribute.as_str()));
        for item in p.segment.class_profile.iter().flat_map(|c| &c.items) {
            wording.push(item.question());
            match item {
                ItemProfile::Choice { answers, .. } | ItemProfile::Bands { answers, .. } => {
                    wording.extend(answers.iter().map(|a| a.answer.as_str()));
                }
                ItemProfile::Option { option, .. } => wording.push(option),
            }
        }
        for condition in p.segment.definition.iter().flat_map(|r| &r.conditions) {
            wording.push(&condition.question);
        }
        let addresses = wording
            .into_iter()
            .flat_map(|w| URL.find_iter(w).map(|m| trimmed(m.as_str()).to_string()))
            .collect();
        SurveyAddresses(addresses)
    }

    /// `text` with each of these addresses replaced by a placeholder word; unchanged
    /// (and not copied) when it quotes none.
    pub(super) fn set_aside<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.0.is_empty() {
            return Cow::Borrowed(text);
        }
        URL.replace_all(text, |found| {
            let address = trimmed(found);
            if self.0.contains(address) {
                format!("web address{}", &found[address.len()..])
            } else {
                found.to_string()
            }
        })
    }
}

/// An address without the closing punctuation the pattern takes along (the ")" of an
/// address in brackets).
fn trimmed(address: &str) -> &str {
    address.trim_end_matches([')', '.', ',', ';', ':', '”', '"', '\''])
}
