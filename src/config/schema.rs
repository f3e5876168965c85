//! The schema: one row per setting, the one place a setting is described.
//!
//! A row gives the key (as JSON and the address spell it), its kind with the range or
//! the choices, what a change does to a running playground, whether a classroom can
//! hide its control (and the words for it), and a short label for the control. The
//! default is not repeated here: it is read from [`Config::default`] (and
//! [`ViewOptions::default`]) when the schema is serialised.
//!
//! The rows generate the range checks of every plain numeric setting (for one the
//! trainer uses as an f32, of that f32 as well) and of the hidden layers
//! (`validation`), the message for a value of the wrong kind and the list of known keys
//! (`fields`), [`limits`], and what JS reads through `configSchema()`.
//! Rules that tie settings together stay hand-written in `validation`.
//!
//! Config rows are in the order the address bar writes them; view rows follow it.

use super::fields::Fields;
use super::limits::*;
use super::view::{Palette, ViewOptions};
use super::{Config, ConfigError};
use crate::data::dataset::{Dataset, Problem, MAX_CLASSES};
use crate::data::features::Feature;
use crate::given::Given;
use crate::learn::optimizer::Optimizer;
use crate::learn::schedule::Schedule;
use crate::math::activation::Activation;
use crate::math::formula::{self, Formula};
use crate::math::loss::Loss;
use crate::math::regularization::Regularization;
use crate::model::initialization::Initialization;
use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use std::any::Any;
use std::fmt;

/// What changing a setting alone does to a running playground, in the words JS and the
/// docs use. [`Config::change_to`] computes it; a test checks that each row says what
/// it computes.
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

/// One value a choice (or a list of names) can take.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// The name in configs and the address.
    pub value: &'static str,
    /// The words a control shows.
    pub label: &'static str,
    /// For a dataset: the problem it poses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<&'static str>,
    /// For a dataset: the most classes it can have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_classes: Option<usize>,
}

impl Choice {
    fn new(value: &'static str, label: &'static str) -> Self {
        Choice {
            value,
            label,
            problem: None,
            max_classes: None,
        }
    }
}

/// The numbers a number setting accepts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    /// The low end.
    pub min: f64,
    /// The high end.
    pub max: f64,
    /// Whether the low end itself is refused.
    pub min_exclusive: bool,
    /// Whether the high end itself is refused.
    pub max_exclusive: bool,
    /// Whether only whole numbers are accepted.
    pub whole: bool,
    /// The values a control offers as a ladder (any value in range is accepted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offered: Option<&'static [f64]>,
    /// How the trainer uses the value: as it is, or as a 32-bit float, which must then
    /// be in range too (0.99999999 is refused where 1 is, since it is 1 in f32).
    pub precision: Precision,
}

/// How the trainer uses a number setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Precision {
    /// As it is, an f64.
    Double,
    /// As its f32 (`value as f32`), and only so: two values with the same f32 are the
    /// same setting, and the page writes the shorter.
    Single,
    /// As an f32 rounded from f64 arithmetic on the value: the learning rate, which the
    /// schedule multiplies by γ^… in f64 before rounding. Its f32 is the rate of epoch 0
    /// and is checked; two values with the same f32 can train differently once the rate
    /// decays, so the value is kept as written.
    Computed,
}

impl Range {
    /// From `min` to `max`, both included.
    pub const fn closed(min: f64, max: f64) -> Self {
        Range {
            min,
            max,
            min_exclusive: false,
            max_exclusive: false,
            whole: false,
            offered: None,
            precision: Precision::Double,
        }
    }

    /// The whole numbers from `min` to `max`.
    pub const fn whole(min: f64, max: f64) -> Self {
        Range {
            whole: true,
            ..Range::closed(min, max)
        }
    }

    /// Greater than `min`, at most `max`.
    pub const fn above(min: f64, max: f64) -> Self {
        Range {
            min_exclusive: true,
            ..Range::closed(min, max)
        }
    }

