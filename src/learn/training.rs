//! One step of learning: the cost of a mini-batch, its gradient, and the gradient
//! descent update.
//!
//! For a batch of B samples with outputs o and targets t, the cost is
//!
//! J = (1/B) Σ_samples L(o, t) + λ·Σ_w R(w)
//!
//! (the mean loss plus the penalty over every weight, biases excluded; L sums over the
//! output neurons, see [`crate::math::loss`]). The gradient is therefore averaged over the
//! batch, and one step of gradient descent moves every parameter θ against it:
//! θ ← θ − α·∂J/∂θ.

use crate::learn::objective::Objective;
use crate::math::regularization::Regularization;
use crate::model::network::{Network, Workspace};

/// How the cost is formed and how far each step goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepSettings {
    /// The problem and its per-sample loss L.
    pub objective: Objective,
    /// Weight penalty R.
    pub regularization: Regularization,
    /// λ.
    pub regularization_rate: f32,
    /// α.
    pub learning_rate: f32,
}

/// Buffers reused from step to step.
#[derive(Clone, Debug, Default)]
pub struct StepBuffers {
    workspace: Workspace,
    output_gradient: Vec<f32>,
    gradient: Vec<f32>,
}

impl StepBuffers {
    /// Buffers whose passes keep every layer's z, ∂J/∂a and ∂J/∂z (see
    /// [`Workspace::recording`]).
    pub fn recording() -> Self {
        StepBuffers {
            workspace: Workspace::recording(),
            ..StepBuffers::default()
        }
    }

    /// The workspace of the last pass.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The workspace, writable: where the next batch's dropout masks are drawn (see
    /// [`crate::model::dropout::draw_masks`]).
    pub fn workspace_mut(&mut self) -> &mut Workspace {
        &mut self.workspace
    }

    /// ∂J/∂θ of the last `cost_and_gradient` call, laid out like the parameters.
    pub fn gradient(&self) -> &[f32] {
        &self.gradient
    }
}

/// Leaves ∂J/∂θ of the batch in `buffers.gradient()` (`inputs` is feature-major
/// `[input_count][stride]`, see [`crate::math::kernels`]; one label per sample, see
/// [`Objective::target`]). With dropout masks in the buffers' workspace, the pass drops
/// what they say (a training batch); without, it is the plain pass. Returns whether
/// every output of the batch was finite.
pub fn compute_gradient(
    network: &Network,
    inputs: &[f32],
    labels: &[f32],
    settings: &StepSettings,
    buffers: &mut StepBuffers,
) -> bool {
    let batch = labels.len();
    if batch == 0 {
        // No points (an empty own dataset): nothing to learn from, a zero gradient.
        buffers.gradient.clear();
        buffers.gradient.resize(network.parameters().len(), 0.0);
        return true;
    }
    if buffers.workspace.has_masks() {
        network.forward_with_dropout(inputs, batch, &mut buffers.workspace);
    } else {
        network.forward(inputs, batch, &mut buffers.workspace);
    }
    let scale = 1.0 / batch as f32;
    let stride = buffers.workspace.stride();
    let outputs = output_layer(network, &buffers.workspace);
    let finite = (0..network.layers()[network.layers().len() - 1].outputs)
        .all(|k| outputs[k * stride..][..batch].iter().all(|o| o.is_finite()));
    // Padding columns keep a zero gradient, so they add nothing to the sums.
    let with_respect_to = settings.objective.output_gradient(
        outputs,
        stride,
        labels,
        scale,
        &mut buffers.output_gradient,
    );
    buffers.gradient.resize(network.parameters().len(), 0.0);
    network.backward(
        inputs,
        &mut buffers.workspace,
        &buffers.output_gradient,
        with_respect_to,
        &mut buffers.gradient,
    );
    if settings.regularization != Regularization::None {
        for index in 0..network.layers().len() {
            let range = network.weight_range(index);
            let weights = &network.parameters()[range.clone()];
            for (g, &w) in buffers.gradient[range].iter_mut().zip(weights) {
                *g += settings.regularization_rate * settings.regularization.derivative(w);
            }
        }
    }
    finite
}

/// Like [`compute_gradient`], and returns the cost J of the batch.
pub fn cost_and_gradient(
    network: &Network,
    inputs: &[f32],
    labels: &[f32],
    settings: &StepSettings,
    buffers: &mut StepBuffers,
) -> f32 {
    compute_gradient(network, inputs, labels, settings, buffers);
    cost_of_pass(network, &buffers.workspace, labels, settings)
}

/// θ ← θ − α·∂J/∂θ for every parameter, with the gradient of the last
/// [`compute_gradient`] call.
pub fn apply_gradient_descent(
    network: &mut Network,
    settings: &StepSettings,
    buffers: &StepBuffers,
) {
    let rate = settings.learning_rate;
    for (theta, g) in network.parameters_mut().iter_mut().zip(&buffers.gradient) {
        *theta -= rate * g;
    }
}

/// J of a set of samples (mean loss plus penalty), from a forward pass only.
pub fn cost(
    network: &Network,
    inputs: &[f32],
    labels: &[f32],
    settings: &StepSettings,
    workspace: &mut Workspace,
) -> f32 {
    network.forward(inputs, labels.len(), workspace);
    cost_of_pass(network, workspace, labels, settings)
}

/// The output layer's values `[outputs][stride]` of the last pass.
pub fn output_layer<'a>(network: &Network, workspace: &'a Workspace) -> &'a [f32] {
    workspace.activations(network.layers().len() - 1)
}

/// The mean loss (1/B) Σ L(o, t) of the last pass over `labels`.
pub fn mean_loss(
    network: &Network,
    workspace: &Workspace,
    labels: &[f32],
    objective: &Objective,
) -> f32 {
    mean_loss_of(
        output_layer(network, workspace),
        workspace.stride(),
        labels,
        objective,
    )
}

/// The mean loss (1/B) Σ L(o, t) of `outputs` (`[outputs][stride]`) for `labels`.
pub fn mean_loss_of(outputs: &[f32], stride: usize, labels: &[f32], objective: &Objective) -> f32 {
    objective.total_loss(outputs, stride, labels) / labels.len().max(1) as f32
}

/// J = (1/B) Σ L(o, t) + λ·Σ_w R(w) for the last pass of `network`.
fn cost_of_pass(
    network: &Network,
    workspace: &Workspace,
    labels: &[f32],
    settings: &StepSettings,
) -> f32 {
    let mean_loss = mean_loss(network, workspace, labels, &settings.objective);
    let penalty: f32 = (0..network.layers().len())
        .flat_map(|index| &network.parameters()[network.weight_range(index)])
        .map(|&w| settings.regularization.value(w))
        .sum();
    mean_loss + settings.regularization_rate * penalty
}
