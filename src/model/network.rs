//! The network: dense layers whose weights and biases live in one contiguous f32 buffer,
//! with forward and backward passes over a whole batch at once.
//!
//! Neuron j of a layer computes z_j = Σ_i β_ji·x_i + b_j and outputs a_j = f(z_j).
//!
//! # Shapes
//! - parameters: for each layer in turn, its weights `[outputs][inputs]` (row-major) then
//!   its biases `[outputs]`;
//! - a batch of inputs: `[inputs][stride]`, feature-major (one column per sample, see
//!   [`crate::math::kernels`]), likewise every layer's z and a `[neurons][stride]`.

use crate::math::activation::Activation;
use crate::math::kernels::{
    affine_columns, outer_product_columns, outer_product_rows, stride_for, transpose_columns,
    transposed_product_columns, LANES,
};

pub use super::workspace::Workspace;

/// The shape of one dense layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerShape {
    /// Number of inputs (neurons of the previous layer, or input features).
    pub inputs: usize,
    /// Number of neurons.
    pub outputs: usize,
    /// The activation every neuron of the layer applies.
    pub activation: Activation,
}

impl LayerShape {
    /// Weights plus biases.
    pub fn parameter_count(&self) -> usize {
        self.inputs * self.outputs + self.outputs
    }
}

/// What the gradient handed to [`Network::backward`] is taken with respect to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputGradient {
    /// ∂J/∂a of the output layer.
    Activation,
    /// ∂J/∂z of the output layer.
    WeightedSum,
}

/// A fully connected feed-forward network.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    layers: Vec<LayerShape>,
    /// Start of each layer's block (weights, then biases) in `parameters`.
    offsets: Vec<usize>,
    parameters: Vec<f32>,
}

impl Network {
    /// A network with every parameter zero (see
    /// [`Initialization::network`](crate::model::initialization::Initialization::network)
    /// for one with starting weights).
    pub fn zeroed(layers: Vec<LayerShape>) -> Self {
        let mut offsets = Vec::with_capacity(layers.len());
        let mut total = 0;
        for layer in &layers {
            offsets.push(total);
            total += layer.parameter_count();
        }
        Network {
            layers,
            offsets,
            parameters: vec![0.0; total],
        }
    }

    /// The layer shapes, input side first; the last one is the output layer.
    pub fn layers(&self) -> &[LayerShape] {
        &self.layers
    }

    /// Number of input features.
    pub fn input_count(&self) -> usize {
        self.layers.first().map_or(0, |layer| layer.inputs)
    }

    /// Every weight and bias, in the documented layout.
    pub fn parameters(&self) -> &[f32] {
        &self.parameters
    }

    /// Every weight and bias, writable.
    pub fn parameters_mut(&mut self) -> &mut [f32] {
        &mut self.parameters
    }

