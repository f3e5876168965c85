//! What a hidden layer sees: the input plane and the training points carried through
//! the layers up to that one, read at two of its neurons.
//!
//! The pair (a_j, a_k) of two neurons' outputs places every point of the input plane in
//! a new plane. The straight grid lines of the input plane come out bent by the layers
//! below, and the training points with them: where the classes can be split by a
//! straight line in this new plane, a neuron above can split them. Like every
//! evaluation, the pass is plain forward (no training-only noise such as dropout).

use crate::data::features::{compute_inputs, Input};
use crate::data::own::EXTENT;
use crate::model::network::{Network, Workspace};
use serde::Serialize;

/// Grid lines in each direction (so 21 of constant x2 and 21 of constant x1).
pub const GRID_LINES: usize = 21;
/// Points along each grid line, from −EXTENT to EXTENT.
pub const LINE_SAMPLES: usize = 61;

/// The input plane and the training points as two neurons of one layer see them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerPlane {
    /// The hidden layer (0 is the first).
    pub layer: usize,
    /// The two neurons (0-based): the first gives the horizontal coordinate, the second
    /// the vertical one.
    pub neurons: [usize; 2],
    /// The grid lines, each [`LINE_SAMPLES`] pairs (a_first, a_second) one after the
    /// other: first the [`GRID_LINES`] lines of constant x2 (x2 from −EXTENT up, x1
    /// running from −EXTENT to EXTENT along each), then those of constant x1 (x1 from
    /// −EXTENT, x2 running along each).
    pub lines: Vec<f32>,
    /// Lines in `lines`.
    pub line_count: usize,
    /// Pairs per line.
    pub line_samples: usize,
    /// Each training point's pair (a_first, a_second), in the training set's order.
    pub points: Vec<f32>,
    /// Each training point's label, in the same order.
    pub labels: Vec<f32>,
}

/// Where the input plane's grid lines are sampled: [`GRID_LINES`] lines of constant x2,
/// then as many of constant x1, each [`LINE_SAMPLES`] points (x1, x2) long.
pub fn grid_line_points() -> Vec<[f32; 2]> {
    let along = |index: usize, count: usize| -> f32 {
        (-f64::from(EXTENT) + 2.0 * f64::from(EXTENT) * index as f64 / (count - 1) as f64) as f32
    };
    let mut points = Vec::with_capacity(2 * GRID_LINES * LINE_SAMPLES);
    for line in 0..GRID_LINES {
        let x2 = along(line, GRID_LINES);
        points.extend((0..LINE_SAMPLES).map(|k| [along(k, LINE_SAMPLES), x2]));
    }
    for line in 0..GRID_LINES {
        let x1 = along(line, GRID_LINES);
        points.extend((0..LINE_SAMPLES).map(|k| [x1, along(k, LINE_SAMPLES)]));
    }
    points
}

/// Checks that `neurons` are two different neurons of hidden layer `layer` of `network`
/// (indices from 0); the message says what is wrong, counting from 1 as the page does
/// ("hidden layer 1" is layer 0).
pub fn check_pick(network: &Network, layer: usize, neurons: [usize; 2]) -> Result<(), String> {
    let hidden = network.layers().len().saturating_sub(1);
    let name = layer + 1;
    if layer >= hidden {
        let has = if hidden == 0 {
            "none".to_string()
        } else {
            hidden.to_string()
        };
        return Err(format!(
            "the network has no hidden layer {name}: it has {has}"
        ));
    }
    let size = network.layers()[layer].outputs;
    if size < 2 {
        return Err(format!(
            "hidden layer {name} has one neuron: a plane takes two different neurons, so add a neuron to it"
        ));
    }
    if let Some(&missing) = neurons.iter().find(|&&neuron| neuron >= size) {
        return Err(format!(
            "hidden layer {name} has no neuron {}: it has {size}",
            missing + 1
        ));
    }
    if neurons[0] == neurons[1] {
        return Err(format!(
            "pick two different neurons: both are neuron {} of hidden layer {name}",
            neurons[0] + 1
        ));
    }
    Ok(())
}

/// The plane of `neurons` of hidden layer `layer` (see [`LayerPlane`]) for `network`
/// with `inputs_of` (the network's inputs), and the `labels.len()` training points `inputs`
/// (feature-major `[features][stride]`). Refuses a pick [`check_pick`] refuses.
pub fn layer_plane(
    network: &Network,
    inputs_of: &[Input],
    inputs: &[f32],
    labels: &[f32],
    layer: usize,
    neurons: [usize; 2],
) -> Result<LayerPlane, String> {
    check_pick(network, layer, neurons)?;
    let mut workspace = Workspace::default();
    let mut pairs = |inputs: &[f32], count: usize| -> Vec<f32> {
        if count == 0 {
            return Vec::new();
        }
        network.forward_layers(inputs, count, layer + 1, &mut workspace);
        let first = workspace.neuron_outputs(layer, neurons[0]);
        let second = workspace.neuron_outputs(layer, neurons[1]);
        first
            .iter()
            .zip(second)
            .flat_map(|(&a, &b)| [a, b])
            .collect()
    };
    let grid = grid_line_points();
    let mut grid_inputs = Vec::new();
    compute_inputs(inputs_of, &grid, &mut grid_inputs);
    let lines = pairs(&grid_inputs, grid.len());
    let points = pairs(inputs, labels.len());
    Ok(LayerPlane {
        layer,
        neurons,
        lines,
        line_count: 2 * GRID_LINES,
        line_samples: LINE_SAMPLES,
        points,
        labels: labels.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_spans_the_plane_line_by_line() {
        let points = grid_line_points();
        assert_eq!(points.len(), 2 * GRID_LINES * LINE_SAMPLES);
        assert_eq!(points[0], [-EXTENT, -EXTENT]);
        assert_eq!(points[LINE_SAMPLES - 1], [EXTENT, -EXTENT]);
        let last_horizontal = (GRID_LINES - 1) * LINE_SAMPLES;
        assert_eq!(points[last_horizontal], [-EXTENT, EXTENT]);
        let first_vertical = GRID_LINES * LINE_SAMPLES;
        assert_eq!(points[first_vertical + LINE_SAMPLES - 1], [-EXTENT, EXTENT]);
        assert_eq!(points[first_vertical + LINE_SAMPLES / 2], [-EXTENT, 0.0]);
    }
}
