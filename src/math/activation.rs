//! Activation functions: the non-linearity a = f(z) each neuron applies to its weighted sum.
//!
//! tanh and sigmoid are computed with [`crate::math::kernels::tanh_fast`] and
//! [`crate::math::kernels::sigmoid_fast`] (absolute error below 10⁻⁶), which vectorize.

use crate::math::kernels::{sigmoid_fast, tanh_fast};
use serde::{Deserialize, Serialize};

/// The slope of leaky relu for z ≤ 0.
const LEAK: f32 = 0.01;
/// √(2/π), for gelu's tanh form.
const GELU_SCALE: f32 = 0.797_884_6;
/// The cubic coefficient of gelu's tanh form.
const GELU_CUBIC: f32 = 0.044_715;

/// An activation function with its value and its derivative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Activation {
    /// Rectified linear unit: f(z) = max(0, z); f'(z) = 1 if z > 0, else 0.
    Relu,
    /// Hyperbolic tangent: f(z) = (e^z − e^−z) / (e^z + e^−z); f'(z) = 1 − f(z)².
    Tanh,
    /// Logistic sigmoid: f(z) = σ(z) = 1 / (1 + e^−z); f'(z) = f(z)·(1 − f(z)).
    Sigmoid,
    /// Identity: f(z) = z; f'(z) = 1.
    Linear,
    /// Leaky relu: f(z) = z if z > 0, else 0.01·z; f'(z) = 1 if z > 0, else 0.01.
    LeakyRelu,
    /// Exponential linear unit: f(z) = z if z > 0, else e^z − 1; f'(z) = 1 if z > 0,
    /// else e^z (= f(z) + 1).
    Elu,
    /// Swish (SiLU): f(z) = z·σ(z); f'(z) = σ(z) + z·σ(z)·(1 − σ(z)).
    Swish,
    /// Gaussian error linear unit, in its tanh form:
    /// f(z) = ½z·(1 + tanh u), u = √(2/π)·(z + 0.044715·z³);
    /// f'(z) = ½(1 + tanh u) + ½z·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715·z²).
    Gelu,
    /// Softplus: f(z) = ln(1 + e^z); f'(z) = σ(z) (= 1 − e^−f(z)).
    Softplus,
    /// Mish: f(z) = z·tanh(softplus z) = z·tanh(ln(1 + e^z));
    /// f'(z) = tanh(softplus z) + z·(1 − tanh²(softplus z))·σ(z).
    Mish,
    /// Sine: f(z) = sin z; f'(z) = cos z. Periodic: a neuron can carve stripes and rings
    /// the monotonic functions need several neurons for.
    Sine,
    /// Softmax, across the neurons of a layer: a_j = e^(z_j) / Σ_k e^(z_k), so the
    /// outputs are positive and sum to 1 (class probabilities). Not elementwise: only
    /// for the output layer of multi-class classification. Its Jacobian is
    /// ∂a_j/∂z_k = a_j·([j = k] − a_k).
    Softmax,
}

impl Activation {
    /// Every activation, in the order the page lists them.
    pub const ALL: [Activation; 11] = [
        Activation::Relu,
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Linear,
        Activation::LeakyRelu,
        Activation::Elu,
        Activation::Swish,
        Activation::Gelu,
        Activation::Softplus,
        Activation::Mish,
        Activation::Sine,
    ];

