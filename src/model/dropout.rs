//! Dropout: in training, each hidden neuron's output is dropped (set to 0) for a sample
//! with probability p, its layer's rate, and kept otherwise — *inverted* dropout scales
//! the kept outputs by 1/(1 − p), so that the expected output, (1 − p)·a/(1 − p) = a, is
//! the same as without dropout and evaluation needs no correction:
//!
//! ã_j = m_j·a_j,  m_j = 0 with probability p, else 1/(1 − p);  ∂J/∂a_j = m_j·∂J/∂ã_j.
//!
//! The masks are drawn per sample and per neuron from a seeded generator
//! ([`crate::math::rng::Stream::Dropout`]), so a run replays exactly. Evaluation
//! (pictures, predictions, losses) never drops anything.

use crate::math::kernels::stride_for;
use crate::math::rng::SeededRng;
use crate::model::network::{LayerShape, Workspace};

/// Draws the masks of a batch of `batch` samples into `workspace`: for each layer, input
/// side first, with a rate above 0 in `rates` (one per layer; missing ones are 0), a
/// mask `[outputs][stride]`, neuron by neuron and sample by sample, the padding columns
/// 0. Layers at rate 0 get no mask, and draw no numbers. Returns whether any layer has
/// a mask.
pub fn draw_masks(
    rates: &[f32],
    layers: &[LayerShape],
    batch: usize,
    rng: &mut SeededRng,
    workspace: &mut Workspace,
) -> bool {
    let stride = stride_for(batch);
    let masks = workspace.masks_mut();
    masks.resize_with(layers.len(), Vec::new);
    let mut any = false;
    for (index, layer) in layers.iter().enumerate() {
        let rate = rates.get(index).copied().unwrap_or(0.0);
        let mask = &mut masks[index];
        mask.clear();
        if rate <= 0.0 {
            continue;
        }
        any = true;
        let kept = kept_scale(rate);
        mask.resize(layer.outputs * stride, 0.0);
        for row in mask.chunks_mut(stride) {
            for value in &mut row[..batch] {
                *value = if rng.uniform(0.0, 1.0) < rate {
                    0.0
                } else {
                    kept
                };
            }
        }
    }
    any
}

/// Removes every mask from `workspace`: the next training pass drops nothing.
pub fn clear_masks(workspace: &mut Workspace) {
    workspace.masks_mut().iter_mut().for_each(Vec::clear);
}

/// 1/(1 − p): what a kept output is multiplied by at rate p.
pub fn kept_scale(rate: f32) -> f32 {
    1.0 / (1.0 - rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::activation::Activation;
    use crate::math::rng::Stream;

    fn layers() -> Vec<LayerShape> {
        let shape = |inputs, outputs| LayerShape {
            inputs,
            outputs,
            activation: Activation::Tanh,
        };
        vec![shape(2, 8), shape(8, 1)]
    }

    #[test]
    fn masks_hold_zero_or_the_kept_scale_and_drop_about_p() {
        let mut workspace = Workspace::default();
        let mut rng = SeededRng::new(5, Stream::Dropout);
        let mut dropped = 0;
        let draws = 200;
        for _ in 0..draws {
            assert!(draw_masks(&[0.25], &layers(), 10, &mut rng, &mut workspace));
            let mask = workspace.mask(0);
            let stride = stride_for(10);
            for row in mask.chunks(stride) {
                assert!(row[10..].iter().all(|&m| m == 0.0), "padding");
                for &m in &row[..10] {
                    assert!(m == 0.0 || m == kept_scale(0.25), "{m}");
                    dropped += (m == 0.0) as usize;
                }
            }
            assert!(
                workspace.mask(1).is_empty(),
                "the output layer keeps everything"
            );
        }
        let share = dropped as f64 / (draws * 8 * 10) as f64;
        assert!((share - 0.25).abs() < 0.02, "{share}");
    }

    #[test]
    fn rate_zero_draws_no_mask_and_no_number() {
        let mut workspace = Workspace::default();
        let mut rng = SeededRng::new(5, Stream::Dropout);
        assert!(!draw_masks(
            &[0.0, 0.0],
            &layers(),
            10,
            &mut rng,
            &mut workspace
        ));
        assert!(!workspace.has_masks());
        assert_eq!(
            rng.position(),
            SeededRng::new(5, Stream::Dropout).position()
        );
    }
}
