//! The schema: one row per setting, the one place a setting is described.
//!
//! A row gives the key (as JSON and the address spell it), its kind with the range or
//! the choices, what a change does to a running playground, whether a classroom can
//! hide its control (and the words for it), and a short label for the control. The
//! default is not repeated here: it is read from [`Config::default`] (and
//! [`ViewOptions::default`]).
//!
//! The rows generate the range checks of every plain numeric setting and of the hidden
//! layers (`validation`), the message for a value of the wrong kind and the list of
//! known keys (`fields`), [`limits`], and what JS reads through `configSchema()`.
//! Rules that tie settings together stay hand-written in `validation`.
//!
//! Config rows are in the order the address bar writes them; view rows follow it.

use super::limits::*;
use super::view::{Palette, ViewOptions};
use super::{Config, ConfigError};
use crate::data::dataset::{Dataset, Problem, MAX_CLASSES};
use crate::data::features::Feature;
use crate::learn::optimizer::Optimizer;
use crate::learn::schedule::Schedule;
use crate::math::activation::Activation;
use crate::math::loss::Loss;
use crate::math::regularization::Regularization;
use crate::model::initialization::Initialization;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::sync::OnceLock;

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

    /// Whether `value` is accepted (never NaN or infinite).
    pub fn contains(&self, value: f64) -> bool {
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
        format!("{key} must be {allowed}, got {value}")
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

/// What kind of value a setting holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Kind {
    /// One name among `choices`.
    Choice {
        /// The names, in the order a control lists them.
        choices: Vec<Choice>,
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
        /// The names, in the order a control lists them.
        choices: Vec<Choice>,
        /// What the list holds, in words, for messages.
        #[serde(skip)]
        items: &'static str,
    },
    /// On or off (view options only).
    Toggle,
}

/// One row of the schema.
#[derive(Clone, Debug, PartialEq)]
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
    /// The default, read from `Config::default()` or `ViewOptions::default()`.
    pub default: Value,
}

impl Setting {
    fn config(key: &'static str, label: &'static str, effect: Effect, kind: Kind) -> Self {
        Setting {
            key,
            label,
            kind,
            effect: Some(effect),
            hides: None,
            default: Value::Null,
        }
    }

    fn view(key: &'static str, label: &'static str, kind: Kind) -> Self {
        Setting {
            effect: None,
            ..Setting::config(key, label, Effect::Kept, kind)
        }
    }

    fn hides(self, words: &'static str) -> Self {
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
            Kind::Choice { choices } => names(choices),
            Kind::Number(range) => range.expectation(),
            Kind::Counts {
                max_length,
                min,
                max,
            } => format!("a list of at most {max_length} neuron counts, each from {min} to {max}"),
            Kind::Names { choices, items, .. } => {
                format!("a list of {items}, each {}", names(choices))
            }
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

    /// Checks `value` (the setting's value in a config serialised to JSON) against the
    /// row's range: numbers and the neuron counts of the hidden layers.
    pub fn check(&self, value: &Value) -> Result<(), ConfigError> {
        let key = self.key;
        match &self.kind {
            Kind::Number(range) => {
                let number = value.as_f64().unwrap_or(f64::NAN);
                if !range.contains(number) {
                    return Err(ConfigError::new(key, range.refusal(key, number)));
                }
            }
            Kind::Counts {
                max_length,
                min,
                max,
            } => {
                let counts: Vec<u64> = value
                    .as_array()
                    .map(|list| list.iter().filter_map(Value::as_u64).collect())
                    .unwrap_or_default();
                if counts.len() > *max_length {
                    return Err(ConfigError::new(
                        key,
                        format!(
                            "{key} allows at most {max_length} layers, got {}",
                            counts.len()
                        ),
                    ));
                }
                let (min, max) = (*min as u64, *max as u64);
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
            Kind::Choice { .. } | Kind::Names { .. } | Kind::Toggle => {}
        }
        Ok(())
    }
}

impl Serialize for Setting {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Row<'a> {
            key: &'a str,
            #[serde(flatten)]
            kind: &'a Kind,
            label: &'a str,
            default: &'a Value,
            #[serde(skip_serializing_if = "Option::is_none")]
            effect: Option<Effect>,
            hideable: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            hides: Option<&'a str>,
        }
        Row {
            key: self.key,
            kind: &self.kind,
            label: self.label,
            default: &self.default,
            effect: self.effect,
            hideable: self.hides.is_some(),
            hides: self.hides,
        }
        .serialize(serializer)
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
            problem: Some(dataset.problem().name()),
            max_classes: Some(dataset.max_classes()),
            ..Choice::new(dataset.name(), dataset.label())
        })
        .collect()
}

