//! Bounds on a survey's shape, and the characters no answer keeps.
//!
//! A real survey has a few hundred columns, a few thousand at most (Qualtrics loops and
//! REDCap projects are the widest exports we know), and no answer longer than a
//! spreadsheet cell can hold. A file past these bounds is refused while it is read,
//! before the page has anything to render, with the figure in the message.
//!
//! Control characters (NUL, BEL…) and bidirectional overrides (U+202A–U+202E,
//! U+2066–U+2069) are removed from every answer and column name as the file is read:
//! survey text becomes persona text (names, traits, quotes), and persona text must not
//! hold them (`persona_file::check_persona` refuses them), nor can a reader see them.

use super::{distinct_answers, Column, ReadError, ANSWERS_PER_REPORT};
use crate::wording::counted;

/// The most columns a survey file may have (checked on its header row, before the
/// columns are named or read).
pub const MAX_COLUMNS: usize = 5_000;

/// The most characters one answer or column name may hold: what an Excel cell holds
/// (32,767). A longer one is a damaged file (or an unclosed quote), not an answer.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Refuses a survey wider than [`MAX_COLUMNS`].
pub fn check_width(columns: usize) -> Result<(), ReadError> {
    if columns > MAX_COLUMNS {
        return Err(ReadError::TooManyColumns {
            found: columns,
            max: MAX_COLUMNS,
        });
    }
    Ok(())
}

/// Whether a character is one no persona or survey text keeps: a control character
/// other than tab and line breaks (C0, DEL, C1), or a bidirectional embedding, override
/// or isolate, which can make text read differently from what it holds.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Whether the text holds an [`is_unsafe_char`] character.
fn has_unsafe_chars(text: &str) -> bool {
    may_hold_unsafe(text) && text.chars().any(is_unsafe_char)
}

/// The text without [`is_unsafe_char`] characters; borrowed when it has none.
pub fn without_unsafe_chars(text: &str) -> std::borrow::Cow<'_, str> {
    if has_unsafe_chars(text) {
        text.chars().filter(|&c| !is_unsafe_char(c)).collect()
    } else {
        text.into()
    }
}

/// A quick byte test: every unsafe character starts with a control byte, 0xC2 (C1
/// controls) or 0xE2 (the bidirectional marks), so text without them needs no look.
fn may_hold_unsafe(text: &str) -> bool {
    text.bytes()
        .any(|b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2)
}

/// Checks every column name and answer against [`MAX_CELL_CHARS`] and removes unsafe
/// characters from the answers (names lose theirs when they are made, before repeats
/// are told apart); says how many answers changed. Each distinct answer is looked at
/// once, and a column is rewritten only when one of its answers needs cleaning;
/// `progress` hears (done, total) in distinct answers.
pub(super) fn tidy(
    columns: &mut [Column],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<String>, ReadError> {
    let total = distinct_answers(columns);
    let mut done = 0;
    progress(done, total);
    let mut cleaned = 0usize;
    for column in columns.iter_mut() {
        check_length(&column.name, 0, &column.name)?;
        // Distinct answers are in first-given order, so the first too long is the
        // first row's that is.
        let answers = &mut column.answers;
        let mut unsafe_chars = false;
        for (code, answer) in answers.distinct().iter().enumerate() {
            if check_length(answer, 0, &column.name).is_err() {
                let first = answers.codes().iter().position(|&c| c as usize == code);
                if let Some(row) = first {
                    check_length(answer, row + 1, &column.name)?;
                }
            }
            unsafe_chars = unsafe_chars || has_unsafe_chars(answer);
            done += 1;
            if done.is_multiple_of(ANSWERS_PER_REPORT) {
                progress(done, total);
            }
        }
        if unsafe_chars {
            cleaned += answers.rewrite(|answer| match without_unsafe_chars(answer) {
                std::borrow::Cow::Owned(clean) => Some(clean.trim().into()),
                std::borrow::Cow::Borrowed(_) => None,
            });
        }
    }
    progress(done, total);
    Ok(if cleaned == 0 {
        Vec::new()
    } else {
        vec![format!(
            "{} held control characters or text-direction marks; they were removed.",
            counted(cleaned, "answer")
        )]
    })
}

/// Refuses `text` (the answer of `respondent`, 0 for the header) if it is too long.
fn check_length(text: &str, respondent: usize, column: &str) -> Result<(), ReadError> {
    // Bytes are at least as many as characters: most text needs no count.
    if text.len() > MAX_CELL_CHARS {
        let chars = text.chars().count();
        if chars > MAX_CELL_CHARS {
            return Err(ReadError::CellTooLong {
                respondent,
                column: column.chars().take(60).collect(),
                chars,
                max: MAX_CELL_CHARS,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Answer;

    #[test]
    fn unsafe_characters_are_controls_and_direction_marks() {
        for c in [
            '\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{202E}', '\u{2066}',
        ] {
            assert!(is_unsafe_char(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', 'a', 'é', '\u{200F}', '\u{2014}', '€'] {
            assert!(!is_unsafe_char(c), "{c:?}");
        }
        assert_eq!(without_unsafe_chars("Sam\u{202E}\u{7}my"), "Sammy");
        assert!(matches!(
            without_unsafe_chars("Zürich — €5"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn answers_lose_unsafe_characters_and_long_ones_are_refused() {
        let mut columns = vec![Column {
            name: "Comment".into(),
            answers: ["fine", " bad\u{0} \u{202E}"].into_iter().collect(),
        }];
        let warnings = tidy(&mut columns, &mut |_, _| {}).unwrap();
        assert_eq!(columns[0].answers, ["fine", "bad"]);
        assert!(warnings[0].starts_with("1 answer held"), "{warnings:?}");

        columns[0]
            .answers
            .set(1, "x".repeat(MAX_CELL_CHARS + 1).into());
        let error = tidy(&mut columns, &mut |_, _| {}).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("Respondent 2's answer to “Comment”")
                && error.to_string().contains("32,768 characters"),
            "{error}"
        );
        // Many bytes, few characters: within the cap.
        columns[0].answers.set(1, "é".repeat(MAX_CELL_CHARS).into());
        assert!(tidy(&mut columns, &mut |_, _| {}).is_ok());
    }

    #[test]
    fn tidying_reports_its_progress_in_distinct_answers() {
        let many = ANSWERS_PER_REPORT + 10;
        let mut columns = vec![
            Column {
                name: "Comment".into(),
                answers: (0..many)
                    .map(|i| Answer::from(format!("Comment {i}")))
                    .collect(),
            },
            Column {
                name: "Travel".into(),
                answers: ["Bus", "Car", "Bus"].into_iter().collect(),
            },
        ];
        let mut reports = Vec::new();
        let warnings = tidy(&mut columns, &mut |done, total| reports.push((done, total))).unwrap();
        assert!(warnings.is_empty());
        let total = many + 2;
        assert_eq!(
            reports,
            [(0, total), (ANSWERS_PER_REPORT, total), (total, total)]
        );
        assert_eq!(columns[1].answers, ["Bus", "Car", "Bus"]);
    }
}
