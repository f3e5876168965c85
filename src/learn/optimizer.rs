//! Optimizers: how a gradient becomes a step. Plain gradient descent and the methods
//! that keep a running memory of past gradients (momentum, Nesterov, RMSProp, Adam).
//!
//! With learning rate α, gradient g (of the cost J, penalty included) and, per
//! parameter, a velocity v, a mean square s and Adam's moments m, u after t steps:
//!
//! | optimizer | state update | step |
//! |---|---|---|
//! | sgd | — | θ ← θ − α·g |
//! | momentum | v ← μ·v + g | θ ← θ − α·v |
//! | nesterov | v ← μ·v + g | θ ← θ − α·(g + μ·v) |
//! | rmsprop | s ← ρ·s + (1 − ρ)·g² | θ ← θ − α·g / (√s + ε) |
//! | adam | m ← β₁·m + (1 − β₁)·g; u ← β₂·u + (1 − β₂)·g² | θ ← θ − α·m̂ / (√û + ε), m̂ = m/(1 − β₁ᵗ), û = u/(1 − β₂ᵗ) |
//!
//! (momentum and Nesterov as PyTorch writes them; every state starts at zero.)

use serde::{Deserialize, Serialize};

/// Which update rule turns gradients into steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Optimizer {
    /// Plain (stochastic) gradient descent.
    Sgd,
    /// Gradient descent with momentum μ.
    Momentum,
    /// Nesterov's accelerated gradient with momentum μ.
    Nesterov,
    /// RMSProp with decay ρ.
    Rmsprop,
    /// Adam with β₁, β₂.
    Adam,
}

impl Optimizer {
    /// Every optimizer, in the order the page lists them.
    pub const ALL: [Optimizer; 5] = [
        Optimizer::Sgd,
        Optimizer::Momentum,
        Optimizer::Nesterov,
        Optimizer::Rmsprop,
        Optimizer::Adam,
    ];

    /// The name used in configs and share links.
    pub fn name(self) -> &'static str {
        match self {
            Optimizer::Sgd => "sgd",
            Optimizer::Momentum => "momentum",
            Optimizer::Nesterov => "nesterov",
            Optimizer::Rmsprop => "rmsprop",
            Optimizer::Adam => "adam",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Optimizer::Sgd => "SGD",
            Optimizer::Momentum => "Momentum",
            Optimizer::Nesterov => "Nesterov",
            Optimizer::Rmsprop => "RMSProp",
            Optimizer::Adam => "Adam",
        }
    }
}

/// An optimizer with its hyperparameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OptimizerSettings {
    /// The update rule.
    pub optimizer: Optimizer,
    /// α.
    pub learning_rate: f32,
    /// μ, for momentum and Nesterov.
    pub momentum: f32,
    /// ρ, for RMSProp.
    pub rms_decay: f32,
    /// β₁, for Adam.
    pub beta1: f32,
    /// β₂, for Adam.
    pub beta2: f32,
    /// ε, for RMSProp and Adam.
    pub epsilon: f32,
}

/// What an optimizer remembers between steps, one value per parameter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptimizerState {
    /// v (momentum, Nesterov) or m (Adam).
    first: Vec<f32>,
    /// s (RMSProp) or u (Adam).
    second: Vec<f32>,
    /// Steps taken, for Adam's bias correction.
    steps: i32,
}

impl OptimizerState {
    /// What it remembers: the first and second memories (empty before the first step)
    /// and the steps taken.
    pub fn memory(&self) -> (&[f32], &[f32], i32) {
        (&self.first, &self.second, self.steps)
    }

    /// Remembers `first`, `second` and `steps` (as [`OptimizerState::memory`] gave them).
    pub fn from_memory(first: Vec<f32>, second: Vec<f32>, steps: i32) -> Self {
        OptimizerState {
            first,
            second,
            steps,
        }
    }

    /// Forgets everything: the next step is the first.
    pub fn clear(&mut self) {
        self.first.clear();
        self.second.clear();
        self.steps = 0;
    }

