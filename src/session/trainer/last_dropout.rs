//! The dropout of the last trained batch, as the page shows it: its samples and, per
//! hidden layer, which neurons were dropped for each of them.

use super::Trainer;
use crate::math::kernels::stride_for;
use crate::model::dropout::{clear_masks, kept_scale};

/// The dropout of one training batch (see [`Trainer::last_dropout`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchDropout {
    /// The batch's samples, as indices into the training points.
    pub samples: Vec<usize>,
    /// Every hidden layer, input side first.
    pub layers: Vec<LayerDropout>,
}

/// One hidden layer's dropout in a batch.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerDropout {
    /// p, the layer's rate.
    pub rate: f32,
    /// 1/(1 − p), what a kept output is multiplied by.
    pub kept_scale: f32,
    /// `[neuron][sample]`: 0 where the neuron was dropped for the sample, 1/(1 − p) where
    /// it was kept; empty rows for a layer at rate 0.
    pub masks: Vec<Vec<f32>>,
}

impl Trainer {
    /// The dropout of the last trained batch: its training samples and, per layer, the
    /// mask of each neuron for each of them. `None` before the first batch of a run,
    /// or when that batch dropped nothing (every rate 0).
    pub fn last_dropout(&self) -> Option<BatchDropout> {
        let workspace = self.buffers.workspace();
        if self.last_batch.is_empty() || !workspace.has_masks() {
            return None;
        }
        let stride = stride_for(self.last_batch.len());
        let rates = self.config.dropout_rates();
        let layers = self
            .config
            .hidden
            .iter()
            .enumerate()
            .map(|(layer, &neurons)| {
                let mask = workspace.mask(layer);
                LayerDropout {
                    rate: rates[layer],
                    kept_scale: kept_scale(rates[layer]),
                    masks: (0..neurons)
                        .map(|j| match mask {
                            [] => Vec::new(),
                            _ => mask[j * stride..][..self.last_batch.len()].to_vec(),
                        })
                        .collect(),
                }
            });
        Some(BatchDropout {
            samples: self.last_batch.clone(),
            layers: layers.collect(),
        })
    }

    /// Forgets the last trained batch and its dropout masks (a new run, a roll-back).
    pub(super) fn forget_last_batch(&mut self) {
        self.last_batch.clear();
        clear_masks(self.buffers.workspace_mut());
    }
}
