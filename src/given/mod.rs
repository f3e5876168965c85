//! A value as a script or a file gave it (JSON's kinds: null, true or false, a number,
//! text, a list, an object), read once from any serde source and then read again into
//! the type it should be, so that a refusal can quote what was given and name where:
//! `layers[0].weights must be a list, got "abc"`, not `invalid type: string "abc"`.
//!
//! The refusal and its message are in `refusal`; the deserializer that reads a value
//! into a type, path by path, in `reading`.

mod reading;
mod refusal;

pub use refusal::{path_text, Refusal, Step};

use reading::At;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// How many characters of a text a message quotes (as the page's `QUOTE_LENGTH`).
pub const QUOTE_LENGTH: usize = 60;

/// A value of one of JSON's kinds, as given.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    /// `null` (or JS `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number that fits in an `i64`.
    Integer(i64),
    /// A whole number above `i64::MAX`.
    Unsigned(u64),
    /// Any other number, NaN and the infinities included.
    Number(f64),
    /// Text.
    Text(String),
    /// A list.
    List(Vec<Given>),
    /// An object, its keys in the order given.
    Object(Vec<(String, Given)>),
}

impl Given {
    /// The value as a message quotes it, as the page's `describe` does: text in double
    /// quotes cut to [`QUOTE_LENGTH`], numbers as JavaScript writes them (NaN,
    /// Infinity, 1e+39), lists by their first four items, nested ones and objects by kind.
    pub fn describe(&self) -> String {
        self.describe_at(0)
    }

    fn describe_at(&self, depth: usize) -> String {
        match self {
            Given::Null => "null".to_string(),
            Given::Bool(value) => value.to_string(),
            Given::Integer(value) => value.to_string(),
            Given::Unsigned(value) => value.to_string(),
            Given::Number(value) if value.is_nan() => "NaN".to_string(),
            Given::Number(value) => shown(*value),
            Given::Text(text) => quote(text),
            Given::List(_) if depth > 1 => "an array".to_string(),
            Given::List(items) => {
                let shown: Vec<String> = items
                    .iter()
                    .take(4)
                    .map(|item| item.describe_at(depth + 1))
                    .collect();
                let more = if items.len() > 4 { ", …" } else { "" };
                format!("[{}{more}]", shown.join(", "))
            }
            Given::Object(_) => "an object".to_string(),
        }
    }

    /// The field `key` of an object, if it is one and has it.
    pub fn get(&self, key: &str) -> Option<&Given> {
        match self {
            Given::Object(entries) => entries
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The value as a deserializer, to read it as any type.
    pub fn read_as_is(&self) -> impl Deserializer<'_, Error = Refusal> {
        At {
            value: self,
            path: Vec::new(),
        }
    }

    /// Reads the value as a `T`; a refusal names the path of the field that is wrong
    /// and quotes it.
    pub fn read<'a, T: Deserialize<'a>>(&'a self) -> Result<T, Refusal> {
        T::deserialize(At {
            value: self,
            path: Vec::new(),
        })
    }
}

/// `text` in double quotes, cut to [`QUOTE_LENGTH`] characters ("…" at the cut).
pub fn quote(text: &str) -> String {
    if text.chars().count() > QUOTE_LENGTH {
        let head: String = text.chars().take(QUOTE_LENGTH - 1).collect();
        format!("\"{head}…\"")
    } else {
        format!("\"{text}\"")
    }
}

/// A number as JavaScript's `String(number)` writes it: Infinity, 1e+39, 1e-7.
fn shown(value: f64) -> String {
    let size = value.abs();
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if size != 0.0 && size < 1e-6 {
        format!("{value:e}")
    } else if size >= 1e21 {
        format!("{value:e}").replace('e', "e+")
    } else {
        format!("{value}")
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(GivenVisitor)
    }
}

struct GivenVisitor;

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("plain data")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Given, E> {
        Ok(Given::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Given, E> {
        Ok(Given::Integer(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Given, E> {
        Ok(i64::try_from(value).map_or(Given::Unsigned(value), Given::Integer))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Given, E> {
        Ok(Given::Number(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Given, E> {
        Ok(Given::Text(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Given, E> {
        Ok(Given::Text(value))
    }

    fn visit_unit<E>(self) -> Result<Given, E> {
        Ok(Given::Null)
    }

    fn visit_none<E>(self) -> Result<Given, E> {
        Ok(Given::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Given, D::Error> {
        Given::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Given::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Given>()? {
            entries.push((key, value));
        }
        Ok(Given::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(json: &str) -> Given {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn values_are_described_as_the_page_describes_them() {
        assert_eq!(given(r#""0.1""#).describe(), r#""0.1""#);
        assert_eq!(Given::Number(f64::NAN).describe(), "NaN");
        assert_eq!(Given::Number(f64::NEG_INFINITY).describe(), "-Infinity");
        assert_eq!(Given::Number(1e39).describe(), "1e+39");
        assert_eq!(
            given("[1, [2, [3]], 4, 5, 6]").describe(),
            "[1, [2, an array], 4, 5, …]"
        );
        assert_eq!(given(r#"{"a": 1}"#).describe(), "an object");
        assert_eq!(given("null").describe(), "null");
        let long = format!("\"{}\"", "a".repeat(70));
        assert_eq!(given(&long).describe(), format!("\"{}…\"", "a".repeat(59)));
    }

    #[test]
    fn a_refusal_names_the_path_and_quotes_the_value() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Layer {
            weights: Vec<Vec<f32>>,
            count: Option<u32>,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct File {
            layers: Vec<Layer>,
        }
        let read = |json: &str| given(json).read::<File>().unwrap_err().to_string();
        assert_eq!(
            read(r#"{"layers": [{"weights": "abc"}]}"#),
            r#"layers[0].weights must be a list, got "abc""#
        );
        assert_eq!(
            read(r#"{"layers": [{"weights": [[1, "1"]]}]}"#),
            r#"layers[0].weights[0][1] must be a number, got "1""#
        );
        assert_eq!(
            read(r#"{"layers": [{"weights": [], "count": 1.5}]}"#),
            "layers[0].count must be a whole number, got 1.5"
        );
        assert_eq!(
            read(r#"{"layers": [{}]}"#),
            "layers[0]: missing field `weights`"
        );
        assert_eq!(read(r#"{}"#), "missing field `layers`");
        assert_eq!(read(r#"[]"#), "the value must be an object, got []");
    }
}
