//! Fuzz target: see `checks::survey_reader`.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(
    init: {
        // The reader catches the panics of calamine's XLS reader on damaged files and
        // words them (survey/spreadsheet.rs); libFuzzer's own hook would abort on them
        // before they are caught. A panic that escapes still aborts the run:
        // libfuzzer-sys catches it around each input and aborts.
        let _ = std::panic::take_hook();
    },
    |data: &[u8]| checks::survey_reader(data)
);
