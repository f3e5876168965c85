//! Input features: what the network sees of a point (x1, x2).

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

/// Writes the features of each point into `out`, one row of `features.len()` values per
/// point (row-major), replacing its contents.
pub fn compute_inputs(features: &[Feature], points: &[[f32; 2]], out: &mut Vec<f32>) {
    out.clear();
    out.reserve(points.len() * features.len());
    for &[x1, x2] in points {
        out.extend(features.iter().map(|feature| feature.value(x1, x2)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_feature_order() {
        let mut out = Vec::new();
        compute_inputs(
            &[Feature::X1TimesX2, Feature::X2Squared, Feature::X1],
            &[[2.0, 3.0], [-1.0, 0.5]],
            &mut out,
        );
        assert_eq!(out, vec![6.0, 9.0, 2.0, -0.5, 0.25, -1.0]);
    }
}
