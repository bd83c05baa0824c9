//! How far a long read has got, for the progress bar.

use serde::{Deserialize, Serialize};

/// The step a read is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The file's fingerprint (SHA-256, kept as provenance); `done`/`total` count bytes.
    Checking,
    /// The text decoded and scanned for quotes that never close; `done`/`total` count
    /// bytes.
    Decoding,
    /// Bytes → rows; `done`/`total` count bytes.
    Reading,
    /// The file read a slice at a time, its quotes watched and its rows read as each
    /// slice arrives (the three stages above in one pass, `sliced_text.rs`);
    /// `done`/`total` count bytes.
    Streaming,
    /// Answers checked for length and cleaned of unsafe characters; `done`/`total` count
    /// distinct answers.
    Tidying,
    /// The privacy guard; `done`/`total` count answers.
    Guarding,
    /// Spellings of one answer merged, multi-select questions folded; `done`/`total`
    /// count columns.
    Merging,
    /// Kinds and answer counts; `done`/`total` count distinct answers.
    Summarising,
}

impl Stage {
    /// What the progress bar says.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Checking => "Checking the file",
            Stage::Decoding => "Reading the text",
            Stage::Reading | Stage::Streaming => "Reading rows",
            Stage::Tidying => "Checking the answers",
            Stage::Guarding => "Removing identifiers",
            Stage::Merging => "Merging spellings",
            Stage::Summarising => "Understanding the columns",
        }
    }
}

/// A progress report: the stage, rows read so far, and how much of the stage is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub stage: Stage,
    pub rows: usize,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// The share of the stage done, 0.0 to 1.0.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        (self.done as f64 / self.total as f64).min(1.0)
    }

    /// How far the whole read has got, in tenths of a percent (0 to 1000), each stage
    /// weighted by the time it takes in the benchmark (`scripts/bench`, 1,000,000 rows).
    /// Tenths, so the bar moves with a long stage's every step.
    pub fn per_mille(&self) -> u32 {
        let (start, width) = match self.stage {
            Stage::Checking => (0.0, 200.0),
            Stage::Decoding => (200.0, 50.0),
            Stage::Reading => (250.0, 225.0),
            Stage::Streaming => (0.0, 475.0),
            Stage::Tidying => (475.0, 25.0),
            Stage::Guarding => (500.0, 300.0),
            Stage::Merging => (800.0, 70.0),
            Stage::Summarising => (870.0, 130.0),
        };
        (start + width * self.fraction()).round() as u32
    }

    /// How far the whole read has got, in whole percent, as the bar's text says it.
    pub fn percent(&self) -> u32 {
        (self.per_mille() + 5) / 10
    }
}

/// Where progress reports go; `&mut |_| {}` when nobody is watching.
pub type ProgressSink<'a> = &'a mut dyn FnMut(Progress);

/// Rows between two progress reports while reading text.
pub const ROWS_PER_REPORT: usize = 2048;

/// Distinct answers between two progress reports in the stages that go through them
/// (a few microseconds each at most, so a report every few milliseconds).
pub const ANSWERS_PER_REPORT: usize = 1 << 15;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(stage: Stage, done: usize, total: usize) -> Progress {
        Progress {
            stage,
            rows: 0,
            done,
            total,
        }
    }

    #[test]
    fn percent_only_moves_forward_through_the_stages() {
        let steps = [
            at(Stage::Checking, 0, 100),
            at(Stage::Checking, 100, 100),
            at(Stage::Decoding, 0, 100),
            at(Stage::Decoding, 50, 100),
            at(Stage::Reading, 0, 0),
            at(Stage::Reading, 50, 100),
            at(Stage::Reading, 100, 100),
            at(Stage::Tidying, 0, 40),
            at(Stage::Tidying, 40, 40),
            at(Stage::Guarding, 0, 18),
            at(Stage::Guarding, 18, 18),
            at(Stage::Merging, 18, 36),
            at(Stage::Summarising, 0, 18),
            at(Stage::Summarising, 18, 18),
        ];
        let tenths: Vec<u32> = steps.iter().map(Progress::per_mille).collect();
        assert_eq!(
            tenths,
            [0, 200, 200, 225, 250, 363, 475, 475, 500, 500, 800, 835, 870, 1000]
        );
        assert_eq!(
            at(Stage::Reading, 500, 100).per_mille(),
            475,
            "never past its stage"
        );
        assert_eq!(at(Stage::Reading, 3, 1000).per_mille(), 251);
        assert_eq!(at(Stage::Reading, 3, 1000).percent(), 25);
        // Read in one pass, the file's rows fill what its three stages would.
        assert_eq!(at(Stage::Streaming, 50, 100).per_mille(), 238);
        assert_eq!(at(Stage::Streaming, 100, 100).per_mille(), 475);
    }
}
