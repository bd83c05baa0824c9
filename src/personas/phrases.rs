//! Answers in the plain words of a sentence: "Alone" to "Who do you live with?" is
//! "lives alone", "Phone" as a preferred channel "prefers a phone call", "Yes" to "Do you
//! have diabetes?" "has diabetes". Used by a persona's names and headline.

use super::names::NameGender;
use super::profile::Fact;
use crate::columns::Role;
use crate::privacy::generalise::is_age_header;
use crate::privacy::identifiers::normalise_header;

/// Kinds of question a persona's words treat specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    Age,
    Gender,
    Living,
    Travel,
    Other,
}

impl Family {
    pub(super) fn of(question: &str) -> Family {
        let text = format!(" {} ", normalise_header(question));
        let has = |words: &[&str]| words.iter().any(|w| text.contains(&format!(" {w}")));
        if is_age_header(question) {
            Family::Age
        } else if has(&["gender ", "sex "]) {
            Family::Gender
        } else if has(&[
            "live with",
            "lives with",
            "living with",
            "live alone",
            "household",
        ]) && !has(&["income", "earn", "salary", "money", "pay "])
        {
            // "Household income" says what they earn, not whom they live with.
            Family::Living
        } else if has(&["travel", "get to", "getting to", "transport "]) {
            Family::Travel
        } else {
            Family::Other
        }
    }
}

/// Answers that say "nothing here" rather than describe anyone.
pub(super) fn is_negative(answer: &str) -> bool {
    let a = answer.trim().to_lowercase();
    [
        "none",
        "nothing",
        "no",
        "n/a",
        "na",
        "not applicable",
        "no problems",
        "none of these",
        "prefer not to say",
        "don't know",
        "other",
    ]
    .contains(&a.as_str())
        // "Nothing makes it hard", "None of the above", "No problems getting here".
        || ["nothing ", "none ", "no problem", "no barrier", "no difficult", "no issue"]
            .iter()
            .any(|start| a.starts_with(start))
}

/// Answers that say yes to the question, which then carries the meaning.
pub(super) fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "yes" | "y" | "true" | "1" | "checked"
    )
}

/// What a yes/no question asks about: "Do you have diabetes?" → "diabetes".
pub(super) fn subject(question: &str) -> String {
    let mut text = normalise_header(question);
    for lead in [
        "have you been diagnosed with",
        "do you have",
        "do you find",
        "do you",
        "have you",
        "are you",
        "is it",
        "is",
        "does",
        "did you",
        "has",
        "have",
    ] {
        if let Some(rest) = text.strip_prefix(&format!("{lead} ")) {
            text = rest.to_string();
            break;
        }
    }
    text
}

/// The answer as the words of a sentence: lower case unless it is an acronym or a name
/// with capitals inside ("COPD", "McDonald").
pub(super) fn in_words(answer: &str) -> String {
    let a = answer.trim();
    let keeps_case = a.chars().filter(|c| c.is_uppercase()).count() > 1 || a.len() <= 1;
    if keeps_case {
        a.to_string()
    } else {
        a.to_lowercase()
    }
}

/// Whether an answer is the respondent's own sentence ("I get emails and read them",
/// "My work hours"), which reads as a quote rather than after "prefers" or "held back by".
fn in_first_person(answer: &str) -> bool {
    let first = answer.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| c.is_ascii_punctuation());
    [
        "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "My", "We", "Our",
    ]
    .contains(&first)
}

/// How a preferred channel reads after "prefers".
fn channel(answer: &str) -> String {
    let a = in_words(answer);
    match a.as_str() {
        "phone" | "phone call" | "telephone" | "a phone call" => "a phone call".into(),
        "text" | "sms" | "text message" | "text messages" => "text messages".into(),
        "letter" | "post" | "letters" | "mail" => "letters".into(),
        "app" | "mobile app" | "the app" => "the app".into(),
        "in person" | "face to face" | "face-to-face" => "seeing someone in person".into(),
        "video" | "video call" => "video calls".into(),
        _ => a,
    }
}

