//! The rules every persona must meet, whether built here, loaded from storage or imported.

use thiserror::Error;

use super::class_profile_rules::check_profile;
use super::follow_up_rules::{check_follow_up, follow_up_texts, staff_texts};
use super::numbers::check_numbers;
use super::own_figures::OwnFigures;
use super::sources_rules::check_sources;
use super::survey_addresses::SurveyAddresses;
use crate::personas::{shorten, Persona};
use crate::privacy::patterns::{contains_identifier, identifier_kind, IdentifierKind};
use crate::privacy::MIN_GROUP_SIZE;
use crate::segments::latent::ItemProfile;
use crate::segments::rules::Test;
use crate::survey::{is_sha256, is_unsafe_char};

/// The most personas one file or library may hold.
pub const MAX_PERSONAS: usize = 500;
pub(super) const MAX_ID: usize = 64;
pub(super) const MAX_NAME: usize = 200;
const MAX_SUMMARY: usize = 5_000;
pub(super) const MAX_TEXT: usize = 1_000;
pub(super) const MAX_TRAITS: usize = 500;
pub(super) const MAX_LIST: usize = 100;
const MAX_TAGS: usize = 20;
const MAX_TAG: usize = 40;
const MAX_CONDITIONS: usize = 20;
/// Most answers (or bands) one item of a class profile lists.
pub(super) const MAX_LEVELS: usize = 64;
/// Goals or frustrations one persona may list.
const MAX_PHRASES: usize = 10;

