//! Editing the network by hand: every parameter at once, or one weight or bias, located
//! by layer, neuron and input.

use super::Trainer;
use crate::model::network::LayerShape;

impl Trainer {
    /// Replaces every weight and bias (same layout as `Network::parameters`).
    pub fn set_parameters(&mut self, parameters: &[f32]) -> Result<(), String> {
        let expected = self.network.parameters().len();
        if parameters.len() != expected {
            return Err(format!(
                "expected {expected} parameters for this network, got {}",
                parameters.len()
            ));
        }
        if parameters.iter().any(|p| !p.is_finite()) {
            return Err("every parameter must be a finite number".to_string());
        }
        self.network.parameters_mut().copy_from_slice(parameters);
        self.divergence = None;
        self.remeasure();
        Ok(())
    }

    /// Where the weight from `input` to `neuron` of `layer` sits in
    /// `Network::parameters`: `layer` 0 is the first layer after the inputs, the last
    /// layer is the output layer; `input` indexes the layer's inputs.
    pub fn weight_index(&self, layer: usize, neuron: usize, input: usize) -> Result<usize, String> {
        let shape = self.check_neuron(layer, neuron)?;
        if input >= shape.inputs {
            return Err(format!(
                "layer {layer} has {} inputs: input {input} does not exist",
                shape.inputs
            ));
        }
        Ok(self.network.weight_range(layer).start + neuron * shape.inputs + input)
    }

    /// Where the bias of `neuron` of `layer` sits in `Network::parameters`.
    pub fn bias_index(&self, layer: usize, neuron: usize) -> Result<usize, String> {
        self.check_neuron(layer, neuron)?;
        Ok(self.network.bias_range(layer).start + neuron)
    }

    /// Sets one weight (see [`Trainer::weight_index`]); takes effect at once.
    pub fn set_weight(
        &mut self,
        layer: usize,
        neuron: usize,
        input: usize,
        value: f32,
    ) -> Result<(), String> {
        let index = self.weight_index(layer, neuron, input)?;
        self.set_parameter(index, value)
    }

    /// Sets one bias; takes effect at once.
    pub fn set_bias(&mut self, layer: usize, neuron: usize, value: f32) -> Result<(), String> {
        let index = self.bias_index(layer, neuron)?;
        self.set_parameter(index, value)
    }

    fn set_parameter(&mut self, index: usize, value: f32) -> Result<(), String> {
        if !value.is_finite() {
            return Err(format!("a weight must be a finite number, got {value}"));
        }
        self.network.parameters_mut()[index] = value;
        self.divergence = None;
        self.remeasure();
        Ok(())
    }

    fn check_neuron(&self, layer: usize, neuron: usize) -> Result<LayerShape, String> {
        let layers = self.network.layers();
        let Some(&shape) = layers.get(layer) else {
            return Err(format!(
                "the network has {} layers: layer {layer} does not exist",
                layers.len()
            ));
        };
        if neuron >= shape.outputs {
            return Err(format!(
                "layer {layer} has {} neurons: neuron {neuron} does not exist",
                shape.outputs
            ));
        }
        Ok(shape)
    }
}