fn activations() -> Vec<Choice> {
    choices(&Activation::ALL, Activation::name, Activation::label)
}

const LEARNING_RATES: &[f64] = &[
    0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];
const REGULARIZATION_RATES: &[f64] = &[0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];
const CLASSES: &[f64] = &[2.0, 3.0, 4.0, 5.0, 6.0];
const SPEEDS: &[f64] = &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];
/// Any whole number a u32 holds (seeds, epochs).
const ANY_U32: Range = Range::whole(0.0, u32::MAX as f64);

/// The config rows, in the order the address bar writes them.
fn config_rows() -> Vec<Setting> {
    use Effect::*;
    let number = Kind::Number;
    vec![
        Setting::config(
            "dataset",
            "Dataset",
            Regenerated,
            Kind::Choice {
                choices: datasets(),
            },
        )
        .hides("the dataset picker"),
        Setting::config(
            "noise",
            "Noise",
            Regenerated,
            number(Range::closed(0.0, MAX_NOISE)),
        )
        .hides("the noise"),
        Setting::config(
            "trainRatio",
            "Ratio of training to test data",
            Regenerated,
            number(Range::closed(TRAIN_RATIO.0, TRAIN_RATIO.1)),
        )
        .hides("the ratio of training data"),
        Setting::config(
            "batchSize",
            "Batch size",
            Kept,
            number(Range::whole(1.0, MAX_BATCH_SIZE as f64)),
        )
        .hides("the batch size"),
        Setting::config(
            "learningRate",
            "Learning rate",
            Kept,
            number(Range::above(0.0, MAX_LEARNING_RATE).offering(LEARNING_RATES)),
        )
        .hides("the learning rate"),
        Setting::config(
            "activation",
            "Activation",
            Reset,
            Kind::Choice {
                choices: activations(),
            },
        )
        .hides("the activation"),
        Setting::config(
            "layerActivations",
            "Activation of each hidden layer",
            Reset,
            Kind::Names {
                min_length: 0,
                max_length: MAX_HIDDEN_LAYERS,
                unique: false,
                choices: activations(),
                items: "activations, one per hidden layer",
            },
        ),
        Setting::config(
            "regularization",
            "Regularization",
            Kept,
            Kind::Choice {
                choices: choices(
                    &Regularization::ALL,
                    Regularization::name,
                    Regularization::label,
                ),
            },
        )
        .hides("the regularization"),
        Setting::config(
            "regularizationRate",
            "Regularization rate",
            Kept,
            number(Range::closed(0.0, MAX_REGULARIZATION_RATE).offering(REGULARIZATION_RATES)),
        )
        .hides("the regularization rate"),
        Setting::config(
            "hidden",
            "Hidden layers",
            Reset,
            Kind::Counts {
                max_length: MAX_HIDDEN_LAYERS,
                min: 1,
                max: MAX_NEURONS_PER_LAYER,
            },
        )
        .hides("the layer and neuron buttons"),
        Setting::config(
            "features",
            "Inputs",
            Reset,
            Kind::Names {
                min_length: 1,
                max_length: Feature::ALL.len(),
                unique: true,
                choices: choices(&Feature::ALL, Feature::name, Feature::label),
                items: "inputs",
            },
        ),
        Setting::config(
            "problem",
            "Problem type",
            Regenerated,
            Kind::Choice {
                choices: choices(&Problem::ALL, Problem::name, Problem::label),
            },
        )
        .hides("the problem type"),
        Setting::config(
            "classes",
            "Classes",
            Regenerated,
            number(Range::whole(2.0, MAX_CLASSES as f64).offering(CLASSES)),
        )
        .hides("the number of classes"),
        Setting::config(
            "loss",
            "Loss",
            ResetIfOutputLayerChanges,
            Kind::Choice {
                choices: choices(&Loss::ALL, Loss::name, Loss::label),
            },
        )
        .hides("the loss"),
        Setting::config(
            "initialization",
            "Starting weights",
            Reset,
            Kind::Choice {
                choices: choices(
                    &Initialization::ALL,
                    Initialization::name,
                    Initialization::label,
                ),
            },
        )
        .hides("the starting-weights scheme"),
        Setting::config(
            "schedule",
            "Rate schedule",
            Kept,
            Kind::Choice {
                choices: choices(&Schedule::ALL, Schedule::name, Schedule::label),
            },
        )
        .hides("the learning-rate schedule"),
        Setting::config("decayRate", "Decay γ", Kept, number(Range::above(0.0, 1.0)))
            .hides("the schedule's decay γ"),
        Setting::config(
            "decayEpochs",
            "every k epochs",
            Kept,
            number(Range::whole(1.0, MAX_DECAY_EPOCHS as f64)),
        )
        .hides("the schedule's period"),
        Setting::config(
            "stopAfter",
            "Stop after (epochs, 0 = never)",
            Kept,
            number(ANY_U32),
        )
        .hides("the stop-after epochs"),
        Setting::config(
            "optimizer",
            "Optimizer",
            Kept,
            Kind::Choice {
                choices: choices(&Optimizer::ALL, Optimizer::name, Optimizer::label),
            },
        )
        .hides("the optimizer"),
        Setting::config(
            "momentum",
            "Momentum μ",
            Kept,
            number(Range::below(0.0, 1.0)),
        )
        .hides("the momentum μ"),
        Setting::config("rmsDecay", "Decay ρ", Kept, number(Range::below(0.0, 1.0)))
            .hides("the RMSProp decay ρ"),
        Setting::config("beta1", "β₁", Kept, number(Range::below(0.0, 1.0))).hides("Adam's β₁"),
        Setting::config("beta2", "β₂", Kept, number(Range::below(0.0, 1.0))).hides("Adam's β₂"),
        Setting::config("epsilon", "ε", Kept, number(Range::above(0.0, 1.0)))
            .hides("the ε of RMSProp and Adam"),
        Setting::config("seed", "Seed", Reset, number(ANY_U32)),
        Setting::config("dataSeed", "Data seed", NewData, number(ANY_U32)),
        Setting::config(
            "samples",
            "Samples",
            Regenerated,
            number(Range::whole(MIN_SAMPLES as f64, MAX_SAMPLES as f64)),
        ),
    ]
}

