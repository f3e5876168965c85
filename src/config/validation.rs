//! Checking a config against the limits, with messages that name the field and what
//! it accepts. The range of each setting comes from its schema row; the rules across
//! settings (the dataset fits the problem, the loss fits the objective, softmax only in
//! the output layer, no more per-layer activations or dropout rates than layers, the weight cap,
//! distinct features) are written out here.

use super::limits::MAX_WEIGHTS;
use super::{schema, Config, ConfigError};
use crate::data::dataset::Problem;

impl Config {
    /// Checks every field against the limits: first each setting against its row of
    /// the schema (ranges of numbers, and of the f32 the trainer makes of one it uses
    /// in single precision; the hidden layers' counts), then the rules that tie
    /// settings together.
    pub fn validate(&self) -> Result<(), ConfigError> {
        schema::check_rows(self, schema::settings())?;
        if let Some(problem) = self.dataset.problem().filter(|&p| p != self.problem) {
            return Err(ConfigError::new(
                "dataset",
                format!(
                    "dataset {} is a {} dataset, but problem is {}",
                    self.dataset.name(),
                    problem.name(),
                    self.problem.name()
                ),
            ));
        }
        self.validate_objective()?;
        self.validate_activations()?;
        self.at_most_one_per_layer("dropout", "gives", self.dropout.len(), "rate")?;
        let weights = self.weight_count();
        if weights > MAX_WEIGHTS {
            return Err(ConfigError::new(
                "hidden",
                format!(
                    "hidden layers {:?} with {} inputs make {weights} weights; the most is \
                     {MAX_WEIGHTS}: use fewer or narrower layers",
                    self.hidden,
                    self.input_count()
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

    /// The classes fit the dataset and the loss fits the problem and the classes (the
    /// classes' own range is checked before, by the schema).
    fn validate_objective(&self) -> Result<(), ConfigError> {
        let most = self.dataset.max_classes();
        if self.problem == Problem::Classification && self.classes > most {
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
        self.objective()
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
        self.at_most_one_per_layer(
            "layerActivations",
            "names",
            self.layer_activations.len(),
            "activation",
        )?;
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

impl Config {
    /// Refuses a per-layer list (`key`, of `length` `thing`s) longer than the hidden layers:
    /// "dropout gives 3 rates for 2 hidden layers: give at most one per hidden layer".
    fn at_most_one_per_layer(
        &self,
        key: &str,
        verb: &str,
        length: usize,
        thing: &str,
    ) -> Result<(), ConfigError> {
        if length <= self.hidden.len() {
            return Ok(());
        }
        Err(ConfigError::new(
            key,
            format!(
                "{key} {verb} {} for {}: give at most one per hidden layer",
                counted(length, thing),
                counted(self.hidden.len(), "hidden layer")
            ),
        ))
    }
}

/// `count` and `thing`, plural when it is not one ("1 activation", "0 hidden layers").
fn counted(count: usize, thing: &str) -> String {
    if count == 1 {
        format!("1 {thing}")
    } else {
        format!("{count} {thing}s")
    }
}
