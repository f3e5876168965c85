//! Checking a config against the limits, with messages that name the field and what
//! it accepts.

use super::{limits, Config, ConfigError};
use crate::data::dataset::Problem;

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
        let classification = self.problem == Problem::Classification;
        let classes_in_range = (2..=crate::data::dataset::MAX_CLASSES).contains(&self.classes);
        let most = self.dataset.max_classes();
        if classification && classes_in_range && self.classes > most {
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
        // The objective names what is wrong: classes out of range, or a loss that does
        // not fit.
        let field = if classification && !classes_in_range {
            "classes"
        } else {
            "loss"
        };
        self.objective()
            .check()
            .map_err(|message| ConfigError::new(field, message))
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
}
