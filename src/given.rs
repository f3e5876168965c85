//! A value as a script or a file gave it (JSON's kinds: null, true or false, a number,
//! text, a list, an object), read once from any serde source and then read again into
//! the type it should be, so that a refusal can quote what was given and name where:
//! `layers[0].weights must be a list, got "abc"`, not `invalid type: string "abc"`.

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
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

/// One step of a path into a value: a field or a list index.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// A field of an object.
    Field(String),
    /// An item of a list, from 0.
    Index(usize),
}

/// Writes a path as a script would: `layers[0].weights`.
pub fn path_text(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Field(name) if text.is_empty() => text.push_str(name),
            Step::Field(name) => text.push_str(&format!(".{name}")),
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// Why a [`Given`] could not be read as the type asked for: where, and what is wrong
/// there ("must be a list of numbers, got \"abc\"", "missing field `biases`").
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// The path of the field (empty: the whole value).
    pub path: Vec<Step>,
    /// What the field must be, in plain words, when it is of the wrong kind.
    pub expected: Option<String>,
    /// What was given there, described; or the whole problem when `expected` is none.
    pub problem: String,
    placed: bool,
}

impl Refusal {
    /// The message, with the path written by `place` (`path_text` for the plain path).
    pub fn message_with(&self, place: impl Fn(&[Step]) -> String) -> String {
        let at = place(&self.path);
        let what = match &self.expected {
            Some(expected) => format!("must be {expected}, got {}", self.problem),
            None => self.problem.clone(),
        };
        match (at.is_empty(), self.expected.is_some()) {
            (true, true) => format!("the value {what}"),
            (true, false) => what,
            (false, true) => format!("{at} {what}"),
            (false, false) => format!("{at}: {what}"),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_with(path_text))
    }
}

impl std::error::Error for Refusal {}

impl de::Error for Refusal {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Refusal {
            path: Vec::new(),
            expected: None,
            problem: message.to_string(),
            placed: false,
        }
    }

    fn invalid_type(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Refusal {
            expected: Some(plain_words(&expected.to_string())),
            ..Refusal::custom("")
        }
    }

    fn invalid_value(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Refusal::invalid_type(de::Unexpected::Other(""), expected)
    }

    fn invalid_length(length: usize, expected: &dyn de::Expected) -> Self {
        Refusal {
            expected: Some(plain_words(&expected.to_string())),
            ..Refusal::custom(format!("{length} values"))
        }
    }

    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Self {
        Refusal {
            expected: Some(one_of(expected)),
            ..Refusal::custom("")
        }
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Refusal::custom(format!(
            "unknown field `{field}` (the fields are {})",
            expected.join(", ")
        ))
    }
}

fn one_of(names: &[&str]) -> String {
    match names {
        [only] => format!("\"{only}\""),
        [first, second] => format!("{first} or {second}"),
        _ => format!("one of {}", names.join(", ")),
    }
}

/// serde's words for what it expected, in a person's: "a sequence" → "a list",
/// "f32" → "a number", "u32" → "a whole number", "struct ModelLayer" → "an object".
fn plain_words(expected: &str) -> String {
    let whole = [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ];
    match expected {
        "f32" | "f64" => "a number".to_string(),
        "a string" | "a borrowed string" | "a char" => "text".to_string(),
        "a boolean" => "true or false".to_string(),
        "a sequence" => "a list".to_string(),
        "a map" => "an object".to_string(),
        _ if whole.contains(&expected) => "a whole number".to_string(),
        _ if expected.starts_with("struct ") => "an object".to_string(),
        _ if expected.starts_with("a tuple of size ") => {
            format!("a list of {} values", &expected["a tuple of size ".len()..])
        }
        _ if expected.starts_with("tuple of ") || expected.starts_with("an array of length ") => {
            let count = expected
                .split_whitespace()
                .find(|word| word.parse::<usize>().is_ok())
                .unwrap_or("some");
            format!("a list of {count} values")
        }
        _ => expected.replace('`', ""),
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

/// A [`Given`] being read at `path`: the deserializer that places a refusal where it
/// happens and quotes the value there.
struct At<'a> {
    value: &'a Given,
    path: Vec<Step>,
}

impl<'a> At<'a> {
    fn child(&self, value: &'a Given, step: Step) -> At<'a> {
        let mut path = self.path.clone();
        path.push(step);
        At { value, path }
    }

    /// Places a refusal that surfaced here (not deeper) at this path, quoting the value.
    fn place<T>(&self, result: Result<T, Refusal>) -> Result<T, Refusal> {
        result.map_err(|mut refusal| {
            if !refusal.placed {
                refusal.placed = true;
                refusal.path = self.path.clone();
                if refusal.expected.is_some() {
                    refusal.problem = self.value.describe();
                }
            }
            refusal
        })
    }
}

impl<'de> Deserializer<'de> for At<'de> {
    type Error = Refusal;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        let result = match self.value {
            Given::Null => visitor.visit_unit(),
            Given::Bool(value) => visitor.visit_bool(*value),
            Given::Integer(value) => visitor.visit_i64(*value),
            Given::Unsigned(value) => visitor.visit_u64(*value),
            Given::Number(value) => visitor.visit_f64(*value),
            Given::Text(text) => visitor.visit_borrowed_str(text),
            Given::List(items) => visitor.visit_seq(Items {
                at: &self,
                items: items.iter().enumerate(),
            }),
            Given::Object(entries) => visitor.visit_map(Entries {
                at: &self,
                entries: entries.iter(),
                value: None,
            }),
        };
        self.place(result)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        match self.value {
            Given::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        let result = match self.value {
            Given::Text(text) => visitor.visit_enum(text.as_str().into_deserializer()),
            _ => Err(Refusal {
                expected: Some(one_of(variants)),
                ..de::Error::custom("")
            }),
        };
        self.place(result)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

struct Items<'a, 'b, I> {
    at: &'b At<'a>,
    items: I,
}

impl<'de, I: Iterator<Item = (usize, &'de Given)>> SeqAccess<'de> for Items<'de, '_, I> {
    type Error = Refusal;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refusal> {
        match self.items.next() {
            Some((index, item)) => seed
                .deserialize(self.at.child(item, Step::Index(index)))
                .map(Some),
            None => Ok(None),
        }
    }
}

struct Entries<'a, 'b, I> {
    at: &'b At<'a>,
    entries: I,
    value: Option<(&'a str, &'a Given)>,
}

impl<'de, I: Iterator<Item = &'de (String, Given)>> MapAccess<'de> for Entries<'de, '_, I> {
    type Error = Refusal;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refusal> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some((key, value));
                let key: de::value::BorrowedStrDeserializer<'de, Refusal> =
                    de::value::BorrowedStrDeserializer::new(key);
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refusal> {
        let (key, value) = self.value.take().expect("a key before its value");
        seed.deserialize(self.at.child(value, Step::Field(key.to_string())))
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
