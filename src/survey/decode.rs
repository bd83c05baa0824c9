//! Bytes to text: the encoding is decided by a byte-order mark, then by the zero bytes
//! of UTF-16 written without one, then by whether the bytes are valid UTF-8, then
//! Windows-1252 (what Excel's "CSV" writes on Western Windows). The user can override the
//! guess.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::ReadError;

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

    fn encoding(self) -> Option<&'static Encoding> {
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
    let encoding = match (choice.encoding(), bom) {
        (Some(chosen), _) => chosen,
        (None, Some((from_bom, _))) => from_bom,
        (None, None) if let Some(utf16) = utf16_by_pattern(bytes) => utf16,
        (None, None) if std::str::from_utf8(bytes).is_ok() => UTF_8,
        (None, None) => WINDOWS_1252,
    };
    let is_utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    let sniff = &bytes[..bytes.len().min(8192)];
    if !is_utf16 && (sniff.contains(&0) || mostly_control_bytes(sniff)) {
        return Err(ReadError::Binary);
    }
    let (text, malformed) = encoding.decode_with_bom_removal(bytes);
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

/// UTF-16 without a byte-order mark, told by its zero bytes: survey text is mostly
/// delimiters, digits and Latin letters, whose UTF-16 code units have a zero high byte,
/// so one byte of each pair (the odd ones in little-endian, the even in big-endian) is
/// often zero and the other almost never. Binary files have zeros at both.
fn utf16_by_pattern(bytes: &[u8]) -> Option<&'static Encoding> {
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

/// Many control bytes (other than tab, CR, LF) point at a binary file, not at text.
fn mostly_control_bytes(sniff: &[u8]) -> bool {
    let controls = sniff
        .iter()
        .filter(|b| b.is_ascii_control() && !b.is_ascii_whitespace())
        .count();
    controls * 20 > sniff.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::utf16;

    fn auto(bytes: &[u8]) -> (String, &'static str) {
        let d = decode(bytes, EncodingChoice::Automatic).unwrap();
        (d.text.into_owned(), d.encoding)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(auto("Région\n".as_bytes()), ("Région\n".into(), "UTF-8"));
        assert_eq!(
            auto("\u{FEFF}Région\n".as_bytes()),
            ("Région\n".into(), "UTF-8")
        );
    }

    #[test]
    fn utf16_little_and_big_endian_by_bom() {
        let text = "Âge\tRégion\r\n34\tÎle\r\n";
        assert_eq!(auto(&utf16(text, false)), (text.into(), "UTF-16LE"));
        assert_eq!(auto(&utf16(text, true)), (text.into(), "UTF-16BE"));
    }

    #[test]
    fn utf16_without_a_bom_by_its_zero_bytes() {
        let text = "Âge\tRégion\r\n34\tÎle\r\n";
        for big_endian in [false, true] {
            let bytes = utf16(text, big_endian)[2..].to_vec();
            let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
            assert_eq!(auto(&bytes), (text.into(), name));
        }
        // Mostly non-Latin text still has its delimiters and digits.
        let cyrillic = "Возраст,Город\n34,Москва\n71,Казань\n";
        assert_eq!(auto(&utf16(cyrillic, false)[2..]).1, "UTF-16LE");
        // Binary data with zeros at both positions is not text.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06";
        assert_eq!(
            decode(png, EncodingChoice::Automatic).unwrap_err(),
            ReadError::Binary
        );
    }

    #[test]
    fn invalid_utf8_without_a_bom_is_windows_1252() {
        // "José;Müller;€5" as Excel writes it on Western Windows.
        let bytes = b"Jos\xe9;M\xfcller;\x805\r\n";
        assert_eq!(auto(bytes), ("José;Müller;€5\r\n".into(), "windows-1252"));
    }

    #[test]
    fn a_file_that_claims_utf8_must_be_utf8() {
        let with_bom = b"\xEF\xBB\xBFname\nJos\xe9\n";
        assert_eq!(
            decode(with_bom, EncodingChoice::Automatic).unwrap_err(),
            ReadError::BadEncoding {
                encoding: "UTF-8".into(),
                offset: 11
            }
        );
        assert!(matches!(
            decode(b"Jos\xe9", EncodingChoice::Utf8),
            Err(ReadError::BadEncoding { .. })
        ));
    }

    #[test]
    fn the_user_can_override_the_guess() {
        let bytes = "Müller".as_bytes(); // valid UTF-8, but the user says Windows-1252
        let d = decode(bytes, EncodingChoice::Windows1252).unwrap();
        assert_eq!(d.text, "MÃ¼ller");
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert_eq!(
            decode(png, EncodingChoice::Automatic).unwrap_err(),
            ReadError::Binary
        );
        assert_eq!(
            decode(b"  \n", EncodingChoice::Automatic).unwrap_err(),
            ReadError::Empty
        );
        assert_eq!(
            decode(b"", EncodingChoice::Automatic).unwrap_err(),
            ReadError::Empty
        );
    }
}
