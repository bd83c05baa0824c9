//! Patterns of values that point at a person: shared by identifier detection, free-text
//! scrubbing and the persona-file checks, so all three agree on what an identifier is.

use std::sync::LazyLock;

use regex_lite::Regex;

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("identifier patterns are valid")
}

/// An email address.
pub static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
});
/// A web address.
pub static URL: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\b(?:https?://|www\.)[^\s<>]+"));
/// An IPv4 address, or an IPv6 address with at least four groups.
pub static IP: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}\b")
});
/// A phone number: 7–15 digits with the usual separators, optionally international.
pub static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?)?\d{2,5}(?:[\s.\-]\d{2,6}){1,4}\b|\b0\d{9,10}\b|\+\d{8,15}\b",
    )
});
/// A date such as 2024-03-07, 07/03/2024 or 7.3.24.
pub static DATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))\b")
});
/// A record number: letters then at least five digits (MRN123456), or six or more digits.
pub static RECORD_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b[A-Za-z]{1,5}[\-#]?\d{5,}\b|\b\d{6,}\b"));
/// A UK postcode such as SW1A 1AA.
pub static UK_POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$"));
/// A US ZIP code (5 digits, optionally +4).
pub static US_ZIP: LazyLock<Regex> = LazyLock::new(|| compile(r"^\d{5}(?:-\d{4})?$"));
/// A decimal coordinate with at least four decimals, like a latitude or longitude.
pub static COORDINATE: LazyLock<Regex> = LazyLock::new(|| compile(r"^-?\d{1,3}\.\d{4,}$"));
/// A single token mixing letters and digits, like R_2YPOQ602ER1jkf1 or a UUID.
pub static ID_CODE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z_\-]*\d[A-Za-z0-9_\-]*[A-Za-z][A-Za-z0-9_\-]*|[A-Za-z][A-Za-z_\-]*\d[A-Za-z0-9_\-]*)$",
    )
});

/// The kind name for values shaped like codes; only identifying when unique per person.
pub const ID_CODES: &str = "ID codes";

/// The kind of identifier a whole value looks like, if any.
pub fn identifier_kind(value: &str) -> Option<&'static str> {
    let value = value.trim();
    let whole = |re: &Regex| re.find(value).is_some_and(|m| m.len() == value.len());
    if whole(&EMAIL) {
        Some("email addresses")
    } else if whole(&IP) {
        Some("IP addresses")
    } else if whole(&URL) {
        Some("web addresses")
    } else if COORDINATE.is_match(value) {
        Some("coordinates")
    } else if UK_POSTCODE.is_match(value) {
        Some("postcodes")
    } else if whole(&DATE) {
        None
    } else if whole(&PHONE) && phone_like(value) {
        Some("phone numbers")
    } else if ID_CODE.is_match(value) && value.len() >= 6 {
        Some(ID_CODES)
    } else {
        None
    }
}

/// True for a phone-pattern match that has enough digits and is not a date.
pub fn phone_like(candidate: &str) -> bool {
    candidate.chars().filter(char::is_ascii_digit).count() >= 7
        && DATE
            .find(candidate)
            .is_none_or(|d| d.len() != candidate.len())
}

/// True when free text contains something that points at a person.
pub fn contains_identifier(text: &str) -> bool {
    [&EMAIL, &URL, &IP, &RECORD_NUMBER]
        .iter()
        .any(|re| re.is_match(text))
        || PHONE.find_iter(text).any(|m| phone_like(m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_whole_identifier_values() {
        let cases = [
            ("jane.doe@example.org", Some("email addresses")),
            ("130.92.34.66", Some("IP addresses")),
            ("2001:db8:85a3:0:0:8a2e:370:7334", Some("IP addresses")),
            ("47.115097045898", Some("coordinates")),
            ("SW1A 1AA", Some("postcodes")),
            ("+44 20 7946 0958", Some("phone numbers")),
            ("(555) 123-4567", Some("phone numbers")),
            ("07700900123", Some("phone numbers")),
            ("+44 7700 900001", Some("phone numbers")),
            ("07700 900123", Some("phone numbers")),
            ("R_2YPOQ602ER1jkf1", Some("ID codes")),
            ("MRN123456", Some("ID codes")),
            ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", Some("ID codes")),
            ("Alone", None),
            ("65+", None),
            ("45-64", None),
            ("Strongly agree", None),
            ("2", None),
            ("Q2", None),
            ("2018-03-06", None),
            ("2018-03-06 15:52:43", None),
        ];
        for (value, kind) in cases {
            assert_eq!(identifier_kind(value), kind, "{value}");
        }
    }

    #[test]
    fn finds_identifiers_inside_text() {
        assert!(contains_identifier("write to me at a.b@c.org please"));
        assert!(contains_identifier("call 0161 496 0000"));
        assert!(contains_identifier("my MRN is MRN-1234567"));
        assert!(!contains_identifier(
            "The bus takes 45 minutes, 3 times a week."
        ));
        assert!(!contains_identifier("Aged 18-44, seen on 2024-03-07"));
    }
}
