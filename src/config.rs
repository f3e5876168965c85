//! The playground's configuration: every setting a learner can change, its defaults,
//! and validation with messages that name the field and the allowed range.
//!
//! The limits live here, not only in the page: whatever reaches the core (a control,
//! a share link, a script) is checked once, in one place.

use crate::activation::Activation;
use crate::dataset::{Dataset, Problem};
use crate::features::Feature;
use crate::initialization::Initialization;
use crate::loss::Loss;
use crate::objective::Objective;
use crate::optimizer::Optimizer;
use crate::regularization::Regularization;
use crate::schedule::Schedule;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// The limits every config must respect.
pub mod limits {
    /// Most hidden layers.
    pub const MAX_HIDDEN_LAYERS: usize = 10;
    /// Most neurons in one hidden layer.
    pub const MAX_NEURONS_PER_LAYER: usize = 64;
    /// Most weights in the whole network: what one frame's work grows with, kept to
    /// what the page draws at 30 frames a second or more.
    pub const MAX_WEIGHTS: usize = 10_000;
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
    /// Largest noise, in percent.
    pub const MAX_NOISE: f64 = 50.0;
    /// Smallest and largest share of points used for training, in percent.
    pub const TRAIN_RATIO: (f64, f64) = (10.0, 90.0);
}

/// Every setting of a playground. Field names are camelCase in JSON and share links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    /// Which points to learn.
    pub dataset: Dataset,
    /// Classification or regression.
    pub problem: Problem,
    /// Number of classes of a classification dataset (2 to 6; see [`Objective`]).
    pub classes: usize,
    /// Label noise, in percent (0–50).
    pub noise: f64,
    /// Share of points used for training, in percent (10–90); the rest is the test set.
    pub train_ratio: f64,
    /// Number of generated points.
    pub samples: usize,
    /// Samples per gradient step.
    pub batch_size: usize,
    /// α in w ← w − α·∂J/∂w.
    pub learning_rate: f64,
    /// Activation of the hidden layers (those without an entry in `layerActivations`).
    pub activation: Activation,
    /// Per hidden layer, input side first, an activation that replaces `activation`
    /// for that layer; shorter than `hidden` (or empty) leaves the rest on `activation`.
    pub layer_activations: Vec<Activation>,
    /// Weight penalty.
    pub regularization: Regularization,
    /// λ, the weight of the penalty in the cost.
    pub regularization_rate: f64,
    /// Neurons in each hidden layer, input side first.
    pub hidden: Vec<usize>,
    /// Inputs of the network.
    pub features: Vec<Feature>,
    /// Per-sample loss.
    pub loss: Loss,
    /// How the starting weights are drawn.
    pub initialization: Initialization,
    /// How the learning rate changes over the epochs.
    pub schedule: Schedule,
    /// γ, the factor the schedule multiplies the learning rate by per period, in (0, 1].
    pub decay_rate: f64,
    /// k, the schedule's period in epochs.
    pub decay_epochs: u32,
    /// Training stops after this many epochs; 0 for never.
    pub stop_after: u32,
    /// How gradients become steps.
    pub optimizer: Optimizer,
    /// μ of momentum and Nesterov, in [0, 1).
    pub momentum: f64,
    /// ρ of RMSProp, in [0, 1).
    pub rms_decay: f64,
    /// β₁ of Adam, in [0, 1).
    pub beta1: f64,
    /// β₂ of Adam, in [0, 1).
    pub beta2: f64,
    /// ε of RMSProp and Adam, in (0, 1].
    pub epsilon: f64,
    /// Seed of the starting weights and of the shuffling.
    pub seed: u32,
    /// Seed of the generated points.
    pub data_seed: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dataset: Dataset::Circle,
            problem: Problem::Classification,
            classes: 2,
            noise: 0.0,
            train_ratio: 50.0,
            samples: 500,
            batch_size: 10,
            learning_rate: 0.03,
            activation: Activation::Tanh,
            layer_activations: Vec::new(),
            regularization: Regularization::None,
            regularization_rate: 0.0,
            hidden: vec![4, 2],
            features: vec![Feature::X1, Feature::X2],
            loss: Loss::Squared,
            initialization: Initialization::Uniform,
            schedule: Schedule::Constant,
            decay_rate: 0.5,
            decay_epochs: 100,
            stop_after: 0,
            optimizer: Optimizer::Sgd,
            momentum: 0.9,
            rms_decay: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            seed: 1,
            data_seed: 1,
        }
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
    fn new(field: &str, message: impl Into<String>) -> Self {
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

fn check_range(field: &str, value: f64, low: f64, high: f64) -> Result<(), ConfigError> {
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(ConfigError::new(
            field,
            format!("{field} must be between {low} and {high}, got {value}"),
        ))
    }
}

