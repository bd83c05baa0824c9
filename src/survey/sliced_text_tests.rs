use std::cell::Cell;
use std::rc::Rc;

use super::super::{sample, sha256_hex, FileSlices, QuoteRun, MAX_QUOTED_LINES};
use super::*;

/// The survey as the whole file's bytes read it.
fn whole(bytes: &[u8], options: ReadOptions) -> Result<Survey, ReadError> {
    read_survey_reporting(bytes, Fingerprint::Hash, options, &mut |_| {})
}

/// The survey [`read_sliced`] reads from a file of `bytes`.
fn read(bytes: &[u8], options: ReadOptions) -> Result<Survey, ReadError> {
    read_sliced(
        &SlicedFile::new(bytes.to_vec()),
        Fingerprint::Hash,
        options,
        &mut |_| {},
    )
}

/// The survey streamed `slice_bytes` at a time; `None` when it was not streamed.
fn sliced(
    bytes: &[u8],
    slice_bytes: usize,
    options: ReadOptions,
) -> Option<Result<Survey, ReadError>> {
    let file = SlicedFile::new(bytes.to_vec());
    streamed(&file, slice_bytes, &Fingerprint::Hash, options, &mut |_| {}).transpose()
}

/// Streamed at slice sizes that cut rows, quotes, characters and "\r\n" anywhere, the
/// text reads as it does whole (its delimiter given: a tiny first slice cannot show it;
/// a first slice of at most a byte-order mark's 3 bytes shows no text and is read whole). Whether it streamed from
/// slices of [`SLICE_BYTES`], its delimiter sniffed.
fn assert_streams_as_whole(bytes: &[u8]) -> bool {
    let expected = whole(bytes, ReadOptions::default());
    let delimiter = match &expected {
        Ok(survey) => survey.format.as_ref().and_then(|f| f.delimiter),
        Err(_) => Some(b','),
    };
    let given = ReadOptions {
        delimiter,
        ..ReadOptions::default()
    };
    // Text found not to be UTF-8 after all is read whole, at any slice size.
    let utf8 = match &expected {
        Ok(survey) => survey.format.as_ref().and_then(|f| f.encoding.as_deref()) == Some("UTF-8"),
        Err(_) => true,
    };
    for slice_bytes in [1, 2, 3, 5, 64, 4099] {
        match sliced(bytes, slice_bytes, given) {
            Some(streamed) => assert_eq!(streamed, expected, "slices of {slice_bytes} bytes"),
            None => assert!(
                slice_bytes <= 3 || !utf8,
                "slices of {slice_bytes} bytes not streamed"
            ),
        }
    }
    let streamed = sliced(bytes, SLICE_BYTES, ReadOptions::default());
    if let Some(streamed) = &streamed {
        assert_eq!(
            streamed, &expected,
            "the delimiter sniffed from the first slice"
        );
    }
    streamed.is_some()
}

#[test]
fn streamed_text_reads_as_the_whole_file_does() {
    for text in [
        "id,comment,lives_with\r\n1,\"Far, far away\",Alone\r\n2,\"He said \"\"hi\"\"\nthen left\",Partner\r\n",
        "\u{FEFF}Région;Âge\r\nÎle-de-France;34\r\nCôte d’Azur;56\r\n",
        "a,b,c\r\n1,2,3\r\n4,5\r\n\r\n,,\r\n6,7,8",
        "Q,,Q\n1,2,3\n",
        "a\r1\r\"x\ry\"\r2\r",
    ] {
        assert!(assert_streams_as_whole(text.as_bytes()), "{text:?}");
    }
    assert!(assert_streams_as_whole(&sample::generate(3_000).csv));
}

#[test]
fn real_exports_stream_as_they_read_whole() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/survey-samples");
    let mut streamed_some = 0;
    for entry in std::fs::read_dir(folder).expect("the shared survey samples") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(
            read(&bytes, ReadOptions::default()),
            whole(&bytes, ReadOptions::default()),
            "{}",
            path.display()
        );
        streamed_some += usize::from(assert_streams_as_whole(&bytes));
    }
    assert!(streamed_some >= 5, "{streamed_some} samples streamed");
}