/// A fact in a few plain words, or `None` when it says nothing about the people.
pub fn phrase(fact: &Fact) -> Option<String> {
    let answer = fact.answer.trim();
    if answer.is_empty() || is_negative(answer) {
        return None;
    }
    if fact.role == Some(Role::Record) {
        return record(&fact.question, answer);
    }
    let yes = is_yes(answer);
    // "prefers I get emails …" or "held back by I can't …" would misquote them.
    if in_first_person(answer)
        && matches!(
            fact.role,
            Some(Role::ChannelPreference | Role::Barrier | Role::Motivation)
        )
    {
        return Some(format!("says “{answer}”"));
    }
    Some(match (fact.family(), fact.role) {
        (Family::Age, _) => format!("aged {answer}"),
        (Family::Gender, _) => gender_group(answer).to_string(),
        (Family::Living, _) => living(answer),
        // "Yes" to "Is transport a barrier …?" says what holds them back, not how they travel.
        (_, Some(Role::Barrier)) | (Family::Travel, _) if yes => barrier(&fact.question),
        (Family::Travel, _) => travel(answer),
        (_, Some(Role::ChannelPreference)) if !yes && asks_when(&fact.question) => {
            format!("prefers {} appointments", in_words(answer))
        }
        (_, Some(Role::ChannelPreference)) if !yes => format!("prefers {}", channel(answer)),
        (_, Some(Role::Barrier)) => format!("held back by {}", in_words(answer)),
        (_, Some(Role::Condition)) if yes => format!("has {}", subject(&fact.question)),
        (_, Some(Role::Condition)) => format!("has {}", in_words(answer)),
        (_, Some(Role::Motivation)) if !yes => format!("values {}", in_words(answer)),
        _ if yes => subject(&fact.question),
        _ => answer.to_string(),
    })
}

/// What a linked record field says (see [`crate::records`]): "no-show in 2 of their
/// records" for a count of rows with one answer, "4 records each" for the rows per
/// patient, "diabetes in the records" for an answer, "wait (days) 5 in the records" for a
/// number; nothing for a count of none.
fn record(question: &str, answer: &str) -> Option<String> {
    let field = question
        .strip_prefix(crate::records::RECORD_PREFIX)
        .unwrap_or(question);
    if field == crate::records::ROWS_PER_PATIENT {
        return Some(format!("{answer} records each"));
    }
    if let Some((_, counted)) = field
        .strip_suffix(" (rows)")
        .and_then(|f| f.rsplit_once(": "))
    {
        return (answer != "0")
            .then(|| format!("{} in {answer} of their records", in_words(counted)));
    }
    Some(match crate::columns::parse_number(answer) {
        Some(_) => format!("{} {answer} in the records", in_words(field)),
        None => format!("{} in the records", in_words(answer)),
    })
}

fn gender_group(answer: &str) -> &str {
    match name_gender(answer) {
        Some(NameGender::Female) => "women",
        Some(NameGender::Male) => "men",
        _ => answer,
    }
}

pub(super) fn name_gender(answer: &str) -> Option<NameGender> {
    match answer.trim().to_lowercase().as_str() {
        "female" | "woman" | "women" | "f" => Some(NameGender::Female),
        "male" | "man" | "men" | "m" => Some(NameGender::Male),
        "non-binary or another gender" | "non-binary" | "nonbinary" | "another gender" => {
            Some(NameGender::Neutral)
        }
        _ => None,
    }
}

/// What a yes to a barrier question says: "Is transport a barrier to getting here?" →
/// "held back by transport"; other questions by their subject ("Do you find it hard to
/// get time off?" → "it hard to get time off").
fn barrier(question: &str) -> String {
    let subject = subject(question);
    let markers = [
        " a barrier",
        " a problem",
        " an obstacle",
        " a difficulty",
        " stop",
    ];
    match markers.iter().filter_map(|m| subject.find(m)).min() {
        Some(end) if end > 0 => format!("held back by {}", &subject[..end]),
        _ => subject,
    }
}

fn travel(answer: &str) -> String {
    match in_words(answer).as_str() {
        "walk" | "walking" | "on foot" => "walks".into(),
        "car" | "drive" | "driving" | "by car" => "drives".into(),
        "taxi" | "cab" => "takes a taxi".into(),
        "bicycle" | "bike" | "cycling" | "cycle" => "cycles".into(),
        other => format!("travels by {other}"),
    }
}

fn living(answer: &str) -> String {
    match in_words(answer).as_str() {
        "alone" | "on my own" | "by myself" | "nobody" | "no one" => "lives alone".into(),
        "partner" | "spouse" | "husband" | "wife" | "with a partner" => {
            "lives with a partner".into()
        }
        "family" => "lives with family".into(),
        "children" | "my children" => "lives with children".into(),
        other => format!("lives with {other}"),
    }
}

/// Whether a question asks when (a time of day, a day of the week).
pub(super) fn asks_when(question: &str) -> bool {
    let text = format!(" {} ", normalise_header(question));
    [
        " when ", " time", " day", " evening", " morning", " weekend",
    ]
    .iter()
    .any(|w| text.contains(w))
}
