//! The decision-boundary picture: the network evaluated over a square grid of the
//! input plane in one batched pass, coloured into an RGBA buffer.
//!
//! Colours are the ones people know from the TensorFlow Playground: orange #f59322
//! for −1, light grey #e8eaeb for 0, blue #0877bd for +1, linearly blended in between
//! (values outside [−1, 1] are clamped).

use crate::features::{compute_inputs, Feature};
use crate::network::{Network, Workspace};

/// Points per side of the grid.
pub const GRID_SIZE: usize = 100;
/// The grid covers [−EXTENT, EXTENT]².
pub const EXTENT: f32 = 6.0;

const NEGATIVE: [f32; 3] = [245.0, 147.0, 34.0];
const NEUTRAL: [f32; 3] = [232.0, 234.0, 235.0];
const POSITIVE: [f32; 3] = [8.0, 119.0, 189.0];

/// The colour of a value: RGBA, fully opaque.
pub fn colour(value: f32) -> [u8; 4] {
    let v = if value.is_nan() {
        0.0
    } else {
        value.clamp(-1.0, 1.0)
    };
    let (end, t) = if v < 0.0 {
        (NEGATIVE, -v)
    } else {
        (POSITIVE, v)
    };
    let channel = |i: usize| (NEUTRAL[i] + (end[i] - NEUTRAL[i]) * t).round() as u8;
    [channel(0), channel(1), channel(2), 255]
}

/// The centre (x1, x2) of grid cell (row, column): row 0 is the top (x2 = +6 side),
/// column 0 the left (x1 = −6 side).
pub fn cell_centre(row: usize, column: usize) -> [f32; 2] {
    let step = 2.0 * EXTENT / GRID_SIZE as f32;
    [
        -EXTENT + (column as f32 + 0.5) * step,
        EXTENT - (row as f32 + 0.5) * step,
    ]
}

/// Evaluates networks on the grid and keeps the pixels.
#[derive(Clone, Debug, Default)]
pub struct Heatmap {
    features: Vec<Feature>,
    inputs: Vec<f32>,
    workspace: Workspace,
    pixels: Vec<u8>,
}

impl Heatmap {
    /// Evaluates `network` (whose inputs are `features`) at every grid cell and
    /// colours its output into `pixels()`.
    pub fn render(&mut self, network: &Network, features: &[Feature]) {
        if self.features != features || self.inputs.is_empty() {
            self.features = features.to_vec();
            let centres: Vec<[f32; 2]> = (0..GRID_SIZE * GRID_SIZE)
                .map(|cell| cell_centre(cell / GRID_SIZE, cell % GRID_SIZE))
                .collect();
            compute_inputs(features, &centres, &mut self.inputs);
        }
        network.forward(&self.inputs, GRID_SIZE * GRID_SIZE, &mut self.workspace);
        self.pixels.resize(GRID_SIZE * GRID_SIZE * 4, 0);
        for (pixel, &value) in self.pixels.chunks_exact_mut(4).zip(self.workspace.output()) {
            pixel.copy_from_slice(&colour(value));
        }
    }

    /// RGBA bytes, `GRID_SIZE` rows of `GRID_SIZE` pixels, top row first.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// Every neuron's output at every grid cell from the last render: for layer `l`,
    /// `[cells][neurons]`.
    pub fn neuron_outputs(&self, layer: usize) -> &[f32] {
        self.workspace.activations(layer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_ends_and_middle() {
        assert_eq!(colour(-1.0), [245, 147, 34, 255]);
        assert_eq!(colour(0.0), [232, 234, 235, 255]);
        assert_eq!(colour(1.0), [8, 119, 189, 255]);
        assert_eq!(colour(7.0), colour(1.0));
    }

    #[test]
    fn cells_cover_the_plane_top_left_first() {
        let [x1, x2] = cell_centre(0, 0);
        assert!((x1 + 5.94).abs() < 1e-5 && (x2 - 5.94).abs() < 1e-5);
        let [x1, x2] = cell_centre(GRID_SIZE - 1, GRID_SIZE - 1);
        assert!((x1 - 5.94).abs() < 1e-5 && (x2 + 5.94).abs() < 1e-5);
    }
}
