//! Bytes to text: the encoding is decided by a byte-order mark, then by the zero bytes
//! of UTF-16 written without one, then by whether the bytes are valid UTF-8, then
//! Windows-1252 (what Excel's "CSV" writes on Western Windows). The user can override the
//! guess.
//!
//! The four encodings are decoded here over the standard library (`str::from_utf8`,
//! `char::decode_utf16`, and the WHATWG table of Windows-1252's 32 bytes that differ
//! from Latin-1), not by encoding_rs: its decoder dispatches over every encoding it
//! knows, so it would bring all the legacy decoders and their tables (about 60 KB
//! gzipped) into the survey worker, which reads only these four. A property test
//! checks the result against encoding_rs.

use std::borrow::Cow;

use super::ReadError;

/// The encodings a survey file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}
use Encoding::{
    Utf16Be as UTF_16BE, Utf16Le as UTF_16LE, Utf8 as UTF_8, Windows1252 as WINDOWS_1252,
};

/// Windows-1252's bytes 0x80–0x9F (the WHATWG index; the five it leaves undefined map
/// to the C1 controls of the same number). Every other byte is its Latin-1 code point.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

impl Encoding {
    /// Its WHATWG name, as encoding_rs gives it.
    fn name(self) -> &'static str {
        match self {
            UTF_8 => "UTF-8",
            UTF_16LE => "UTF-16LE",
            UTF_16BE => "UTF-16BE",
            WINDOWS_1252 => "windows-1252",
        }
    }

    /// The encoding a byte-order mark names, and the mark's length.
    fn for_bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some((UTF_8, 3)),
            [0xFF, 0xFE, ..] => Some((UTF_16LE, 2)),
            [0xFE, 0xFF, ..] => Some((UTF_16BE, 2)),
            _ => None,
        }
    }

    /// The text, with this encoding's own byte-order mark taken off, and whether any of
    /// it was malformed (replaced by U+FFFD).
    fn decode_with_bom_removal(self, bytes: &[u8]) -> (Cow<'_, str>, bool) {
        let body = match Encoding::for_bom(bytes) {
            Some((bom, length)) if bom == self => &bytes[length..],
            _ => bytes,
        };
        self.decode_without_bom_handling(body)
    }

    /// The text, and whether any of it was malformed (replaced by U+FFFD).
    fn decode_without_bom_handling(self, bytes: &[u8]) -> (Cow<'_, str>, bool) {
        match self {
            UTF_8 => match std::str::from_utf8(bytes) {
                Ok(text) => (Cow::Borrowed(text), false),
                Err(_) => (String::from_utf8_lossy(bytes), true),
            },
            UTF_16LE | UTF_16BE => {
                let unit = |pair: &[u8]| match self {
                    UTF_16LE => u16::from_le_bytes([pair[0], pair[1]]),
                    _ => u16::from_be_bytes([pair[0], pair[1]]),
                };
                let mut malformed = bytes.len() % 2 == 1;
                let units = bytes.chunks_exact(2).map(unit);
                let mut text: String = char::decode_utf16(units)
                    .map(|c| {
                        c.unwrap_or_else(|_| {
                            malformed = true;
                            char::REPLACEMENT_CHARACTER
                        })
                    })
                    .collect();
                // A last odd byte is malformed; after a lone leading surrogate, the two
                // are one malformed sequence (one U+FFFD), as encoding_rs has it.
                let last = bytes.len() / 2 * 2;
                let lone_lead = last >= 2 && (0xD800..0xDC00).contains(&unit(&bytes[last - 2..]));
                if bytes.len() % 2 == 1 && !lone_lead {
                    text.push(char::REPLACEMENT_CHARACTER);
                }
                (Cow::Owned(text), malformed)
            }
            WINDOWS_1252 if bytes.is_ascii() => {
                // ASCII is the same in Windows-1252 and UTF-8.
                (
                    Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default()),
                    false,
                )
            }
            WINDOWS_1252 => {
                let text = bytes
                    .iter()
                    .map(|&b| match b {
                        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
                        _ => char::from(b),
                    })
                    .collect();
                (Cow::Owned(text), false)
            }
        }
    }
}

/// The text encoding to read a file with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EncodingChoice {
    /// Byte-order mark, else UTF-16 by its pattern of zero bytes, else UTF-8 if valid,
    /// else Windows-1252.
    #[default]
    Automatic,
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl EncodingChoice {
    /// Every choice, for a picker.
    pub const ALL: [EncodingChoice; 5] = [
        EncodingChoice::Automatic,
        EncodingChoice::Utf8,
        EncodingChoice::Utf16Le,
        EncodingChoice::Utf16Be,
        EncodingChoice::Windows1252,
    ];

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            EncodingChoice::Automatic => "Automatic",
            EncodingChoice::Utf8 => "UTF-8",
            EncodingChoice::Utf16Le => "UTF-16 LE",
            EncodingChoice::Utf16Be => "UTF-16 BE",
            EncodingChoice::Windows1252 => "Windows-1252",
        }
    }

    fn encoding(self) -> Option<Encoding> {
        match self {
            EncodingChoice::Automatic => None,
            EncodingChoice::Utf8 => Some(UTF_8),
            EncodingChoice::Utf16Le => Some(UTF_16LE),
            EncodingChoice::Utf16Be => Some(UTF_16BE),
            EncodingChoice::Windows1252 => Some(WINDOWS_1252),
        }
    }
}