/// The view option rows, in the order the address bar writes them.
fn view_rows() -> Vec<Setting> {
    vec![
        Setting::view(
            "epochsPerFrame",
            "Speed",
            Kind::Number(Range::whole(1.0, MAX_EPOCHS_PER_FRAME as f64).offering(SPEEDS)),
        )
        .hides("the speed (epochs per frame)"),
        Setting::view("showTestData", "Show test data", Kind::Toggle)
            .hides("the show-test-data toggle"),
        Setting::view(
            "gradientLinks",
            "Colour links by the gradient ∂J/∂w instead of the weight",
            Kind::Toggle,
        ),
        Setting::view("discretize", "Discretize output", Kind::Toggle)
            .hides("the discretize toggle"),
        Setting::view(
            "palette",
            "Colour-blind-safe colours",
            Kind::Choice {
                choices: choices(&Palette::ALL, Palette::name, Palette::label),
            },
        )
        .hides("the colour-blind toggle"),
    ]
}

/// `rows` with each default read from `defaults` (an object with every row's key).
fn with_defaults(mut rows: Vec<Setting>, defaults: Value) -> Vec<Setting> {
    for row in &mut rows {
        row.default = defaults
            .get(row.key)
            .cloned()
            .unwrap_or_else(|| panic!("the default has no {}", row.key));
    }
    rows
}

/// Every config setting, in address order.
pub fn settings() -> &'static [Setting] {
    static ROWS: OnceLock<Vec<Setting>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let defaults = serde_json::to_value(Config::default()).expect("the default serialises");
        with_defaults(config_rows(), defaults)
    })
}

/// Every view option, in address order.
pub fn view() -> &'static [Setting] {
    static ROWS: OnceLock<Vec<Setting>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let defaults =
            serde_json::to_value(ViewOptions::default()).expect("the default serialises");
        with_defaults(view_rows(), defaults)
    })
}

/// The config setting called `key`.
pub fn setting(key: &str) -> Option<&'static Setting> {
    settings().iter().find(|setting| setting.key == key)
}

/// The view option called `key`.
pub fn view_option(key: &str) -> Option<&'static Setting> {
    view().iter().find(|setting| setting.key == key)
}

/// Every config key, in address order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    settings().iter().map(|setting| setting.key)
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
}

/// The limits, read from the rows (the weight cap, a rule across settings, from
/// [`MAX_WEIGHTS`]).
pub fn limits() -> Limits {
    let range = |key: &str| {
        *setting(key)
            .and_then(Setting::range)
            .unwrap_or_else(|| panic!("{key} is a number setting"))
    };
    let (max_hidden_layers, max_neurons_per_layer) = match setting("hidden").map(|s| &s.kind) {
        Some(Kind::Counts {
            max_length, max, ..
        }) => (*max_length, *max),
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
    }
}

/// The whole schema as JS reads it (`configSchema()`).
#[derive(Clone, Debug, Serialize)]
pub struct Schema {
    /// The config settings, in address order.
    pub settings: &'static [Setting],
    /// The view options, in address order.
    pub view: &'static [Setting],
    /// The limits.
    pub limits: Limits,
}

/// The schema.
pub fn schema() -> Schema {
    Schema {
        settings: settings(),
        view: view(),
        limits: limits(),
    }
}