    /// Range of layer `index`'s weights within `parameters()`.
    pub fn weight_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.offsets[index];
        let layer = &self.layers[index];
        start..start + layer.inputs * layer.outputs
    }

    /// Range of layer `index`'s biases within `parameters()`.
    pub fn bias_range(&self, index: usize) -> std::ops::Range<usize> {
        let end = self.weight_range(index).end;
        end..end + self.layers[index].outputs
    }

    /// Layer `index`'s weights `[outputs][inputs]` and biases.
    pub fn layer_parameters(&self, index: usize) -> (&[f32], &[f32]) {
        let weights = self.weight_range(index);
        let biases = self.bias_range(index);
        (&self.parameters[weights], &self.parameters[biases])
    }

    /// Layer `index`'s weights and biases, writable.
    pub fn layer_parameters_mut(&mut self, index: usize) -> (&mut [f32], &mut [f32]) {
        let weights = self.weight_range(index);
        let split = weights.end - weights.start;
        let end = self.bias_range(index).end;
        let block = &mut self.parameters[weights.start..end];
        block.split_at_mut(split)
    }

    /// Forward pass of `batch` samples; `inputs` is `[input_count][stride]` with
    /// `stride = kernels::stride_for(batch)` and zero padding. Results stay in
    /// `workspace`.
    /// No dropout: this is the pass of evaluation (pictures, predictions, losses).
    pub fn forward(&self, inputs: &[f32], batch: usize, workspace: &mut Workspace) {
        self.forward_layers(inputs, batch, self.layers.len(), workspace);
    }

    /// `forward` of a training batch with dropout: after its activation, each layer
    /// with a mask in `workspace` multiplies its outputs by it, ã = m ⊙ f(z), and the
    /// layer above reads ã. [`Network::backward`] then applies the same mask.
    pub fn forward_with_dropout(&self, inputs: &[f32], batch: usize, workspace: &mut Workspace) {
        self.pass(inputs, batch, self.layers.len(), true, workspace);
    }

    /// `forward` through the first `layers` layers only: the later layers' outputs in
    /// `workspace` are left as they were.
    pub fn forward_layers(
        &self,
        inputs: &[f32],
        batch: usize,
        layers: usize,
        workspace: &mut Workspace,
    ) {
        self.pass(inputs, batch, layers, false, workspace);
    }

    /// The forward pass through the first `layers` layers, with the masks if `dropout`.
    fn pass(
        &self,
        inputs: &[f32],
        batch: usize,
        layers: usize,
        dropout: bool,
        workspace: &mut Workspace,
    ) {
        let stride = stride_for(batch);
        assert_eq!(inputs.len(), self.input_count() * stride, "input shape");
        workspace.masked = dropout;
        if dropout {
            workspace.masks.resize_with(self.layers.len(), Vec::new);
            workspace.unmasked.resize_with(self.layers.len(), Vec::new);
        }
        workspace.batch = batch;
        workspace.stride = stride;
        workspace
            .activations
            .resize_with(self.layers.len(), Vec::new);
        workspace
            .weighted_sums
            .resize_with(self.layers.len(), Vec::new);
        for (index, layer) in self.layers.iter().enumerate().take(layers) {
            let (weights, biases) = self.layer_parameters(index);
            let (below, rest) = workspace.activations.split_at_mut(index);
            let layer_input = if index == 0 {
                inputs
            } else {
                &below[index - 1]
            };
            let outputs = &mut rest[0];
            outputs.resize(layer.outputs * stride, 0.0);
            affine_columns(outputs, layer_input, stride, weights, biases);
            let sums = &mut workspace.weighted_sums[index];
            sums.clear();
            if workspace.record || layer.activation.needs_weighted_sum() {
                sums.extend_from_slice(outputs);
            }
            layer.activation.apply(outputs, stride);
            let mask = workspace.masks.get(index).map_or(&[][..], Vec::as_slice);
            if dropout && !mask.is_empty() {
                assert_eq!(mask.len(), outputs.len(), "mask shape");
                let unmasked = &mut workspace.unmasked[index];
                unmasked.clone_from(outputs);
                outputs.iter_mut().zip(mask).for_each(|(a, &m)| *a *= m);
            }
        }
    }

    /// Backward pass after `forward` on the same `inputs`: given the gradient of the
    /// cost for every output (`[outputs][stride]`, zero in the padding columns), writes
    /// ∂J/∂θ for every parameter θ into `gradient` (same layout as `parameters()`),
    /// summed over the batch. `with_respect_to` says whether `output_gradient` is ∂J/∂a
    /// of the output layer or already ∂J/∂z (a loss combined with its output activation,
    /// such as cross-entropy after softmax, whose ∂J/∂z = a − y is exact where the
    /// chain through ∂J/∂a would divide by a vanishing probability).
    ///
    /// Per layer, from the output down: ∂J/∂z = ∂J/∂a ⊙ f'(z) (after a forward pass with
    /// dropout, ∂J/∂a = m ⊙ ∂J/∂ã for a layer with mask m);
    /// ∂J/∂β_ji = Σ_samples ∂J/∂z_j · x_i; ∂J/∂b_j = Σ_samples ∂J/∂z_j;
    /// ∂J/∂x_i = Σ_j ∂J/∂z_j · β_ji (the ∂J/∂a of the layer below).
    pub fn backward(
        &self,
        inputs: &[f32],
        workspace: &mut Workspace,
        output_gradient: &[f32],
        with_respect_to: OutputGradient,
        gradient: &mut [f32],
    ) {
        let stride = workspace.stride;
        assert_eq!(gradient.len(), self.parameters.len(), "gradient shape");
        let last = self.layers.len() - 1;
        assert_eq!(output_gradient.len(), self.layers[last].outputs * stride);
        workspace.delta.clear();
        workspace.delta.extend_from_slice(output_gradient);
        if workspace.record {
            workspace
                .recorded_output_gradients
                .resize_with(self.layers.len(), Vec::new);
            workspace
                .recorded_deltas
                .resize_with(self.layers.len(), Vec::new);
        }
        for index in (0..self.layers.len()).rev() {
            let layer = self.layers[index];
            let given_delta = index == last && with_respect_to == OutputGradient::WeightedSum;
            if workspace.record {
                let recorded = &mut workspace.recorded_output_gradients[index];
                if given_delta {
                    recorded.clear();
                } else {
                    recorded.clone_from(&workspace.delta);
                }
            }
            let masked = workspace.masked && !workspace.mask(index).is_empty();
            if masked {
                // ã = m ⊙ a: ∂J/∂a = m ⊙ ∂J/∂ã, and f'(z) is read from a before the mask.
                workspace
                    .delta
                    .iter_mut()
                    .zip(&workspace.masks[index])
                    .for_each(|(g, &m)| *g *= m);
            }
            let a = if masked {
                &workspace.unmasked[index]
            } else {
                &workspace.activations[index]
            };
            let z = &workspace.weighted_sums[index];
            if !given_delta {
                layer
                    .activation
                    .scale_by_derivative(&mut workspace.delta, z, a, stride);
            }
            if workspace.record {
                workspace.recorded_deltas[index].clone_from(&workspace.delta);
            }
            let layer_input: &[f32] = if index == 0 {
                inputs
            } else {
                &workspace.activations[index - 1]
            };
            let weight_range = self.weight_range(index);
            let bias_range = self.bias_range(index);
            let (weight_gradient, bias_gradient) =
                gradient[weight_range.start..bias_range.end].split_at_mut(weight_range.len());
            if layer.inputs >= 4 * LANES {
                transpose_columns(
                    &mut workspace.transposed,
                    layer_input,
                    stride,
                    workspace.batch,
                );
                outer_product_rows(
                    weight_gradient,
                    bias_gradient,
                    &workspace.delta,
                    stride,
                    &workspace.transposed,
                    workspace.batch,
                );
            } else {
                outer_product_columns(
                    weight_gradient,
                    bias_gradient,
                    &workspace.delta,
                    layer_input,
                    stride,
                );
            }
            if index > 0 {
                let weights = &self.parameters[weight_range];
                workspace.delta_below.resize(layer.inputs * stride, 0.0);
                transposed_product_columns(
                    &mut workspace.delta_below,
                    &workspace.delta,
                    stride,
                    weights,
                );
                std::mem::swap(&mut workspace.delta, &mut workspace.delta_below);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_of_a_hand_built_network() {
        // One hidden neuron z = 2·x1 − x2 + 0.5, relu; output = 3·a − 1, linear.
        let mut network = Network::zeroed(vec![
            LayerShape {
                inputs: 2,
                outputs: 1,
                activation: Activation::Relu,
            },
            LayerShape {
                inputs: 1,
                outputs: 1,
                activation: Activation::Linear,
            },
        ]);
        network
            .parameters_mut()
            .copy_from_slice(&[2.0, -1.0, 0.5, 3.0, -1.0]);
        let mut workspace = Workspace::default();
        // Samples (1, 1) and (−1, 1), feature-major with a stride of 4 columns.
        let inputs = [1.0, -1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0];
        network.forward(&inputs, 2, &mut workspace);
        // Sample 1: z = 1.5, a = 1.5, o = 3.5. Sample 2: z = −2.5, a = 0, o = −1.
        assert_eq!(workspace.output(), &[3.5, -1.0]);
        assert_eq!(&workspace.activations(0)[..2], &[1.5, 0.0]);
    }
}