    /// At least `min`, below `max`.
    pub const fn below(min: f64, max: f64) -> Self {
        Range {
            max_exclusive: true,
            ..Range::closed(min, max)
        }
    }

    /// The same range, with a ladder of values for a control to offer.
    pub const fn offering(self, offered: &'static [f64]) -> Self {
        Range {
            offered: Some(offered),
            ..self
        }
    }

    /// The same range, for a setting the trainer uses as `precision` says.
    pub const fn used_as(self, precision: Precision) -> Self {
        Range { precision, ..self }
    }

    /// The value the trainer uses first for `value`: the nearest f32 unless the setting
    /// is used as it is.
    pub fn used(&self, value: f64) -> f64 {
        match self.precision {
            Precision::Double => value,
            Precision::Single | Precision::Computed => f64::from(value as f32),
        }
    }

    /// Whether `value` is accepted (never NaN or infinite): it is in range, and so is
    /// the value the trainer uses for it.
    pub fn contains(&self, value: f64) -> bool {
        self.holds(value) && self.holds(self.used(value))
    }

    /// Whether `value` itself is in range.
    fn holds(&self, value: f64) -> bool {
        let above_min = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        let below_max = if self.max_exclusive {
            value < self.max
        } else {
            value <= self.max
        };
        value.is_finite() && above_min && below_max && (!self.whole || value.fract() == 0.0)
    }

    /// The message refusing `value` for `key`.
    pub fn refusal(&self, key: &str, value: f64) -> String {
        let (min, max) = (self.min, self.max);
        let allowed = match (self.whole, self.min_exclusive, self.max_exclusive) {
            (true, _, _) => format!("a whole number from {min} to {max}"),
            (false, false, false) => format!("between {min} and {max}"),
            (false, true, false) => format!("greater than {min} and at most {max}"),
            (false, false, true) => format!("at least {min} and below {max}"),
            (false, true, true) => format!("greater than {min} and below {max}"),
        };
        let message = format!("{key} must be {allowed}, got {}", shown(value));
        if self.holds(value) && !self.contains(value) {
            // In range as written, out of it as trained.
            return format!(
                "{message} (that is {} in single precision, the precision greymatter \
                 trains in)",
                shown(self.used(value) as f32)
            );
        }
        message
    }

    /// What the range accepts, in words.
    fn expectation(&self) -> String {
        let (min, max) = (self.min, self.max);
        match (self.whole, self.min_exclusive, self.max_exclusive) {
            (true, _, _) => format!("a whole number from {min} to {max}"),
            (false, false, false) => format!("a number from {min} to {max}"),
            (false, true, false) => format!("a number greater than {min} and at most {max}"),
            (false, false, true) => format!("a number from {min} up to (not including) {max}"),
            (false, true, true) => format!("a number greater than {min} and below {max}"),
        }
    }
}

/// A number as the page writes it (as JavaScript's `String(number)` does, in its
/// shortest form): with an exponent below 1e-6 and from 1e21, so that 1e-320 is not 320
/// digits long.
fn shown<T: Into<f64> + Copy + fmt::Display + fmt::LowerExp>(number: T) -> String {
    let value = number.into();
    let size = value.abs();
    if value.is_infinite() {
        // As JavaScript writes it, where the value came from ("inf" is Rust's word).
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if size != 0.0 && size < 1e-6 {
        format!("{number:e}")
    } else if size >= 1e21 && size.is_finite() {
        format!("{number:e}").replace('e', "e+")
    } else {
        format!("{number}")
    }
}

/// The choices of a setting, made when they are read from the names and labels of the
/// enum the setting holds.
#[derive(Clone, Copy)]
pub struct Choices(pub fn() -> Vec<Choice>);

impl Choices {
    /// The choices, in the order a control lists them.
    pub fn list(&self) -> Vec<Choice> {
        (self.0)()
    }
}

impl fmt::Debug for Choices {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.list()).finish()
    }
}

