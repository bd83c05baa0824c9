//! What each fuzz target checks, shared by the targets (`fuzz_targets/`) and by the
//! native regression test that runs the seeds and every crash found
//! (`tests/fuzz_regressions.rs`), so a crash stays fixed.

use persona_builder::library::Library;
use persona_builder::persona_file::{export, import, read_file, ExportOptions};
use persona_builder::pipeline::LoadedSurvey;
use persona_builder::privacy::PrivacySettings;
use persona_builder::survey::{EncodingChoice, ReadOptions, UnclosedQuotes, DELIMITERS};
use time::OffsetDateTime;

/// The survey reader as the worker runs it (read, guard, summarise, view) on any bytes,
/// with the read options drawn from the first byte: it ends in a survey or a refusal.
pub fn survey_reader(data: &[u8]) {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let options = ReadOptions {
        encoding: EncodingChoice::ALL[usize::from(choice & 7) % EncodingChoice::ALL.len()],
        delimiter: (choice & 8 != 0).then(|| DELIMITERS[usize::from(choice >> 4) % 4]),
        unclosed_quotes: if choice & 64 != 0 {
            UnclosedQuotes::Literal
        } else {
            UnclosedQuotes::Refuse
        },
        ..ReadOptions::default()
    };
    let settings = PrivacySettings::default();
    if let Ok(loaded) = LoadedSurvey::read("fuzz.csv", bytes, options, settings) {
        let view = loaded.view();
        assert_eq!(view.columns.len(), loaded.survey.columns().len());
        let _ = view.check_size();
    }
}

/// The persona-file parser on any bytes: it ends in personas or a refusal, and what it
/// takes exports and reads back the same (the app never writes a file it would refuse).
pub fn persona_file(data: &[u8]) {
    let Ok(read) = read_file(data) else {
        return;
    };
    let options = ExportOptions {
        include_quotes: true,
    };
    let text = export(&read.personas, options, OffsetDateTime::UNIX_EPOCH)
        .expect("personas that were taken can be exported");
    let again = import(text.as_bytes()).expect("an export imports");
    assert_eq!(again, read.personas);
}

/// The stored-library loader on any text: it ends in a library or a refusal, and a
/// library it loads is stored and loaded again unchanged, set-aside personas included
/// (as they were stored, for the same reasons; their places move to the end of the list),
/// and stored again to the same text.
pub fn library_loader(data: &[u8]) {
    // Browser storage holds strings, so the text is always valid UTF-8.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(library) = Library::from_stored(text) else {
        return;
    };
    let stored = serde_json::to_string(&library.to_stored()).expect("a library serialises");
    let again = Library::from_stored(&stored).expect("a stored library loads");
    assert_eq!(again.personas(), library.personas());
    for persona in library.personas() {
        assert_eq!(again.history(&persona.id), library.history(&persona.id));
    }
    let aside = |library: &Library| -> Vec<(String, String)> {
        let set_aside = library.set_aside().iter();
        set_aside
            .map(|s| {
                (
                    s.persona.raw_json().to_string(),
                    s.persona.reason.to_string(),
                )
            })
            .collect()
    };
    assert_eq!(aside(&again), aside(&library));
    let stored_again = serde_json::to_string(&again.to_stored()).expect("a library serialises");
    assert_eq!(stored_again, stored);
}
