//! Patterns of values that point at a person: shared by identifier detection, free-text
//! scrubbing and the persona-file checks, so all three agree on what an identifier is.
//!
//! Each pattern carries a cheap test that every text it matches passes (an email has an
//! `@`, a record number five digits in a row…): regex-lite has no literal
//! optimisations, and most free text fails these tests, so it is never run through the
//! regular expression at all. A pattern whose matches are made of a few kinds of byte
//! (a phone number of digits, separators and brackets) also names them: in a long answer
//! the expression then runs only on the stretches of those bytes that pass the test —
//! regex-lite's PikeVM walks every byte it is given, and a free-text answer of four
//! sentences with a number in it took it 30 µs for the phone pattern alone.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex_lite::{Match, Regex};

use super::alphabet::{stretches, Alphabet};

/// A regular expression and a necessary condition for it to match.
pub struct Pattern {
    regex: LazyLock<Regex>,
    /// False only for texts the expression cannot match.
    may_match: fn(&str) -> bool,
    /// The bytes its every match is made of, when it names them; then every match lies
    /// in one stretch of such bytes, and that stretch passes `may_match`.
    alphabet: Option<Alphabet>,
}

impl Pattern {
    const fn new(regex: fn() -> Regex, may_match: fn(&str) -> bool) -> Self {
        Pattern {
            regex: LazyLock::new(regex),
            may_match,
            alphabet: None,
        }
    }

    /// A pattern searched only in stretches of `alphabet`'s bytes. Its expression must
    /// not match the empty text, nor be anchored to the text's end (`$`): each stretch is
    /// searched with the text before it but only one character after.
    const fn made_of(
        regex: fn() -> Regex,
        may_match: fn(&str) -> bool,
        alphabet: Alphabet,
    ) -> Self {
        Pattern {
            regex: LazyLock::new(regex),
            may_match,
            alphabet: Some(alphabet),
        }
    }

    /// The expression alone, to check the shortcut against it.
    #[cfg(test)]
    pub fn regex(&self) -> &Regex {
        &self.regex
    }

    /// Whether the pattern occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// The leftmost occurrence in `text`.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.find_iter(text).next()
    }

    /// Every occurrence in `text`, left to right: those of the whole text, or of each
    /// stretch of the alphabet's bytes in turn (searched with the text around it, so
    /// that `\b` sees the byte before and after).
    pub fn find_iter<'t>(&self, text: &'t str) -> impl Iterator<Item = Match<'t>> + use<'_, 't> {
        let stretches: Vec<(usize, usize)> = match self.alphabet {
            _ if !(self.may_match)(text) => Vec::new(),
            None => vec![(0, text.len())],
            Some(alphabet) => stretches(text, alphabet)
                .filter(|&(start, end)| (self.may_match)(&text[start..end]))
                .collect(),
        };
        stretches.into_iter().flat_map(move |(start, end)| {
            // The alphabet is ASCII: the stretch ends at a character boundary, and the
            // character after it (context for `\b`) can be no part of a match.
            let after = text[end..].chars().next().map_or(0, char::len_utf8);
            let haystack = &text[..end + after];
            let mut at = start;
            std::iter::from_fn(move || {
                let found = self
                    .regex
                    .find_at(haystack, at)
                    .filter(|m| m.start() < end)?;
                at = found.end();
                Some(found)
            })
        })
    }

    /// `text` with every occurrence replaced by what `with` makes of it; unchanged (and
    /// not copied) when it has none.
    pub fn replace_all<'t>(
        &self,
        text: &'t str,
        mut with: impl FnMut(&str) -> String,
    ) -> Cow<'t, str> {
        let mut found = self.find_iter(text).peekable();
        if found.peek().is_none() {
            return Cow::Borrowed(text);
        }
        let (mut out, mut copied) = (String::with_capacity(text.len()), 0);
        for m in found {
            out.push_str(&text[copied..m.start()]);
            out.push_str(&with(m.as_str()));
            copied = m.end();
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("identifier patterns are valid")
}

/// A byte of `first`, one of `middle`, and a byte of `last`, in a row. The middle bytes
/// are looked for first (`match_indices` of a character is a fast byte search), so
/// a long answer is not walked three bytes at a time.
fn has_triple(text: &str, first: fn(u8) -> bool, middle: &[u8], last: fn(u8) -> bool) -> bool {
    let bytes = text.as_bytes();
    middle.iter().any(|&m| {
        text.match_indices(char::from(m)).any(|(i, _)| {
            i > 0 && first(bytes[i - 1]) && bytes.get(i + 1).is_some_and(|&b| last(b))
        })
    })
}

fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// Whether `text` has at least `n` ASCII digits (looking no further than the `n`th).
fn has_digits(text: &str, n: usize) -> bool {
    n == 0 || text.bytes().filter(u8::is_ascii_digit).nth(n - 1).is_some()
}

/// Whether `text` has a run of at least `n` digits.
fn digit_run(text: &str, n: usize) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= n
    })
}

fn always(_: &str) -> bool {
    true
}