    /// Moves `parameters` one step against `gradient`.
    pub fn step(&mut self, parameters: &mut [f32], gradient: &[f32], settings: &OptimizerSettings) {
        let n = parameters.len();
        self.first.resize(n, 0.0);
        self.second.resize(n, 0.0);
        self.steps = self.steps.saturating_add(1);
        let rate = settings.learning_rate;
        let state = self.first.iter_mut().zip(self.second.iter_mut());
        let all = parameters.iter_mut().zip(gradient).zip(state);
        match settings.optimizer {
            Optimizer::Sgd => {
                for (theta, &g) in parameters.iter_mut().zip(gradient) {
                    *theta -= rate * g;
                }
            }
            Optimizer::Momentum => {
                for ((theta, &g), (v, _)) in all {
                    *v = settings.momentum * *v + g;
                    *theta -= rate * *v;
                }
            }
            Optimizer::Nesterov => {
                for ((theta, &g), (v, _)) in all {
                    *v = settings.momentum * *v + g;
                    *theta -= rate * (g + settings.momentum * *v);
                }
            }
            Optimizer::Rmsprop => {
                let rho = settings.rms_decay;
                for ((theta, &g), (_, s)) in all {
                    *s = rho * *s + (1.0 - rho) * g * g;
                    *theta -= rate * g / (s.sqrt() + settings.epsilon);
                }
            }
            Optimizer::Adam => {
                let (beta1, beta2) = (settings.beta1, settings.beta2);
                let correction1 = 1.0 - beta1.powi(self.steps);
                let correction2 = 1.0 - beta2.powi(self.steps);
                for ((theta, &g), (m, u)) in all {
                    *m = beta1 * *m + (1.0 - beta1) * g;
                    *u = beta2 * *u + (1.0 - beta2) * g * g;
                    let m_hat = *m / correction1;
                    let u_hat = *u / correction2;
                    *theta -= rate * m_hat / (u_hat.sqrt() + settings.epsilon);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(optimizer: Optimizer) -> OptimizerSettings {
        OptimizerSettings {
            optimizer,
            learning_rate: 0.1,
            momentum: 0.9,
            rms_decay: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        }
    }

    /// Two steps on one parameter θ = 1 with gradients 0.5 then −0.25, against values
    /// derived by hand (α = 0.1, μ = 0.9, ρ = 0.9, β₁ = 0.9, β₂ = 0.999, ε = 1e-8).
    #[test]
    fn two_steps_match_hand_derived_values() {
        let cases = [
            // sgd: 1 − 0.1·0.5 = 0.95; 0.95 + 0.1·0.25 = 0.975.
            (Optimizer::Sgd, 0.95, 0.975),
            // momentum: v = 0.5, θ = 0.95; v = 0.45 − 0.25 = 0.2, θ = 0.95 − 0.02 = 0.93.
            (Optimizer::Momentum, 0.95, 0.93),
            // nesterov: v = 0.5, θ = 1 − 0.1·(0.5 + 0.45) = 0.905;
            // v = 0.2, θ = 0.905 − 0.1·(−0.25 + 0.18) = 0.912.
            (Optimizer::Nesterov, 0.905, 0.912),
            // rmsprop: s = 0.025, θ = 1 − 0.1·0.5/√0.025 = 0.683772;
            // s = 0.0225 + 0.00625 = 0.02875, θ = 0.683772 + 0.1·0.25/√0.02875 = 0.831214.
            (Optimizer::Rmsprop, 0.683_772, 0.831_214),
            // adam: m̂ = 0.5, û = 0.25, θ = 1 − 0.1 = 0.9;
            // m = 0.045 − 0.025 = 0.02, m̂ = 0.02/0.19 = 0.105263;
            // u = 0.00024975 + 0.0000625 = 0.00031225, û = 0.00031225/0.001999 = 0.156203;
            // θ = 0.9 − 0.1·0.105263/0.395225 = 0.873366.
            (Optimizer::Adam, 0.9, 0.873_366),
        ];
        for (optimizer, first, second) in cases {
            let mut state = OptimizerState::default();
            let mut theta = [1.0f32];
            state.step(&mut theta, &[0.5], &settings(optimizer));
            assert!(
                (theta[0] - first).abs() < 1e-5,
                "{optimizer:?} step 1: {}",
                theta[0]
            );
            state.step(&mut theta, &[-0.25], &settings(optimizer));
            assert!(
                (theta[0] - second).abs() < 1e-5,
                "{optimizer:?} step 2: {}",
                theta[0]
            );
        }
    }
}
