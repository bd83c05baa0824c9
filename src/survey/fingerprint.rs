//! A survey file's fingerprint: its hex SHA-256, the personas' provenance (their ids are
//! made from it, and a refresh knows a wave's file by it). A read works it out over the
//! bytes as it goes, takes it as known, or leaves it to be worked out beside the read —
//! in the browser by a helper worker while the survey worker parses, so the two run on
//! two cores (`browser/pipeline_worker.rs`).

use sha2::{Digest, Sha256};

use super::{Progress, ProgressSink, Stage};

/// What a read does about the file's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fingerprint {
    /// Work it out over the bytes as they are read.
    Hash,
    /// It is known already: the same file read again, or a workbook its worker
    /// fingerprinted.
    Known(String),
    /// It is worked out beside the read and comes later
    /// (`pipeline::LoadedSurvey::fingerprint_came`): until then the survey's
    /// `source_sha256` is empty.
    Later,
}

/// [`sha256_hex`] of a file, a mebibyte at a time, telling `progress`.
pub(super) fn hash_reporting(bytes: &[u8], progress: ProgressSink) -> String {
    let mut hasher = Sha256::new();
    for (i, chunk) in bytes.chunks(1 << 20).enumerate() {
        hasher.update(chunk);
        progress(Progress {
            stage: Stage::Checking,
            rows: 0,
            done: (i << 20) + chunk.len(),
            total: bytes.len(),
        });
    }
    hex(&hasher.finalize())
}

/// Bytes as lower-case hex, as SHA-256 fingerprints are written.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex SHA-256 of a byte slice.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Whether `text` is a fingerprint as [`hex`] writes one: 64 lower-case hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_is_64_lower_case_hex_digits() {
        let known = sha256_hex(b"a\n1\n");
        assert!(is_sha256(&known));
        assert_eq!(hash_reporting(b"a\n1\n", &mut |_| {}), known);
        assert!(!is_sha256(&known.to_uppercase()));
        assert!(!is_sha256(&known[1..]));
        assert!(!is_sha256(""));
    }
}