/// An email address.
pub static EMAIL: Pattern = Pattern::new(
    || compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"),
    |text| text.contains('@'),
);
/// A web address.
pub static URL: Pattern = Pattern::new(
    || compile(r"(?i)\b(?:https?://|www\.)[^\s<>]+"),
    |text| {
        text.contains("://")
            || text
                .match_indices('.')
                .any(|(i, _)| i >= 3 && text.as_bytes()[i - 3..i].eq_ignore_ascii_case(b"www"))
    },
);
/// An IPv4 address, or an IPv6 address with at least four groups.
pub static IP: Pattern = Pattern::made_of(
    || compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}\b"),
    |text| has_triple(text, is_digit, b".", is_digit) || text.matches(':').count() >= 3,
    Alphabet::of(
        &[
            (b'0', b'9'),
            (b'A', b'F'),
            (b'a', b'f'),
            (b'.', b'.'),
            (b':', b':'),
        ],
        false,
    ),
);
/// A phone number: 7–15 digits with the usual separators, optionally international.
/// The expression also matches shorter runs; [`phone_like`] tells real ones.
pub static PHONE: Pattern = Pattern::made_of(
    || {
        compile(
            r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?)?\d{2,5}(?:[\s.\-]\d{2,6}){1,4}\b|\b0\d{9,10}\b|\+\d{8,15}\b",
        )
    },
    |text| has_digits(text, 4),
    Alphabet::of(
        &[(b'0', b'9'), (b'(', b')'), (b'+', b'+'), (b'-', b'.')],
        true,
    ),
);
/// A date such as 2024-03-07, 07/03/2024 or 7.3.24.
pub static DATE: Pattern = Pattern::made_of(
    || compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))\b"),
    |text| has_triple(text, is_digit, b"/.-", is_digit),
    Alphabet::of(&[(b'0', b'9'), (b'-', b'/')], false),
);
/// A record number: letters then at least five digits (MRN123456), or six or more digits.
pub static RECORD_NUMBER: Pattern = Pattern::made_of(
    || compile(r"\b[A-Za-z]{1,5}[\-#]?\d{5,}\b|\b\d{6,}\b"),
    |text| digit_run(text, 5),
    Alphabet::of(
        &[
            (b'0', b'9'),
            (b'A', b'Z'),
            (b'a', b'z'),
            (b'-', b'-'),
            (b'#', b'#'),
        ],
        false,
    ),
);
/// A UK postcode such as SW1A 1AA.
pub static UK_POSTCODE: Pattern = Pattern::new(
    || compile(r"(?i)^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$"),
    always,
);
/// A US ZIP code (5 digits, optionally +4).
pub static US_ZIP: Pattern =
    Pattern::new(|| compile(r"^\d{5}(?:-\d{4})?$"), |text| digit_run(text, 5));
/// A decimal coordinate with at least four decimals, like a latitude or longitude.
pub static COORDINATE: Pattern = Pattern::new(
    || compile(r"^-?\d{1,3}\.\d{4,}$"),
    |text| digit_run(text, 4),
);
/// A single token mixing letters and digits, like R_2YPOQ602ER1jkf1 or a UUID.
pub static ID_CODE: Pattern = Pattern::new(
    || {
        compile(
            r"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z_\-]*\d[A-Za-z0-9_\-]*[A-Za-z][A-Za-z0-9_\-]*|[A-Za-z][A-Za-z_\-]*\d[A-Za-z0-9_\-]*)$",
        )
    },
    // Every form needs a digit but a UUID, which needs its dashes.
    |text| text.bytes().any(|b| b.is_ascii_digit() || b == b'-'),
);

/// The kind of identifier a whole value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    Email,
    Ip,
    Url,
    Coordinates,
    Postcode,
    Phone,
    /// Values shaped like codes: only identifying when unique per person.
    IdCode,
}

impl IdentifierKind {
    /// Its name in the plural, as the privacy report says it ("email addresses").
    pub fn plural(self) -> &'static str {
        match self {
            IdentifierKind::Email => "email addresses",
            IdentifierKind::Ip => "IP addresses",
            IdentifierKind::Url => "web addresses",
            IdentifierKind::Coordinates => "coordinates",
            IdentifierKind::Postcode => "postcodes",
            IdentifierKind::Phone => "phone numbers",
            IdentifierKind::IdCode => "ID codes",
        }
    }
}

/// The kind of identifier a whole value looks like, if any.
pub fn identifier_kind(value: &str) -> Option<IdentifierKind> {
    let value = value.trim();
    let whole = |p: &Pattern| p.find(value).is_some_and(|m| m.len() == value.len());
    if whole(&EMAIL) {
        Some(IdentifierKind::Email)
    } else if whole(&IP) {
        Some(IdentifierKind::Ip)
    } else if whole(&URL) {
        Some(IdentifierKind::Url)
    } else if COORDINATE.is_match(value) {
        Some(IdentifierKind::Coordinates)
    } else if UK_POSTCODE.is_match(value) {
        Some(IdentifierKind::Postcode)
    } else if whole(&DATE) {
        None
    } else if whole(&PHONE) && phone_like(value) {
        Some(IdentifierKind::Phone)
    } else if ID_CODE.is_match(value) && value.len() >= 6 {
        Some(IdentifierKind::IdCode)
    } else {
        None
    }
}

/// True for a phone-pattern match that has enough digits and is not a date.
pub fn phone_like(candidate: &str) -> bool {
    may_hold_phone(candidate)
        && DATE
            .find(candidate)
            .is_none_or(|d| d.len() != candidate.len())
}

/// Whether `text` has digits enough for a phone number ([`phone_like`]).
pub fn may_hold_phone(text: &str) -> bool {
    has_digits(text, 7)
}

/// True when free text contains something that points at a person.
pub fn contains_identifier(text: &str) -> bool {
    [&EMAIL, &URL, &IP, &RECORD_NUMBER]
        .iter()
        .any(|p| p.is_match(text))
        || may_hold_phone(text) && PHONE.find_iter(text).any(|m| phone_like(m.as_str()))
}

#[cfg(test)]
#[path = "patterns_tests.rs"]
mod tests;
