//! How much of the storage the browser allows the page uses, as the browser estimates
//! it (`navigator.storage.estimate()`), so the user is warned well before a save would
//! fail, and a save that would not fit is refused before anything is written.

/// From this share of the quota on, the user is warned.
pub const STORAGE_WARN_SHARE: f64 = 0.8;

/// Bytes used against the bytes the browser allows the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUse {
    pub used: f64,
    pub quota: f64,
}

impl StorageUse {
    /// The share used, from 0 to 1 (or more, when over).
    pub fn share(&self) -> f64 {
        if self.quota > 0.0 {
            self.used / self.quota
        } else {
            1.0
        }
    }

    /// Whether the user should be warned.
    pub fn nearing(&self) -> bool {
        self.share() >= STORAGE_WARN_SHARE
    }

    /// Whether `bytes` more would still fit.
    pub fn fits_more(&self, bytes: f64) -> bool {
        self.used + bytes <= self.quota
    }

    /// "1.2 MB of 2.1 GB available (0%)".
    pub fn describe(&self) -> String {
        format!(
            "{} of {} available ({:.0}%)",
            size(self.used),
            size(self.quota),
            (self.share() * 100.0).floor()
        )
    }
}

/// A size in KB, MB or GB (decimal, as browsers report).
pub fn size(bytes: f64) -> String {
    if bytes < 100_000.0 {
        format!("{:.0} KB", (bytes / 1000.0).ceil())
    } else if bytes < 1e9 {
        format!("{:.1} MB", bytes / 1e6)
    } else {
        format!("{:.1} GB", bytes / 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_from_eighty_percent_and_refuses_what_would_not_fit() {
        let at = |used| StorageUse { used, quota: 5e6 };
        assert!(!at(3e6).nearing());
        assert!(at(4e6).nearing());
        assert!(at(4e6).fits_more(1e6));
        assert!(!at(4e6).fits_more(1e6 + 1.0));
        assert_eq!(at(4.1e6).describe(), "4.1 MB of 5.0 MB available (82%)");
        assert_eq!(
            StorageUse {
                used: 1200.0,
                quota: 2.5e9
            }
            .describe(),
            "2 KB of 2.5 GB available (0%)"
        );
        assert!(
            StorageUse {
                used: 0.0,
                quota: 0.0
            }
            .nearing(),
            "no quota: warn"
        );
    }
}
