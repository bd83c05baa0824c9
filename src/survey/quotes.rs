//! Quotes that never close. In delimited text a field that opens with `"` runs until the
//! next lone `"`; a stray quote therefore swallows every row after it into one answer,
//! and the csv reader says nothing. Before the rows are read, the text is scanned the way
//! the reader will read it (RFC 4180, as the `csv` crate does: a quote opens a field
//! only at its start, `""` inside stands for one quote) and a quoted field that runs to
//! the end of the file, or over [`MAX_QUOTED_LINES`] line breaks, is reported with the
//! line where it opens. The user may instead read it with such quotes taken literally.

use crate::wording::counted;
use std::borrow::Cow;

use memchr::memchr3;
use serde::{Deserialize, Serialize};

use super::error::QuoteRun;
use super::ReadError;

/// The most line breaks one quoted answer may hold. Long comments have a few
/// paragraphs; a field running over more is a quote that was never meant to open one.
pub const MAX_QUOTED_LINES: usize = 100;

/// What to do with a quote that never closes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnclosedQuotes {
    /// Refuse the file, naming the line where the quote opens.
    #[default]
    Refuse,
    /// Take the quote as part of its answer, which then ends at the next delimiter or
    /// line break, as if the quote were any other character.
    Literal,
}

/// A quoted field that does not close in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unclosed {
    /// The opening quote's byte offset.
    offset: usize,
    /// Its line, from 1.
    line: u64,
    runs: QuoteRun,
}

impl Unclosed {
    /// The file refused for this quote, naming its line.
    pub(super) fn refused(self) -> ReadError {
        ReadError::UnclosedQuote {
            line: self.line,
            runs: self.runs,
        }
    }
}

/// The reader's states (those of `csv_core`'s reader that matter for quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StartField,
    InField,
    Quoted,
    /// A quote inside a quoted field: it closes the field or, doubled, stands for one.
    QuoteInQuoted,
}

/// The text ready for the csv reader: as it is, or (with [`UnclosedQuotes::Literal`])
/// with each unclosed quote's field rewritten as a quoted field that holds it. The
/// warning says which quotes were taken literally; `progress` hears the bytes scanned.
pub(super) fn checked<'a>(
    text: &'a str,
    delimiter: u8,
    unclosed: UnclosedQuotes,
    progress: &mut dyn FnMut(usize),
) -> Result<(Cow<'a, str>, Option<String>), ReadError> {
    let literal = unclosed == UnclosedQuotes::Literal;
    let found = find_unclosed(text.as_bytes(), delimiter, literal, progress);
    let Some(first) = found.first() else {
        return Ok((text.into(), None));
    };
    if !literal {
        return Err(first.refused());
    }
    let warning = format!(
        "{} that never closed {} read as part of their answers (first: line {}).",
        counted(found.len(), "quote"),
        if found.len() == 1 { "was" } else { "were" },
        first.line
    );
    Ok((
        taken_literally(text, delimiter, &found).into(),
        Some(warning),
    ))
}

/// Bytes scanned between two progress reports.
const BYTES_PER_REPORT: usize = 4 << 20;

/// Every unclosed quote (`all`), or the first; `progress` hears how many bytes have been
/// scanned. Each byte is looked at most twice: after an unclosed quote the scan resumes
/// just past it, and the bytes it had run over hold only doubled quotes, which open no
/// long field. Inside a field the scan jumps ([`jump`]) to the next byte that can change
/// its state.
fn find_unclosed(
    bytes: &[u8],
    delimiter: u8,
    all: bool,
    progress: &mut dyn FnMut(usize),
) -> Vec<Unclosed> {
    scan(bytes, delimiter, all, progress, jump)
}

/// How far ahead of the bytes `rest` (in `state`) the next byte that can change the state
/// lies: a delimiter or line break outside quotes, a quote or line break inside (memchr);
/// `None` when the rest of the text cannot.
fn jump(state: State, delimiter: u8, rest: &[u8]) -> Option<usize> {
    match state {
        State::InField => memchr3(delimiter, b'\n', b'\r', rest),
        State::Quoted => memchr3(b'"', b'\n', b'\r', rest),
        State::StartField | State::QuoteInQuoted => Some(0),
    }
}

