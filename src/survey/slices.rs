//! A survey file read a slice at a time, straight from where it lies: in the browser the
//! `File` the user chose, read again (not kept in memory) when the survey is read under
//! another recipe. Its SHA-256 fingerprint is computed over the same slices as they
//! arrive, so the file is never held twice — or, for a large file in the browser, by a
//! helper worker reading the same `File` beside the read ([`SlicedFile::fingerprint`]).

use std::fmt;
use std::rc::Rc;

use sha2::{Digest, Sha256};

use super::{hex, Fingerprint, Progress, ProgressSink, ReadError, Stage};

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

    /// Fills `into` with the file's bytes from `start`, for a reader of its own slices
    /// (`sliced_text.rs`).
    pub(super) fn read_at(&self, start: usize, into: &mut [u8]) -> Result<(), ReadError> {
        self.0.read_at(start, into)
    }

    /// The whole file, read a slice at a time into one buffer (its only copy), and what is
    /// then known of its fingerprint: worked out over the same slices when `fingerprint`
    /// says [`Fingerprint::Hash`], else as it was. `progress` hears of every slice. Each
    /// slice is read straight into its place in the buffer, which grows a slice at a time
    /// (not zeroed whole first, which would hold up the first report).
    pub fn read_whole(
        &self,
        fingerprint: Fingerprint,
        progress: ProgressSink,
    ) -> Result<(Vec<u8>, Fingerprint), ReadError> {
        let mut bytes = Vec::with_capacity(self.size());
        let mut hasher = (fingerprint == Fingerprint::Hash).then(Sha256::new);
        self.each_slice(progress, Keep::Whole(&mut bytes), |slice| {
            if let Some(hasher) = &mut hasher {
                hasher.update(slice);
            }
        })?;
        let fingerprint = match hasher {
            Some(hasher) => Fingerprint::Known(hex(&hasher.finalize())),
            None => fingerprint,
        };
        Ok((bytes, fingerprint))
    }

    /// The file's hex SHA-256, worked out a slice at a time; no slice is kept.
    pub fn fingerprint(&self, progress: ProgressSink) -> Result<String, ReadError> {
        let mut hasher = Sha256::new();
        let mut slice = Vec::new();
        self.each_slice(progress, Keep::Reuse(&mut slice), |slice| {
            hasher.update(slice)
        })?;
        Ok(hex(&hasher.finalize()))
    }

    /// Reads the file a slice at a time into `keep`, handing each slice to `take` and
    /// telling `progress` (the "Checking the file" stage).
    fn each_slice(
        &self,
        progress: ProgressSink,
        keep: Keep<'_>,
        mut take: impl FnMut(&[u8]),
    ) -> Result<(), ReadError> {
        let total = self.size();
        progress(checked(0, total));
        let (buffer, whole) = match keep {
            Keep::Whole(buffer) => (buffer, true),
            Keep::Reuse(buffer) => (buffer, false),
        };
        let mut done = 0;
        while done < total {
            let len = SLICE_BYTES.min(total - done);
            let from = if whole { done } else { 0 };
            buffer.resize(from + len, 0);
            let slice = &mut buffer[from..];
            self.0.read_at(done, slice)?;
            take(slice);
            done += len;
            progress(checked(done, total));
        }
        Ok(())
    }
}

/// Where [`SlicedFile::each_slice`] puts the slices it reads.
enum Keep<'b> {
    /// Each after the last: the whole file.
    Whole(&'b mut Vec<u8>),
    /// Each in the place of the last, one buffer reused.
    Reuse(&'b mut Vec<u8>),
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
        let (read, sha256) = file
            .read_whole(Fingerprint::Hash, &mut |p| seen.push(p.done))
            .unwrap();
        assert_eq!(read, bytes);
        assert_eq!(sha256, Fingerprint::Known(sha256_hex(&bytes)));
        assert_eq!(reads.get(), 3, "three slices");
        assert_eq!(seen, [0, SLICE_BYTES, SLICE_BYTES * 2, bytes.len()]);

        // Read again with the fingerprint known, or to come: the same bytes, the
        // fingerprint as it was.
        for fingerprint in [Fingerprint::Known("known".into()), Fingerprint::Later] {
            let (again, kept) = file.read_whole(fingerprint.clone(), &mut |_| {}).unwrap();
            assert_eq!((again == bytes, kept), (true, fingerprint));
        }
        assert_eq!(reads.get(), 9, "three slices a read");

        // Fingerprinted alone: the same fingerprint, every slice reported, none kept.
        let mut seen = Vec::new();
        let alone = file.fingerprint(&mut |p| seen.push(p.done)).unwrap();
        assert_eq!(alone, sha256_hex(&bytes));
        assert_eq!(seen, [0, SLICE_BYTES, SLICE_BYTES * 2, bytes.len()]);
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
            .read_whole(Fingerprint::Hash, &mut |_| {})
            .unwrap_err();
        assert_eq!(error, ReadError::Unreadable);
        assert!(error.to_string().contains("Choose it again"));
    }
}
