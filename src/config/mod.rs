//! The playground's configuration: every setting a learner can change, its defaults,
//! and validation with messages that name the field and the allowed range.
//!
//! The limits live here, not only in the page: whatever reaches the core (a control,
//! a share link, a script) is checked once, in one place. `schema` is the table of
//! every setting (kind, range or choices, what a change does, its control's words),
//! read by `fields` (setting a field by its JSON name), `validation` and JS; `view`
//! holds the options of how a run is shown. Each field is declared once, with its
//! default, through `settings_struct!` (in `fields`), which also gives by-key access.

pub(crate) mod fields;
pub mod schema;
mod validation;
pub mod view;

use crate::data::dataset::{Dataset, Problem};
use crate::data::features::{Feature, Input};
use crate::learn::objective::Objective;
use crate::learn::optimizer::Optimizer;
use crate::learn::schedule::Schedule;
use crate::math::activation::Activation;
use crate::math::formula::Formula;
use crate::math::loss::Loss;
use crate::math::regularization::Regularization;
use crate::model::initialization::Initialization;
use fields::settings_struct;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The limits every config must respect.
pub mod limits {
    /// Most hidden layers.
    pub const MAX_HIDDEN_LAYERS: usize = 16;
    /// Most neurons in one hidden layer.
    pub const MAX_NEURONS_PER_LAYER: usize = 64;
    /// Most weights in the whole network: what one frame's work grows with, kept to
    /// what the page draws at 30 frames a second or more.
    pub const MAX_WEIGHTS: usize = 50_000;
    /// Fewest generated points.
    pub const MIN_SAMPLES: usize = 10;
    /// Most generated points.
    pub const MAX_SAMPLES: usize = 5000;
    /// Largest mini-batch.
    pub const MAX_BATCH_SIZE: usize = 500;
    /// Largest learning rate.
    pub const MAX_LEARNING_RATE: f64 = 10.0;
    /// Largest regularization rate.
    pub const MAX_REGULARIZATION_RATE: f64 = 10.0;
    /// Longest learning-rate schedule period, in epochs.
    pub const MAX_DECAY_EPOCHS: usize = 100_000;
    /// Largest dropout rate: a layer keeps at least a tenth of its neurons.
    pub const MAX_DROPOUT: f64 = 0.9;
    /// Largest noise, in percent.
    pub const MAX_NOISE: f64 = 50.0;
    /// Smallest and largest share of points used for training, in percent.
    pub const TRAIN_RATIO: (f64, f64) = (10.0, 90.0);
    /// Most epochs one animation frame (and one step) trains.
    pub const MAX_EPOCHS_PER_FRAME: u32 = 100;
    /// Most loss-history rows a snapshot (a lesson file, the kept session) keeps: longer
    /// histories are thinned (every k-th row, and always the first and the last).
    pub const MAX_HISTORY: usize = 20_000;
    /// Most formula features (`customFeatures`).
    pub const MAX_CUSTOM_FEATURES: usize = 8;
    /// Most epochs a run counts: training stops there, and a document (a link's
    /// weights, a lesson file, the kept session) at a later epoch is refused.
    pub const MAX_EPOCH: u32 = 1_000_000_000;
}

/// The formula of the formula dataset until one is written: a wave across the plane.
pub const DEFAULT_DATASET_FORMULA: &str = "x2 - 3 * sin(x1)";