fn check_count(field: &str, value: usize, low: usize, high: usize) -> Result<(), ConfigError> {
    if (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(ConfigError::new(
            field,
            format!("{field} must be a whole number from {low} to {high}, got {value}"),
        ))
    }
}

impl Config {
    /// Checks every field against the limits.
    pub fn validate(&self) -> Result<(), ConfigError> {
        use limits::*;
        if self.dataset.problem() != self.problem {
            return Err(ConfigError::new(
                "dataset",
                format!(
                    "dataset {} is a {} dataset, but problem is {}",
                    self.dataset.name(),
                    self.dataset.problem().name(),
                    self.problem.name()
                ),
            ));
        }
        self.validate_objective()?;
        self.validate_activations()?;
        check_range("noise", self.noise, 0.0, MAX_NOISE)?;
        check_range("trainRatio", self.train_ratio, TRAIN_RATIO.0, TRAIN_RATIO.1)?;
        check_count("samples", self.samples, MIN_SAMPLES, MAX_SAMPLES)?;
        check_count("batchSize", self.batch_size, 1, MAX_BATCH_SIZE)?;
        if !(self.learning_rate > 0.0 && self.learning_rate <= MAX_LEARNING_RATE) {
            return Err(ConfigError::new(
                "learningRate",
                format!(
                    "learningRate must be greater than 0 and at most {MAX_LEARNING_RATE}, got {}",
                    self.learning_rate
                ),
            ));
        }
        check_range(
            "regularizationRate",
            self.regularization_rate,
            0.0,
            MAX_REGULARIZATION_RATE,
        )?;
        if self.hidden.len() > MAX_HIDDEN_LAYERS {
            return Err(ConfigError::new(
                "hidden",
                format!(
                    "hidden allows at most {MAX_HIDDEN_LAYERS} layers, got {}",
                    self.hidden.len()
                ),
            ));
        }
        for (layer, &neurons) in self.hidden.iter().enumerate() {
            if !(1..=MAX_NEURONS_PER_LAYER).contains(&neurons) {
                return Err(ConfigError::new(
                    "hidden",
                    format!(
                        "hidden layer {} must have 1 to {MAX_NEURONS_PER_LAYER} neurons, got {neurons}",
                        layer + 1
                    ),
                ));
            }
        }
        for (field, value) in [
            ("momentum", self.momentum),
            ("rmsDecay", self.rms_decay),
            ("beta1", self.beta1),
            ("beta2", self.beta2),
        ] {
            if !(0.0..1.0).contains(&value) {
                return Err(ConfigError::new(
                    field,
                    format!("{field} must be at least 0 and below 1, got {value}"),
                ));
            }
        }
        if !(self.decay_rate > 0.0 && self.decay_rate <= 1.0) {
            return Err(ConfigError::new(
                "decayRate",
                format!(
                    "decayRate must be greater than 0 and at most 1, got {}",
                    self.decay_rate
                ),
            ));
        }
        check_count(
            "decayEpochs",
            self.decay_epochs as usize,
            1,
            MAX_DECAY_EPOCHS,
        )?;
        if !(self.epsilon > 0.0 && self.epsilon <= 1.0) {
            return Err(ConfigError::new(
                "epsilon",
                format!(
                    "epsilon must be greater than 0 and at most 1, got {}",
                    self.epsilon
                ),
            ));
        }
        let weights = self.weight_count();
        if weights > MAX_WEIGHTS {
            return Err(ConfigError::new(
                "hidden",
                format!(
                    "hidden layers {:?} with {} inputs make {weights} weights; the most is \
                     {MAX_WEIGHTS}: use fewer or narrower layers",
                    self.hidden,
                    self.features.len()
                ),
            ));
        }
        if self.features.is_empty() {
            return Err(ConfigError::new(
                "features",
                "features must name at least one input",
            ));
        }
        for (index, feature) in self.features.iter().enumerate() {
            if self.features[..index].contains(feature) {
                return Err(ConfigError::new(
                    "features",
                    format!("features lists {} twice", feature.name()),
                ));
            }
        }
        Ok(())
    }