    /// The name used in configs, share links and model files.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Relu => "relu",
            Activation::Tanh => "tanh",
            Activation::Sigmoid => "sigmoid",
            Activation::Linear => "linear",
            Activation::LeakyRelu => "leakyRelu",
            Activation::Elu => "elu",
            Activation::Swish => "swish",
            Activation::Gelu => "gelu",
            Activation::Softplus => "softplus",
            Activation::Mish => "mish",
            Activation::Sine => "sine",
            Activation::Softmax => "softmax",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Activation::Relu => "ReLU",
            Activation::Tanh => "Tanh",
            Activation::Sigmoid => "Sigmoid",
            Activation::Linear => "Linear",
            Activation::LeakyRelu => "Leaky ReLU",
            Activation::Elu => "ELU",
            Activation::Swish => "Swish",
            Activation::Gelu => "GELU",
            Activation::Softplus => "Softplus",
            Activation::Mish => "Mish",
            Activation::Sine => "Sine",
            Activation::Softmax => "Softmax",
        }
    }

    /// Whether the backward pass needs z itself: f'(z) cannot be read from f(z) alone
    /// for functions that are not monotonic.
    pub fn needs_weighted_sum(self) -> bool {
        matches!(
            self,
            Activation::Swish | Activation::Gelu | Activation::Mish | Activation::Sine
        )
    }

    /// Whether the function acts on each neuron alone (every one but softmax).
    pub fn is_elementwise(self) -> bool {
        self != Activation::Softmax
    }

    /// f(z). For softmax, which needs the whole layer, this is the numerator e^z.
    #[inline(always)]
    pub fn value(self, z: f32) -> f32 {
        match self {
            Activation::Relu => z.max(0.0),
            Activation::Tanh => tanh_fast(z),
            Activation::Sigmoid => sigmoid_fast(z),
            Activation::Linear => z,
            Activation::LeakyRelu => {
                if z > 0.0 {
                    z
                } else {
                    LEAK * z
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    z
                } else {
                    z.exp_m1()
                }
            }
            Activation::Swish => z * sigmoid_fast(z),
            Activation::Gelu => {
                0.5 * z * (1.0 + tanh_fast(GELU_SCALE * (z + GELU_CUBIC * z * z * z)))
            }
            Activation::Softplus => softplus(z),
            Activation::Mish => z * tanh_fast(softplus(z)),
            Activation::Sine => z.sin(),
            Activation::Softmax => z.exp(),
        }
    }

    /// f'(z), from the pre-activation z and the output a = f(z) (only functions with
    /// [`Activation::needs_weighted_sum`] read z). For softmax, the diagonal of the
    /// Jacobian, a·(1 − a).
    #[inline(always)]
    pub fn derivative(self, z: f32, a: f32) -> f32 {
        match self {
            Activation::Relu => (a > 0.0) as u8 as f32,
            Activation::Tanh => 1.0 - a * a,
            Activation::Linear => 1.0,
            Activation::LeakyRelu => {
                if a > 0.0 {
                    1.0
                } else {
                    LEAK
                }
            }
            Activation::Elu => {
                if a > 0.0 {
                    1.0
                } else {
                    a + 1.0
                }
            }
            Activation::Swish => {
                let s = sigmoid_fast(z);
                s + z * s * (1.0 - s)
            }
            Activation::Gelu => {
                let t = tanh_fast(GELU_SCALE * (z + GELU_CUBIC * z * z * z));
                let du = GELU_SCALE * (1.0 + 3.0 * GELU_CUBIC * z * z);
                0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * du
            }
            Activation::Softplus => 1.0 - (-a).exp(),
            Activation::Mish => {
                let t = tanh_fast(softplus(z));
                t + z * (1.0 - t * t) * sigmoid_fast(z)
            }
            Activation::Sine => z.cos(),
            Activation::Sigmoid | Activation::Softmax => a * (1.0 - a),
        }
    }

    /// a = f(z) for a whole layer `[neurons][stride]`, in place.
    pub fn apply(self, values: &mut [f32], stride: usize) {
        // One loop per function, so each one vectorizes where it can.
        match self {
            Activation::Softmax => softmax_columns(values, stride),
            Activation::Relu => values.iter_mut().for_each(|v| *v = v.max(0.0)),
            Activation::Tanh => values.iter_mut().for_each(|v| *v = tanh_fast(*v)),
            Activation::Sigmoid => values.iter_mut().for_each(|v| *v = sigmoid_fast(*v)),
            Activation::Linear => {}
            other => values.iter_mut().for_each(|v| *v = other.value(*v)),
        }
    }

    /// ∂J/∂a → ∂J/∂z in place for a whole layer `[neurons][stride]`: `gradient *= f'(z)`
    /// given the layer's outputs a = f(z) and, for functions with
    /// [`Activation::needs_weighted_sum`], its z (otherwise `z` may be empty). For
    /// softmax, the Jacobian product per sample: ∂J/∂z_j = a_j·(∂J/∂a_j − Σ_k ∂J/∂a_k·a_k).
    pub fn scale_by_derivative(self, gradient: &mut [f32], z: &[f32], a: &[f32], stride: usize) {
        match self {
            Activation::Softmax => softmax_backward_columns(gradient, a, stride),
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
            other if other.needs_weighted_sum() => gradient
                .iter_mut()
                .zip(z)
                .for_each(|(g, &z)| *g *= other.derivative(z, 0.0)),
            other => gradient
                .iter_mut()
                .zip(a)
                .for_each(|(g, &a)| *g *= other.derivative(0.0, a)),
        }
    }
}

