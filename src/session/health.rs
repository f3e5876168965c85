//! How each layer of a network is doing over a set of points: the mean size of its
//! weights' gradient, and the share of its neurons that are dead or saturated.
//!
//! A function of the network and the data alone (not of a whole playground), so the
//! trainer, the divergence diagnosis and the page's health bars all read the same
//! numbers.

use crate::learn::training::{compute_gradient, StepBuffers, StepSettings};
use crate::math::activation::Activation;
use crate::model::network::Network;
use serde::Serialize;

/// How one layer is doing over the training set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerHealth {
    /// Mean |∂J/∂β| over the layer's weights (full-batch gradient).
    pub mean_abs_gradient: f32,
    /// Share of neurons whose output is 0 at every training point (relu family).
    pub dead_share: f32,
    /// Share of neurons saturated (|a| > 0.99 for tanh; a < 0.01 or > 0.99 for
    /// sigmoid) at more than 90 % of the training points.
    pub saturated_share: f32,
}

/// Each layer's health (input side first) over the points `inputs` (feature-major
/// `[features][stride]`, see [`crate::math::kernels`]) with labels `targets`: the
/// gradient is that of J = mean loss + penalty over all of them as one batch, as
/// `settings` defines it.
pub fn layer_health(
    network: &Network,
    inputs: &[f32],
    targets: &[f32],
    settings: &StepSettings,
) -> Vec<LayerHealth> {
    if targets.is_empty() {
        // No points: nothing is dead, saturated or learning.
        let calm = LayerHealth {
            mean_abs_gradient: 0.0,
            dead_share: 0.0,
            saturated_share: 0.0,
        };
        return vec![calm; network.layers().len()];
    }
    let mut buffers = StepBuffers::default();
    compute_gradient(network, inputs, targets, settings, &mut buffers);
    // The gradient's forward pass left every layer's activations in the workspace.
    let (gradient, workspace) = (buffers.gradient(), buffers.workspace());
    let points = targets.len();
    let stride = workspace.stride();
    network
        .layers()
        .iter()
        .enumerate()
        .map(|(index, shape)| {
            let weights = &gradient[network.weight_range(index)];
            let mean_abs_gradient =
                weights.iter().map(|g| g.abs()).sum::<f32>() / weights.len().max(1) as f32;
            let rows = workspace.activations(index).chunks(stride);
            let (mut dead, mut saturated) = (0, 0);
            for row in rows.take(shape.outputs) {
                let row = &row[..points];
                let relu_family = matches!(shape.activation, Activation::Relu);
                if relu_family && row.iter().all(|&a| a == 0.0) {
                    dead += 1;
                }
                let saturated_at = |a: f32| match shape.activation {
                    Activation::Tanh => a.abs() > 0.99,
                    Activation::Sigmoid => !(0.01..=0.99).contains(&a),
                    _ => false,
                };
                if row.iter().filter(|&&a| saturated_at(a)).count() * 10 > points * 9 {
                    saturated += 1;
                }
            }
            let neurons = shape.outputs as f32;
            LayerHealth {
                mean_abs_gradient,
                dead_share: dead as f32 / neurons,
                saturated_share: saturated as f32 / neurons,
            }
        })
        .collect()
}
