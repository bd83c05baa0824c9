//! The current time, from the browser (the core is handed it, never reads a clock).

use time::OffsetDateTime;

/// Now, to the millisecond, in UTC.
pub fn now() -> OffsetDateTime {
    let millis = js_sys::Date::now() as i128;
    OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
