//! The dropout masks greymatter's next epoch will draw, for "Export as code": computed
//! from a clone of the masks' generator (the real one never moves), batch after batch
//! over the next epoch's order, exactly as [`Trainer::train_epochs`] draws them, and
//! packed as bits so that a script inlines them compactly.

use super::Trainer;
use crate::math::kernels::stride_for;
use crate::model::dropout::{draw_masks, kept_scale};
use crate::model::network::Workspace;
use serde::Serialize;

/// Most neuron × sample draws whose masks an export inlines (128 KiB of hex text);
/// beyond this the masks are left out and a script draws its own from the first epoch.
pub const MAX_EXPORTED_DRAWS: usize = 1 << 20;

/// The dropout of greymatter's next epoch, per hidden layer, input side first.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextDropout {
    /// p of each hidden layer (0: no dropout there).
    pub rates: Vec<f32>,
    /// 1/(1 − p) of each hidden layer, in 32-bit floats as greymatter scales.
    pub kept_scales: Vec<f32>,
    /// Each hidden layer's masks as hex text (4 bits a digit, the first bit the high one):
    /// bit `k·neurons + j` is 1 where neuron j is kept for the k-th training point the
    /// next epoch visits (`nextOrder[k]`), 0 where it is dropped; padded with 0 bits to
    /// whole bytes. Empty for a layer at rate 0. `None` when the masks hold more than
    /// [`MAX_EXPORTED_DRAWS`] draws: then they are left out.
    pub kept: Option<Vec<String>>,
}

impl Trainer {
    /// The dropout masks of the next epoch opened after the last completed one (those
    /// [`Trainer::train_epochs`] will draw), or `None` when every rate is 0; nothing
    /// changes.
    pub fn next_epoch_dropout(&self) -> Option<NextDropout> {
        let hidden = self.config.hidden.len();
        let rates = self.config.dropout_rates();
        if rates.iter().all(|&rate| rate <= 0.0) {
            return None;
        }
        let hidden_rates = rates[..hidden].to_vec();
        let kept_scales = hidden_rates.iter().map(|&rate| kept_scale(rate)).collect();
        let points = self.train.points.len();
        let draws: usize = (0..hidden)
            .filter(|&layer| rates[layer] > 0.0)
            .map(|layer| self.config.hidden[layer] * points)
            .sum();
        let kept = (draws <= MAX_EXPORTED_DRAWS).then(|| self.next_masks_as_hex(&rates));
        Some(NextDropout {
            rates: hidden_rates,
            kept_scales,
            kept,
        })
    }

    /// Draws the next epoch's masks from a clone of the generator, as bits per layer.
    fn next_masks_as_hex(&self, rates: &[f32]) -> Vec<String> {
        let mut rng = if self.next_batch.is_some() {
            self.dropout_at_start.clone()
        } else {
            self.dropout_rng.clone()
        };
        let hidden = &self.config.hidden;
        let points = self.train.points.len();
        let mut bits: Vec<Vec<bool>> = hidden
            .iter()
            .enumerate()
            .map(|(layer, &neurons)| {
                vec![
                    false;
                    if rates[layer] > 0.0 {
                        neurons * points
                    } else {
                        0
                    }
                ]
            })
            .collect();
        let mut workspace = Workspace::default();
        let batch_size = self.config.batch_size.max(1);
        for start in (0..points).step_by(batch_size) {
            let batch = batch_size.min(points - start);
            draw_masks(
                rates,
                self.network.layers(),
                batch,
                &mut rng,
                &mut workspace,
            );
            let stride = stride_for(batch);
            for (layer, layer_bits) in bits.iter_mut().enumerate() {
                let mask = workspace.mask(layer);
                if mask.is_empty() {
                    continue;
                }
                let neurons = hidden[layer];
                for neuron in 0..neurons {
                    for sample in 0..batch {
                        layer_bits[(start + sample) * neurons + neuron] =
                            mask[neuron * stride + sample] != 0.0;
                    }
                }
            }
        }
        bits.iter().map(|layer| hex(layer)).collect()
    }
}

/// Bits as hex text, 4 a digit, the first bit the high one, padded to whole bytes.
fn hex(bits: &[bool]) -> String {
    bits.chunks(8)
        .map(|byte| {
            let value = byte
                .iter()
                .enumerate()
                .fold(0u8, |value, (at, &bit)| value | (u8::from(bit) << (7 - at)));
            format!("{value:02x}")
        })
        .collect()
}

