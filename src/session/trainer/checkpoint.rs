//! The checkpoint: the last state whose losses were measured, kept while training goes
//! on, and the judgement at the end of a stretch of training, which keeps the training
//! or, after a divergence, goes back to the checkpoint and says why.

use super::evaluation::Evaluation;
use super::Trainer;
use crate::session::divergence::explain_divergence;
use crate::session::health::layer_health;

impl Trainer {
    /// Remembers the network, the optimizer's memory and the shuffling as they are (a
    /// state whose losses are measured), to roll back to if training diverges.
    pub(super) fn checkpoint(&mut self) {
        self.last_finite.clear();
        self.last_finite
            .extend_from_slice(self.network.parameters());
        self.optimizer_at_start.clone_from(&self.optimizer);
        self.shuffle_at_start.clone_from(&self.shuffle_rng);
        self.dropout_at_start.clone_from(&self.dropout_rng);
        self.checkpoint_epoch = self.epoch;
    }

    /// Ends a stretch of training: measures the losses and adds them to the history, or,
    /// if the training `diverged` or the losses are not finite, goes back to the
    /// checkpoint and says why. Returns whether the training is kept.
    pub(super) fn conclude(&mut self, diverged: bool) -> bool {
        let measured = (!diverged).then(|| (self.evaluate(true), self.evaluate(false)));
        self.judge(measured)
    }

    /// [`Trainer::conclude`] with the training and test evaluations of the trained
    /// network, measured (`None`: the training diverged).
    pub(super) fn judge(&mut self, measured: Option<(Evaluation, Evaluation)>) -> bool {
        let mut diverged = measured.is_none();
        let failing_epoch = self.epoch + u32::from(diverged);
        let loss_before = self.train_loss();
        if let Some(losses) = measured {
            self.record(losses);
            // An empty test set has no loss (NaN) without anything having diverged.
            let test_fine = self.test_loss().is_finite() || self.test.points.is_empty();
            if !(self.train_loss().is_finite() && test_fine) {
                diverged = true;
                self.history.pop();
            }
        }
        if diverged {
            self.roll_back(failing_epoch);
            return false;
        }
        self.check_stops(loss_before);
        true
    }

    /// Goes back to the checkpoint after training diverged at `failing_epoch`: the
    /// network, the optimizer's memory, the shuffling and the epoch; the open epoch is
    /// dropped and [`Trainer::divergence`] says why, from the health of the network at
    /// the start of the epoch that diverged.
    fn roll_back(&mut self, failing_epoch: u32) {
        // The health of the last finite network names the likely cause.
        self.network
            .parameters_mut()
            .copy_from_slice(&self.epoch_start);
        let health = layer_health(
            &self.network,
            &self.train.inputs,
            &self.train.labels,
            &self.step_settings(),
        );
        self.network
            .parameters_mut()
            .copy_from_slice(&self.last_finite);
        // A diverged step leaves NaN or ±∞ in the optimizer's memory: back with the weights.
        std::mem::swap(&mut self.optimizer, &mut self.optimizer_at_start);
        std::mem::swap(&mut self.shuffle_rng, &mut self.shuffle_at_start);
        std::mem::swap(&mut self.dropout_rng, &mut self.dropout_at_start);
        self.forget_last_batch();
        self.epoch = self.checkpoint_epoch;
        self.next_batch = None;
        self.loss_stop = None;
        self.divergence = Some(explain_divergence(failing_epoch, &self.config, &health));
        self.train_evaluation = self.evaluate(true);
        self.test_evaluation = self.evaluate(false);
    }
}
