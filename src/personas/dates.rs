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

/// Serde for review dates: written as `YYYY-MM-DD`; an RFC 3339 timestamp is also read.
pub(crate) mod review_date {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use time::format_description::well_known::Rfc3339;
    use time::macros::format_description;
    use time::{Date, OffsetDateTime};

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text, FORMAT)
            .or_else(|_| OffsetDateTime::parse(&text, &Rfc3339).map(|t| t.date()))
            .map_err(|_| D::Error::custom(format!("“{text}” is not a date like 2027-03-31")))
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
    use time::macros::date;

    #[test]
    fn a_quarter_later_keeps_the_day_or_clamps_it() {
        assert_eq!(add_months(date!(2026 - 11 - 24), 3), date!(2027 - 02 - 24));
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2027 - 11 - 30), 3), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2026 - 01 - 31), 3), date!(2026 - 04 - 30));
        assert_eq!(add_months(date!(2026 - 12 - 01), 12), date!(2027 - 12 - 01));
    }
}