impl Serialize for Choices {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.list().serialize(serializer)
    }
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
    const fn config(key: &'static str, label: &'static str, effect: Effect, kind: Kind) -> Self {
        Setting {
            key,
            label,
            kind,
            effect: Some(effect),
            hides: None,
        }
    }

    const fn view(key: &'static str, label: &'static str, kind: Kind) -> Self {
        Setting {
            key,
            label,
            kind,
            effect: None,
            hides: None,
        }
    }

    const fn hides(self, words: &'static str) -> Self {
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

    /// Checks `value` (the field the row describes) against the row's range: numbers
    /// and the neuron counts of the hidden layers.
    pub fn check(&self, value: &dyn Any) -> Result<(), ConfigError> {
        let key = self.key;
        match &self.kind {
            Kind::Number(range) => {
                let number = number_in(value);
                if !range.contains(number) {
                    return Err(ConfigError::new(key, range.refusal(key, number)));
                }
            }
            Kind::Counts {
                max_length,
                min,
                max,
            } => {
                let counts = value
                    .downcast_ref::<Vec<usize>>()
                    .map_or(&[][..], Vec::as_slice);
                check_layers(key, counts.len(), *max_length)?;
                if let Some((layer, count)) = counts
                    .iter()
                    .enumerate()
                    .find(|(_, count)| !(min..=max).contains(count))
                {
                    return Err(ConfigError::new(
                        key,
                        format!(
                            "{key} layer {} must have {min} to {max} neurons, got {count}",
                            layer + 1
                        ),
                    ));
                }
            }
            Kind::Rates {
                max_length, range, ..
            } => {
                let rates = value
                    .downcast_ref::<Vec<f64>>()
                    .map_or(&[][..], Vec::as_slice);
                check_layers(key, rates.len(), *max_length)?;
                if let Some((layer, &rate)) = rates
                    .iter()
                    .enumerate()
                    .find(|(_, &rate)| !range.contains(rate))
                {
                    let name = format!("{key} of hidden layer {}", layer + 1);
                    return Err(ConfigError::new(key, range.refusal(&name, rate)));
                }
            }
            Kind::Formula { .. } => {
                let text = value.downcast_ref::<String>().map_or("", String::as_str);
                check_formula(key, text).map_err(|message| ConfigError::new(key, message))?;
            }
            Kind::Formulas { max_length, .. } => {
                let texts = value
                    .downcast_ref::<Vec<String>>()
                    .map_or(&[][..], Vec::as_slice);
                check_formulas(key, texts, *max_length)?;
            }
            Kind::Choice { .. } | Kind::Names { .. } | Kind::Toggle => {}
        }
        Ok(())
    }
}

/// Refuses a per-layer list of `length` entries longer than `max_length` layers.
fn check_layers(key: &str, length: usize, max_length: usize) -> Result<(), ConfigError> {
    if length > max_length {
        return Err(ConfigError::new(
            key,
            format!("{key} allows at most {max_length} layers, got {length}"),
        ));
    }
    Ok(())
}

/// Parses `text` and checks it is finite on the plane; the refusal quotes it and names
/// the column or the point: `datasetFormula "sinn(x1)": at column 1: unknown function 'sinn' …`.
fn check_formula(what: &str, text: &str) -> Result<Formula, String> {
    let formula = Formula::parse(text).map_err(|error| {
        format!(
            "{what} {}: {error}",
            Given::Text(text.to_string()).describe()
        )
    })?;
    formula
        .check_finite()
        .map_err(|message| format!("{what}: {message}"))?;
    Ok(formula)
}

/// Checks a list of formulas: at most `max_length`, each valid, no two the same
/// formula (as their canonical forms say); the refusal names the entry by its index.
fn check_formulas(key: &str, texts: &[String], max_length: usize) -> Result<(), ConfigError> {
    if texts.len() > max_length {
        return Err(ConfigError::new(
            key,
            format!(
                "{key} allows at most {max_length} formulas, got {}",
                texts.len()
            ),
        ));
    }
    let mut canonical = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let formula = check_formula(&format!("{key}[{index}]"), text)
            .map_err(|message| ConfigError::new(key, message))?;
        let written = formula.to_string();
        if let Some(earlier) = canonical.iter().position(|other| *other == written) {
            return Err(ConfigError::new(
                key,
                format!("{key}[{index}] is {written}, the same formula as {key}[{earlier}]"),
            ));
        }
        canonical.push(written);
    }
    Ok(())
}

