//! HIPAA Safe Harbor-style generalisation of what stays: ages of 90 and over become
//! "90+", dates keep only their year, and ZIP codes — when the user asks to keep them at
//! all — keep their first three digits unless the area is too small.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::identifiers::normalise_header;
use crate::survey::{Answer, Answers};

/// The age from which ages are shown only as "90+".
pub const AGE_CAP: u32 = 90;
/// How capped ages are written.
pub const CAPPED_AGE: &str = "90+";
/// Share of answers that must be dates for a column to be treated as dates.
const DATE_SHARE: f64 = 0.8;

/// Three-digit ZIP areas with 20,000 people or fewer (HIPAA Safe Harbor, 2000 census):
/// always shown as "000".
pub const SMALL_ZIP3_AREAS: &[&str] = &[
    "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878",
    "879", "884", "890", "893",
];

/// An age band: "90-94", "90 – 94", "95+", "95 and over".
static AGE_BAND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3})\s*(?:[-–]\s*\d{1,3}|\+|\s+and\s+(?:over|older|above))$")
        .expect("valid age band pattern")
});

/// A date: 2024-03-07, 07/03/2024, 7.3.24 (the year captured). A date-time is such a
/// date, then a time suffix ([`is_time_suffix`]); the date holds no space and no `T`, so
/// a value splits at its first one.
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{4})-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](\d{4}|\d{2}))$")
        .expect("valid date pattern")
});

/// The usual age bands: (lowest age, label); the last one is the capped "90+".
pub const AGE_BANDS: &[(u32, &str)] = &[
    (0, "Under 18"),
    (18, "18–24"),
    (25, "25–34"),
    (35, "35–44"),
    (45, "45–54"),
    (55, "55–64"),
    (65, "65–74"),
    (75, "75–84"),
    (85, "85–89"),
    (AGE_CAP, CAPPED_AGE),
];

/// How a column was generalised, for the privacy report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Generalisation {
    /// Ages of 90 and over became "90+"; `changed` answers were affected.
    AgesCapped { changed: usize },
    /// Ages given as numbers were put into the usual bands.
    AgesBanded,
    /// Dates and times were cut to their year.
    DatesToYear,
    /// ZIP codes were cut to their first three digits.
    ZipToThreeDigits,
}

impl std::fmt::Display for Generalisation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Generalisation::AgesCapped { changed } => write!(
                f,
                "ages of {AGE_CAP} and over are shown as “{AGE_CAP}+” ({} answers)",
                super::ShownCount::of(*changed)
            ),
            Generalisation::AgesBanded => {
                f.write_str("ages are shown in bands (Under 18, 18–24 … 85–89, 90+)")
            }
            Generalisation::DatesToYear => f.write_str("dates and times keep only their year"),
            Generalisation::ZipToThreeDigits => {
                f.write_str("ZIP codes keep their first 3 digits; small areas are shown as “000”")
            }
        }
    }
}

/// True when the header asks for an age.
pub fn is_age_header(name: &str) -> bool {
    let padded = format!(" {} ", normalise_header(name));
    [" age ", " age years ", " how old ", " age in years "]
        .iter()
        .any(|w| padded.contains(w))
}

/// Caps ages at "90+" in an age column, whether answers are numbers ("93") or bands
/// starting at 90 or above ("90-94", "95+"); returns how many answers changed.
pub fn cap_ages(answers: &mut Answers) -> usize {
    answers.rewrite(|answer| {
        let text = answer.trim();
        let lower_bound = text
            .parse::<f64>()
            .ok()
            .or_else(|| AGE_BAND.captures(text)?[1].parse::<f64>().ok());
        let is_capped = text == CAPPED_AGE;
        (!is_capped && lower_bound.is_some_and(|age| age.floor() >= f64::from(AGE_CAP)))
            .then(|| CAPPED_AGE.into())
    })
}

/// Puts ages given as numbers into [`AGE_BANDS`]; other answers stay. Returns whether
/// most answers were numbers (and so the column is now banded).
pub fn band_ages(answers: &mut Answers) -> bool {
    let age = |a: &Answer| match a.trim() {
        CAPPED_AGE => Some(f64::from(AGE_CAP)),
        text => text
            .parse::<f64>()
            .ok()
            .filter(|age| (0.0..150.0).contains(age)),
    };
    let (mut answered, mut numbers) = (0, 0);
    for (answer, n) in answers.tallied() {
        if !answer.trim().is_empty() {
            answered += n;
        }
        if age(answer).is_some() {
            numbers += n;
        }
    }
    if answered == 0 || numbers * 5 < answered * 4 {
        return false;
    }
    answers.rewrite(|answer| {
        let age = age(answer)?;
        let band = AGE_BANDS
            .iter()
            .rev()
            .find(|(lowest, _)| age >= f64::from(*lowest));
        Some(band.map_or(Answer::default(), |(_, label)| Answer::from(*label)))
    });
    true
}

