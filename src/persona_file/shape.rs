//! Reading a typed value from JSON text with `serde_json`'s own deserialiser, and saying
//! where the text has the wrong shape when it does.
//!
//! The page reads the worker's replies with `serde_json::from_str`, so reading persona
//! files, stored personas and their histories the same way links each type's deserialiser
//! once. A path-tracking deserialiser (serde_path_to_error) would link a second copy of
//! every one (about 78 KB of code). Shape errors are rare, so the path is found only then,
//! by walking the text up to the line and column where serde_json stopped.
//!
//! The path and the message are the ones serde_path_to_error gave reading from a
//! `serde_json::Value` (the tests hold them to it over every one-change break of a
//! persona).

use serde::de::DeserializeOwned;

/// Why JSON text does not have a type's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    /// Where: `"."` for the value as a whole, else its field names and `[index]`es, as
    /// `segment.size` or `traits[2].value`.
    pub path: String,
    /// What serde_json found wrong, without its line and column.
    pub detail: String,
}

/// Reads a `T` from `text` (JSON already checked by `strict`), or says where and why not.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, ShapeError> {
    serde_json::from_str(text).map_err(|error| shape_error(text, &error))
}

/// The path and message of `error`, which serde_json gave reading `text`.
pub fn shape_error(text: &str, error: &serde_json::Error) -> ShapeError {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let detail = message
        .strip_suffix(&position)
        .unwrap_or(&message)
        .to_string();
    if error.line() == 0 {
        return ShapeError {
            path: ".".to_string(),
            detail,
        };
    }
    let offset = offset(text, error.line(), error.column());
    // serde_json says only "expected value" when a field of set words (an enum) holds
    // something else; it stops one byte into that value.
    let detail = match detail.as_str() {
        "expected value" => not_a_word(&text[offset.saturating_sub(1)..]).unwrap_or(detail),
        _ => detail,
    };
    ShapeError {
        path: path_at(text, offset),
        detail,
    }
}

/// What serde says of an enum given the JSON value `rest` starts with, as it says it
/// reading from a value: "invalid type: integer `5`, expected string or map".
fn not_a_word(rest: &str) -> Option<String> {
    use serde::de::{Error as _, Unexpected};
    use serde::Deserialize;
    use serde_json::Value;

    let value = Value::deserialize(&mut serde_json::Deserializer::from_str(rest)).ok()?;
    let unexpected = match &value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64()?),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    Some(serde_json::Error::invalid_type(unexpected, &"string or map").to_string())
}

/// The byte offset of serde_json's (1-based) `line` and `column`: the bytes read so far.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

/// Where a reader of `text` is after its first `offset` bytes.
enum Frame {
    /// In an object, after this key (none before the first key and after each comma).
    Object(Option<String>),
    /// In an array, at this element.
    Array(usize),
}

/// The path of the value being read after the first `offset` bytes of `text`.
fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < offset {
        match bytes[at] {
            b'{' => frames.push(Frame::Object(None)),
            b'[' => frames.push(Frame::Array(0)),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, at);
                if let Some(Frame::Object(key @ None)) = frames.last_mut() {
                    *key = Some(serde_json::from_str(&text[at..end]).unwrap_or_default());
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// The offset just past the string starting (with its quote) at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
#[path = "shape_tests.rs"]
mod tests;