/// A rule a persona breaks.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PersonaProblem {
    #[error("its id must be 1–{MAX_ID} letters, digits, “-” or “_”")]
    BadId,
    #[error("its name must not be blank")]
    BlankName,
    #[error("a tag is blank")]
    BlankTag,
    #[error("its {field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("its {field} holds more than {max} entries")]
    TooMany { field: &'static str, max: usize },
    #[error("it rests on {size} respondents; a persona needs at least {k}")]
    SegmentTooSmall { size: usize, k: usize },
    #[error("a trait rests on fewer than {k} respondents or on more than the segment")]
    TraitCountOutOfRange { k: usize },
    #[error(
        "its {field} contains what looks like an identifier (an email, phone or record number…)"
    )]
    LooksIdentifying { field: &'static str },
    #[error("a {field} is not a number between {min} and {max}")]
    OutOfRange {
        field: &'static str,
        min: i32,
        max: i32,
    },
    #[error("its provenance is inconsistent: {0}")]
    Provenance(&'static str),
    #[error(
        "its {field} holds a control character or a text-direction mark, which no persona \
         text may hold"
    )]
    UnsafeCharacter { field: &'static str },
    #[error("a number's figures rest on fewer than {k} respondents")]
    NumberTooFew { k: usize },
    #[error("a number's figures are inconsistent: {0}")]
    NumberFigure(&'static str),
    #[error("its class profile breaks a rule: {0}")]
    ClassProfile(&'static str),
    #[error("its plans, timeline, ratings or reviews break a rule: {0}")]
    FollowUp(&'static str),
}

/// Shortens a persona's texts to the format's length limits (at word boundaries), so a
/// persona the app writes itself — from however long a question — always passes
/// [`check_persona`]'s length rules.
pub fn fit_to_format(p: &mut Persona) {
    let fit = |text: &mut String, most: usize| {
        if text.chars().count() > most {
            *text = shorten(text, most);
        }
    };
    fit(&mut p.name, MAX_NAME);
    fit(&mut p.display_name, MAX_NAME);
    fit(&mut p.headline, MAX_TEXT);
    for phrase in p.goals.iter_mut().chain(p.frustrations.iter_mut()) {
        fit(phrase, MAX_NAME);
    }
    fit(&mut p.summary, MAX_SUMMARY);
    if let Some(rule) = &mut p.segment.rule {
        fit(rule, MAX_TEXT);
    }
    for t in &mut p.traits {
        fit(&mut t.attribute, MAX_TEXT);
        fit(&mut t.value, MAX_TEXT);
    }
    for n in &mut p.numbers {
        fit(&mut n.attribute, MAX_TEXT);
    }
    for q in &mut p.quotes {
        fit(&mut q.text, MAX_TEXT);
    }
    for a in &mut p.actions {
        fit(&mut a.text, MAX_TEXT);
        fit(&mut a.evidence, MAX_TEXT);
    }
    // A definition names questions and answers exactly (a new wave is matched on them),
    // so one too long to keep is left out: the persona is then matched by its figures.
    let too_long = |text: &str| text.chars().count() > MAX_TEXT;
    let overlong = p.segment.definition.as_ref().is_some_and(|rule| {
        rule.conditions.iter().any(|c| {
            too_long(&c.question)
                || matches!(&c.test, Test::Is { value: t } | Test::Includes { option: t } if too_long(t))
        })
    });
    if overlong {
        p.segment.definition = None;
    }
    // So is a class profile (a new wave is sorted by it, matched on its questions).
    let profile_overlong = p.segment.class_profile.as_ref().is_some_and(|c| {
        c.items.iter().any(|item| {
            too_long(item.question())
                || match item {
                    ItemProfile::Choice { answers, .. } | ItemProfile::Bands { answers, .. } => {
                        answers.iter().any(|a| too_long(&a.answer))
                    }
                    ItemProfile::Option { option, .. } => too_long(option),
                }
        })
    });
    if profile_overlong {
        p.segment.class_profile = None;
    }
    // The timeline names its answers exactly too: a figure of one too long is not kept.
    for wave in &mut p.waves {
        wave.figures
            .retain(|f| f.measure.texts().into_iter().all(|t| !too_long(t)));
    }
}

/// Checks one persona against the privacy floor and the format's limits: the same
/// checks for personas built here, kept in storage, exported and imported.
pub fn check_persona(p: &Persona) -> Result<(), PersonaProblem> {
    use PersonaProblem::*;
    let k = p.provenance.min_group_size.max(MIN_GROUP_SIZE);
    let id_ok = !p.id.is_empty()
        && p.id.len() <= MAX_ID
        && p.id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !id_ok {
        return Err(BadId);
    }
    if p.name.trim().is_empty() {
        return Err(BlankName);
    }
    length("name", &p.name, MAX_NAME)?;
    length("display name", &p.display_name, MAX_NAME)?;
    length("headline", &p.headline, MAX_TEXT)?;
    for (field, list) in [("goals", &p.goals), ("frustrations", &p.frustrations)] {
        count(field, list.len(), MAX_PHRASES)?;
        for phrase in list {
            length(field, phrase, MAX_NAME)?;
        }
    }
    length("summary", &p.summary, MAX_SUMMARY)?;
    if p.segment.size < k {
        return Err(SegmentTooSmall {
            size: p.segment.size,
            k,
        });
    }
    fraction("segment share", p.segment.share, 1)?;
    if let Some(rule) = &p.segment.rule {
        length("segment rule", rule, MAX_TEXT)?;
    }
    if let Some(quality) = &p.segment.quality {
        in_range("segment stability", quality.stability, 0, 1)?;
        if let Some(silhouette) = quality.silhouette {
            in_range("segment silhouette", silhouette, -1, 1)?;
        }
        if let Some(membership) = quality.membership {
            fraction("segment membership", membership, 1)?;
        }
    }
    if let Some(profile) = &p.segment.class_profile {
        check_profile(profile, p.segment.size, k)?;
    }
    count("traits", p.traits.len(), MAX_TRAITS)?;
    for t in &p.traits {
        length("trait attribute", &t.attribute, MAX_TEXT)?;
        length("trait value", &t.value, MAX_TEXT)?;
        if t.n < k || t.n > p.segment.size {
            return Err(TraitCountOutOfRange { k });
        }
        fraction("segment_pct", t.segment_pct, 100)?;
        fraction("overall_pct", t.overall_pct, 100)?;
    }
    count("numbers", p.numbers.len(), MAX_TRAITS)?;
    for number in &p.numbers {
        length("number attribute", &number.attribute, MAX_TEXT)?;
    }
    check_numbers(p, k)?;
    count("actions", p.actions.len(), MAX_LIST)?;
    for a in &p.actions {
        length("action", &a.text, MAX_TEXT)?;
        length("action evidence", &a.evidence, MAX_TEXT)?;
    }
    length("owner", &p.owner, MAX_NAME)?;
    count("tags", p.tags.len(), MAX_TAGS)?;
    for tag in &p.tags {
        if tag.trim().is_empty() {
            return Err(BlankTag);
        }
        length("tag", tag, MAX_TAG)?;
    }
    count("notes", p.notes.len(), MAX_LIST)?;
    for note in &p.notes {
        length("note", &note.text, MAX_TEXT)?;
        length("note author", &note.author, MAX_NAME)?;
    }
    if let Some(rule) = &p.segment.definition {
        count("segment definition", rule.conditions.len(), MAX_CONDITIONS)?;
        for condition in &rule.conditions {
            length("segment definition", &condition.question, MAX_TEXT)?;
            if let Test::Is { value: text } | Test::Includes { option: text } = &condition.test {
                length("segment definition", text, MAX_TEXT)?;
            }
        }
    }
    let prov = &p.provenance;
    if let Some(wave) = &prov.refreshed {
        if !is_sha256(&wave.source_sha256) {
            return Err(Provenance(
                "refreshed.source_sha256 must be 64 lowercase hex digits",
            ));
        }
        if wave.rows < p.segment.size {
            return Err(Provenance(
                "the refreshing wave has fewer rows than the segment",
            ));
        }
    }
    if !is_sha256(&prov.source_sha256) {
        return Err(Provenance("source_sha256 must be 64 lowercase hex digits"));
    }
    if prov.rows < p.segment.size && prov.refreshed.is_none() {
        return Err(Provenance("the survey has fewer rows than the segment"));
    }
    if prov.method.trim().is_empty() || prov.method.len() > MAX_ID {
        return Err(Provenance("method must be a short name"));
    }
    if prov.segment_count == 0 || prov.segment_count > MAX_PERSONAS {
        return Err(Provenance("k must be between 1 and 500"));
    }
    if prov.min_group_size < MIN_GROUP_SIZE {
        return Err(Provenance("min_group_size is below 11"));
    }
    if let Some(fit) = &prov.fit {
        if !(fit.log_likelihood.is_finite() && fit.bic.is_finite()) {
            return Err(Provenance("the fit figures must be numbers"));
        }
        fraction("fit entropy", fit.entropy, 1)?;
        if fit.fitted < 2 * k || fit.fitted > prov.rows {
            return Err(Provenance(
                "a model is fitted on 2k respondents or more, and no more than the survey has",
            ));
        }
    }
    check_sources(p, k)?;
    check_follow_up(p, k)?;
    let mut shared = shared_texts(p);
    shared.extend(follow_up_texts(p));
    let staff = [
        ("owner", p.owner.as_str()),
        ("method", prov.method.as_str()),
    ];
    let authors = p.notes.iter().map(|n| ("note author", n.author.as_str()));
    let every_text = shared
        .iter()
        .copied()
        .chain(staff)
        .chain(authors)
        .chain(staff_texts(p));
    if let Some((field, _)) = every_text
        .into_iter()
        .find(|(_, text)| text.chars().any(is_unsafe_char))
    {
        return Err(UnsafeCharacter { field });
    }
    check_identifiers(&shared, &OwnFigures::of(p), &SurveyAddresses::of(p))
}

/// Refuses personas whose text carries an identifier: a whole value that looks like one,
/// or an email, phone, web address or record number inside longer text. Code-shaped
/// values ("COVID-19") pass: shared by a whole segment, a code points at no one. The
/// persona's own figures ([`OwnFigures`]) are no record numbers, and the web addresses
/// of its survey's wording ([`SurveyAddresses`]) point at no patient, so both are set
/// aside.
fn check_identifiers(
    texts: &[(&'static str, &str)],
    own: &OwnFigures,
    addresses: &SurveyAddresses,
) -> Result<(), PersonaProblem> {
    let identifying = |text: &str| {
        let text = own.set_aside(text);
        let text = addresses.set_aside(&text);
        identifier_kind(&text).is_some_and(|kind| kind != IdentifierKind::IdCode)
            || contains_identifier(&text)
    };
    match texts.iter().find(|(_, text)| identifying(text)) {
        Some((field, _)) => Err(PersonaProblem::LooksIdentifying { field }),
        None => Ok(()),
    }
}

/// The persona's texts that describe patients (held to the identifier rules), by field.
fn shared_texts(p: &Persona) -> Vec<(&'static str, &str)> {
    let mut texts: Vec<(&'static str, &str)> = vec![
        ("name", &p.name),
        ("display name", &p.display_name),
        ("headline", &p.headline),
        ("summary", &p.summary),
    ];
    texts.extend(p.goals.iter().map(|g| ("goals", g.as_str())));
    texts.extend(p.frustrations.iter().map(|f| ("frustrations", f.as_str())));
    texts.extend(p.segment.rule.as_deref().map(|r| ("segment rule", r)));
    for t in &p.traits {
        texts.push(("trait attribute", &t.attribute));
        texts.push(("trait value", &t.value));
    }
    texts.extend(
        p.numbers
            .iter()
            .map(|n| ("number attribute", n.attribute.as_str())),
    );
    texts.extend(p.quotes.iter().map(|q| ("quote", q.text.as_str())));
    for a in &p.actions {
        texts.push(("action", &a.text));
        texts.push(("action evidence", &a.evidence));
    }
    texts.extend(p.tags.iter().map(|t| ("tag", t.as_str())));
    texts.extend(p.notes.iter().map(|n| ("note", n.text.as_str())));
    for item in p.segment.class_profile.iter().flat_map(|c| &c.items) {
        texts.push(("class profile", item.question()));
        match item {
            ItemProfile::Choice { answers, .. } | ItemProfile::Bands { answers, .. } => {
                texts.extend(answers.iter().map(|a| ("class profile", a.answer.as_str())));
            }
            ItemProfile::Option { option, .. } => texts.push(("class profile", option)),
        }
    }
    for condition in p.segment.definition.iter().flat_map(|r| &r.conditions) {
        texts.push(("segment definition", &condition.question));
        if let Test::Is { value: text } | Test::Includes { option: text } = &condition.test {
            texts.push(("segment definition", text));
        }
    }
    texts
}

pub(super) fn length(field: &'static str, text: &str, max: usize) -> Result<(), PersonaProblem> {
    if text.chars().count() > max {
        return Err(PersonaProblem::TooLong { field, max });
    }
    Ok(())
}

pub(super) fn count(field: &'static str, len: usize, max: usize) -> Result<(), PersonaProblem> {
    if len > max {
        return Err(PersonaProblem::TooMany { field, max });
    }
    Ok(())
}

pub(super) fn fraction(field: &'static str, value: f64, max: i32) -> Result<(), PersonaProblem> {
    in_range(field, value, 0, max)
}

pub(super) fn in_range(
    field: &'static str,
    value: f64,
    min: i32,
    max: i32,
) -> Result<(), PersonaProblem> {
    if !(f64::from(min)..=f64::from(max)).contains(&value) {
        return Err(PersonaProblem::OutOfRange { field, min, max });
    }
    Ok(())
}
