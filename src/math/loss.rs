//! Loss functions: how far one network output o is from its target t.
//!
//! A sample's loss is the sum over the output neurons, L = Σ_k ℓ(o_k, t_k) (one term
//! for a single output). The cost J of a batch of B samples is the mean of the
//! per-sample loss, J = (1/B) Σ L, so ∂J/∂o_k = ℓ'(o_k, t_k) / B for each sample.
//! See [`crate::learn::objective`] for the targets t of each problem.

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
    /// Binary cross-entropy, after a sigmoid output p = σ(z) with target y ∈ {0, 1}:
    /// ℓ = −[y·ln p + (1 − y)·ln(1 − p)]; ∂ℓ/∂p = (p − y) / (p·(1 − p)); combined with
    /// the sigmoid, ∂ℓ/∂z = p − y. p is kept within [10⁻⁷, 1 − 10⁻⁷] in ℓ so that a
    /// confident mistake costs about 16, not infinity.
    BinaryCrossEntropy,
    /// Softmax cross-entropy, after a softmax output a with one-hot target y:
    /// L = −Σ_k y_k·ln a_k (= −ln of the true class's probability); ∂L/∂a_k = −y_k / a_k;
    /// combined with the softmax, ∂L/∂z_k = a_k − y_k. a is kept at 10⁻⁷ or more in ℓ.
    SoftmaxCrossEntropy,
}

/// Smallest probability inside a logarithm.
const PROBABILITY_FLOOR: f32 = 1e-7;

fn clamp_probability(p: f32) -> f32 {
    p.clamp(PROBABILITY_FLOOR, 1.0 - PROBABILITY_FLOOR)
}

impl Loss {
    /// Every loss, in the order the page lists them.
    pub const ALL: [Loss; 5] = [
        Loss::Squared,
        Loss::Absolute,
        Loss::Huber,
        Loss::BinaryCrossEntropy,
        Loss::SoftmaxCrossEntropy,
    ];

    /// The name used in configs and share links.
    pub fn name(self) -> &'static str {
        match self {
            Loss::Squared => "squared",
            Loss::Absolute => "absolute",
            Loss::Huber => "huber",
            Loss::BinaryCrossEntropy => "binaryCrossEntropy",
            Loss::SoftmaxCrossEntropy => "softmaxCrossEntropy",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Loss::Squared => "Squared error",
            Loss::Absolute => "Absolute error (MAE)",
            Loss::Huber => "Huber",
            Loss::BinaryCrossEntropy => "Binary cross-entropy (sigmoid output)",
            Loss::SoftmaxCrossEntropy => "Softmax cross-entropy",
        }
    }

    /// Whether the loss is a cross-entropy, taken after its own output activation
    /// (sigmoid or softmax) and differentiated through it: ∂ℓ/∂z = a − t.
    pub fn is_cross_entropy(self) -> bool {
        matches!(self, Loss::BinaryCrossEntropy | Loss::SoftmaxCrossEntropy)
    }

    /// ℓ(o, t).
    pub fn value(self, output: f32, target: f32) -> f32 {
        let error = output - target;
        match self {
            Loss::BinaryCrossEntropy => {
                let p = clamp_probability(output);
                -(target * p.ln() + (1.0 - target) * (1.0 - p).ln())
            }
            Loss::SoftmaxCrossEntropy => {
                if target == 0.0 {
                    0.0
                } else {
                    -target * output.max(PROBABILITY_FLOOR).ln()
                }
            }
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

    /// ∂ℓ/∂o at (o, t). Training with a cross-entropy uses
    /// [`Loss::weighted_sum_derivative`] instead; this is what ∂J/∂a shows.
    pub fn derivative(self, output: f32, target: f32) -> f32 {
        let error = output - target;
        match self {
            Loss::BinaryCrossEntropy => {
                let p = clamp_probability(output);
                error / (p * (1.0 - p))
            }
            Loss::SoftmaxCrossEntropy => -target / output.max(PROBABILITY_FLOOR),
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

    /// For a cross-entropy, ∂ℓ/∂z through its output activation: a − t.
    pub fn weighted_sum_derivative(self, output: f32, target: f32) -> f32 {
        debug_assert!(self.is_cross_entropy());
        output - target
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
        // −ln 0.8 and −ln(1 − 0.8).
        let bce = Loss::BinaryCrossEntropy;
        assert!((bce.value(0.8, 1.0) - 0.223_143_55).abs() < 1e-6);
        assert!((bce.value(0.8, 0.0) - 1.609_438).abs() < 1e-5);
        assert!((bce.value(1.0, 0.0) - 15.942_385).abs() < 1e-2, "clamped");
        assert!((bce.derivative(0.8, 1.0) + 1.25).abs() < 1e-5); // −1/p
        let softmax = Loss::SoftmaxCrossEntropy;
        assert!((softmax.value(0.25, 1.0) - std::f32::consts::LN_2 * 2.0).abs() < 1e-6);
        assert_eq!(softmax.value(0.6, 0.0), 0.0);
        assert_eq!(softmax.derivative(0.25, 1.0), -4.0);
        assert_eq!(softmax.weighted_sum_derivative(0.25, 1.0), -0.75);
    }

    #[test]
    fn cross_entropy_derivatives_match_finite_differences() {
        for loss in [Loss::BinaryCrossEntropy, Loss::SoftmaxCrossEntropy] {
            for (p, t) in [(0.3f32, 1.0f32), (0.7, 0.0), (0.55, 1.0)] {
                let h = 1e-3;
                let numeric = (loss.value(p + h, t) - loss.value(p - h, t)) / (2.0 * h);
                let analytic = loss.derivative(p, t);
                assert!((numeric - analytic).abs() < 1e-2, "{loss:?} {p} {t}");
            }
        }
    }
}
