//! Loss functions: how far one network output o is from its target t.
//!
//! The cost J of a batch of B samples is the mean of the per-sample loss,
//! J = (1/B) Σ L(o, t), so ∂J/∂o = L'(o, t) / B for each sample.

use serde::{Deserialize, Serialize};

/// A per-sample loss with its derivative with respect to the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Loss {
    /// Squared error: L = ½(o − t)²; ∂L/∂o = o − t. Its mean is half the mean squared error.
    Squared,
    /// Absolute error: L = |o − t|; ∂L/∂o = sign(o − t) (0 when o = t). Its mean is the
    /// mean absolute error (MAE).
    Absolute,
    /// Huber loss with δ = 1: L = ½(o − t)² where |o − t| ≤ 1, else |o − t| − ½;
    /// ∂L/∂o = o − t where |o − t| ≤ 1, else sign(o − t). Squared near the target,
    /// absolute far from it, so outliers pull less.
    Huber,
}

impl Loss {
    /// Every loss, in the order the page lists them.
    pub const ALL: [Loss; 3] = [Loss::Squared, Loss::Absolute, Loss::Huber];

    /// The name used in configs and share links.
    pub fn name(self) -> &'static str {
        match self {
            Loss::Squared => "squared",
            Loss::Absolute => "absolute",
            Loss::Huber => "huber",
        }
    }

    /// L(o, t).
    pub fn value(self, output: f32, target: f32) -> f32 {
        let error = output - target;
        match self {
            Loss::Squared => 0.5 * error * error,
            Loss::Absolute => error.abs(),
            Loss::Huber => {
                if error.abs() <= 1.0 {
                    0.5 * error * error
                } else {
                    error.abs() - 0.5
                }
            }
        }
    }

    /// ∂L/∂o at (o, t).
    pub fn derivative(self, output: f32, target: f32) -> f32 {
        let error = output - target;
        match self {
            Loss::Squared => error,
            Loss::Absolute => {
                if error > 0.0 {
                    1.0
                } else if error < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            }
            Loss::Huber => error.clamp(-1.0, 1.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_derivatives() {
        assert_eq!(Loss::Squared.value(0.5, -0.5), 0.5);
        assert_eq!(Loss::Squared.derivative(0.5, -0.5), 1.0);
        assert_eq!(Loss::Absolute.value(0.25, 1.0), 0.75);
        assert_eq!(Loss::Absolute.derivative(0.25, 1.0), -1.0);
        assert_eq!(Loss::Absolute.derivative(1.0, 1.0), 0.0);
        assert_eq!(Loss::Huber.value(0.5, 0.0), 0.125);
        assert_eq!(Loss::Huber.value(-3.0, 0.0), 2.5);
        assert_eq!(Loss::Huber.derivative(0.5, 0.0), 0.5);
        assert_eq!(Loss::Huber.derivative(-3.0, 0.0), -1.0);
    }
}