/// ln(1 + e^z), written so that e^z never overflows: max(0, z) + ln(1 + e^−|z|).
#[inline(always)]
fn softplus(z: f32) -> f32 {
    z.max(0.0) + (-z.abs()).exp().ln_1p()
}

/// Softmax down each column of `[neurons][stride]`, shifted by the column's maximum so
/// that e^z never overflows.
fn softmax_columns(values: &mut [f32], stride: usize) {
    let neurons = values.len() / stride.max(1);
    for column in 0..stride {
        let at = |j: usize| j * stride + column;
        let max = (0..neurons).fold(f32::NEG_INFINITY, |m, j| m.max(values[at(j)]));
        let mut sum = 0.0;
        for j in 0..neurons {
            let e = (values[at(j)] - max).exp();
            values[at(j)] = e;
            sum += e;
        }
        for j in 0..neurons {
            values[at(j)] /= sum;
        }
    }
}

/// ∂J/∂z_j = a_j·(g_j − Σ_k g_k·a_k) down each column, g = ∂J/∂a in place.
fn softmax_backward_columns(gradient: &mut [f32], a: &[f32], stride: usize) {
    let neurons = gradient.len() / stride.max(1);
    for column in 0..stride {
        let at = |j: usize| j * stride + column;
        let dot: f32 = (0..neurons).map(|j| gradient[at(j)] * a[at(j)]).sum();
        for j in 0..neurons {
            gradient[at(j)] = a[at(j)] * (gradient[at(j)] - dot);
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
        // Reference values computed in f64 with Python's math module.
        let close = |a: Activation, z: f32, expected: f32| {
            assert!((a.value(z) - expected).abs() < 1e-6, "{a:?}({z})");
        };
        close(Activation::LeakyRelu, -2.0, -0.02);
        close(Activation::Elu, -1.0, -0.632_120_56); // e^-1 - 1
        close(Activation::Swish, 1.0, 0.731_058_6); // 1 / (1 + e^-1)
        close(Activation::Gelu, 1.0, 0.841_192); // 0.5 (1 + tanh(sqrt(2/pi) 1.044715))
        close(Activation::Softplus, 0.0, std::f32::consts::LN_2);
        close(Activation::Softplus, -30.0, (-30.0f32).exp());
        close(Activation::Mish, 1.0, 0.865_098_4); // tanh(ln(1 + e)) = 0.8650983882673103
        close(Activation::Mish, -1.0, -0.303_401_4); // -tanh(ln(1 + e^-1))
        close(Activation::Sine, 1.0, 0.841_470_96); // sin 1
    }

    #[test]
    fn softmax_columns_sum_to_one_and_match_its_jacobian() {
        // Three neurons, two samples (stride 2); the second column is large, to check
        // the shift keeps e^z finite.
        let z = [1.0f32, 300.0, -0.5, 301.0, 2.0, 299.0];
        let mut a = z;
        Activation::Softmax.apply(&mut a, 2);
        for column in 0..2 {
            let sum: f32 = (0..3).map(|j| a[j * 2 + column]).sum();
            assert!((sum - 1.0).abs() < 1e-6);
        }
        let e = [1.0f64.exp(), (-0.5f64).exp(), 2.0f64.exp()];
        let total: f64 = e.iter().sum();
        for j in 0..3 {
            assert!((a[j * 2] as f64 - e[j] / total).abs() < 1e-6);
        }
        // J = Σ_j w_j·a_j for the first column; its gradient by finite differences.
        let w = [0.3f64, -1.2, 0.7];
        let cost = |z: &[f32; 6]| {
            let mut a = *z;
            Activation::Softmax.apply(&mut a, 2);
            (0..3).map(|j| w[j] * a[j * 2] as f64).sum::<f64>()
        };
        let mut gradient = [w[0] as f32, 0.0, w[1] as f32, 0.0, w[2] as f32, 0.0];
        Activation::Softmax.scale_by_derivative(&mut gradient, &[], &a, 2);
        for j in 0..3 {
            let (mut up, mut down) = (z, z);
            up[j * 2] += 1e-2;
            down[j * 2] -= 1e-2;
            let numeric = (cost(&up) - cost(&down)) / 2e-2;
            assert!((numeric - gradient[j * 2] as f64).abs() < 1e-4, "{j}");
        }
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
