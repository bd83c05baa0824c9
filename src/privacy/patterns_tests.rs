use super::*;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// A pattern's cheap test and its alphabet's stretches never change what its
    /// expression finds: the same matches, at the same places.
    #[test]
    fn shortcuts_never_skip_a_match(parts in proptest::collection::vec(proptest::sample::select(vec![
        "1", "23", "456", "78901", "0161", "abcdef01", "abcd", "dead", "-", ".", ":", "/", "@",
        "+", "(", ")", "#", " ", "\u{b}", "x", "Q", "MRN", "www.", "WWW.", "http", "://", "org",
        "SW1A", "1AA", "_", "é", "\u{a0}", "\n", "pm", "07700 900123", "2024-03-07",
    ]), 0..12)) {
        let text: String = parts.concat();
        for pattern in [
            &EMAIL, &URL, &IP, &PHONE, &DATE, &RECORD_NUMBER, &UK_POSTCODE, &US_ZIP,
            &COORDINATE, &ID_CODE,
        ] {
            let places = |found: Vec<Match<'_>>| -> Vec<(usize, usize)> {
                found.iter().map(|m| (m.start(), m.end())).collect()
            };
            proptest::prop_assert_eq!(
                places(pattern.find_iter(&text).collect()),
                places(pattern.regex().find_iter(&text).collect()),
                "{:?}",
                text
            );
            proptest::prop_assert_eq!(
                pattern.is_match(&text),
                pattern.regex().is_match(&text),
                "{:?}",
                text
            );
        }
    }
}

#[test]
fn a_uuid_of_letters_is_still_an_id_code() {
    assert_eq!(
        identifier_kind("abcdefab-abcd-abcd-abcd-abcdefabcdef"),
        Some(IdentifierKind::IdCode)
    );
}

#[test]
fn recognises_whole_identifier_values() {
    use IdentifierKind::*;
    let cases = [
        ("jane.doe@example.org", Some(Email)),
        ("130.92.34.66", Some(Ip)),
        ("2001:db8:85a3:0:0:8a2e:370:7334", Some(Ip)),
        ("47.115097045898", Some(Coordinates)),
        ("SW1A 1AA", Some(Postcode)),
        ("+44 20 7946 0958", Some(Phone)),
        ("(555) 123-4567", Some(Phone)),
        ("07700900123", Some(Phone)),
        ("+44 7700 900001", Some(Phone)),
        ("07700 900123", Some(Phone)),
        ("R_2YPOQ602ER1jkf1", Some(IdCode)),
        ("MRN123456", Some(IdCode)),
        ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", Some(IdCode)),
        ("Alone", None),
        ("65+", None),
        ("45-64", None),
        ("Strongly agree", None),
        ("2", None),
        ("Q2", None),
        ("2018-03-06", None),
        ("2018-03-06 15:52:43", None),
    ];
    for (value, kind) in cases {
        assert_eq!(identifier_kind(value), kind, "{value}");
    }
}

#[test]
fn finds_identifiers_inside_text() {
    assert!(contains_identifier("write to me at a.b@c.org please"));
    assert!(contains_identifier("call 0161 496 0000"));
    assert!(contains_identifier("my MRN is MRN-1234567"));
    assert!(!contains_identifier(
        "The bus takes 45 minutes, 3 times a week."
    ));
    assert!(!contains_identifier("Aged 18-44, seen on 2024-03-07"));
}