/// A number field's value as f64 (NaN for a field that holds no number).
fn number_in(value: &dyn Any) -> f64 {
    if let Some(&number) = value.downcast_ref::<f64>() {
        number
    } else if let Some(&number) = value.downcast_ref::<u32>() {
        f64::from(number)
    } else if let Some(&number) = value.downcast_ref::<usize>() {
        number as f64
    } else {
        f64::NAN
    }
}

/// Checks every field of `value` against its row of `rows`.
pub(crate) fn check_rows<T: Fields>(value: &T, rows: &[Setting]) -> Result<(), ConfigError> {
    for row in rows {
        let field = value
            .field(row.key)
            .ok_or_else(|| ConfigError::new(row.key, format!("{} is not a field", row.key)))?;
        row.check(field)?;
    }
    Ok(())
}

/// A row as JS reads it, with its default read from `defaults`.
struct RowJson<'a, T> {
    row: &'a Setting,
    defaults: &'a T,
}

impl<T: Fields> Serialize for RowJson<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The default of one field.
        struct Default<'a, T>(&'a T, &'static str);
        impl<T: Fields> Serialize for Default<'_, T> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.0
                    .serialize_field(self.1, serializer)
                    .unwrap_or_else(|| Err(S::Error::custom(format!("no field {}", self.1))))
            }
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Row<'a, D> {
            key: &'a str,
            #[serde(flatten)]
            kind: &'a Kind,
            label: &'a str,
            default: D,
            #[serde(skip_serializing_if = "Option::is_none")]
            effect: Option<Effect>,
            hideable: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            hides: Option<&'a str>,
        }
        let row = self.row;
        Row {
            key: row.key,
            kind: &row.kind,
            label: row.label,
            default: Default(self.defaults, row.key),
            effect: row.effect,
            hideable: row.hides.is_some(),
            hides: row.hides,
        }
        .serialize(serializer)
    }
}

/// Rows as JS reads them.
struct RowsJson<'a, T> {
    rows: &'a [Setting],
    defaults: &'a T,
}

impl<T: Fields> Serialize for RowsJson<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.rows.len()))?;
        for row in self.rows {
            seq.serialize_element(&RowJson {
                row,
                defaults: self.defaults,
            })?;
        }
        seq.end()
    }
}

fn choices<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|&item| Choice::new(name(item), label(item)))
        .collect()
}

fn datasets() -> Vec<Choice> {
    Dataset::ALL
        .iter()
        .map(|&dataset| Choice {
            problem: dataset.problem().map(Problem::name),
            max_classes: Some(dataset.max_classes()),
            ..Choice::new(dataset.name(), dataset.label())
        })
        .collect()
}

fn activations() -> Vec<Choice> {
    choices(&Activation::ALL, Activation::name, Activation::label)
}

fn regularizations() -> Vec<Choice> {
    choices(
        &Regularization::ALL,
        Regularization::name,
        Regularization::label,
    )
}

fn features() -> Vec<Choice> {
    choices(&Feature::ALL, Feature::name, Feature::label)
}

fn problems() -> Vec<Choice> {
    choices(&Problem::ALL, Problem::name, Problem::label)
}

fn losses() -> Vec<Choice> {
    choices(&Loss::ALL, Loss::name, Loss::label)
}

fn initializations() -> Vec<Choice> {
    choices(
        &Initialization::ALL,
        Initialization::name,
        Initialization::label,
    )
}

fn schedules() -> Vec<Choice> {
    choices(&Schedule::ALL, Schedule::name, Schedule::label)
}

fn optimizers() -> Vec<Choice> {
    choices(&Optimizer::ALL, Optimizer::name, Optimizer::label)
}

