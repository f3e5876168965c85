//! When training stops by itself: at `stopAfter` epochs (never past [`MAX_EPOCH`]), once
//! the training loss reaches `stopAtLoss`, when a relu layer died, or with no training
//! points; and the words the page shows for why.

use super::Trainer;
use crate::config::limits::MAX_EPOCH;

/// Why training stopped by itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Stop {
    /// The epoch at which the training loss first reached `stopAtLoss`, and that loss.
    Loss { epoch: u32, loss: f32 },
    /// Every neuron of hidden layer `layer` (0 is the first) outputs 0 for every
    /// training point: no gradient flows back through it, so nothing can change.
    Dead { epoch: u32, layer: usize },
}

impl Trainer {
    /// Whether training has stopped: `stopAfter` epochs (or [`MAX_EPOCH`]) are trained,
    /// the training loss reached `stopAtLoss`, or a relu layer died (the last two until
    /// a setting or the weights change), or there are no training points.
    pub fn finished(&self) -> bool {
        self.loss_stop.is_some() || self.reached_last_epoch() || self.train.points.is_empty()
    }

    /// The epoch training stops at: `stopAfter` when it is set, never past [`MAX_EPOCH`].
    pub(super) fn last_epoch(&self) -> u32 {
        match self.config.stop_after {
            0 => MAX_EPOCH,
            stop_after => stop_after.min(MAX_EPOCH),
        }
    }

    fn reached_last_epoch(&self) -> bool {
        self.epoch >= self.last_epoch()
    }

    /// Why training stopped, in the words the page shows, or `None` while it may go on.
    pub fn stop_reason(&self) -> Option<String> {
        if self.train.points.is_empty() {
            return Some(
                "There are no training points: draw some, load a CSV, or choose a dataset."
                    .to_string(),
            );
        }
        match self.loss_stop {
            Some(Stop::Loss { epoch, loss }) => {
                return Some(format!(
                    "Training stopped at epoch {epoch}: the training loss {} reached the \
                     stop-at-loss threshold {}; lower it, or set it to 0 to train on.",
                    short_loss(loss),
                    self.config.stop_at_loss
                ));
            }
            Some(Stop::Dead { epoch, layer }) => {
                return Some(format!(
                    "Training stopped at epoch {epoch}: every neuron of hidden layer {} is \
                     dead — its relu gives 0 for every training point, so no gradient flows \
                     back through it and the network cannot learn any more. Press reset and \
                     try a smaller learning rate, or leaky relu or elu, whose gradient never \
                     vanishes.",
                    layer + 1
                ));
            }
            None => {}
        }
        self.reached_last_epoch().then(|| {
            if self.config.stop_after == self.last_epoch() {
                format!(
                    "Training stopped after {} epochs, as \"stop after\" asks: raise it, or \
                     set it to 0 to train on.",
                    self.epoch
                )
            } else {
                format!(
                    "Training stopped at epoch {MAX_EPOCH}, the most epochs greymatter \
                     counts: press reset to train again from epoch 0."
                )
            }
        })
    }

    /// After an epoch's losses are recorded (the training loss was `loss_before` before
    /// it): stops once the training loss is at or below `stopAtLoss` (above 0), or, when
    /// the loss no longer falls, when a relu layer died.
    pub(super) fn check_stops(&mut self, loss_before: f32) {
        let threshold = self.config.stop_at_loss;
        if self.loss_stop.is_none() && threshold > 0.0 && f64::from(self.train_loss()) <= threshold
        {
            self.loss_stop = Some(Stop::Loss {
                epoch: self.epoch,
                loss: self.train_loss(),
            });
        }
        if self.loss_stop.is_none() && self.train_loss() >= loss_before {
            // The loss no longer falls: see whether a layer has died.
            self.loss_stop = self.dead_layer().map(|layer| Stop::Dead {
                epoch: self.epoch,
                layer,
            });
        }
    }

    /// Within a `train_epochs` call, after each epoch: whether the training loss,
    /// measured as `record_losses` does, is at or below `stopAtLoss` (above 0); training
    /// then stops there.
    pub(super) fn reached_stop_loss(&mut self) -> bool {
        let threshold = self.config.stop_at_loss;
        if threshold > 0.0 {
            let loss = self.evaluate(true).loss;
            if f64::from(loss) <= threshold {
                self.loss_stop = Some(Stop::Loss {
                    epoch: self.epoch,
                    loss,
                });
                return true;
            }
        }
        false
    }
}

/// A loss as the stop message shows it: four decimals, or two significant digits when
/// it is smaller than that.
fn short_loss(loss: f32) -> String {
    if loss.abs() >= 1e-4 || loss == 0.0 {
        format!("{loss:.4}")
    } else {
        format!("{loss:.1e}")
    }
}
