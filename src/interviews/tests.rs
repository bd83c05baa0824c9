use super::*;
use time::macros::date;

#[test]
fn notes_are_cut_into_scrubbed_passages_and_identifying_ones_held_back() {
    let notes = "# Interview 3\n\nShe said the **bus** takes an hour each way,\nso she often misses appointments.\n\n\
                 > Call me on 07700 900123 if the clinic moves.\n\n\
                 - Margaret's daughter drives her when she can.\n\n\
                 Her record is MRN 44718201 at the north clinic.\n";
    let read = read_notes("interview.md", notes.as_bytes()).unwrap();
    let texts: Vec<&str> = read.passages.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts[0], "Interview 3");
    assert_eq!(
        texts[1],
        "She said the bus takes an hour each way, so she often misses appointments."
    );
    assert!(
        texts[2].contains("[phone]") && !texts[2].contains("07700"),
        "{}",
        texts[2]
    );
    assert!(read.passages[2].scrubbed);
    assert!(
        texts[3].contains("[name]") && !texts[3].contains("Margaret"),
        "{}",
        texts[3]
    );
    let record = &read.passages[4];
    assert!(!record.text.contains("44718201"));
    for planted in ["07700 900123", "Margaret", "44718201"] {
        assert!(texts.iter().all(|t| !t.contains(planted)), "{planted}");
    }
}

#[test]
fn files_that_are_not_text_empty_or_too_large_are_refused() {
    assert_eq!(
        read_notes("n.docx", b"PK\x03\x04\0\0binary"),
        Err(NotesError::NotText)
    );
    assert_eq!(
        read_notes("n.txt", &[0xff, 0xfe, 0x41]),
        Err(NotesError::NotText)
    );
    assert_eq!(read_notes("n.txt", b"\n\n  \n"), Err(NotesError::Empty));
    let big = vec![b'a'; MAX_NOTES_BYTES + 1];
    assert!(matches!(
        read_notes("n.txt", &big),
        Err(NotesError::TooLarge { .. })
    ));
    assert!(read_notes("n.txt", b"\xef\xbb\xbfThe bus is late.").is_ok());
}

#[test]
fn an_excerpt_becomes_a_quote_from_an_interview_only_when_it_identifies_no_one() {
    let quote = interview_quote(
        "  The bus takes an hour.  ",
        date!(2026 - 11 - 30),
        "Sam Lee",
    )
    .unwrap();
    assert_eq!(quote.text, "The bus takes an hour.");
    let source = quote.interview.unwrap();
    assert_eq!(
        (source.date, source.interviewer.as_str()),
        (date!(2026 - 11 - 30), "Sam Lee")
    );

    // Typed back in after review: scrubbed again.
    let typed = interview_quote("Ring 07700 900123", date!(2026 - 11 - 30), "Sam").unwrap();
    assert!(!typed.text.contains("07700"));
    assert_eq!(
        interview_quote("Write to sam@clinic.example", date!(2026 - 11 - 30), "Sam")
            .map(|q| q.text),
        Ok("Write to [email]".to_string())
    );
    assert_eq!(
        interview_quote("Fine.", date!(2026 - 11 - 30), " "),
        Err(NotesError::NoInterviewer)
    );
    let mut persona = crate::test_support::persona("p", "P");
    persona.attach_interview_quote(interview_quote("One.", date!(2026 - 11 - 30), "Sam").unwrap());
    persona.attach_interview_quote(interview_quote("Two.", date!(2026 - 11 - 30), "Sam").unwrap());
    persona
        .attach_interview_quote(interview_quote("Three.", date!(2026 - 12 - 01), "Sam").unwrap());
    assert_eq!(
        (persona.quotes.len(), persona.provenance.interviews),
        (3, 2)
    );
    let long = "word ".repeat(300);
    assert!(matches!(
        interview_quote(&long, date!(2026 - 11 - 30), "Sam"),
        Err(NotesError::TooLong { .. })
    ));
}
