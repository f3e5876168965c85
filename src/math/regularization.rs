//! Weight penalties that keep weights small: the cost becomes J + λ·R(w).
//!
//! Biases are not penalised. With learning rate α the update of a weight is
//! w ← w − α·(∂J/∂w + λ·R'(w)).

use serde::{Deserialize, Serialize};

/// A penalty R over the weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Regularization {
    /// No penalty: R(w) = 0.
    None,
    /// Lasso: R(w) = Σ|w|; R'(w) = sign(w). Drives weights to exactly zero.
    L1,
    /// Ridge (weight decay): R(w) = ½ Σ w²; R'(w) = w.
    L2,
}

impl Regularization {
    /// Every penalty, in the order the page lists them.
    pub const ALL: [Regularization; 3] =
        [Regularization::None, Regularization::L1, Regularization::L2];

    /// The name used in configs and share links.
    pub fn name(self) -> &'static str {
        match self {
            Regularization::None => "none",
            Regularization::L1 => "l1",
            Regularization::L2 => "l2",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Regularization::None => "None",
            Regularization::L1 => "L1",
            Regularization::L2 => "L2",
        }
    }

    /// The penalty of one weight.
    pub fn value(self, weight: f32) -> f32 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => weight.abs(),
            Regularization::L2 => 0.5 * weight * weight,
        }
    }

    /// R'(w) for one weight.
    pub fn derivative(self, weight: f32) -> f32 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => {
                if weight > 0.0 {
                    1.0
                } else if weight < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            }
            Regularization::L2 => weight,
        }
    }
}
