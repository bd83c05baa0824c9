//! The privacy guard. Identifier columns are dropped and what stays is generalised
//! before any analysis ([`guard`]); free text is scrubbed ([`scrub`]); and nothing is
//! reported about fewer than [`MIN_GROUP_SIZE`] respondents, nor can such a count be
//! worked out from the totals shown ([`disclosure`]).

mod alphabet;
pub mod disclosure;
pub mod generalise;
pub mod guard;
pub mod identifiers;
pub mod patterns;
pub mod scrub;
pub mod sensitive;

pub use guard::{guard, PrivacyReport, PrivacySettings, SettingsError};

use std::fmt;

/// The smallest number of respondents a persona, a trait or a shown count may rest on
/// (the CMS cell-size rule).
pub const MIN_GROUP_SIZE: usize = 11;

/// True when a count of people may be reported: 0, or at least [`MIN_GROUP_SIZE`].
pub fn is_reportable(count: usize) -> bool {
    count == 0 || count >= MIN_GROUP_SIZE
}

/// A count of people as it may be shown: exact, or suppressed when it is 1–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownCount {
    Exact(usize),
    Suppressed,
}

impl ShownCount {
    /// Applies the small-group rule to a raw count.
    pub fn of(count: usize) -> Self {
        if is_reportable(count) {
            ShownCount::Exact(count)
        } else {
            ShownCount::Suppressed
        }
    }
}

impl fmt::Display for ShownCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShownCount::Exact(n) => write!(f, "{n}"),
            ShownCount::Suppressed => write!(f, "<{MIN_GROUP_SIZE}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_one_to_ten_are_suppressed() {
        assert_eq!(ShownCount::of(0).to_string(), "0");
        for n in 1..MIN_GROUP_SIZE {
            assert_eq!(ShownCount::of(n).to_string(), "<11", "count {n}");
        }
        assert_eq!(ShownCount::of(11).to_string(), "11");
        assert_eq!(ShownCount::of(313).to_string(), "313");
    }
}