    fn validate_objective(&self) -> Result<(), ConfigError> {
        let objective = self.objective();
        if self.problem == Problem::Classification {
            let most = self.dataset.max_classes();
            if !(2..=crate::dataset::MAX_CLASSES).contains(&self.classes) {
                return Err(ConfigError::new("classes", objective.check().unwrap_err()));
            }
            if self.classes > most {
                return Err(ConfigError::new(
                    "classes",
                    format!(
                        "dataset {} has {most} classes, got classes {}: pick circle, gauss \
                         or spiral for more",
                        self.dataset.name(),
                        self.classes
                    ),
                ));
            }
        }
        objective
            .check()
            .map_err(|message| ConfigError::new("loss", message))
    }

    fn validate_activations(&self) -> Result<(), ConfigError> {
        if !self.activation.is_elementwise() {
            return Err(ConfigError::new(
                "activation",
                "activation softmax only fits the output layer: pick another for the hidden layers",
            ));
        }
        if self.layer_activations.len() > self.hidden.len() {
            return Err(ConfigError::new(
                "layerActivations",
                format!(
                    "layerActivations has {} entries, but there are {} hidden layers",
                    self.layer_activations.len(),
                    self.hidden.len()
                ),
            ));
        }
        if let Some(layer) = self
            .layer_activations
            .iter()
            .position(|a| !a.is_elementwise())
        {
            return Err(ConfigError::new(
                "layerActivations",
                format!(
                    "layerActivations: hidden layer {} uses softmax, which only fits the output layer",
                    layer + 1
                ),
            ));
        }
        Ok(())
    }

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

    /// Number of weights (biases not counted) of the network this config builds.
    pub fn weight_count(&self) -> usize {
        let mut previous = self.features.len();
        let mut total = 0;
        let outputs = self.objective().output_count();
        for &neurons in self.hidden.iter().chain(std::iter::once(&outputs)) {
            total += previous * neurons;
            previous = neurons;
        }
        total
    }

    /// Sets one field from any serde value (a JS value, a JSON value, …) without
    /// validating ranges; an unknown key or a value of the wrong kind is refused with
    /// a message naming the key.
    pub fn set_field<'de, D: Deserializer<'de>>(
        &mut self,
        key: &str,
        value: D,
    ) -> Result<(), ConfigError> {
        fn parse<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
            key: &str,
            value: D,
        ) -> Result<T, ConfigError> {
            T::deserialize(value)
                .map_err(|_| ConfigError::new(key, format!("{key} must be {}", expectation(key))))
        }
        match key {
            "dataset" => self.dataset = parse(key, value)?,
            "problem" => self.problem = parse(key, value)?,
            "classes" => self.classes = parse(key, value)?,
            "noise" => self.noise = parse(key, value)?,
            "trainRatio" => self.train_ratio = parse(key, value)?,
            "samples" => self.samples = parse(key, value)?,
            "batchSize" => self.batch_size = parse(key, value)?,
            "learningRate" => self.learning_rate = parse(key, value)?,
            "activation" => self.activation = parse(key, value)?,
            "layerActivations" => self.layer_activations = parse(key, value)?,
            "regularization" => self.regularization = parse(key, value)?,
            "regularizationRate" => self.regularization_rate = parse(key, value)?,
            "hidden" => self.hidden = parse(key, value)?,
            "features" => self.features = parse(key, value)?,
            "loss" => self.loss = parse(key, value)?,
            "initialization" => self.initialization = parse(key, value)?,
            "schedule" => self.schedule = parse(key, value)?,
            "decayRate" => self.decay_rate = parse(key, value)?,
            "decayEpochs" => self.decay_epochs = parse(key, value)?,
            "stopAfter" => self.stop_after = parse(key, value)?,
            "optimizer" => self.optimizer = parse(key, value)?,
            "momentum" => self.momentum = parse(key, value)?,
            "rmsDecay" => self.rms_decay = parse(key, value)?,
            "beta1" => self.beta1 = parse(key, value)?,
            "beta2" => self.beta2 = parse(key, value)?,
            "epsilon" => self.epsilon = parse(key, value)?,
            "seed" => self.seed = parse(key, value)?,
            "dataSeed" => self.data_seed = parse(key, value)?,
            _ => {
                return Err(ConfigError::new(
                    key,
                    format!(
                        "unknown setting {key:?}: known settings are {}",
                        KEYS.join(", ")
                    ),
                ))
            }
        }
        Ok(())
    }

    /// What moving from `self` to `next` requires of a running playground.
    pub fn change_to(&self, next: &Config) -> Change {
        let classes_matter = next.problem == Problem::Classification;
        let data_changed = self.dataset != next.dataset
            || self.problem != next.problem
            || (classes_matter && self.classes != next.classes)
            || self.noise != next.noise
            || self.train_ratio != next.train_ratio
            || self.samples != next.samples;
        let network_changed = self.hidden != next.hidden
            || self.initialization != next.initialization
            || self.hidden_activations() != next.hidden_activations()
            || self.objective().output_activation() != next.objective().output_activation()
            || self.objective().output_count() != next.objective().output_count()
            || self.features != next.features
            || self.seed != next.seed;
        if data_changed {
            Change::Regenerated
        } else if network_changed {
            Change::Reset
        } else if self.data_seed != next.data_seed {
            Change::NewData
        } else {
            Change::Kept
        }
    }
}

