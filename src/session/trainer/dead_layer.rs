//! Dead units: a hidden relu layer none of whose neurons outputs anything but 0 on the
//! training points, through which no gradient can flow back.

use super::Trainer;
use crate::math::activation::Activation;
use crate::session::health::layer_health;

impl Trainer {
    /// The first hidden relu layer whose every neuron outputs 0 for every training point.
    pub(super) fn dead_layer(&self) -> Option<usize> {
        let hidden = self.config.hidden.len();
        if !(0..hidden).any(|layer| self.config.hidden_activation(layer) == Activation::Relu) {
            return None;
        }
        let health = layer_health(
            &self.network,
            &self.train.inputs,
            &self.train.labels,
            &self.step_settings(),
        );
        health[..hidden]
            .iter()
            .position(|layer| layer.dead_share >= 1.0)
    }
}
