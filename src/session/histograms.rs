//! What the values inside each hidden layer look like: a histogram of its weights and
//! one of its neurons' activations over the training set.
//!
//! A function of the network and the data alone, like [`crate::session::health`]. The
//! activations come from a plain forward pass, the one that evaluates the network: no
//! training-only noise (dropout) enters them.

use crate::math::activation::Activation;
use crate::model::network::{Network, Workspace};
use serde::Serialize;

/// Bins of every histogram.
pub const BINS: usize = 20;

/// Counts of values in [`BINS`] equal bins from `from` to `to`.
///
/// Bin k holds the values v with from + k·w ≤ v < from + (k + 1)·w, w = (to − from) /
/// BINS; the last bin also holds `to`. A finite value outside the range counts in the
/// nearer end bin; a value that is not finite (NaN, ±∞) counts in none, but in
/// `non_finite`, so that Σ counts + non_finite is the number of values.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    /// The lower edge of the first bin.
    pub from: f32,
    /// The upper edge of the last bin.
    pub to: f32,
    /// How many values fall in each bin, lowest first.
    pub counts: Vec<u32>,
    /// How many values were not finite.
    pub non_finite: u32,
}

impl Histogram {
    /// The histogram of `values` over [from, to] (`from` < `to`).
    pub fn of(values: impl IntoIterator<Item = f32>, from: f32, to: f32) -> Histogram {
        let mut histogram = Histogram {
            from,
            to,
            counts: vec![0; BINS],
            non_finite: 0,
        };
        let scale = BINS as f64 / (f64::from(to) - f64::from(from));
        for value in values {
            if !value.is_finite() {
                histogram.non_finite += 1;
                continue;
            }
            let position = (f64::from(value) - f64::from(from)) * scale;
            let bin = (position.floor().max(0.0) as usize).min(BINS - 1);
            histogram.counts[bin] += 1;
        }
        histogram
    }

    /// The number of values counted, finite or not.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum::<u32>() + self.non_finite
    }
}

/// One hidden layer's two histograms.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerHistograms {
    /// The layer's activation.
    pub activation: Activation,
    /// Its incoming weights β (not the biases), over [−m, m] with m the largest |β|.
    pub weights: Histogram,
    /// Every neuron's output a at every training point (points × neurons values), over
    /// the activation's range where it is bounded (tanh −1…1, sigmoid 0…1), else from
    /// the smallest to the largest value.
    pub activations: Histogram,
}

/// The range weights are binned over: symmetric, from the largest finite |β| (±1 when
/// every weight is 0).
pub fn weight_range(weights: &[f32]) -> (f32, f32) {
    let largest = weights
        .iter()
        .filter(|w| w.is_finite())
        .fold(0.0f32, |m, w| m.max(w.abs()));
    let m = if largest > 0.0 { largest } else { 1.0 };
    (-m, m)
}

/// The range an activation's outputs are binned over: its own where it is bounded on
/// both sides, else that of the finite `values` (widened by ½ each way when they are
/// all equal; −1…1 when there are none).
pub fn activation_range(activation: Activation, values: &[f32]) -> (f32, f32) {
    match activation {
        Activation::Tanh => return (-1.0, 1.0),
        Activation::Sigmoid => return (0.0, 1.0),
        _ => {}
    }
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (low, high) = finite.fold((f32::INFINITY, f32::NEG_INFINITY), |(low, high), v| {
        (low.min(v), high.max(v))
    });
    if low > high {
        (-1.0, 1.0)
    } else if low == high {
        (low - 0.5, high + 0.5)
    } else {
        (low, high)
    }
}

/// Each hidden layer's histograms (the first hidden layer first; the output layer has
/// none) over the `points` training points `inputs` (feature-major `[features][stride]`,
/// see [`crate::math::kernels`]).
pub fn layer_histograms(network: &Network, inputs: &[f32], points: usize) -> Vec<LayerHistograms> {
    let hidden = network.layers().len().saturating_sub(1);
    let mut workspace = Workspace::default();
    if points > 0 {
        network.forward_layers(inputs, points, hidden, &mut workspace);
    }
    (0..hidden)
        .map(|index| {
            let shape = network.layers()[index];
            let weights = network.layer_parameters(index).0;
            let (from, to) = weight_range(weights);
            let outputs: Vec<f32> = if points == 0 {
                Vec::new()
            } else {
                (0..shape.outputs)
                    .flat_map(|neuron| workspace.neuron_outputs(index, neuron).iter().copied())
                    .collect()
            };
            let (low, high) = activation_range(shape.activation, &outputs);
            LayerHistograms {
                activation: shape.activation,
                weights: Histogram::of(weights.iter().copied(), from, to),
                activations: Histogram::of(outputs, low, high),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fall_in_their_bins_and_the_ends_are_closed() {
        // 20 bins over [−1, 1]: width 0.1.
        let histogram = Histogram::of(
            [-1.0, -0.95, -0.9, 0.0, 0.99, 1.0, 7.0, f32::NAN],
            -1.0,
            1.0,
        );
        assert_eq!(histogram.counts[0], 2, "−1 and −0.95");
        assert_eq!(histogram.counts[1], 1, "−0.9 starts bin 1");
        assert_eq!(histogram.counts[10], 1, "0 starts bin 10");
        assert_eq!(histogram.counts[19], 3, "0.99, 1 and 7 (clamped)");
        assert_eq!(histogram.non_finite, 1);
        assert_eq!(histogram.total(), 8);
    }

    #[test]
    fn ranges_follow_the_weights_and_the_activation() {
        assert_eq!(weight_range(&[0.5, -2.0, 1.0]), (-2.0, 2.0));
        assert_eq!(weight_range(&[0.0, 0.0]), (-1.0, 1.0));
        assert_eq!(activation_range(Activation::Tanh, &[3.0]), (-1.0, 1.0));
        assert_eq!(activation_range(Activation::Sigmoid, &[]), (0.0, 1.0));
        assert_eq!(
            activation_range(Activation::Relu, &[0.0, 2.5, 1.0]),
            (0.0, 2.5)
        );
        assert_eq!(activation_range(Activation::Relu, &[0.0, 0.0]), (-0.5, 0.5));
        assert_eq!(activation_range(Activation::Linear, &[]), (-1.0, 1.0));
    }
}
