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
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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

    /// Moves `parameters` one step against `gradient`: each parameter by the Δθ
    /// [`OptimizerState::preview`] gives, its memories set to the ones it gives.
    pub fn step(&mut self, parameters: &mut [f32], gradient: &[f32], settings: &OptimizerSettings) {
        let n = parameters.len();
        self.first.resize(n, 0.0);
        self.second.resize(n, 0.0);
        self.steps = self.steps.saturating_add(1);
        if settings.optimizer == Optimizer::Sgd {
            // No memory: one loop the compiler vectorizes, the same Δθ = −(α·g).
            let rate = settings.learning_rate;
            for (theta, &g) in parameters.iter_mut().zip(gradient) {
                *theta += -(rate * g);
            }
            return;
        }
        let corrections = Corrections::new(settings, self.steps);
        let state = self.first.iter_mut().zip(self.second.iter_mut());
        for ((theta, &g), (first, second)) in parameters.iter_mut().zip(gradient).zip(state) {
            let step = parameter_step(settings, &corrections, g, *first, *second);
            *first = step.first;
            *second = step.second;
            *theta += step.delta;
        }
    }

    /// The step [`OptimizerState::step`] would take next with `gradient`, one entry per
    /// parameter, with the step count t it would use; the memory is left as it is.
    pub fn preview(&self, gradient: &[f32], settings: &OptimizerSettings) -> StepPreview {
        let steps = self.steps.saturating_add(1);
        let corrections = Corrections::new(settings, steps);
        let remembered = |memory: &[f32], i: usize| memory.get(i).copied().unwrap_or(0.0);
        let parameters = gradient
            .iter()
            .enumerate()
            .map(|(i, &g)| {
                let (first, second) = (remembered(&self.first, i), remembered(&self.second, i));
                parameter_step(settings, &corrections, g, first, second)
            })
            .collect();
        StepPreview { steps, parameters }
    }
}

/// The next step of every parameter, as [`OptimizerState::preview`] gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct StepPreview {
    /// t: the steps taken once this one is (Adam's bias correction uses it).
    pub steps: i32,
    /// One per parameter, in the layout of the gradient.
    pub parameters: Vec<ParameterStep>,
}

/// One parameter's step: its memories before and after, the numbers in between and
/// Δθ. Memories an optimizer does not use stay as they were (zero).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParameterStep {
    /// v (momentum, Nesterov) or m (Adam) before the step.
    pub first_before: f32,
    /// s (RMSProp) or u (Adam) before the step.
    pub second_before: f32,
    /// v or m after the step.
    pub first: f32,
    /// s or u after the step.
    pub second: f32,
    /// Nesterov's look-ahead g + μ·v; Adam's m̂ = m/(1 − β₁ᵗ); otherwise 0.
    pub first_hat: f32,
    /// Adam's û = u/(1 − β₂ᵗ); otherwise 0.
    pub second_hat: f32,
    /// Δθ: what the step adds to the parameter.
    pub delta: f32,
}

/// Adam's bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ for step t.
struct Corrections {
    first: f32,
    second: f32,
}

impl Corrections {
    fn new(settings: &OptimizerSettings, steps: i32) -> Self {
        Corrections {
            first: 1.0 - settings.beta1.powi(steps),
            second: 1.0 - settings.beta2.powi(steps),
        }
    }
}

/// The one formula of every optimizer: one parameter's step with gradient `g` and
/// memories `first`, `second` (see the table at the top).
fn parameter_step(
    settings: &OptimizerSettings,
    corrections: &Corrections,
    g: f32,
    first: f32,
    second: f32,
) -> ParameterStep {
    let rate = settings.learning_rate;
    let mut step = ParameterStep {
        first_before: first,
        second_before: second,
        first,
        second,
        ..ParameterStep::default()
    };
    match settings.optimizer {
        Optimizer::Sgd => step.delta = -(rate * g),
        Optimizer::Momentum => {
            step.first = settings.momentum * first + g;
            step.delta = -(rate * step.first);
        }
        Optimizer::Nesterov => {
            step.first = settings.momentum * first + g;
            step.first_hat = g + settings.momentum * step.first;
            step.delta = -(rate * step.first_hat);
        }
        Optimizer::Rmsprop => {
            let rho = settings.rms_decay;
            step.second = rho * second + (1.0 - rho) * g * g;
            step.delta = -(rate * g / (step.second.sqrt() + settings.epsilon));
        }
        Optimizer::Adam => {
            let (beta1, beta2) = (settings.beta1, settings.beta2);
            step.first = beta1 * first + (1.0 - beta1) * g;
            step.second = beta2 * second + (1.0 - beta2) * g * g;
            step.first_hat = step.first / corrections.first;
            step.second_hat = step.second / corrections.second;
            step.delta = -(rate * step.first_hat / (step.second_hat.sqrt() + settings.epsilon));
        }
    }
    step
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