fn palettes() -> Vec<Choice> {
    choices(&Palette::ALL, Palette::name, Palette::label)
}

const fn number(range: Range) -> Kind {
    Kind::Number(range)
}

const fn choice(choices: fn() -> Vec<Choice>) -> Kind {
    Kind::Choice {
        choices: Choices(choices),
    }
}

const LEARNING_RATES: &[f64] = &[
    0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];
const REGULARIZATION_RATES: &[f64] = &[0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];
const DROPOUT_RATES: &[f64] = &[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const CLASSES: &[f64] = &[2.0, 3.0, 4.0, 5.0, 6.0];
const SPEEDS: &[f64] = &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];
/// Any whole number a u32 holds (seeds, epochs).
const ANY_U32: Range = Range::whole(0.0, u32::MAX as f64);
/// [0, 1): the decay rates of momentum, RMSProp and Adam, which the optimizer uses as
/// f32 (so 0.99999999, which is 1 in f32, is refused).
const DECAY: Range = Range::below(0.0, 1.0).used_as(Precision::Single);

use Effect::*;

/// The config rows, in the order the address bar writes them.
///
/// `used_as` marks the numbers the trainer takes as f32 (see the trainer's
/// `optimizer_settings` and `step_settings`): the regularization rate and the
/// optimizer's μ, ρ, β₁, β₂, ε as `value as f32`, the learning rate through the schedule
/// (α·γ^… in f64, then `as f32`). The others are used as they are: `decayRate` in that
/// f64 product, `stopAtLoss` compared in f64 with the loss; `noise` and `trainRatio`
/// become the f32 fractions `value / 100`, which no rounding takes out of their closed
/// ranges.
#[rustfmt::skip]
static SETTINGS: &[Setting] = &[
    Setting::config("dataset", "Dataset", Regenerated, choice(datasets))
        .hides("the dataset picker"),
    Setting::config("noise", "Noise", Regenerated, number(Range::closed(0.0, MAX_NOISE)))
        .hides("the noise"),
    Setting::config("trainRatio", "Ratio of training to test data", Regenerated,
        number(Range::closed(TRAIN_RATIO.0, TRAIN_RATIO.1)))
        .hides("the ratio of training data"),
    Setting::config("batchSize", "Batch size", Kept,
        number(Range::whole(1.0, MAX_BATCH_SIZE as f64)))
        .hides("the batch size"),
    Setting::config("learningRate", "Learning rate", Kept,
        number(Range::above(0.0, MAX_LEARNING_RATE).offering(LEARNING_RATES)
            .used_as(Precision::Computed)))
        .hides("the learning rate"),
    Setting::config("activation", "Activation", Reset, choice(activations))
        .hides("the activation"),
    Setting::config("layerActivations", "Activation of each hidden layer", Reset,
        Kind::Names {
            min_length: 0,
            max_length: MAX_HIDDEN_LAYERS,
            unique: false,
            choices: Choices(activations),
            items: "activations, one per hidden layer",
        }),
    Setting::config("regularization", "Regularization", Kept, choice(regularizations))
        .hides("the regularization"),
    Setting::config("regularizationRate", "Regularization rate", Kept,
        number(Range::closed(0.0, MAX_REGULARIZATION_RATE).offering(REGULARIZATION_RATES)
            .used_as(Precision::Single)))
        .hides("the regularization rate"),
    Setting::config("dropout", "Dropout rate of each hidden layer", Kept,
        Kind::Rates {
            max_length: MAX_HIDDEN_LAYERS,
            range: Range::closed(0.0, MAX_DROPOUT).offering(DROPOUT_RATES)
                .used_as(Precision::Single),
            items: "dropout rates, one per hidden layer",
        })
        .hides("the dropout rates"),
    Setting::config("hidden", "Hidden layers", Reset,
        Kind::Counts { max_length: MAX_HIDDEN_LAYERS, min: 1, max: MAX_NEURONS_PER_LAYER })
        .hides("the layer and neuron buttons"),
    Setting::config("features", "Inputs", Reset,
        Kind::Names {
            min_length: 1,
            max_length: Feature::ALL.len(),
            unique: true,
            choices: Choices(features),
            items: "inputs",
        }),
    Setting::config("customFeatures", "Formula inputs", Reset,
        Kind::Formulas { max_length: MAX_CUSTOM_FEATURES, max_chars: formula::MAX_LENGTH })
        .hides("the formula inputs"),
    Setting::config("problem", "Problem type", Regenerated, choice(problems))
        .hides("the problem type"),
    Setting::config("classes", "Classes", Regenerated,
        number(Range::whole(2.0, MAX_CLASSES as f64).offering(CLASSES)))
        .hides("the number of classes"),
    Setting::config("loss", "Loss", ResetIfOutputLayerChanges, choice(losses))
        .hides("the loss"),
    Setting::config("initialization", "Starting weights", Reset, choice(initializations))
        .hides("the starting-weights scheme"),
    Setting::config("schedule", "Rate schedule", Kept, choice(schedules))
        .hides("the learning-rate schedule"),
    Setting::config("decayRate", "Decay γ", Kept, number(Range::above(0.0, 1.0)))
        .hides("the schedule's decay γ"),
    Setting::config("decayEpochs", "every k epochs", Kept,
        number(Range::whole(1.0, MAX_DECAY_EPOCHS as f64)))
        .hides("the schedule's period"),
    Setting::config("stopAfter", "Stop after (epochs, 0 = never)", Kept, number(ANY_U32))
        .hides("the stop-after epochs"),
    Setting::config("stopAtLoss", "Stop at loss", Kept, number(Range::closed(0.0, 1000.0)))
        .hides("the stop-at-loss threshold"),
    Setting::config("optimizer", "Optimizer", Kept, choice(optimizers))
        .hides("the optimizer"),
    Setting::config("momentum", "Momentum μ", Kept, number(DECAY))
        .hides("the momentum μ"),
    Setting::config("rmsDecay", "Decay ρ", Kept, number(DECAY))
        .hides("the RMSProp decay ρ"),
    Setting::config("beta1", "β₁", Kept, number(DECAY))
        .hides("Adam's β₁"),
    Setting::config("beta2", "β₂", Kept, number(DECAY))
        .hides("Adam's β₂"),
    Setting::config("epsilon", "ε", Kept,
        number(Range::above(0.0, 1.0).used_as(Precision::Single)))
        .hides("the ε of RMSProp and Adam"),
    Setting::config("seed", "Seed", Reset, number(ANY_U32)),
    Setting::config("dataSeed", "Data seed", NewData, number(ANY_U32)),
    Setting::config("samples", "Samples", Regenerated,
        number(Range::whole(MIN_SAMPLES as f64, MAX_SAMPLES as f64))),
    Setting::config("datasetFormula", "f(x₁, x₂)", Regenerated,
        Kind::Formula { max_chars: formula::MAX_LENGTH })
        .hides("the dataset formula"),
];

