//! A new config applied to a running trainer: validated first (a refusal changes
//! nothing), then doing what its [`Change`] requires.

use super::{own_points, Trainer};
use crate::config::{Change, Config, ConfigError};
use crate::data::own::OwnData;

impl Trainer {
    /// Applies a new config (validated first: on error nothing changes) and reports
    /// what it required.
    pub fn set_config(&mut self, next: Config) -> Result<Change, ConfigError> {
        next.validate()?;
        own_points::check_fit(&self.own, &next)?;
        let change = self.config.change_to(&next);
        // A change closes the open epoch; the losses are then measured again.
        let closes = self.next_batch.is_some() && self.config != next;
        match change {
            Change::Kept => {
                if self.config != next {
                    // A changed setting lets training go on past a reached stopAtLoss.
                    self.loss_stop = None;
                }
                if self.config.optimizer != next.optimizer {
                    // A different rule starts from a clean memory; the weights stay.
                    self.optimizer.clear();
                }
                let loss_changed = self.config.loss != next.loss;
                if self.config.dropout != next.dropout {
                    // The last batch's masks were drawn at the old rates.
                    self.forget_last_batch();
                }
                self.config = next;
                self.divergence = None;
                if loss_changed || closes {
                    // The shown losses follow the new definition at once.
                    self.remeasure();
                }
            }
            Change::NewData => {
                self.config = next;
                self.prepare_points();
                self.remeasure();
            }
            Change::Reset => {
                let inputs_changed = self.config.features != next.features
                    || self.config.custom_features != next.custom_features;
                self.config = next;
                if inputs_changed {
                    self.inputs = self.config.inputs();
                    self.train.compute_inputs(&self.inputs);
                    self.test.compute_inputs(&self.inputs);
                }
                self.reset();
            }
            Change::Regenerated => {
                let own = std::mem::replace(&mut self.own, OwnData::empty(next.problem));
                let edits = std::mem::take(&mut self.edits);
                *self = Trainer::with_own_points(next, own, edits)?;
            }
        }
        Ok(change)
    }
}
