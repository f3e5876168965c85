//! Activation functions: the non-linearity a = f(z) each neuron applies to its weighted sum.
//!
//! tanh and sigmoid are computed with [`crate::kernels::tanh_fast`] and
//! [`crate::kernels::sigmoid_fast`] (absolute error below 10⁻⁶), which vectorize.

use crate::kernels::{sigmoid_fast, tanh_fast};
use serde::{Deserialize, Serialize};

/// An activation function with its value and its derivative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Activation {
    /// Rectified linear unit: f(z) = max(0, z); f'(z) = 1 if z > 0, else 0.
    Relu,
    /// Hyperbolic tangent: f(z) = (e^z − e^−z) / (e^z + e^−z); f'(z) = 1 − f(z)².
    Tanh,
    /// Logistic sigmoid: f(z) = 1 / (1 + e^−z); f'(z) = f(z)·(1 − f(z)).
    Sigmoid,
    /// Identity: f(z) = z; f'(z) = 1.
    Linear,
}

impl Activation {
    /// Every activation, in the order the page lists them.
    pub const ALL: [Activation; 4] = [
        Activation::Relu,
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Linear,
    ];

    /// The name used in configs, share links and model files.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Relu => "relu",
            Activation::Tanh => "tanh",
            Activation::Sigmoid => "sigmoid",
            Activation::Linear => "linear",
        }
    }

    /// f(z).
    pub fn value(self, z: f32) -> f32 {
        match self {
            Activation::Relu => z.max(0.0),
            Activation::Tanh => tanh_fast(z),
            Activation::Sigmoid => sigmoid_fast(z),
            Activation::Linear => z,
        }
    }

    /// f'(z), computed from the pre-activation z and the output a = f(z)
    /// (whichever is cheaper for the function at hand).
    pub fn derivative(self, z: f32, a: f32) -> f32 {
        match self {
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Tanh => 1.0 - a * a,
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Linear => 1.0,
        }
    }

    /// a = f(z) for a whole row, in place.
    pub fn apply(self, values: &mut [f32]) {
        // One loop per function, so each one vectorizes.
        match self {
            Activation::Relu => values.iter_mut().for_each(|v| *v = v.max(0.0)),
            Activation::Tanh => values.iter_mut().for_each(|v| *v = tanh_fast(*v)),
            Activation::Sigmoid => values.iter_mut().for_each(|v| *v = sigmoid_fast(*v)),
            Activation::Linear => {}
        }
    }

    /// `gradient *= f'(z)` for a whole row, from the row's outputs a = f(z) alone
    /// (for relu, z > 0 exactly where a > 0).
    pub fn scale_by_derivative(self, gradient: &mut [f32], a: &[f32]) {
        match self {
            Activation::Relu => gradient
                .iter_mut()
                .zip(a)
                .for_each(|(g, &a)| *g = if a > 0.0 { *g } else { 0.0 }),
            Activation::Tanh => gradient
                .iter_mut()
                .zip(a)
                .for_each(|(g, &a)| *g *= 1.0 - a * a),
            Activation::Sigmoid => gradient
                .iter_mut()
                .zip(a)
                .for_each(|(g, &a)| *g *= a * (1.0 - a)),
            Activation::Linear => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_at_known_points() {
        assert_eq!(Activation::Relu.value(-2.0), 0.0);
        assert_eq!(Activation::Relu.value(3.0), 3.0);
        assert!((Activation::Tanh.value(0.5) - 0.462_117_16).abs() < 1e-6);
        assert!((Activation::Sigmoid.value(0.0) - 0.5).abs() < 1e-7);
        assert_eq!(Activation::Linear.value(-1.25), -1.25);
    }

    #[test]
    fn derivative_matches_finite_difference() {
        for activation in Activation::ALL {
            for &z in &[-2.3f32, -0.4, 0.7, 1.9] {
                let h = 1e-3f64;
                let f = |x: f64| activation.value(x as f32) as f64;
                let numeric = (f(z as f64 + h) - f(z as f64 - h)) / (2.0 * h);
                let analytic = activation.derivative(z, activation.value(z)) as f64;
                assert!(
                    (numeric - analytic).abs() < 2e-3,
                    "{activation:?} at {z}: {numeric} vs {analytic}"
                );
            }
        }
    }
}
