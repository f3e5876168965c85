//! A set of points as the trainer holds it: the points, the network's inputs computed
//! for them (feature-major) and their labels.

use crate::data::dataset::Point;
use crate::data::features::{compute_inputs, Input};
use crate::math::kernels::stride_for;

/// A set of points with the network's inputs computed for the current inputs.
#[derive(Clone, Debug, Default)]
pub(super) struct PreparedSet {
    pub(super) points: Vec<Point>,
    /// Feature-major `[features][stride]`.
    pub(super) inputs: Vec<f32>,
    /// Each point's label.
    pub(super) labels: Vec<f32>,
}

impl PreparedSet {
    pub(super) fn new(points: Vec<Point>, inputs: &[Input]) -> Self {
        let mut set = PreparedSet {
            labels: points.iter().map(|p| p.label).collect(),
            points,
            inputs: Vec::new(),
        };
        set.compute_inputs(inputs);
        set
    }

    pub(super) fn compute_inputs(&mut self, inputs: &[Input]) {
        let positions: Vec<[f32; 2]> = self.points.iter().map(|p| p.position).collect();
        compute_inputs(inputs, &positions, &mut self.inputs);
    }

    pub(super) fn stride(&self) -> usize {
        stride_for(self.points.len())
    }
}
