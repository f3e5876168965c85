//! The settings each step uses, read from the config as the trainer uses them (the
//! f32s the schema's `used_as` marks), and one optimizer step taken by hand.

use super::Trainer;
use crate::learn::optimizer::{OptimizerSettings, StepPreview};
use crate::learn::training::StepSettings;

impl Trainer {
    /// The learning rate of the next epoch, after the schedule.
    pub fn current_learning_rate(&self) -> f64 {
        let config = &self.config;
        config.schedule.rate(
            config.learning_rate,
            config.decay_rate,
            config.decay_epochs,
            self.epoch,
        )
    }

    pub(super) fn optimizer_settings(&self) -> OptimizerSettings {
        let config = &self.config;
        OptimizerSettings {
            optimizer: config.optimizer,
            learning_rate: self.current_learning_rate() as f32,
            momentum: config.momentum as f32,
            rms_decay: config.rms_decay as f32,
            beta1: config.beta1 as f32,
            beta2: config.beta2 as f32,
            epsilon: config.epsilon as f32,
        }
    }

    pub(crate) fn step_settings(&self) -> StepSettings {
        StepSettings {
            objective: self.config.objective(),
            regularization: self.config.regularization,
            regularization_rate: self.config.regularization_rate as f32,
            learning_rate: self.config.learning_rate as f32,
        }
    }

    /// One optimizer step with `gradient`, then the losses re-measured (the last
    /// history row replaced).
    pub(crate) fn apply_step(&mut self, gradient: &[f32]) {
        let settings = self.optimizer_settings();
        self.optimizer
            .step(self.network.parameters_mut(), gradient, &settings);
        self.remeasure();
    }

    /// The step [`Trainer::apply_step`] would take with `gradient`, and the settings it
    /// would use; nothing changes.
    pub(crate) fn preview_step(&self, gradient: &[f32]) -> (StepPreview, OptimizerSettings) {
        let settings = self.optimizer_settings();
        (self.optimizer.preview(gradient, &settings), settings)
    }
}
