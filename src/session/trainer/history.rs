//! The loss history: the training and test losses at epoch 0 and after each stretch of
//! training, and the evaluations shown until the next one.

use super::evaluation::Evaluation;
use super::Trainer;

/// One row of the loss history.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistoryEntry {
    /// Epochs trained when the losses were measured.
    pub epoch: u32,
    /// Mean training loss.
    pub train_loss: f32,
    /// Mean test loss.
    pub test_loss: f32,
}

impl Trainer {
    /// The losses at epoch 0 and after every `train_epochs` call and every epoch that
    /// `train_batches` completed since.
    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }

    /// Measures the training and test losses of the network as it is and records them.
    pub(super) fn record_losses(&mut self) {
        let losses = (self.evaluate(true), self.evaluate(false));
        self.record(losses);
    }

    /// Shows the training and test evaluations and adds their losses to the history.
    pub(super) fn record(&mut self, (train, test): (Evaluation, Evaluation)) {
        self.train_evaluation = train;
        self.test_evaluation = test;
        self.history.push(HistoryEntry {
            epoch: self.epoch,
            train_loss: self.train_evaluation.loss,
            test_loss: self.test_evaluation.loss,
        });
    }

    /// Re-measures the losses for the current weights (replacing the last history row)
    /// after the weights or the data changed; a reached `stopAtLoss` no longer holds.
    pub(super) fn remeasure(&mut self) {
        self.close_open_epoch();
        self.loss_stop = None;
        self.history.pop();
        self.record_losses();
    }
}