/// The masks of hex text `text` for `count` draws, as 0 or `kept` (the inverse of [`hex`]).
#[cfg(test)]
pub(super) fn masks_of_hex(text: &str, count: usize, kept: f32) -> Vec<f32> {
    (0..count)
        .map(|at| {
            let digit = u8::from_str_radix(&text[at / 4..at / 4 + 1], 16).unwrap();
            if digit & (8 >> (at % 4)) != 0 {
                kept
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::data::dataset::Dataset;
    use crate::data::features::compute_inputs;
    use crate::learn::training::{compute_gradient, StepBuffers};

    fn config() -> Config {
        Config {
            dataset: Dataset::Xor,
            hidden: vec![5, 3, 4],
            dropout: vec![0.5, 0.0, 0.25],
            batch_size: 7,
            ..Config::default()
        }
    }

    #[test]
    fn hex_packs_the_first_bit_high_and_pads_to_bytes() {
        assert_eq!(
            hex(&[true, false, false, false, false, false, false, true]),
            "81"
        );
        assert_eq!(hex(&[false, true, true]), "60");
        assert_eq!(masks_of_hex("60", 3, 2.0), vec![0.0, 2.0, 2.0]);
        assert_eq!(hex(&[]), "");
    }

    #[test]
    fn no_dropout_exports_no_masks() {
        let trainer = Trainer::new(Config::default()).unwrap();
        assert_eq!(trainer.next_epoch_dropout(), None);
        assert_eq!(trainer.run_export().next_dropout, None);
    }

    /// One epoch trained by hand over the exported order with the exported masks gives
    /// the weights greymatter's own next epoch gives, bit for bit; exporting moves no
    /// generator.
    #[test]
    fn the_exported_masks_are_the_ones_the_next_epoch_draws() {
        let mut trainer = Trainer::new(config()).unwrap();
        trainer.train_epochs(2);
        let export = trainer.run_export();
        assert_eq!(export, trainer.run_export(), "exporting changes nothing");
        let dropout = export.next_dropout.clone().unwrap();
        assert_eq!(dropout.rates, vec![0.5, 0.0, 0.25]);
        assert_eq!(dropout.kept_scales, vec![2.0, 1.0, 4.0 / 3.0]);
        let kept = dropout.kept.unwrap();
        let points = export.train.len();
        assert_eq!(kept[0].len(), (5 * points).div_ceil(8) * 2);
        assert_eq!(kept[1], "", "rate 0: no mask");
        let masks: Vec<Vec<f32>> = (0..3)
            .map(|layer| {
                let count = if kept[layer].is_empty() {
                    0
                } else {
                    config().hidden[layer] * points
                };
                masks_of_hex(&kept[layer], count, dropout.kept_scales[layer])
            })
            .collect();
        let dropped = masks[0].iter().filter(|&&m| m == 0.0).count() as f64;
        assert!(
            (dropped / (5 * points) as f64 - 0.5).abs() < 0.1,
            "{dropped}"
        );

        let mut network = trainer.network.clone();
        let mut state = trainer.optimizer.clone();
        let settings = trainer.step_settings();
        let optimizer_settings = trainer.optimizer_settings();
        let mut buffers = StepBuffers::default();
        for (batch_index, batch) in export.next_order.chunks(7).enumerate() {
            let start = batch_index * 7;
            let points_of: Vec<[f32; 2]> = batch
                .iter()
                .map(|&i| [export.train[i as usize][0], export.train[i as usize][1]])
                .collect();
            let labels: Vec<f32> = batch.iter().map(|&i| export.train[i as usize][2]).collect();
            let mut inputs = Vec::new();
            compute_inputs(trainer.inputs(), &points_of, &mut inputs);
            let stride = stride_for(batch.len());
            let workspace = buffers.workspace_mut().masks_mut();
            workspace.resize_with(4, Vec::new);
            for (layer, layer_masks) in masks.iter().enumerate() {
                let neurons = config().hidden[layer];
                let target = &mut workspace[layer];
                target.clear();
                if layer_masks.is_empty() {
                    continue;
                }
                target.resize(neurons * stride, 0.0);
                for neuron in 0..neurons {
                    for sample in 0..batch.len() {
                        target[neuron * stride + sample] =
                            layer_masks[(start + sample) * neurons + neuron];
                    }
                }
            }
            compute_gradient(&network, &inputs, &labels, &settings, &mut buffers);
            state.step(
                network.parameters_mut(),
                buffers.gradient(),
                &optimizer_settings,
            );
        }
        trainer.train_epochs(1);
        assert_eq!(network.parameters(), trainer.network.parameters());
    }

    /// Mid-epoch, the export holds the masks of the epoch under way, from its start.
    #[test]
    fn an_epoch_under_way_exports_its_own_masks() {
        let mut trainer = Trainer::new(config()).unwrap();
        trainer.train_epochs(1);
        let before = trainer.next_epoch_dropout();
        trainer.train_batches(4);
        assert_eq!(trainer.next_epoch_dropout(), before);
        trainer.train_epochs(1);
        assert_ne!(
            trainer.next_epoch_dropout(),
            before,
            "the next epoch draws anew"
        );
    }

    #[test]
    fn masks_over_the_limit_are_left_out() {
        let mut trainer = Trainer::new(Config {
            samples: 5000,
            train_ratio: 90.0,
            hidden: vec![64, 64, 64, 64],
            dropout: vec![0.5, 0.5, 0.5, 0.5],
            ..Config::default()
        })
        .unwrap();
        trainer.train_batches(1);
        let dropout = trainer.next_epoch_dropout().unwrap();
        assert_eq!(dropout.rates, vec![0.5; 4]);
        assert_eq!(dropout.kept, None);
    }
}
