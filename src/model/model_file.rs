//! The model file: a trained network as plain JSON, to save, share and load back.
//!
//! ```json
//! { "format": "greymatter-model", "version": 1, "problem": "classification",
//!   "features": ["x1", "x2"], "customFeatures": ["sin(3*x1)"],
//!   "layers": [ { "activation": "tanh", "weights": [[0.1, -0.2, 0.3]], "biases": [0.1] } ] }
//! ```
//! The inputs are `features`, then the formulas of `customFeatures` (which a file
//! without formula inputs leaves out); they are rebuilt from these names on loading.
//! `weights` are `[output][input]`; the last layer is the output layer: one neuron
//! (tanh, sigmoid or linear), or one softmax neuron per class.

use crate::data::dataset::Problem;
use crate::data::features::Feature;
use crate::given::{path_text, Given, Step};
use crate::math::activation::Activation;
use crate::math::formula::Formula;
use crate::model::network::{LayerShape, Network};
use crate::version::{check_given_version, check_version, writer};
use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "greymatter-model";
/// The model file version this build writes and reads.
pub const VERSION: u32 = 1;
/// What a refusal of the version calls the document.
const DOCUMENT: &str = "model";

/// The fields of a model file, as the format lists them; no other is read.
pub const FILE_FIELDS: [&str; 7] = [
    "format",
    "version",
    "writer",
    "problem",
    "features",
    "customFeatures",
    "layers",
];
/// The fields of one layer of a model file.
pub const LAYER_FIELDS: [&str; 3] = ["activation", "weights", "biases"];

/// The first key of `keys` that is not among `fields`, named in a message: "layer 1
/// has an unknown field `dropout` (a layer has activation, weights and biases)".
/// `what` names the object ("the model file", "layer 1").
pub fn unknown_field<'a>(
    what: &str,
    keys: impl IntoIterator<Item = &'a str>,
    fields: &[&str],
) -> Option<String> {
    let key = keys.into_iter().find(|key| !fields.contains(key))?;
    let (last, first) = fields.split_last().expect("fields");
    Some(format!(
        "{what} has an unknown field `{key}` (the fields are {} and {last})",
        first.join(", ")
    ))
}

/// A model file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ModelFile {
    /// Always "greymatter-model".
    pub format: String,
    /// Always 1 in this version.
    pub version: u32,
    /// Which greymatter wrote the file ("greymatter 0.1.0"); read but not checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writer: Option<String>,
    /// The problem the network was trained for.
    pub problem: Problem,
    /// The network's built-in inputs, in order.
    pub features: Vec<Feature>,
    /// The formula inputs, after `features` (as the config's `customFeatures`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_features: Vec<String>,
    /// The layers, input side first.
    pub layers: Vec<ModelLayer>,
}

/// One layer of a model file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelLayer {
    /// The layer's activation.
    pub activation: Activation,
    /// `[output][input]`.
    pub weights: Vec<Vec<f32>>,
    /// One per output.
    pub biases: Vec<f32>,
}

impl ModelFile {
    /// Reads a model file from a value as given (not yet checked: see `to_network`). A
    /// value of the wrong kind is refused with where it is and what it must be:
    /// `layer 1: weights must be a list of lists of numbers, got "abc"`.
    pub fn read(given: &Given) -> Result<ModelFile, String> {
        ModelFile::check_version_of(given)?;
        given.read().map_err(|mut refusal| {
            if refusal.expected.is_some() {
                if let Some(words) = expected_at(&refusal.path) {
                    refusal.expected = Some(words.to_string());
                }
            }
            refusal.message_with(layer_path)
        })
    }

    /// Refuses a model file of another version, before any of its other fields.
    pub fn check_version_of(given: &Given) -> Result<(), String> {
        check_given_version(given, DOCUMENT, VERSION)
    }

    /// Describes `network`, whose inputs are `features` then the formulas
    /// `custom_features`.
    pub fn from_network(
        network: &Network,
        problem: Problem,
        features: &[Feature],
        custom_features: &[String],
    ) -> Self {
        let layers = (0..network.layers().len())
            .map(|index| {
                let shape = network.layers()[index];
                let (weights, biases) = network.layer_parameters(index);
                ModelLayer {
                    activation: shape.activation,
                    weights: weights.chunks(shape.inputs).map(<[f32]>::to_vec).collect(),
                    biases: biases.to_vec(),
                }
            })
            .collect();
        ModelFile {
            format: FORMAT.to_string(),
            version: VERSION,
            writer: Some(writer()),
            problem,
            features: features.to_vec(),
            custom_features: custom_features.to_vec(),
            layers,
        }
    }