/// The view option rows, in the order the address bar writes them.
#[rustfmt::skip]
static VIEW: &[Setting] = &[
    Setting::view("epochsPerFrame", "Speed",
        number(Range::whole(1.0, MAX_EPOCHS_PER_FRAME as f64).offering(SPEEDS)))
        .hides("the speed (epochs per frame)"),
    Setting::view("showTestData", "Show test data", Kind::Toggle)
        .hides("the show-test-data toggle"),
    Setting::view("gradientLinks", "Colour links by the gradient ∂J/∂w instead of the weight",
        Kind::Toggle)
        .hides("the gradient-links toggle"),
    Setting::view("discretize", "Discretize output", Kind::Toggle)
        .hides("the discretize toggle"),
    Setting::view("palette", "Colour-blind-safe colours", choice(palettes))
        .hides("the colour-blind toggle"),
];

/// Every config setting, in address order.
pub fn settings() -> &'static [Setting] {
    SETTINGS
}

/// Every view option, in address order.
pub fn view() -> &'static [Setting] {
    VIEW
}

/// The config setting called `key`.
pub fn setting(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|setting| setting.key == key)
}

/// The view option called `key`.
pub fn view_option(key: &str) -> Option<&'static Setting> {
    VIEW.iter().find(|setting| setting.key == key)
}

