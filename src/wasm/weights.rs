//! Reading and editing the network's weights and biases.

use super::crossing::js_error;
use super::Playground;
use js_sys::{Float32Array, Uint32Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Address of every weight and bias (f32) in wasm memory.
    #[wasm_bindgen(js_name = parametersPtr)]
    pub fn parameters_ptr(&self) -> *const f32 {
        self.trainer.network().parameters().as_ptr()
    }

    /// Number of weights and biases.
    #[wasm_bindgen(js_name = parametersLen)]
    pub fn parameters_len(&self) -> usize {
        self.trainer.network().parameters().len()
    }

    /// `[inputs, hidden…, outputs]`: neurons per layer, the inputs first.
    #[wasm_bindgen(js_name = layerSizes)]
    pub fn layer_sizes(&self) -> Uint32Array {
        let network = self.trainer.network();
        let sizes: Vec<u32> = std::iter::once(network.input_count())
            .chain(network.layers().iter().map(|layer| layer.outputs))
            .map(|size| size as u32)
            .collect();
        Uint32Array::from(&sizes[..])
    }

    /// Sets the weight from `input` to `neuron` of `layer` (0: the first hidden layer).
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(
        &mut self,
        layer: usize,
        neuron: usize,
        input: usize,
        value: f32,
    ) -> Result<(), JsValue> {
        self.trainer
            .set_weight(layer, neuron, input, value)
            .map_err(js_error)
    }

    /// Sets the bias of `neuron` of `layer`.
    #[wasm_bindgen(js_name = setBias)]
    pub fn set_bias(&mut self, layer: usize, neuron: usize, value: f32) -> Result<(), JsValue> {
        self.trainer
            .set_bias(layer, neuron, value)
            .map_err(js_error)
    }

    /// Index in `parameters()` of the weight from `input` to `neuron` of `layer`.
    #[wasm_bindgen(js_name = parameterIndex)]
    pub fn parameter_index(
        &self,
        layer: usize,
        neuron: usize,
        input: usize,
    ) -> Result<usize, JsValue> {
        self.trainer
            .weight_index(layer, neuron, input)
            .map_err(js_error)
    }

    /// Index in `parameters()` of the bias of `neuron` of `layer`.
    #[wasm_bindgen(js_name = biasIndex)]
    pub fn bias_index(&self, layer: usize, neuron: usize) -> Result<usize, JsValue> {
        self.trainer.bias_index(layer, neuron).map_err(js_error)
    }

    /// A copy of every weight and bias.
    pub fn parameters(&self) -> Float32Array {
        Float32Array::from(self.trainer.network().parameters())
    }

    /// Restores a `parameters()` snapshot taken at `epoch` into a new core (after a
    /// crash): the epoch counts on from there, the loss history starts again there.
    /// Refused, nothing changed, for another shape or an epoch past the limit.
    #[wasm_bindgen(js_name = restoreWeights)]
    pub fn restore_weights(&mut self, parameters: &[f32], epoch: u32) -> Result<(), JsValue> {
        self.trainer
            .restore_weights(parameters, epoch)
            .map_err(js_error)
    }
}
