//! Why a [`Given`](super::Given) could not be read as the type asked for, in a person's words: the
//! path of the field (`layers[0].weights`) and what it must be, with serde's own words
//! ("a sequence", "f32", "struct ModelLayer") turned into plain ones.

use serde::de;
use std::fmt;

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

/// Why a [`Given`](super::Given) could not be read as the type asked for: where, and
/// what is wrong there ("must be a list of numbers, got \"abc\"", "missing field
/// `biases`").
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// The path of the field (empty: the whole value).
    pub path: Vec<Step>,
    /// What the field must be, in plain words, when it is of the wrong kind.
    pub expected: Option<String>,
    /// What was given there, described; or the whole problem when `expected` is none.
    pub problem: String,
    pub(super) placed: bool,
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

/// `names` as a choice among them, in words: `"a"`, `a or b`, `one of a, b, c`.
pub(super) fn one_of(names: &[&str]) -> String {
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
