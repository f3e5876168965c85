//! The row types of the schema: a [`Setting`] (one row of the table), the [`Kind`] of
//! value it holds and the [`Effect`] of changing it, with the words that say what a
//! setting accepts.

use super::choices::{Choice, Choices};
use super::range::Range;
use serde::Serialize;

/// What changing a setting alone does to a running playground, in the words JS and the
/// docs use. [`Config::change_to`](crate::config::Config::change_to) computes it; a test
/// checks that each row says what it computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Effect {
    /// A training setting: the network, the data and the epoch stay.
    Kept,
    /// New points from the same generator; the same network and epoch.
    NewData,
    /// New starting weights, epoch 0; the same points.
    Reset,
    /// New points and new starting weights, epoch 0.
    Regenerated,
    /// A reset when the output layer changes (its activation or its neuron count),
    /// kept otherwise.
    ResetIfOutputLayerChanges,
}

/// What kind of value a setting holds.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Kind {
    /// One name among `choices`.
    Choice {
        /// The names.
        choices: Choices,
    },
    /// A number in a range.
    Number(Range),
    /// A list of at most `max_length` counts, each from `min` to `max`: neurons per
    /// hidden layer.
    Counts {
        /// Most entries (layers).
        max_length: usize,
        /// Fewest per entry.
        min: usize,
        /// Most per entry.
        max: usize,
    },
    /// A list of names, each one of `choices`.
    Names {
        /// Fewest entries.
        min_length: usize,
        /// Most entries.
        max_length: usize,
        /// Whether a name may appear only once.
        unique: bool,
        /// The names.
        choices: Choices,
        /// What the list holds, in words, for messages.
        #[serde(skip)]
        items: &'static str,
    },
    /// A list of at most `max_length` numbers, each in `range`: a rate per hidden layer.
    Rates {
        /// Most entries (layers).
        max_length: usize,
        /// What each entry accepts.
        #[serde(flatten)]
        range: Range,
        /// What the list holds, in words, for messages.
        #[serde(skip)]
        items: &'static str,
    },
    /// A formula over x1 and x2 (see [`crate::math::formula`]) of at most
    /// `max_chars` characters, finite on the whole plane.
    Formula {
        /// Most characters.
        max_chars: usize,
    },
    /// A list of at most `max_length` distinct formulas, each as [`Kind::Formula`].
    Formulas {
        /// Most entries.
        max_length: usize,
        /// Most characters of each.
        max_chars: usize,
    },
    /// On or off (view options only).
    Toggle,
}

/// One row of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// The key, as JSON and the address spell it.
    pub key: &'static str,
    /// A short label for its control.
    pub label: &'static str,
    /// The kind, with the range or the choices.
    pub kind: Kind,
    /// What a change does (config settings; `None` for view options).
    pub effect: Option<Effect>,
    /// The words for what `<key>_hide=true` hides, if a classroom can hide it.
    pub hides: Option<&'static str>,
}

impl Setting {
    pub(super) const fn config(
        key: &'static str,
        label: &'static str,
        effect: Effect,
        kind: Kind,
    ) -> Self {
        Setting {
            key,
            label,
            kind,
            effect: Some(effect),
            hides: None,
        }
    }

    pub(super) const fn view(key: &'static str, label: &'static str, kind: Kind) -> Self {
        Setting {
            key,
            label,
            kind,
            effect: None,
            hides: None,
        }
    }

    pub(super) const fn hides(self, words: &'static str) -> Self {
        Setting {
            hides: Some(words),
            ..self
        }
    }

    /// What the setting accepts, in words, for a value of the wrong kind.
    pub fn expectation(&self) -> String {
        fn names(choices: &[Choice]) -> String {
            let names: Vec<&str> = choices.iter().map(|choice| choice.value).collect();
            match names.as_slice() {
                [first, second] => format!("{first} or {second}"),
                _ => format!("one of {}", names.join(", ")),
            }
        }
        match &self.kind {
            Kind::Choice { choices } => names(&choices.list()),
            Kind::Number(range) => range.expectation(),
            Kind::Counts {
                max_length,
                min,
                max,
            } => format!("a list of at most {max_length} neuron counts, each from {min} to {max}"),
            Kind::Names { choices, items, .. } => {
                format!("a list of {items}, each {}", names(&choices.list()))
            }
            Kind::Rates { range, items, .. } => {
                format!("a list of {items}, each {}", range.expectation())
            }
            Kind::Formula { .. } => "a formula over x1 and x2, such as \"sin(3*x1)\"".to_string(),
            Kind::Formulas { max_length, .. } => format!(
                "a list of at most {max_length} formulas over x1 and x2, such as [\"sin(3*x1)\"]"
            ),
            Kind::Toggle => "true or false".to_string(),
        }
    }

    /// The range of a number setting.
    pub fn range(&self) -> Option<&Range> {
        match &self.kind {
            Kind::Number(range) => Some(range),
            _ => None,
        }
    }
}