/// The year of a date or date-time value, if it is one.
pub fn year_of(value: &str) -> Option<String> {
    let (date, time) = split_date_time(value)?;
    (time.is_empty() || is_time_suffix(time))
        .then(|| year_of_date(date))
        .flatten()
}

/// A value's date and its time suffix ("" when none), trimmed.
fn split_date_time(value: &str) -> Option<(&str, &str)> {
    let value = value.trim();
    Some(value.split_at(value.find([' ', 'T']).unwrap_or(value.len())))
}

/// Whether `time` is ` 14:05`, `T14:05:09.123Z`, ` 2:05 pm`, `T14:05+01:00`… in full:
/// `[ T]h{1,2}:mm(:ss(.f+)?)?(Z|[+-]hh:?mm)?(\s?[AaPp][Mm])?`, read in one pass (every
/// optional part starts with a character the others cannot).
fn is_time_suffix(time: &str) -> bool {
    let b = time.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize, min: usize, max: usize| {
        let start = *i;
        while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start >= min
    };
    let byte = |i: &mut usize, allowed: &[u8]| {
        let found = *i < b.len() && allowed.contains(&b[*i]);
        *i += usize::from(found);
        found
    };
    if !(byte(&mut i, b" T") && digits(&mut i, 1, 2) && byte(&mut i, b":") && digits(&mut i, 2, 2))
    {
        return false;
    }
    if byte(&mut i, b":") {
        if !digits(&mut i, 2, 2) {
            return false;
        }
        if byte(&mut i, b".") && !digits(&mut i, 1, usize::MAX) {
            return false;
        }
    }
    if !byte(&mut i, b"Z") && byte(&mut i, b"+-") {
        if !digits(&mut i, 2, 2) {
            return false;
        }
        byte(&mut i, b":");
        if !digits(&mut i, 2, 2) {
            return false;
        }
    }
    let before_marker = i;
    byte(&mut i, b" \t\n\x0b\x0c\r");
    if byte(&mut i, b"AaPp") {
        if !byte(&mut i, b"Mm") {
            return false;
        }
    } else {
        i = before_marker;
    }
    i == b.len()
}

/// The year of a date without a time, if it is one.
fn year_of_date(date: &str) -> Option<String> {
    year_in(&DATE_ONLY.captures(date)?)
}

/// The year a date expression captured (group 1 or 2), two digits made four.
fn year_in(caps: &regex_lite::Captures<'_>) -> Option<String> {
    let year = caps.get(1).or_else(|| caps.get(2))?.as_str();
    Some(match year.len() {
        2 => {
            let yy: u32 = year.parse().ok()?;
            format!("{}", if yy < 50 { 2000 + yy } else { 1900 + yy })
        }
        _ => year.to_string(),
    })
}

/// Whether most answers of a column are dates.
pub fn is_date_column(answers: &Answers) -> bool {
    let answered: Vec<&str> = answers
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .take(500)
        .collect();
    !answered.is_empty()
        && answered.iter().filter(|a| year_of(a).is_some()).count() as f64
            >= DATE_SHARE * answered.len() as f64
}

/// Replaces every date in the column by its year; other answers stay. Each distinct
/// answer is read once.
pub fn dates_to_year(answers: &mut Answers) {
    answers.rewrite(|answer| {
        let (date, time) = split_date_time(answer)?;
        if !time.is_empty() && !is_time_suffix(time) {
            return None;
        }
        year_of_date(date).map(Answer::from)
    });
}

