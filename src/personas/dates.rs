//! Review dates: personas are reviewed every quarter.

use time::{Date, Month};

/// Months between reviews.
pub const REVIEW_INTERVAL_MONTHS: u8 = 3;

/// The same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb).
pub fn add_months(date: Date, months: u8) -> Date {
    let zero_based = date.month() as i32 - 1 + i32::from(months);
    let year = date.year() + zero_based / 12;
    let month = Month::try_from((zero_based % 12 + 1) as u8).expect("1..=12");
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).expect("day clamped to the month")
}

/// A date written `YYYY-MM-DD` (as a date input gives it), read exactly as time's
/// `[year]-[month]-[day]` format description reads it (an optional sign, four-digit
/// year, two-digit month and day, nothing else). Written out here because time's
/// general format-description parser costs the page about 18 KB of code.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let bytes = rest.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u16, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0'))
        })
    };
    let year = i32::from(number(&bytes[..4])?);
    let month = Month::try_from(u8::try_from(number(&bytes[5..7])?).ok()?).ok()?;
    let day = u8::try_from(number(&bytes[8..])?).ok()?;
    Date::from_calendar_date(if negative { -year } else { year }, month, day).ok()
}

/// `date` as `YYYY-MM-DD`, as time's `[year]-[month]-[day]` writes it.
pub fn iso_date(date: Date) -> String {
    let sign = if date.year() < 0 { "-" } else { "" };
    let (year, month, day) = (date.year().unsigned_abs(), date.month() as u8, date.day());
    format!("{sign}{year:04}-{month:02}-{day:02}")
}

/// Serde for review dates: written as `YYYY-MM-DD`; an RFC 3339 timestamp is also read.
pub(crate) mod review_date {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use time::format_description::well_known::Rfc3339;
    use time::{Date, OffsetDateTime};

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::iso_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_iso_date(&text)
            .or_else(|| {
                OffsetDateTime::parse(&text, &Rfc3339)
                    .ok()
                    .map(|t| t.date())
            })
            .ok_or_else(|| D::Error::custom(format!("“{text}” is not a date like 2027-03-31")))
    }
}

/// Serde for an optional date, written like a review date.
pub(crate) mod optional_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => super::review_date::serialize(date, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::review_date")] Date);
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(date)| date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, format_description};

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    #[test]
    fn dates_are_written_as_time_writes_them() {
        for year in -9999..=9999 {
            for (month, day) in [(Month::January, 1), (Month::December, 31)] {
                let date = Date::from_calendar_date(year, month, day).unwrap();
                assert_eq!(iso_date(date), date.format(FORMAT).unwrap());
            }
        }
    }

    proptest! {
        #[test]
        fn dates_are_read_as_time_reads_them(text in "[+-]?[0-9]{3,5}-[0-9]{1,3}-[0-9]{1,3}|.{0,12}") {
            prop_assert_eq!(parse_iso_date(&text), Date::parse(&text, FORMAT).ok());
        }

        #[test]
        fn real_dates_are_read_as_time_reads_them(year in -9999i32..=9999, day in 0u32..365) {
            let date = Date::from_calendar_date(year, Month::January, 1).unwrap() + time::Duration::days(day.into());
            let text = date.format(FORMAT).unwrap();
            prop_assert_eq!(parse_iso_date(&text), Some(date));
        }
    }

    #[test]
    fn a_quarter_later_keeps_the_day_or_clamps_it() {
        assert_eq!(add_months(date!(2026 - 11 - 24), 3), date!(2027 - 02 - 24));
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2027 - 11 - 30), 3), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2026 - 01 - 31), 3), date!(2026 - 04 - 30));
        assert_eq!(add_months(date!(2026 - 12 - 01), 12), date!(2027 - 12 - 01));
    }
}
