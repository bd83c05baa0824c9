//! Tests of `decode`: every encoding, with and without a byte-order mark, and the
//! property test against encoding_rs.

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

proptest::proptest! {
    /// The decoding here is encoding_rs's, for each of the four encodings.
    #[test]
    fn decodes_as_encoding_rs_does(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
        let pairs = [
            (UTF_8, encoding_rs::UTF_8),
            (UTF_16LE, encoding_rs::UTF_16LE),
            (UTF_16BE, encoding_rs::UTF_16BE),
            (WINDOWS_1252, encoding_rs::WINDOWS_1252),
        ];
        for (ours, theirs) in pairs {
            let (text, malformed) = ours.decode_with_bom_removal(&bytes);
            let (expected, expected_malformed) = theirs.decode_with_bom_removal(&bytes);
            proptest::prop_assert_eq!(&text, &expected, "{}", ours.name());
            proptest::prop_assert_eq!(malformed, expected_malformed, "{}", ours.name());
            proptest::prop_assert_eq!(ours.name(), theirs.name());
        }
        let bom = Encoding::for_bom(&bytes).map(|(e, n)| (e.name(), n));
        let expected = encoding_rs::Encoding::for_bom(&bytes).map(|(e, n)| (e.name(), n));
        proptest::prop_assert_eq!(bom, expected);
    }
}

#[test]
fn a_persona_file_decodes_by_its_byte_order_mark() {
    assert_eq!(decode_by_bom("\u{FEFF}{}".as_bytes()), Ok("{}".into()));
    assert_eq!(
        decode_by_bom(&utf16("{\"a\":1}", true)),
        Ok("{\"a\":1}".into())
    );
    assert_eq!(decode_by_bom(&utf16("{}", false)), Ok("{}".into()));
    assert_eq!(decode_by_bom(b"{\"a\":\"\xe9\"}"), Err("UTF-8"));
}

#[test]
fn every_windows_1252_byte_decodes_as_encoding_rs_does() {
    let bytes: Vec<u8> = (0..=255).collect();
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    assert_eq!(text, expected);
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
