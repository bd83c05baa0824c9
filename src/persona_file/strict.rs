//! JSON read strictly, for persona files and the stored library.
//!
//! `serde_json` keeps the last of two equal keys in an object, so a file holding
//! `"schema_version":999,"schema_version":2` would pass as version 2, and whichever
//! copy of a field a reader looks at decides what it sees. No option of `serde_json`
//! refuses repeats, and serde's derived structs refuse them only when deserialising
//! straight from the text, not through a `Value` (which the envelope check needs) nor
//! inside maps. So values are built here by a small `serde` visitor over `serde_json`'s
//! own parser that refuses a repeated key, with its line and column; no crate does this
//! for arbitrary values, and the visitor is a few dozen lines.
//!
//! Files may start with a UTF-8 byte-order mark, or be UTF-16 with one (as Windows tools
//! save "Unicode" text).

use std::cell::RefCell;
use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// Why text is not strict JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// Not JSON at all (`detail` from the parser, with its position).
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// An object names `key` twice; the position is where the repeat ends.
    RepeatedKey {
        key: String,
        line: usize,
        column: usize,
    },
}

/// The text of a file: UTF-8 (a byte-order mark is dropped) or UTF-16 with its
/// byte-order mark. `Err` names the encoding the bytes claim but break. The survey
/// reader's own decoder, not encoding_rs, whose legacy tables cost the page 122 KB gzip.
pub use crate::survey::decode_by_bom as decode;

/// Parses `text` as one JSON value, refusing any object that repeats a key.
pub fn value(text: &str) -> Result<Value, JsonProblem> {
    let repeated = RefCell::new(None);
    let mut parser = serde_json::Deserializer::from_str(text);
    let parsed = Strict {
        repeated: &repeated,
    }
    .deserialize(&mut parser)
    .and_then(|value| parser.end().map(|()| value));
    parsed.map_err(|error| problem(error, repeated.into_inner()))
}

/// An object's entries in order: each key with its value's JSON text.
pub type Entries = Vec<(String, Box<RawValue>)>;

/// The entries of `text` when it is a JSON object (`None` for any other JSON value), in
/// order, with their values unparsed and repeated keys kept (so the caller decides what
/// a repeat means).
pub fn entries(text: &str) -> Result<Option<Entries>, JsonProblem> {
    let mut parser = serde_json::Deserializer::from_str(text);
    let parsed = parser
        .deserialize_any(EntriesVisitor)
        .and_then(|entries| parser.end().map(|()| entries));
    parsed.map_err(|error| problem(error, None))
}

/// The first key that `entries` holds twice.
pub fn repeated_key<V>(entries: &[(String, V)]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    entries
        .iter()
        .map(|(key, _)| key.as_str())
        .find(|key| !seen.insert(*key))
}

fn problem(error: serde_json::Error, repeated: Option<String>) -> JsonProblem {
    let (line, column) = (error.line(), error.column());
    match repeated {
        Some(key) => JsonProblem::RepeatedKey { key, line, column },
        None => JsonProblem::Syntax {
            line,
            column,
            detail: error.to_string(),
        },
    }
}

/// Builds a [`Value`], noting in `repeated` the first key an object repeats (and then
/// failing, so the parser adds where).
#[derive(Clone, Copy)]
struct Strict<'a> {
    repeated: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = items.next_element_seed(self)? {
            list.push(item);
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = fields.next_key::<String>()? {
            if map.contains_key(&key) {
                let message = format!("the key “{key}” appears twice in one object");
                *self.repeated.borrow_mut() = Some(key);
                return Err(A::Error::custom(message));
            }
            let value = fields.next_value_seed(self)?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

/// An object's entries, values left as raw JSON; `None` for other values.
struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Option<Entries>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = fields.next_entry()? {
            entries.push(entry);
        }
        Ok(Some(entries))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self::Value, A::Error> {
        while items.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_refused_at_any_depth_with_its_place() {
        let text = "{\"schema_version\":999,\n \"schema_version\":2}";
        assert_eq!(
            value(text),
            Err(JsonProblem::RepeatedKey {
                key: "schema_version".into(),
                line: 2,
                column: 17
            })
        );
        let nested = r#"{"a":[{"b":1,"c":{"d":1,"d":2}}]}"#;
        assert!(matches!(value(nested), Err(JsonProblem::RepeatedKey { key, .. }) if key == "d"));
        // The same key in two objects is fine.
        let fine = r#"{"a":{"x":1},"b":{"x":1.5,"y":[null,true,"s",-3]}}"#;
        assert_eq!(
            value(fine).unwrap(),
            serde_json::from_str::<Value>(fine).unwrap()
        );
    }

    #[test]
    fn syntax_errors_and_trailing_text_are_refused() {
        assert!(matches!(value("{\"a\":"), Err(JsonProblem::Syntax { .. })));
        assert!(matches!(value("{} x"), Err(JsonProblem::Syntax { .. })));
        assert!(matches!(entries("[1"), Err(JsonProblem::Syntax { .. })));
        assert!(matches!(entries("[1, {\"a\": 2}]"), Ok(None)));
    }

    #[test]
    fn entries_keep_raw_values_and_repeats() {
        let found = entries(r#"{"a": {"x" : 1}, "b":2, "a":3}"#)
            .unwrap()
            .unwrap();
        let keys: Vec<_> = found.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
        assert_eq!(keys, [("a", "{\"x\" : 1}"), ("b", "2"), ("a", "3")]);
        assert_eq!(repeated_key(&found), Some("a"));
    }

    #[test]
    fn byte_order_marks_and_utf16_are_understood() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{\"é\":1}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "{\"é\":1}");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "{}");
        assert_eq!(decode(b"{\"a\":\"\xff\"}"), Err("UTF-8"));
    }
}