settings_struct! {
    /// Every setting of a playground, each with its default. Field names are camelCase in
    /// JSON and share links, and the fields are in the order the address bar writes them
    /// (the order of the schema's rows).
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields, default)]
    pub struct Config {
        /// Which points to learn.
        pub dataset: Dataset = Dataset::Circle,
        /// Label noise, in percent (0–50).
        pub noise: f64 = 0.0,
        /// Share of points used for training, in percent (10–90); the rest is the test set.
        pub train_ratio: f64 = 50.0,
        /// Samples per gradient step.
        pub batch_size: usize = 10,
        /// α in w ← w − α·∂J/∂w.
        pub learning_rate: f64 = 0.03,
        /// Activation of the hidden layers (those without an entry in `layerActivations`).
        pub activation: Activation = Activation::Tanh,
        /// Per hidden layer, input side first, an activation that replaces `activation`
        /// for that layer; shorter than `hidden` (or empty) leaves the rest on `activation`.
        pub layer_activations: Vec<Activation> = Vec::new(),
        /// Weight penalty.
        pub regularization: Regularization = Regularization::None,
        /// λ, the weight of the penalty in the cost.
        pub regularization_rate: f64 = 0.0,
        /// Per hidden layer, input side first, the dropout rate p (0–0.9): in training
        /// each neuron's output is dropped with probability p and the kept ones scaled by
        /// 1/(1 − p); shorter than `hidden` (or empty) leaves the rest at 0 (no dropout).
        pub dropout: Vec<f64> = Vec::new(),
        /// Neurons in each hidden layer, input side first.
        pub hidden: Vec<usize> = vec![4, 2],
        /// Inputs of the network.
        pub features: Vec<Feature> = vec![Feature::X1, Feature::X2],
        /// Inputs written as formulas over x1 and x2, after `features` (at most
        /// [`limits::MAX_CUSTOM_FEATURES`]; see [`crate::math::formula`]).
        pub custom_features: Vec<String> = Vec::new(),
        /// Classification or regression.
        pub problem: Problem = Problem::Classification,
        /// Number of classes of a classification dataset (2 to 6; see [`Objective`]).
        pub classes: usize = 2,
        /// Per-sample loss.
        pub loss: Loss = Loss::Squared,
        /// How the starting weights are drawn.
        pub initialization: Initialization = Initialization::Uniform,
        /// How the learning rate changes over the epochs.
        pub schedule: Schedule = Schedule::Constant,
        /// γ, the factor the schedule multiplies the learning rate by per period, in (0, 1].
        pub decay_rate: f64 = 0.5,
        /// k, the schedule's period in epochs.
        pub decay_epochs: u32 = 100,
        /// Training stops after this many epochs; 0 for never.
        pub stop_after: u32 = 0,
        /// Training stops once the mean training loss is at or below this; 0 for never.
        pub stop_at_loss: f64 = 0.0,
        /// How gradients become steps.
        pub optimizer: Optimizer = Optimizer::Sgd,
        /// μ of momentum and Nesterov, in [0, 1).
        pub momentum: f64 = 0.9,
        /// ρ of RMSProp, in [0, 1).
        pub rms_decay: f64 = 0.9,
        /// β₁ of Adam, in [0, 1).
        pub beta1: f64 = 0.9,
        /// β₂ of Adam, in [0, 1).
        pub beta2: f64 = 0.999,
        /// ε of RMSProp and Adam, in (0, 1].
        pub epsilon: f64 = 1e-8,
        /// Seed of the starting weights and of the shuffling.
        pub seed: u32 = 1,
        /// Seed of the generated points.
        pub data_seed: u32 = 1,
        /// Number of generated points.
        pub samples: usize = 500,
        /// f(x1, x2) of the formula dataset: its sign (or its level, for more classes)
        /// is the class, or its value the target (see [`crate::data::formula_dataset`]).
        pub dataset_formula: String = DEFAULT_DATASET_FORMULA.to_string(),
    }
}

/// A refused setting: which field, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The camelCase name of the field.
    pub field: String,
    /// A readable explanation that names the field and what is allowed.
    pub message: String,
}

impl ConfigError {
    /// An error in `field`, explained by `message`.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        ConfigError {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

/// What a config change requires of a running playground.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Only training settings changed: network, data and epoch stay.
    Kept,
    /// Only the data seed changed: new points, the same network and epoch.
    NewData,
    /// The network's shape or seed changed: new starting weights, epoch 0.
    Reset,
    /// The data changed: new points and new starting weights, epoch 0.
    Regenerated,
}

impl Change {
    /// The name JS sees.
    pub fn name(self) -> &'static str {
        match self {
            Change::Kept => "kept",
            Change::NewData => "newData",
            Change::Reset => "reset",
            Change::Regenerated => "regenerated",
        }
    }
}

impl Config {
    /// The problem, classes and loss taken together: what the output layer does.
    pub fn objective(&self) -> Objective {
        Objective {
            problem: self.problem,
            classes: self.classes,
            loss: self.loss,
        }
    }

    /// The activation of hidden layer `layer` (0 is the first after the inputs).
    pub fn hidden_activation(&self, layer: usize) -> Activation {
        self.layer_activations
            .get(layer)
            .copied()
            .unwrap_or(self.activation)
    }

    /// The activation of every hidden layer, input side first.
    pub fn hidden_activations(&self) -> Vec<Activation> {
        (0..self.hidden.len())
            .map(|layer| self.hidden_activation(layer))
            .collect()
    }