/// What a setting accepts, in words, for messages about values of the wrong kind.
fn expectation(key: &str) -> String {
    fn one_of(names: impl Iterator<Item = &'static str>) -> String {
        format!("one of {}", names.collect::<Vec<_>>().join(", "))
    }
    use limits::*;
    match key {
        "dataset" => one_of(Dataset::ALL.iter().map(|d| d.name())),
        "problem" => "classification or regression".to_string(),
        "classes" => format!("a whole number from 2 to {}", crate::dataset::MAX_CLASSES),
        "noise" => format!("a number from 0 to {MAX_NOISE}"),
        "trainRatio" => format!("a number from {} to {}", TRAIN_RATIO.0, TRAIN_RATIO.1),
        "samples" => format!("a whole number from {MIN_SAMPLES} to {MAX_SAMPLES}"),
        "batchSize" => format!("a whole number from 1 to {MAX_BATCH_SIZE}"),
        "learningRate" => format!("a number greater than 0 and at most {MAX_LEARNING_RATE}"),
        "activation" => one_of(Activation::ALL.iter().map(|a| a.name())),
        "layerActivations" => format!(
            "a list of activations, one per hidden layer, each {}",
            one_of(Activation::ALL.iter().map(|a| a.name()))
        ),
        "regularization" => one_of(Regularization::ALL.iter().map(|r| r.name())),
        "regularizationRate" => format!("a number from 0 to {MAX_REGULARIZATION_RATE}"),
        "hidden" => format!(
            "a list of at most {MAX_HIDDEN_LAYERS} neuron counts, each from 1 to {MAX_NEURONS_PER_LAYER}"
        ),
        "features" => format!(
            "a list of inputs, each {}",
            one_of(Feature::ALL.iter().map(|f| f.name()))
        ),
        "loss" => one_of(Loss::ALL.iter().map(|l| l.name())),
        "optimizer" => one_of(Optimizer::ALL.iter().map(|o| o.name())),
        "initialization" => one_of(Initialization::ALL.iter().map(|i| i.name())),
        "schedule" => one_of(Schedule::ALL.iter().map(|s| s.name())),
        "decayRate" => "a number greater than 0 and at most 1".to_string(),
        "decayEpochs" => format!("a whole number from 1 to {MAX_DECAY_EPOCHS}"),
        "stopAfter" => "a whole number of epochs (0: never stop)".to_string(),
        "momentum" | "rmsDecay" | "beta1" | "beta2" => "a number from 0 up to (not including) 1".to_string(),
        "epsilon" => "a number greater than 0 and at most 1".to_string(),
        _ => "a whole number from 0 to 4294967295".to_string(),
    }
}

/// Every config key, as JSON and share links spell it.
pub const KEYS: [&str; 28] = [
    "dataset",
    "problem",
    "classes",
    "noise",
    "trainRatio",
    "samples",
    "batchSize",
    "learningRate",
    "activation",
    "layerActivations",
    "regularization",
    "regularizationRate",
    "hidden",
    "features",
    "loss",
    "initialization",
    "schedule",
    "decayRate",
    "decayEpochs",
    "stopAfter",
    "optimizer",
    "momentum",
    "rmsDecay",
    "beta1",
    "beta2",
    "epsilon",
    "seed",
    "dataSeed",
];

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
