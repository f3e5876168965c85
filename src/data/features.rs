//! Input features: what the network sees of a point (x1, x2): the built-in features,
//! and formulas a person writes ([`Input::Formula`], see [`crate::math::formula`]).

use crate::math::formula::Formula;
use crate::math::kernels::stride_for;
use serde::{Deserialize, Serialize};

/// One input of the network, computed from the point (x1, x2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feature {
    /// x1.
    #[serde(rename = "x1")]
    X1,
    /// x2.
    #[serde(rename = "x2")]
    X2,
    /// x1².
    #[serde(rename = "x1Squared")]
    X1Squared,
    /// x2².
    #[serde(rename = "x2Squared")]
    X2Squared,
    /// x1·x2.
    #[serde(rename = "x1x2")]
    X1TimesX2,
    /// sin x1.
    #[serde(rename = "sinX1")]
    SinX1,
    /// sin x2.
    #[serde(rename = "sinX2")]
    SinX2,
}

impl Feature {
    /// Every feature, in the order the page lists them.
    pub const ALL: [Feature; 7] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1TimesX2,
        Feature::SinX1,
        Feature::SinX2,
    ];

    /// The name used in configs, share links and model files.
    pub fn name(self) -> &'static str {
        match self {
            Feature::X1 => "x1",
            Feature::X2 => "x2",
            Feature::X1Squared => "x1Squared",
            Feature::X2Squared => "x2Squared",
            Feature::X1TimesX2 => "x1x2",
            Feature::SinX1 => "sinX1",
            Feature::SinX2 => "sinX2",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Feature::X1 => "x₁",
            Feature::X2 => "x₂",
            Feature::X1Squared => "x₁²",
            Feature::X2Squared => "x₂²",
            Feature::X1TimesX2 => "x₁x₂",
            Feature::SinX1 => "sin(x₁)",
            Feature::SinX2 => "sin(x₂)",
        }
    }

    /// The feature's value at (x1, x2).
    pub fn value(self, x1: f32, x2: f32) -> f32 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1,
            Feature::X2Squared => x2 * x2,
            Feature::X1TimesX2 => x1 * x2,
            Feature::SinX1 => x1.sin(),
            Feature::SinX2 => x2.sin(),
        }
    }
}

/// One input of the network: a built-in feature (the config's `features`) or a formula
/// (its `customFeatures`, which come after).
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A built-in feature.
    Feature(Feature),
    /// A formula over x1 and x2; 0 where it is not a finite number.
    Formula(Formula),
}

impl Input {
    /// The input's value at (x1, x2).
    pub fn value(&self, x1: f32, x2: f32) -> f32 {
        match self {
            Input::Feature(feature) => feature.value(x1, x2),
            Input::Formula(formula) => formula.value(x1, x2),
        }
    }

    /// Its values at `points` into `row` (as long as `points`).
    fn values(&self, points: &[[f32; 2]], row: &mut [f32]) {
        match self {
            Input::Feature(feature) => {
                for (value, &[x1, x2]) in row.iter_mut().zip(points) {
                    *value = feature.value(x1, x2);
                }
            }
            Input::Formula(formula) => formula.values(points, row),
        }
    }
}

impl From<Feature> for Input {
    fn from(feature: Feature) -> Self {
        Input::Feature(feature)
    }
}

/// The inputs of `features` (built-in ones only).
pub fn inputs_of(features: &[Feature]) -> Vec<Input> {
    features.iter().copied().map(Input::Feature).collect()
}

/// Writes the inputs of the points into `out` input-major: one row per input, one
/// column per point, rows `kernels::stride_for(points.len())` long with zero padding
/// (the layout [`crate::model::network::Network::forward`] takes).
pub fn compute_inputs(inputs: &[Input], points: &[[f32; 2]], out: &mut Vec<f32>) {
    let stride = stride_for(points.len());
    out.clear();
    if stride == 0 {
        return; // no points: no columns
    }
    out.resize(inputs.len() * stride, 0.0);
    for (input, row) in inputs.iter().zip(out.chunks_exact_mut(stride)) {
        input.values(points, &mut row[..points.len()]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_padded_row_per_feature() {
        let mut out = Vec::new();
        let formula = Formula::parse("x1 - x2").unwrap();
        compute_inputs(
            &[
                Input::Feature(Feature::X1TimesX2),
                Input::Formula(formula),
                Input::Feature(Feature::X1),
            ],
            &[[2.0, 3.0], [-1.0, 0.5]],
            &mut out,
        );
        let padding = [0.0; 2];
        let rows: Vec<&[f32]> = out.chunks(4).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], [&[6.0, -0.5][..], &padding].concat());
        assert_eq!(rows[1], [&[-1.0, -1.5][..], &padding].concat());
        assert_eq!(rows[2], [&[2.0, -1.0][..], &padding].concat());
    }
}