#[test]
fn refusals_are_the_whole_files_naming_the_same_row_or_line() {
    let rows: String = (0..150).map(|i| format!("{i},x\n")).collect();
    let over = format!("a,b\n1,2\n\"open,1\n{rows}\"closed late\",2\n");
    let cases = [
        (
            "a,b\r\n1,2\r\n3,\"oops\r\n4,5\r\n".to_string(),
            ReadError::UnclosedQuote {
                line: 3,
                runs: QuoteRun::ToTheEnd,
            },
        ),
        (
            over,
            ReadError::UnclosedQuote {
                line: 3,
                runs: QuoteRun::Over(MAX_QUOTED_LINES),
            },
        ),
        // A row too wide before a quote that never closes: the quote is named.
        (
            "a,b\n1,2,3\n\"open\n".to_string(),
            ReadError::UnclosedQuote {
                line: 3,
                runs: QuoteRun::ToTheEnd,
            },
        ),
        (
            "a,b\n1,2\n3,4,5\n".to_string(),
            ReadError::TooManyFields {
                row: 3,
                found: 3,
                expected: 2,
            },
        ),
        ("a,b,c\r\n".to_string(), ReadError::HeaderOnly),
    ];
    for (text, error) in cases {
        assert_eq!(
            whole(text.as_bytes(), ReadOptions::default()),
            Err(error.clone())
        );
        assert!(assert_streams_as_whole(text.as_bytes()), "{text:?}");
    }
}

#[test]
fn what_its_start_cannot_vouch_for_is_read_whole() {
    let utf16: Vec<u8> = "a\tb\r\n1\t2\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let literal = ReadOptions {
        unclosed_quotes: UnclosedQuotes::Literal,
        ..ReadOptions::default()
    };
    let chosen = ReadOptions {
        encoding: super::super::EncodingChoice::Windows1252,
        ..ReadOptions::default()
    };
    let cases: [(&[u8], ReadOptions); 6] = [
        (&utf16, ReadOptions::default()),
        (b"[{\"a\": \"1\"}]", ReadOptions::default()),
        (b"a,b\n\"5 tall,2\n", literal),
        (b"a,b\n1,2\n", chosen),
        (b"a,b\n\xE9t\xE9,2\n", ReadOptions::default()),
        (b" \r\n", ReadOptions::default()),
    ];
    for (bytes, options) in cases {
        assert!(sliced(bytes, 4096, options).is_none(), "{bytes:?}");
        assert_eq!(read(bytes, options), whole(bytes, options), "{bytes:?}");
    }
}

#[test]
fn text_not_utf8_after_its_first_slice_reads_whole_as_windows_1252() {
    let mut bytes = b"name,town\n".to_vec();
    bytes.extend(b"x,y\n".repeat(500));
    bytes.extend(b"Ren\xE9e,Orl\xE9ans\n");
    assert!(sliced(&bytes, 64, ReadOptions::default()).is_none());
    let read = read(&bytes, ReadOptions::default()).unwrap();
    assert_eq!(read, whole(&bytes, ReadOptions::default()).unwrap());
    assert_eq!(
        read.format.unwrap().encoding.as_deref(),
        Some("windows-1252")
    );
}

#[test]
fn the_fingerprint_is_the_files_and_progress_counts_its_bytes() {
    let bytes = sample::generate(5_000).csv;
    let file = SlicedFile::new(bytes.clone());
    let mut seen = Vec::new();
    let survey = streamed(
        &file,
        4096,
        &Fingerprint::Hash,
        ReadOptions::default(),
        &mut |p| seen.push(p),
    )
    .unwrap()
    .unwrap();
    assert_eq!(survey.source_sha256, sha256_hex(&bytes));
    let reading: Vec<_> = seen
        .iter()
        .filter(|p| p.stage == Stage::Streaming)
        .collect();
    assert!(reading.len() >= 2, "{} reports", reading.len());
    assert!(reading
        .windows(2)
        .all(|w| w[0].done < w[1].done && w[0].rows <= w[1].rows));
    assert!(reading.iter().all(|p| p.total == bytes.len()));
    for fingerprint in [Fingerprint::Known("known".into()), Fingerprint::Later] {
        let again = streamed(
            &file,
            4096,
            &fingerprint,
            ReadOptions::default(),
            &mut |_| {},
        );
        let expected = match &fingerprint {
            Fingerprint::Known(sha256) => sha256.clone(),
            _ => String::new(),
        };
        assert_eq!(again.unwrap().unwrap().source_sha256, expected);
    }
}

#[test]
fn a_file_that_cannot_be_read_on_is_refused_with_a_reason() {
    /// Bytes whose slices after the first cannot be read.
    struct GoneAfterFirst(Vec<u8>, Rc<Cell<usize>>);
    impl FileSlices for GoneAfterFirst {
        fn size(&self) -> usize {
            self.0.len()
        }
        fn read_at(&self, start: usize, into: &mut [u8]) -> Result<(), ReadError> {
            self.1.set(self.1.get() + 1);
            match start {
                0 => self.0.read_at(start, into),
                _ => Err(ReadError::Unreadable),
            }
        }
    }
    let reads = Rc::new(Cell::new(0));
    let file = SlicedFile::new(GoneAfterFirst(sample::generate(200).csv, reads.clone()));
    let read = streamed(
        &file,
        1024,
        &Fingerprint::Hash,
        ReadOptions::default(),
        &mut |_| {},
    );
    assert_eq!(read.unwrap_err(), ReadError::Unreadable);
    assert_eq!(reads.get(), 2, "no slice read again after one failed");
}