    /// The dropout rate of every layer, input side first, as the trainer uses it: the
    /// hidden layers' rates (0 where `dropout` gives none), then 0 for the output layer.
    pub fn dropout_rates(&self) -> Vec<f32> {
        (0..=self.hidden.len())
            .map(|layer| self.dropout.get(layer).map_or(0.0, |&rate| rate as f32))
            .collect()
    }

    /// The network's inputs: `features`, then `customFeatures` parsed (a formula that
    /// does not parse, which a validated config has none of, is left out).
    pub fn inputs(&self) -> Vec<Input> {
        let features = self.features.iter().copied().map(Input::Feature);
        let formulas = self
            .custom_features
            .iter()
            .filter_map(|text| Formula::parse(text).ok())
            .map(Input::Formula);
        features.chain(formulas).collect()
    }

    /// How many inputs the network has: `features` and `customFeatures`.
    pub fn input_count(&self) -> usize {
        self.features.len() + self.custom_features.len()
    }

    /// The dataset formula, parsed (`None` if it does not parse).
    pub fn dataset_formula(&self) -> Option<Formula> {
        Formula::parse(&self.dataset_formula).ok()
    }

    /// Number of weights (biases not counted) of the network this config builds.
    pub fn weight_count(&self) -> usize {
        let mut previous = self.input_count();
        let mut total = 0;
        let outputs = self.objective().output_count();
        for &neurons in self.hidden.iter().chain(std::iter::once(&outputs)) {
            total += previous * neurons;
            previous = neurons;
        }
        total
    }

    /// What moving from `self` to `next` requires of a running playground.
    ///
    /// Own points are not generated: the generator's settings (samples, noise, train
    /// ratio, data seed) leave them as they are.
    pub fn change_to(&self, next: &Config) -> Change {
        let classes_matter = next.problem == Problem::Classification;
        let generated = next.dataset != Dataset::Own;
        let formula_changed =
            next.dataset == Dataset::Formula && self.dataset_formula != next.dataset_formula;
        let data_changed = self.dataset != next.dataset
            || formula_changed
            || self.problem != next.problem
            || (classes_matter && self.classes != next.classes)
            || (generated
                && (self.noise != next.noise
                    || self.train_ratio != next.train_ratio
                    || self.samples != next.samples));
        let network_changed = self.hidden != next.hidden
            || self.initialization != next.initialization
            || self.hidden_activations() != next.hidden_activations()
            || self.objective().output_activation() != next.objective().output_activation()
            || self.objective().output_count() != next.objective().output_count()
            || self.features != next.features
            || self.custom_features != next.custom_features
            || self.seed != next.seed;
        if data_changed {
            Change::Regenerated
        } else if network_changed {
            Change::Reset
        } else if generated && self.data_seed != next.data_seed {
            Change::NewData
        } else {
            Change::Kept
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid() {
        Config::default().validate().unwrap();
    }

    #[test]
    fn change_kinds() {
        let base = Config::default();
        let mut next = base.clone();
        next.learning_rate = 0.1;
        assert_eq!(base.change_to(&next), Change::Kept);
        next.dropout = vec![0.5];
        assert_eq!(
            base.change_to(&next),
            Change::Kept,
            "dropout is a training setting"
        );
        next.data_seed = 7;
        assert_eq!(base.change_to(&next), Change::NewData);
        next.hidden = vec![3];
        assert_eq!(base.change_to(&next), Change::Reset);
        next.noise = 10.0;
        assert_eq!(base.change_to(&next), Change::Regenerated);
    }

    #[test]
    fn losses_and_activations_that_change_the_network() {
        let base = Config::default();
        let mut next = base.clone();
        next.loss = Loss::Huber;
        assert_eq!(base.change_to(&next), Change::Kept, "same tanh output");
        next.loss = Loss::BinaryCrossEntropy;
        assert_eq!(base.change_to(&next), Change::Reset, "sigmoid output");
        let mut next = base.clone();
        next.layer_activations = vec![Activation::Tanh];
        assert_eq!(base.change_to(&next), Change::Kept, "same activations");
        next.layer_activations = vec![Activation::Tanh, Activation::Relu];
        assert_eq!(base.change_to(&next), Change::Reset);
        assert_eq!(
            next.hidden_activations(),
            [Activation::Tanh, Activation::Relu]
        );
    }
}
