//! The scratch buffers of a forward and backward pass, and what inspecting a pass reads
//! from them: every layer's z, a, ∂J/∂a and ∂J/∂z, and the dropout masks.

/// Scratch buffers of a forward and backward pass; reused so that training allocates
/// nothing once the largest batch has been seen.
///
/// Every matrix is feature-major (see [`crate::math::kernels`]): `[neurons][stride]`, one
/// column per sample, `stride` the batch rounded up to a multiple of
/// [`crate::math::kernels::LANES`].
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub(super) batch: usize,
    pub(super) stride: usize,
    /// Pre-activations z of the layers whose activation needs them for the backward
    /// pass (see `Activation::needs_weighted_sum`); empty for the others.
    pub(super) weighted_sums: Vec<Vec<f32>>,
    /// Activations a = f(z) of each layer.
    pub(super) activations: Vec<Vec<f32>>,
    /// ∂J/∂z of the current layer during the backward pass.
    pub(super) delta: Vec<f32>,
    /// ∂J/∂a of the layer below during the backward pass.
    pub(super) delta_below: Vec<f32>,
    /// A layer's inputs sample-major `[batch][inputs]` during the backward pass.
    pub(super) transposed: Vec<f32>,
    /// Whether passes keep every layer's z, ∂J/∂a and ∂J/∂z (for inspecting a sample).
    pub(super) record: bool,
    /// Per layer, ∂J/∂a of the last backward pass (when recording).
    pub(super) recorded_output_gradients: Vec<Vec<f32>>,
    /// Per layer, ∂J/∂z of the last backward pass (when recording).
    pub(super) recorded_deltas: Vec<Vec<f32>>,
    /// Per layer, the dropout mask `[outputs][stride]` (0 for a dropped output, 1/(1 − p)
    /// for a kept one) that [`Network::forward_with_dropout`](super::network::Network::forward_with_dropout) applies; empty for a layer
    /// without dropout. See [`crate::model::dropout`].
    pub(super) masks: Vec<Vec<f32>>,
    /// Per layer with a mask, a = f(z) before the mask (the backward pass needs f'(z)).
    pub(super) unmasked: Vec<Vec<f32>>,
    /// Whether the last forward pass applied the masks.
    pub(super) masked: bool,
}

impl Workspace {
    /// The activations of layer `layer` for the last forward pass, `[outputs][stride]`.
    pub fn activations(&self, layer: usize) -> &[f32] {
        &self.activations[layer]
    }

    /// The outputs a of one neuron for the last forward pass, one per sample.
    pub fn neuron_outputs(&self, layer: usize, neuron: usize) -> &[f32] {
        &self.activations[layer][neuron * self.stride..][..self.batch]
    }

    /// The (first) output neuron's values for the last forward pass, one per sample.
    pub fn output(&self) -> &[f32] {
        match self.activations.len() {
            0 => &[],
            layers => self.neuron_outputs(layers - 1, 0),
        }
    }

    /// A workspace whose passes keep every layer's z, ∂J/∂a and ∂J/∂z.
    pub fn recording() -> Self {
        Workspace {
            record: true,
            ..Workspace::default()
        }
    }

    /// z of layer `layer` (`[outputs][stride]`): kept for every layer when recording,
    /// otherwise only for activations that need it (empty for the others).
    pub fn weighted_sums(&self, layer: usize) -> &[f32] {
        &self.weighted_sums[layer]
    }

    /// ∂J/∂a of layer `layer` from the last backward pass of a recording workspace
    /// (empty for the output layer when the pass was given ∂J/∂z).
    pub fn output_gradients(&self, layer: usize) -> &[f32] {
        &self.recorded_output_gradients[layer]
    }

    /// ∂J/∂z of layer `layer` from the last backward pass of a recording workspace.
    pub fn deltas(&self, layer: usize) -> &[f32] {
        &self.recorded_deltas[layer]
    }

    /// The dropout mask of layer `layer` (`[outputs][stride]`; empty without dropout).
    pub fn mask(&self, layer: usize) -> &[f32] {
        self.masks.get(layer).map_or(&[], Vec::as_slice)
    }

    /// Every layer's dropout mask, writable, to draw the next batch's (see
    /// [`crate::model::dropout::draw_masks`]).
    pub fn masks_mut(&mut self) -> &mut Vec<Vec<f32>> {
        &mut self.masks
    }

    /// Whether any layer has a dropout mask.
    pub fn has_masks(&self) -> bool {
        self.masks.iter().any(|mask| !mask.is_empty())
    }

    /// Whether the last forward pass applied dropout masks.
    pub fn masked(&self) -> bool {
        self.masked
    }

    /// Number of samples in the last forward pass.
    pub fn batch(&self) -> usize {
        self.batch
    }

    /// Row length of every matrix of the last forward pass.
    pub fn stride(&self) -> usize {
        self.stride
    }
}
