//! How much of the browser's local storage the app uses, so the user is told before a
//! save would fail.

/// Local storage holds about five million characters per site in current browsers;
/// the app counts against this.
pub const STORAGE_BUDGET_CHARS: usize = 5_000_000;
/// From this share of the budget on, the user is warned.
pub const STORAGE_WARN_SHARE: f64 = 0.8;

/// Characters used in local storage against the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageUse {
    pub used: usize,
    pub budget: usize,
}

impl StorageUse {
    /// `used` characters against [`STORAGE_BUDGET_CHARS`].
    pub fn of(used: usize) -> Self {
        StorageUse {
            used,
            budget: STORAGE_BUDGET_CHARS,
        }
    }

    /// The share used, from 0 to 1 (or more, when over).
    pub fn share(&self) -> f64 {
        self.used as f64 / self.budget as f64
    }

    /// Whether the user should be warned.
    pub fn nearing(&self) -> bool {
        self.share() >= STORAGE_WARN_SHARE
    }

    /// Whether it is within the budget.
    pub fn fits(&self) -> bool {
        self.used <= self.budget
    }

    /// "1.2 MB of about 5 MB (24%)".
    pub fn describe(&self) -> String {
        format!(
            "{} of about {} ({:.0}%)",
            megabytes(self.used),
            megabytes(self.budget),
            (self.share() * 100.0).floor()
        )
    }
}

fn megabytes(chars: usize) -> String {
    if chars < 100_000 {
        format!("{:.0} KB", (chars as f64 / 1000.0).ceil())
    } else {
        format!("{:.1} MB", chars as f64 / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_from_eighty_percent_and_refuses_past_the_budget() {
        assert!(!StorageUse::of(3_000_000).nearing());
        assert!(StorageUse::of(4_000_000).nearing());
        assert!(StorageUse::of(5_000_000).fits());
        assert!(!StorageUse::of(5_000_001).fits());
        assert_eq!(
            StorageUse::of(4_100_000).describe(),
            "4.1 MB of about 5.0 MB (82%)"
        );
        assert_eq!(
            StorageUse::of(1_200).describe(),
            "2 KB of about 5.0 MB (0%)"
        );
    }
}