    /// Builds the network this file describes, checking every shape and value.
    pub fn to_network(&self) -> Result<Network, String> {
        if self.format != FORMAT {
            return Err(format!(
                "model format must be \"{FORMAT}\", got {:?}",
                self.format
            ));
        }
        check_version(DOCUMENT, self.version.into(), VERSION)?;
        if self.features.is_empty() {
            return Err("model features must name at least one input".to_string());
        }
        for (index, text) in self.custom_features.iter().enumerate() {
            Formula::parse(text).map_err(|error| {
                format!(
                    "model customFeatures[{index}] {}: {error}",
                    Given::Text(text.clone()).describe()
                )
            })?;
        }
        let Some(output) = self.layers.last() else {
            return Err("model has no layers".to_string());
        };
        let most = crate::data::dataset::MAX_CLASSES;
        if !(1..=most).contains(&output.biases.len()) {
            return Err(format!(
                "the output layer must have 1 to {most} neurons, got {}",
                output.biases.len()
            ));
        }
        let hidden = &self.layers[..self.layers.len() - 1];
        if let Some(index) = hidden.iter().position(|l| !l.activation.is_elementwise()) {
            return Err(format!(
                "layer {}: softmax only fits the output layer",
                index + 1
            ));
        }
        let mut shapes = Vec::with_capacity(self.layers.len());
        let mut inputs = self.features.len() + self.custom_features.len();
        for (index, layer) in self.layers.iter().enumerate() {
            let outputs = layer.biases.len();
            if layer.weights.len() != outputs {
                return Err(format!(
                    "layer {}: {} weight rows but {} biases",
                    index + 1,
                    layer.weights.len(),
                    outputs
                ));
            }
            if let Some(row) = layer.weights.iter().position(|row| row.len() != inputs) {
                return Err(format!(
                    "layer {}: weight row {} has {} values, expected {inputs}",
                    index + 1,
                    row + 1,
                    layer.weights[row].len()
                ));
            }
            shapes.push(LayerShape {
                inputs,
                outputs,
                activation: layer.activation,
            });
            inputs = outputs;
        }
        let mut network = Network::zeroed(shapes);
        for (index, layer) in self.layers.iter().enumerate() {
            let values = layer.weights.iter().flatten().chain(&layer.biases);
            if values.clone().any(|value| !value.is_finite()) {
                return Err(format!(
                    "layer {}: every value must be a finite number",
                    index + 1
                ));
            }
            let (weights, biases) = network.layer_parameters_mut(index);
            weights
                .iter_mut()
                .chain(biases.iter_mut())
                .zip(values)
                .for_each(|(slot, &value)| *slot = value);
        }
        Ok(network)
    }
}

/// What the model file has at `path`, where serde's words ("a list") say too little.
fn expected_at(path: &[Step]) -> Option<&'static str> {
    let names: Vec<Option<&str>> = path
        .iter()
        .map(|step| match step {
            Step::Field(name) => Some(name.as_str()),
            Step::Index(_) => None,
        })
        .collect();
    Some(match names.as_slice() {
        [Some("layers")] => "a list of layers, input side first",
        [Some("features")] => "a list of inputs, such as [\"x1\", \"x2\"]",
        [Some("customFeatures")] => "a list of formulas, such as [\"sin(3*x1)\"]",
        [Some("customFeatures"), None] => "a formula over x1 and x2, such as \"sin(3*x1)\"",
        [Some("layers"), None, Some("weights")] => {
            "a list of lists of numbers (one list per neuron)"
        }
        [Some("layers"), None, Some("weights"), None] | [Some("layers"), None, Some("biases")] => {
            "a list of numbers"
        }
        _ => return None,
    })
}

/// A path in a model file as its messages name it: `layer 1: weights[0][1]`.
fn layer_path(path: &[Step]) -> String {
    match path {
        [Step::Field(layers), Step::Index(index), rest @ ..] if layers == "layers" => {
            let layer = format!("layer {}", index + 1);
            if rest.is_empty() {
                layer
            } else {
                format!("{layer}: {}", path_text(rest))
            }
        }
        _ => path_text(path),
    }
}
