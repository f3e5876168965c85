//! Setting one config field by its JSON name from any serde value, with a message that
//! says what the field accepts when the value is of the wrong kind.

use super::{limits, Config, ConfigError, KEYS};
use crate::data::dataset::Dataset;
use crate::data::features::Feature;
use crate::learn::optimizer::Optimizer;
use crate::learn::schedule::Schedule;
use crate::math::activation::Activation;
use crate::math::loss::Loss;
use crate::math::regularization::Regularization;
use crate::model::initialization::Initialization;
use serde::{Deserialize, Deserializer};

impl Config {
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
        "classes" => format!("a whole number from 2 to {}", crate::data::dataset::MAX_CLASSES),
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