/// Every config key, in address order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    SETTINGS.iter().map(|setting| setting.key)
}

/// The limits every config must respect, as JS reads them (`limits()`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Most hidden layers.
    pub max_hidden_layers: usize,
    /// Most neurons in one hidden layer.
    pub max_neurons_per_layer: usize,
    /// Most weights in the whole network.
    pub max_weights: usize,
    /// Fewest generated points.
    pub min_samples: usize,
    /// Most generated points.
    pub max_samples: usize,
    /// Largest mini-batch.
    pub max_batch_size: usize,
    /// Largest learning rate.
    pub max_learning_rate: f64,
    /// Largest regularization rate.
    pub max_regularization_rate: f64,
    /// Largest noise, in percent.
    pub max_noise: f64,
    /// Smallest share of training points, in percent.
    pub min_train_ratio: f64,
    /// Largest share of training points, in percent.
    pub max_train_ratio: f64,
    /// Most classes.
    pub max_classes: usize,
    /// Most loss-history rows a lesson file holds.
    pub max_history: usize,
    /// Most epochs a run counts (training stops there).
    pub max_epoch: u32,
}

/// The limits, read from the rows (the weight cap, a rule across settings, from
/// [`MAX_WEIGHTS`]).
pub fn limits() -> Limits {
    let range = |key: &str| {
        *setting(key)
            .and_then(Setting::range)
            .unwrap_or_else(|| panic!("{key} is a number setting"))
    };
    let (max_hidden_layers, max_neurons_per_layer) = match setting("hidden").map(|s| s.kind) {
        Some(Kind::Counts {
            max_length, max, ..
        }) => (max_length, max),
        _ => panic!("hidden is a list of counts"),
    };
    Limits {
        max_hidden_layers,
        max_neurons_per_layer,
        max_weights: MAX_WEIGHTS,
        min_samples: range("samples").min as usize,
        max_samples: range("samples").max as usize,
        max_batch_size: range("batchSize").max as usize,
        max_learning_rate: range("learningRate").max,
        max_regularization_rate: range("regularizationRate").max,
        max_noise: range("noise").max,
        min_train_ratio: range("trainRatio").min,
        max_train_ratio: range("trainRatio").max,
        max_classes: range("classes").max as usize,
        max_history: MAX_HISTORY,
        max_epoch: MAX_EPOCH,
    }
}

/// The whole schema as JS reads it (`configSchema()`): `settings` and `view`, each row
/// with its default, and `limits`.
#[derive(Clone, Copy, Debug)]
pub struct Schema;

impl Serialize for Schema {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut schema = serializer.serialize_struct("Schema", 3)?;
        let config = Config::default();
        let view = ViewOptions::default();
        schema.serialize_field(
            "settings",
            &RowsJson {
                rows: SETTINGS,
                defaults: &config,
            },
        )?;
        schema.serialize_field(
            "view",
            &RowsJson {
                rows: VIEW,
                defaults: &view,
            },
        )?;
        schema.serialize_field("limits", &limits())?;
        schema.end()
    }
}

/// The schema.
pub fn schema() -> Schema {
    Schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_infinite_value_is_named_as_javascript_writes_it() {
        let rate = setting("learningRate").and_then(Setting::range).unwrap();
        assert_eq!(
            rate.refusal("learningRate", f64::INFINITY),
            "learningRate must be greater than 0 and at most 10, got Infinity"
        );
        assert_eq!(
            rate.refusal("learningRate", f64::NEG_INFINITY),
            "learningRate must be greater than 0 and at most 10, got -Infinity"
        );
        assert_eq!(shown(f64::NAN), "NaN");
    }
}