/// The scan of [`find_unclosed`], going from byte to byte as `ahead` says.
fn scan(
    bytes: &[u8],
    delimiter: u8,
    all: bool,
    progress: &mut dyn FnMut(usize),
    ahead: fn(State, u8, &[u8]) -> Option<usize>,
) -> Vec<Unclosed> {
    let mut found = Vec::new();
    let mut watch = Watch {
        ahead,
        ..Watch::new(delimiter)
    };
    loop {
        let from = watch.at;
        let Some(quote) = watch
            .feed(&bytes[from..], progress)
            .or_else(|| watch.at_end())
        else {
            return found;
        };
        found.push(quote);
        if !all {
            return found;
        }
        watch = watch.resumed_after(quote);
    }
}

/// The scan's place in the text, carried from one stretch of bytes to the next, so that
/// text read a slice at a time is scanned as it arrives (`sliced_text.rs`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Watch {
    delimiter: u8,
    ahead: fn(State, u8, &[u8]) -> Option<usize>,
    state: State,
    /// The offset of the next byte to look at, and its line.
    at: usize,
    line: u64,
    /// The quoted field open: its quote's offset and line, and the line breaks inside.
    open: (usize, u64, usize),
    /// Where the last carriage return was looked at: a line feed just after it ends the
    /// same line.
    carriage_return: Option<usize>,
    next_report: usize,
}

impl Watch {
    /// A watch at the start of text delimited by `delimiter`.
    pub(super) fn new(delimiter: u8) -> Self {
        Watch {
            delimiter,
            ahead: jump,
            state: State::StartField,
            at: 0,
            line: 1,
            open: (0, 1, 0),
            carriage_return: None,
            next_report: BYTES_PER_REPORT,
        }
    }

    /// The watch going on just past an unclosed quote, taken as part of its field.
    fn resumed_after(self, quote: Unclosed) -> Self {
        Watch {
            state: State::InField,
            at: quote.offset + 1,
            line: quote.line,
            carriage_return: None,
            ..self
        }
    }

    /// Scans `bytes`, the text from where the watch stands on. A quoted field that runs
    /// over [`MAX_QUOTED_LINES`] line breaks is returned as soon as it is found; `progress`
    /// hears how many bytes of the text have been scanned.
    pub(super) fn feed(
        &mut self,
        bytes: &[u8],
        progress: &mut dyn FnMut(usize),
    ) -> Option<Unclosed> {
        let base = self.at;
        let mut i = 0;
        while i < bytes.len() {
            if base + i >= self.next_report {
                progress(base + i);
                self.next_report = base + i + BYTES_PER_REPORT;
            }
            let Some(ahead) = (self.ahead)(self.state, self.delimiter, &bytes[i..]) else {
                break; // the rest is inside this field
            };
            i += ahead;
            let (byte, at) = (bytes[i], base + i);
            // "\r\n" is one line break, counted at its "\r".
            let line_break = byte == b'\r'
                || (byte == b'\n' && self.carriage_return.is_none_or(|cr| cr + 1 != at));
            if byte == b'\r' {
                self.carriage_return = Some(at);
            }
            let ends_field = byte == self.delimiter || byte == b'\n' || byte == b'\r';
            self.state = match self.state {
                State::StartField if byte == b'"' => {
                    self.open = (at, self.line, 0);
                    State::Quoted
                }
                State::StartField | State::InField if ends_field => State::StartField,
                State::StartField | State::InField => State::InField,
                State::Quoted if byte == b'"' => State::QuoteInQuoted,
                State::Quoted if line_break && self.open.2 == MAX_QUOTED_LINES => {
                    self.at = at;
                    return Some(Unclosed {
                        offset: self.open.0,
                        line: self.open.1,
                        runs: QuoteRun::Over(MAX_QUOTED_LINES),
                    });
                }
                State::Quoted => {
                    self.open.2 += usize::from(line_break);
                    State::Quoted
                }
                State::QuoteInQuoted if byte == b'"' => State::Quoted,
                State::QuoteInQuoted if ends_field => State::StartField,
                State::QuoteInQuoted => State::InField,
            };
            self.line += u64::from(line_break);
            i += 1;
        }
        self.at = base + bytes.len();
        None
    }

    /// At the end of the text: the quoted field still open, if one is.
    pub(super) fn at_end(&self) -> Option<Unclosed> {
        (self.state == State::Quoted).then_some(Unclosed {
            offset: self.open.0,
            line: self.open.1,
            runs: QuoteRun::ToTheEnd,
        })
    }
}

