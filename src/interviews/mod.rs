//! Interview notes as evidence (docs/interviews.md): notes from patient interviews,
//! read from plain text or Markdown (or pasted), cut into passages, each scrubbed by the
//! same scrubber as free-text answers and shown for review; a passage that still holds
//! an identifier after scrubbing is held back. Staff attach a scrubbed excerpt to a
//! persona as a quote "from an interview" with the interview's date and the
//! interviewer's name; nothing else of the notes is ever stored or exported. A Word file
//! is first made text by [`docx_text`] (in the browser, in the workbook worker).

#[cfg(feature = "workbooks")]
mod docx;

#[cfg(feature = "workbooks")]
pub use docx::docx_text;

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::personas::{InterviewSource, Quote};
use crate::privacy::patterns::contains_identifier;
use crate::privacy::scrub::scrub;

/// The largest notes file read (1 MiB: a long interview is a few tens of KB).
pub const MAX_NOTES_BYTES: usize = 1024 * 1024;
/// The longest excerpt attached as a quote, in characters.
pub const MAX_EXCERPT_CHARS: usize = 1_000;
/// The most passages shown from one set of notes.
pub const MAX_PASSAGES: usize = 500;

/// One passage of the notes (a paragraph), as scrubbed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The scrubbed text; empty when held back.
    pub text: String,
    /// Whether scrubbing replaced something (a name, a phone number…).
    pub scrubbed: bool,
    /// Whether the passage still looked identifying after scrubbing, and is not shown.
    pub held_back: bool,
}

/// Notes read for review: only ever held in the page while staff look at them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notes {
    pub file_name: String,
    pub passages: Vec<Passage>,
}

/// Why notes or an excerpt cannot be used; nothing is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotesError {
    TooLarge {
        max_kib: usize,
    },
    /// The bytes are not UTF-8 text (a Word file, say).
    NotText,
    Empty,
    /// An excerpt that still holds an identifier after scrubbing.
    StillIdentifying,
    TooLong {
        max: usize,
    },
    /// The interviewer's name is needed (the **Your name** field).
    NoInterviewer,
}

impl fmt::Display for NotesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotesError::TooLarge { max_kib } => write!(
                f,
                "Interview notes are read up to {max_kib} KB; split the file and add the parts."
            ),
            NotesError::NotText => f.write_str(
                "The notes are not plain text. Save them as plain text (.txt) or Markdown (.md) \
                 — in Word, “Save as” → “Plain Text” — and add them again, or paste them.",
            ),
            NotesError::Empty => f.write_str("The notes hold no text."),
            NotesError::StillIdentifying => f.write_str(
                "The excerpt still holds what looks like a record number, phone number, email \
                 or web address after scrubbing, so it is not attached. Shorten it to what \
                 the patient said about their care.",
            ),
            NotesError::TooLong { max } => {
                write!(f, "An excerpt is at most {max} characters; shorten it.")
            }
            NotesError::NoInterviewer => f.write_str(
                "Write your name in “Your name” first: a quote from an interview says who held it.",
            ),
        }
    }
}

impl std::error::Error for NotesError {}

/// Reads notes (UTF-8, with or without a BOM; Markdown marks taken off) into scrubbed
/// passages, one per paragraph.
pub fn read_notes(file_name: &str, bytes: &[u8]) -> Result<Notes, NotesError> {
    if bytes.len() > MAX_NOTES_BYTES {
        return Err(NotesError::TooLarge {
            max_kib: MAX_NOTES_BYTES / 1024,
        });
    }
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
        .map_err(|_| NotesError::NotText)?;
    if text.contains('\0') {
        return Err(NotesError::NotText);
    }
    let passages: Vec<Passage> = paragraphs(text)
        .take(MAX_PASSAGES)
        .map(|paragraph| {
            let scrubbed = scrub(&paragraph);
            let held_back = contains_identifier(&scrubbed);
            Passage {
                scrubbed: scrubbed != paragraph,
                text: if held_back { String::new() } else { scrubbed },
                held_back,
            }
        })
        .collect();
    if passages.is_empty() {
        return Err(NotesError::Empty);
    }
    Ok(Notes {
        file_name: file_name.to_string(),
        passages,
    })
}

/// A quote from an excerpt staff chose (scrubbed again: they may have typed in it),
/// marked as from an interview on `date` held by `interviewer`.
pub fn interview_quote(excerpt: &str, date: Date, interviewer: &str) -> Result<Quote, NotesError> {
    let interviewer = interviewer.trim();
    if interviewer.is_empty() {
        return Err(NotesError::NoInterviewer);
    }
    let text = scrub(excerpt.trim());
    if text.is_empty() {
        return Err(NotesError::Empty);
    }
    if text.chars().count() > MAX_EXCERPT_CHARS {
        return Err(NotesError::TooLong {
            max: MAX_EXCERPT_CHARS,
        });
    }
    if contains_identifier(&text) {
        return Err(NotesError::StillIdentifying);
    }
    Ok(Quote {
        text,
        interview: Some(InterviewSource {
            date,
            interviewer: interviewer.to_string(),
        }),
    })
}

/// The paragraphs of the text (split at blank lines), Markdown's marks taken off:
/// headings' `#`, quotes' `>`, list bullets, emphasis and code marks.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .flat_map(|block| block.split("\r\n\r\n"))
        .map(|block| {
            block
                .lines()
                .map(|line| {
                    let line = line.trim();
                    let line = line
                        .trim_start_matches('#')
                        .trim_start_matches('>')
                        .trim_start();
                    let line = ["- ", "* ", "+ "]
                        .iter()
                        .find_map(|b| line.strip_prefix(b))
                        .unwrap_or(line);
                    line.replace("**", "").replace("__", "").replace('`', "")
                })
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests;
