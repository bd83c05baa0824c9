//! Bytes to text: the encoding is decided by a byte-order mark, then by whether the bytes
//! are valid UTF-8, then Windows-1252 (what Excel's "CSV" writes on Western Windows). The
//! user can override the guess.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::ReadError;

/// The text encoding to read a file with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EncodingChoice {
    /// Byte-order mark, else UTF-8 if valid, else Windows-1252.
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

    fn auto(bytes: &[u8]) -> (String, &'static str) {
        let d = decode(bytes, EncodingChoice::Automatic).unwrap();
        (d.text.into_owned(), d.encoding)
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
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
