//! The loaded file's fingerprint when it is worked out beside the read (in the browser a
//! helper worker hashes a large file while the survey worker parses it): it comes later,
//! and is worked out here, the file read again, if personas are wanted before it has.

use super::LoadedSurvey;
use crate::survey::{is_sha256, Fingerprint, ReadError};

impl LoadedSurvey {
    /// Whether the file's fingerprint is still to come from beside the read.
    pub fn fingerprint_to_come(&self) -> bool {
        self.survey.source_sha256.is_empty()
    }

    /// Takes the fingerprint worked out beside the read, if it is one (64 lower-case hex
    /// digits); one known already stays.
    pub fn fingerprint_came(&mut self, sha256: &str) {
        if self.fingerprint_to_come() && is_sha256(sha256) {
            self.survey.source_sha256 = sha256.to_string();
        }
    }

    /// Makes sure the fingerprint is known before anything is made from the survey that
    /// carries it (personas' ids and provenance, a wave's comparison): one that has not
    /// come is worked out now, from the file read again a slice at a time.
    pub fn fingerprinted(&mut self) -> Result<(), ReadError> {
        if self.fingerprint_to_come() {
            self.survey.source_sha256 = self.source.fingerprint(&mut |_| {})?;
        }
        Ok(())
    }

    /// What a read again of the same file knows of its fingerprint.
    pub(super) fn known_fingerprint(&self) -> Fingerprint {
        if self.fingerprint_to_come() {
            Fingerprint::Later
        } else {
            Fingerprint::Known(self.survey.source_sha256.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use crate::pipeline::{LoadedSurvey, Recipe};
    use crate::survey::{sha256_hex, Fingerprint, SlicedFile, Source};

    const SURVEY: &[u8] = b"age,visits\n34,2\n51,4\n";

    fn opened_later() -> LoadedSurvey {
        let source = Rc::new(Source::Sliced(SlicedFile::new(SURVEY.to_vec())));
        LoadedSurvey::open(
            "s.csv",
            source,
            Fingerprint::Later,
            Recipe::default(),
            &mut |_| {},
        )
        .unwrap()
    }

    #[test]
    fn a_fingerprint_to_come_is_taken_once_and_only_when_well_formed() {
        let mut loaded = opened_later();
        assert!(loaded.fingerprint_to_come());
        loaded.fingerprint_came("not a fingerprint");
        assert!(loaded.fingerprint_to_come());
        let sha256 = sha256_hex(SURVEY);
        loaded.fingerprint_came(&sha256);
        assert_eq!(loaded.survey.source_sha256, sha256);
        loaded.fingerprint_came(&"a".repeat(64));
        assert_eq!(loaded.survey.source_sha256, sha256, "the first stays");
    }

    #[test]
    fn a_fingerprint_that_has_not_come_is_worked_out_from_the_file_and_kept_across_reads() {
        let mut loaded = opened_later();
        let again = loaded.rebuilt(loaded.recipe.clone(), &mut |_| {}).unwrap();
        assert!(again.fingerprint_to_come(), "a read again waits for it too");
        loaded.fingerprinted().unwrap();
        assert_eq!(loaded.survey.source_sha256, sha256_hex(SURVEY));
        let again = loaded.rebuilt(loaded.recipe.clone(), &mut |_| {}).unwrap();
        assert_eq!(again.survey.source_sha256, sha256_hex(SURVEY));
    }
}