/// The first three digits of a US ZIP code, "000" for small areas, `None` otherwise.
pub fn zip3(value: &str) -> Option<String> {
    let value = value.trim();
    if !super::patterns::US_ZIP.is_match(value) {
        return None;
    }
    let area = &value[..3];
    Some(if SMALL_ZIP3_AREAS.contains(&area) {
        "000".to_string()
    } else {
        area.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date-time expression the split reading replaced.
    static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(\d{4})-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](\d{4}|\d{2}))(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?(?:\s?[AaPp][Mm])?)?$",
        )
        .unwrap()
    });

    fn year_by_expression(value: &str) -> Option<String> {
        year_in(&FULL_DATE.captures(value.trim())?)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Reading the date and the time apart finds the same years as the expression.
        #[test]
        fn split_reading_agrees_with_the_expression(parts in proptest::collection::vec(proptest::sample::select(vec![
            "2024", "24", "3", "07", "12", "-", "/", ".", ":", " ", "T", "Z", "+", "01:00", "0100",
            "pm", "AM", "m", "\t", "x", "123", "9:05", "14:05:09", ".5", " ",
        ]), 0..10)) {
            let value: String = parts.concat();
            proptest::prop_assert_eq!(year_of(&value), year_by_expression(&value), "{:?}", value);
        }
    }

    #[test]
    fn years_of_dates_and_date_times() {
        for (value, year) in [
            ("2024-03-07", Some("2024")),
            ("07/03/2024 14:05", Some("2024")),
            ("7.3.24", Some("2024")),
            ("1/2/99 2:05 pm", Some("1999")),
            ("2024-03-07T14:05:09.123Z", Some("2024")),
            ("2024-03-07 14:05+01:00", Some("2024")),
            ("2024-03-07 14:5", None),
            ("Tuesday", None),
        ] {
            assert_eq!(year_of(value).as_deref(), year, "{value}");
        }
    }

    fn strings(values: &[&str]) -> Answers {
        values.iter().copied().collect()
    }

    #[test]
    fn ages_of_ninety_and_over_become_ninety_plus() {
        let mut ages = strings(&["34", "89", "90", "97.5", "", "unknown", "102"]);
        assert_eq!(cap_ages(&mut ages), 3);
        assert_eq!(
            ages,
            strings(&["34", "89", "90+", "90+", "", "unknown", "90+"])
        );
        assert!(is_age_header("Age"));
        assert!(is_age_header("What is your age?"));
        assert!(is_age_header("age_years"));
        assert!(is_age_header("Age band"));
        assert!(!is_age_header("Usage of the app"));
    }

    #[test]
    fn numeric_ages_go_into_the_usual_bands() {
        let mut ages = strings(&["17", "18", "24.9", "25", "64", "65", "89", "90+", "", "n/a"]);
        assert!(band_ages(&mut ages));
        assert_eq!(
            ages,
            strings(&[
                "Under 18", "18–24", "18–24", "25–34", "55–64", "65–74", "85–89", "90+", "", "n/a"
            ])
        );
        let mut bands = strings(&["65-74", "45-54", "65-74"]);
        assert!(!band_ages(&mut bands));
        assert_eq!(bands, strings(&["65-74", "45-54", "65-74"]));
    }

    #[test]
    fn age_bands_from_ninety_up_become_ninety_plus() {
        let mut bands = strings(&["65-74", "85-89", "90-94", "95+", "90+", "100 and over"]);
        assert_eq!(cap_ages(&mut bands), 3);
        assert_eq!(
            bands,
            strings(&["65-74", "85-89", "90+", "90+", "90+", "90+"])
        );
    }

    #[test]
    fn dates_keep_only_their_year() {
        for (value, year) in [
            ("2018-03-06", "2018"),
            ("2018-03-06 15:52:43", "2018"),
            ("2017-07-18T08:28:09Z", "2017"),
            ("06/03/2018", "2018"),
            ("6.3.18", "2018"),
            ("3/7/99 4:05 PM", "1999"),
        ] {
            assert_eq!(year_of(value).as_deref(), Some(year), "{value}");
        }
        assert_eq!(year_of("45-64"), None);
        assert_eq!(year_of("2018"), None);
        let mut column = strings(&["2018-03-06", "", "2019-12-31 23:59"]);
        assert!(is_date_column(&column));
        dates_to_year(&mut column);
        assert_eq!(column, strings(&["2018", "", "2019"]));
        assert!(!is_date_column(&strings(&[
            "Alone",
            "2018-03-06",
            "Partner"
        ])));
    }

    #[test]
    fn zip_codes_keep_three_digits_except_small_areas() {
        assert_eq!(zip3("02139").as_deref(), Some("021"));
        assert_eq!(zip3("03601-1234").as_deref(), Some("000"));
        assert_eq!(zip3("89012").as_deref(), Some("000"));
        assert_eq!(zip3("SW1A 1AA"), None);
    }
}