/// The text with each unclosed quote's field (from the quote to the next delimiter or
/// line break) written as a quoted field holding it, its quotes doubled.
fn taken_literally(text: &str, delimiter: u8, unclosed: &[Unclosed]) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 2 * unclosed.len());
    let mut copied = 0;
    for quote in unclosed {
        let end = bytes[quote.offset + 1..]
            .iter()
            .position(|&b| b == delimiter || b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |p| quote.offset + 1 + p);
        out.push_str(&text[copied..quote.offset]);
        out.push('"');
        out.push_str(&text[quote.offset..end].replace('"', "\"\""));
        out.push('"');
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<(u64, QuoteRun)> {
        find_unclosed(text.as_bytes(), b',', false, &mut |_| {})
            .first()
            .map(|u| (u.line, u.runs))
    }

    #[test]
    fn closed_and_mid_field_quotes_are_fine() {
        assert_eq!(first("a,b\n\"x, y\",\"He said \"\"hi\"\"\"\n"), None);
        assert_eq!(first("a,b\n5\" tall,ok\n\"multi\nline\",2\n"), None);
        // A quote after a closing quote is part of the field, as the csv reader has it.
        assert_eq!(first("a\n\"x\"y\"\n"), None);
    }

    #[test]
    fn a_quote_running_to_the_end_is_found_on_its_line() {
        assert_eq!(
            first("a,b\r\n1,2\r\n3,\"oops\r\n4,5\r\n"),
            Some((3, QuoteRun::ToTheEnd))
        );
        // Old Mac line ends count as lines too.
        assert_eq!(first("a\r1\r\"x\r2\r"), Some((3, QuoteRun::ToTheEnd)));
    }

    #[test]
    fn a_quote_running_over_too_many_lines_is_found() {
        let rows: String = (0..150).map(|i| format!("{i},x\n")).collect();
        let text = format!("a,b\n\"open,1\n{rows}\"closed late\",2\n");
        assert_eq!(first(&text), Some((2, QuoteRun::Over(MAX_QUOTED_LINES))));
        let fine: String = (0..MAX_QUOTED_LINES).map(|_| "\n").collect();
        assert_eq!(first(&format!("a\n\"{fine}\"\n")), None);
    }

    #[test]
    fn literal_reading_rewrites_only_the_unclosed_quotes() {
        let text = "a,b\n\"fine\",1\n\"5 tall,2\n3,4\n";
        let (read, warning) = checked(text, b',', UnclosedQuotes::Literal, &mut |_| {}).unwrap();
        assert_eq!(read, "a,b\n\"fine\",1\n\"\"\"5 tall\",2\n3,4\n");
        assert!(warning
            .unwrap()
            .starts_with("1 quote that never closed was read"));
        let error = checked(text, b',', UnclosedQuotes::Refuse, &mut |_| {}).unwrap_err();
        assert_eq!(
            error,
            ReadError::UnclosedQuote {
                line: 3,
                runs: QuoteRun::ToTheEnd
            }
        );
        // A quote over too many lines, then (once it is literal) one to the end.
        let rows: String = (0..150).map(|i| format!("{i},x\n")).collect();
        let text = format!("a,b\n\"open,1\n{rows}\"late,2\n");
        let found = find_unclosed(text.as_bytes(), b',', true, &mut |_| {});
        let lines: Vec<_> = found.iter().map(|u| (u.line, u.runs)).collect();
        assert_eq!(
            lines,
            [
                (2, QuoteRun::Over(MAX_QUOTED_LINES)),
                (153, QuoteRun::ToTheEnd)
            ]
        );
        let (read, _) = checked(&text, b',', UnclosedQuotes::Literal, &mut |_| {}).unwrap();
        assert!(read.starts_with("a,b\n\"\"\"open\",1\n0,x\n"), "{read:.40}");
        assert!(read.ends_with("149,x\n\"\"\"late\",2\n"));
    }

    proptest::proptest! {
        #[test]
        fn jumping_finds_what_a_byte_at_a_time_scan_finds(
            text in "[a\",;\n\r]{0,400}",
            all: bool,
        ) {
            let bytes = text.as_bytes();
            let jumped = find_unclosed(bytes, b',', all, &mut |_| {});
            // The same scan going a byte at a time: the jumps skip nothing that matters.
            let stepped = scan(bytes, b',', all, &mut |_| {}, |_, _, _| Some(0));
            proptest::prop_assert_eq!(jumped, stepped);
        }
    }

    #[test]
    fn a_long_scan_reports_its_progress() {
        let text = "a,\"b\"\n".repeat(3 << 20);
        let mut seen = Vec::new();
        assert!(
            find_unclosed(text.as_bytes(), b',', false, &mut |done| seen.push(done)).is_empty()
        );
        assert_eq!(seen.len(), text.len() / BYTES_PER_REPORT);
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
    }
}
