//! A survey file read a slice at a time, straight from where it lies: in the browser the
//! `File` the user chose, read again (not kept in memory) when the survey is read under
//! another recipe. Its SHA-256 fingerprint is computed over the same slices as they
//! arrive, so the file is gone through once and never held twice.

use std::fmt;
use std::rc::Rc;

use sha2::{Digest, Sha256};

use super::{hex, Progress, ProgressSink, ReadError, Stage};

/// The bytes read at a time: large enough that a slice's fixed costs do not show, small
/// enough that one slice beside the whole file is nothing and that the first slice (read
/// and hashed before the browser has optimised the code) is soon reported.
pub const SLICE_BYTES: usize = 4 << 20;

/// A file that can be read, a slice at a time, as often as needed.
pub trait FileSlices {
    /// The file's size in bytes.
    fn size(&self) -> usize;

    /// Fills `into` with the file's bytes from `start` (the file holds at least
    /// `start + into.len()` of them).
    fn read_at(&self, start: usize, into: &mut [u8]) -> Result<(), ReadError>;
}

/// Bytes in memory read as a file (natively, and in the tests).
impl FileSlices for Vec<u8> {
    fn size(&self) -> usize {
        self.len()
    }

    fn read_at(&self, start: usize, into: &mut [u8]) -> Result<(), ReadError> {
        let bytes = self
            .get(start..start + into.len())
            .ok_or(ReadError::Unreadable)?;
        into.copy_from_slice(bytes);
        Ok(())
    }
}

/// A file read in slices, shared by the surveys read from it (one file, however often
/// it is read again). Two are equal when they are the same file.
#[derive(Clone)]
pub struct SlicedFile(Rc<dyn FileSlices>);

impl SlicedFile {
    /// The file to be read in slices.
    pub fn new(file: impl FileSlices + 'static) -> Self {
        SlicedFile(Rc::new(file))
    }

    /// The file's size in bytes.
    pub fn size(&self) -> usize {
        self.0.size()
    }

    /// The whole file, read a slice at a time into one buffer (its only copy), and its
    /// hex SHA-256 over the same slices — or `known`, when the fingerprint was worked
    /// out before (a read again). `progress` hears of every slice. The buffer is filled
    /// slice by slice, not zeroed first (which would hold up the first report).
    pub fn read_whole(
        &self,
        known: Option<String>,
        progress: ProgressSink,
    ) -> Result<(Vec<u8>, String), ReadError> {
        let total = self.size();
        progress(checked(0, total));
        let mut bytes = Vec::with_capacity(total);
        let mut slice = vec![0; SLICE_BYTES.min(total)];
        let mut hasher = known.is_none().then(Sha256::new);
        while bytes.len() < total {
            let slice = &mut slice[..SLICE_BYTES.min(total - bytes.len())];
            self.0.read_at(bytes.len(), slice)?;
            if let Some(hasher) = &mut hasher {
                hasher.update(&*slice);
            }
            bytes.extend_from_slice(slice);
            progress(checked(bytes.len(), total));
        }
        let sha256 = match (known, hasher) {
            (Some(known), _) => known,
            (None, Some(hasher)) => hex(&hasher.finalize()),
            (None, None) => unreachable!("a hasher is made when no fingerprint is known"),
        };
        Ok((bytes, sha256))
    }
}

fn checked(done: usize, total: usize) -> Progress {
    Progress {
        stage: Stage::Checking,
        rows: 0,
        done,
        total,
    }
}

impl fmt::Debug for SlicedFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SlicedFile({} bytes)", self.size())
    }
}

impl PartialEq for SlicedFile {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SlicedFile {}

#[cfg(test)]
mod tests {
    use super::super::sha256_hex;
    use super::*;
    use std::cell::Cell;

    /// Bytes that count the slices read from them.
    struct Counted {
        bytes: Vec<u8>,
        reads: Rc<Cell<usize>>,
    }

    impl FileSlices for Counted {
        fn size(&self) -> usize {
            self.bytes.len()
        }
        fn read_at(&self, start: usize, into: &mut [u8]) -> Result<(), ReadError> {
            self.reads.set(self.reads.get() + 1);
            self.bytes.read_at(start, into)
        }
    }

    #[test]
    fn reads_the_whole_file_in_slices_with_its_fingerprint() {
        let bytes: Vec<u8> = (0..SLICE_BYTES * 2 + 12_345)
            .map(|i| (i % 251) as u8)
            .collect();
        let reads = Rc::new(Cell::new(0));
        let file = SlicedFile::new(Counted {
            bytes: bytes.clone(),
            reads: reads.clone(),
        });
        let mut seen = Vec::new();
        let (read, sha256) = file.read_whole(None, &mut |p| seen.push(p.done)).unwrap();
        assert_eq!(read, bytes);
        assert_eq!(sha256, sha256_hex(&bytes));
        assert_eq!(reads.get(), 3, "three slices");
        assert_eq!(seen, [0, SLICE_BYTES, SLICE_BYTES * 2, bytes.len()]);

        // Read again with the fingerprint known: the same bytes, the known fingerprint.
        let (again, kept) = file.read_whole(Some("known".into()), &mut |_| {}).unwrap();
        assert_eq!((again == bytes, kept.as_str()), (true, "known"));
        assert_eq!(file, file.clone());
    }

    #[test]
    fn a_file_that_cannot_be_read_is_refused_with_a_reason() {
        struct Gone;
        impl FileSlices for Gone {
            fn size(&self) -> usize {
                10
            }
            fn read_at(&self, _: usize, _: &mut [u8]) -> Result<(), ReadError> {
                Err(ReadError::Unreadable)
            }
        }
        let error = SlicedFile::new(Gone)
            .read_whole(None, &mut |_| {})
            .unwrap_err();
        assert_eq!(error, ReadError::Unreadable);
        assert!(error.to_string().contains("Choose it again"));
    }
}