/// Text decoded from a file, and the encoding used.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding's name, e.g. "UTF-8" or "windows-1252".
    pub encoding: &'static str,
}

/// Decodes survey bytes to text.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded<'_>, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let bom = Encoding::for_bom(bytes);
    // The text, when telling the encoding has already found it valid UTF-8 (a file is
    // gone through once for that, not twice).
    let mut checked_utf8 = None;
    let encoding = match (choice.encoding(), bom) {
        (Some(chosen), _) => chosen,
        (None, Some((from_bom, _))) => from_bom,
        (None, None) if let Some(utf16) = utf16_by_pattern(bytes) => utf16,
        (None, None) => match std::str::from_utf8(bytes) {
            Ok(text) => {
                checked_utf8 = Some(text);
                UTF_8
            }
            Err(_) => WINDOWS_1252,
        },
    };
    let is_utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    if !is_utf16 && looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    let (text, malformed) = match checked_utf8 {
        Some(text) => (Cow::Borrowed(text), false),
        None => encoding.decode_with_bom_removal(bytes),
    };
    if malformed {
        let offset = if encoding == UTF_8 {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(body)
                .err()
                .map_or(0, |e| e.valid_up_to())
                + bytes.len()
                - body.len()
        } else {
            0
        };
        return Err(ReadError::BadEncoding {
            encoding: encoding.name().into(),
            offset,
        });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// How a file whose first bytes are `first` can be read as UTF-8 while it streams in:
/// the UTF-8 text after its byte-order mark, if it has one, when [`decode`] would read
/// the file so from what its start shows (left to guess, no other mark, not UTF-16 by
/// its pattern, not binary, valid UTF-8 so far — a character cut at the end
/// of `first` goes on in the next bytes). Whether the rest is valid too is known only
/// as it arrives; where it is not, the file is for [`decode`] after all (Windows-1252).
pub(super) fn streams_as_utf8(first: &[u8], choice: EncodingChoice) -> Option<Streamed<'_>> {
    let bom = match Encoding::for_bom(first) {
        None if utf16_by_pattern(first).is_some() => return None,
        None => 0,
        Some((UTF_8, length)) => length,
        Some(_) => return None,
    };
    if choice != EncodingChoice::Automatic || looks_binary(first) {
        return None;
    }
    let body = &first[bom..];
    let valid = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(error) if error.error_len().is_none() => {
            std::str::from_utf8(&body[..error.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    Some(Streamed {
        bom,
        start: valid,
        encoding: UTF_8.name(),
    })
}

/// A file's start read as UTF-8 ([`streams_as_utf8`]).
pub(super) struct Streamed<'a> {
    /// The byte-order mark's length, 0 without one.
    pub bom: usize,
    /// The text after it, up to the last whole character.
    pub start: &'a str,
    /// The encoding's name.
    pub encoding: &'static str,
}

/// The text of a file that is UTF-8 (a byte-order mark dropped) or UTF-16 with its
/// byte-order mark, as a persona file may be; `Err` names the encoding the bytes claim
/// but break. For `persona_file::strict`, whose encoding_rs brings every legacy table
/// into the page (docs/performance.md).
pub fn decode_by_bom(bytes: &[u8]) -> Result<Cow<'_, str>, &'static str> {
    let (encoding, _) = Encoding::for_bom(bytes).unwrap_or((UTF_8, 0));
    match encoding.decode_with_bom_removal(bytes) {
        (_, true) => Err(encoding.name()),
        (text, false) => Ok(text),
    }
}

/// UTF-16 without a byte-order mark, told by its zero bytes: survey text is mostly
/// delimiters, digits and Latin letters, whose UTF-16 code units have a zero high byte,
/// so one byte of each pair (the odd ones in little-endian, the even in big-endian) is
/// often zero and the other almost never. Binary files have zeros at both.
fn utf16_by_pattern(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let pairs = sample.len() / 2;
    let zeros = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0);
    let (even, odd) = (zeros(0).count(), zeros(1).count());
    let looks = |high: usize, low: usize| pairs >= 2 && high * 4 >= pairs && low * 20 <= high;
    let encoding = if looks(odd, even) {
        UTF_16LE
    } else if looks(even, odd) {
        UTF_16BE
    } else {
        return None;
    };
    // The sample must decode cleanly into text, not control characters.
    let (text, malformed) = encoding.decode_without_bom_handling(sample);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_ascii_whitespace())
        .count();
    (!malformed && controls * 20 <= pairs).then_some(encoding)
}

/// Zero bytes, or many control bytes, in a file's first 8 KiB: binary, not text that is
/// not UTF-16.
fn looks_binary(bytes: &[u8]) -> bool {
    let sniff = &bytes[..bytes.len().min(8192)];
    sniff.contains(&0) || mostly_control_bytes(sniff)
}

/// Many control bytes (other than tab, CR, LF) point at a binary file, not at text.
fn mostly_control_bytes(sniff: &[u8]) -> bool {
    let controls = sniff
        .iter()
        .filter(|b| b.is_ascii_control() && !b.is_ascii_whitespace())
        .count();
    controls * 20 > sniff.len()
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
