//! The JavaScript boundary: the only module that names wasm-bindgen, js-sys and
//! serde-wasm-bindgen. A thin [`Playground`] handle over the [`Trainer`]; config and
//! model files cross as plain JS objects, pixels are read by JS as views of wasm memory.

use crate::config::{Config, ConfigError};
use crate::dataset::{generate_split, Dataset, Problem};
use crate::grid::{node_count, Heatmap, Palette, GRID_SIZE, THUMBNAIL_SIZE};
use crate::inspection::SampleSet;
use crate::model::ModelFile;
use crate::objective::Objective;
use crate::trainer::Trainer;
use js_sys::{Float32Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

/// Where the panic hook leaves the panic text for the page to read.
const PANIC_GLOBAL: &str = "greymatterPanicMessage";

fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let text = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| info.to_string());
            let message = JsValue::from_str(&text);
            let _ = Reflect::set(
                &js_sys::global(),
                &JsValue::from_str(PANIC_GLOBAL),
                &message,
            );
        }));
    });
}

fn js_error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

fn config_error(error: ConfigError) -> JsValue {
    js_error(error.message)
}

/// Applies every own property of a JS object to `config`, field by field, so an error
/// names the field it comes from.
fn apply_patch(config: &mut Config, patch: &JsValue) -> Result<(), JsValue> {
    if !patch.is_object() || js_sys::Array::is_array(patch) {
        return Err(js_error("a config must be an object of settings"));
    }
    for entry in Object::entries(patch.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value = serde_wasm_bindgen::Deserializer::from(pair.get(1));
        config.set_field(&key, value).map_err(config_error)?;
    }
    Ok(())
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| js_error(error.to_string()))
}

/// The default config as a JS object.
#[wasm_bindgen(js_name = defaultConfig)]
pub fn default_config() -> Result<JsValue, JsValue> {
    to_js(&Config::default())
}

/// The limits every config must respect, as a JS object: `maxHiddenLayers`,
/// `maxNeuronsPerLayer`, `maxWeights`, `minSamples`, `maxSamples`, `maxBatchSize`,
/// `maxLearningRate`, `maxRegularizationRate`, `maxNoise`, `minTrainRatio`,
/// `maxTrainRatio`, `maxClasses`.
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsValue> {
    use crate::config::limits::*;
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Limits {
        max_hidden_layers: usize,
        max_neurons_per_layer: usize,
        max_weights: usize,
        min_samples: usize,
        max_samples: usize,
        max_batch_size: usize,
        max_learning_rate: f64,
        max_regularization_rate: f64,
        max_noise: f64,
        min_train_ratio: f64,
        max_train_ratio: f64,
        max_classes: usize,
    }
    to_js(&Limits {
        max_hidden_layers: MAX_HIDDEN_LAYERS,
        max_neurons_per_layer: MAX_NEURONS_PER_LAYER,
        max_weights: MAX_WEIGHTS,
        min_samples: MIN_SAMPLES,
        max_samples: MAX_SAMPLES,
        max_batch_size: MAX_BATCH_SIZE,
        max_learning_rate: MAX_LEARNING_RATE,
        max_regularization_rate: MAX_REGULARIZATION_RATE,
        max_noise: MAX_NOISE,
        min_train_ratio: TRAIN_RATIO.0,
        max_train_ratio: TRAIN_RATIO.1,
        max_classes: crate::dataset::MAX_CLASSES,
    })
}

/// The names of the losses that fit `problem` ("classification" or "regression") with
/// `classes` classes, in the order the page lists them.
#[wasm_bindgen(js_name = lossesFor)]
pub fn losses_for(problem: &str, classes: usize) -> Result<Vec<String>, JsValue> {
    let problem = match problem {
        "classification" => Problem::Classification,
        "regression" => Problem::Regression,
        other => {
            return Err(js_error(format!(
                "problem must be classification or regression, got {other:?}"
            )))
        }
    };
    Ok(Objective::losses_for(problem, classes)
        .iter()
        .map(|loss| loss.name().to_string())
        .collect())
}

/// The colour of each class (`#rrggbb`, class 0 first) in the palette called `name`
/// ("default" or "colorblind"): classes 0 and 1 are the colours of −1 and +1.
#[wasm_bindgen(js_name = classColors)]
pub fn class_colors(name: &str) -> Result<Vec<String>, JsValue> {
    let palette = palette_named(name)?;
    Ok(palette
        .class_colours()
        .iter()
        .map(|[r, g, b]| format!("#{r:02x}{g:02x}{b:02x}"))
        .collect())
}

fn palette_named(name: &str) -> Result<Palette, JsValue> {
    Palette::from_name(name).ok_or_else(|| {
        js_error(format!(
            "palette must be default or colorblind, got {name:?}"
        ))
    })
}

/// A fresh seed from the browser's crypto.getRandomValues.
#[wasm_bindgen(js_name = randomSeed)]
pub fn random_seed() -> u32 {
    crate::rng::fresh_seed()
}

/// Makes the core panic with `message`: lets tests prove the page survives a panic.
#[wasm_bindgen(js_name = panicForTesting)]
pub fn panic_for_testing(message: &str) {
    install_panic_hook();
    panic!("{message}");
}

/// About 200 noise-free points of the dataset called `name` as `[x1, x2, label, …]`,
/// for the dataset picker's thumbnails, with `classes` classes (default 2; at most what
/// the dataset has).
#[wasm_bindgen(js_name = datasetPreview)]
pub fn dataset_preview(name: &str, classes: Option<usize>) -> Result<Float32Array, JsValue> {
    let dataset = Dataset::ALL
        .into_iter()
        .find(|dataset| dataset.name() == name)
        .ok_or_else(|| js_error(format!("unknown dataset {name:?}")))?;
    let classes = classes.unwrap_or(2).clamp(2, dataset.max_classes().max(2));
    Ok(points_array(
        &generate_split(dataset, 200, 0.0, 1.0, classes, 1).train,
    ))
}

/// Runs `iterations` rounds of a tight f32x4 multiply-add loop (8 independent
/// accumulators: 64 floating-point operations per round) and returns a checksum; the
/// caller times it to measure the machine's f32 SIMD limit.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = peakMultiplyAdd)]
pub fn peak_multiply_add(iterations: u32) -> f32 {
    use std::arch::wasm32::*;
    let factor = f32x4_splat(0.999_999);
    let step = f32x4_splat(1e-7);
    let mut acc = [f32x4_splat(1.0); 8];
    for (k, lane) in acc.iter_mut().enumerate() {
        *lane = f32x4_splat(1.0 + k as f32 * 1e-3);
    }
    for _ in 0..iterations {
        for lane in acc.iter_mut() {
            *lane = f32x4_add(f32x4_mul(*lane, factor), step);
        }
    }
    acc.iter()
        .map(|v| f32x4_extract_lane::<0>(*v) + f32x4_extract_lane::<3>(*v))
        .sum()
}

/// One live playground: its trainer and its pictures.
#[wasm_bindgen]
pub struct Playground {
    trainer: Trainer,
    heatmap: Heatmap,
}

#[wasm_bindgen]
impl Playground {
    /// Builds a playground from a (partial) config object; missing keys take defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(config: &JsValue) -> Result<Playground, JsValue> {
        install_panic_hook();
        let mut full = Config::default();
        if !config.is_undefined() && !config.is_null() {
            apply_patch(&mut full, config)?;
        }
        let trainer = Trainer::new(full).map_err(config_error)?;
        let mut playground = Playground {
            trainer,
            heatmap: Heatmap::default(),
        };
        playground.render();
        Ok(playground)
    }

    /// The full current config.
    pub fn config(&self) -> Result<JsValue, JsValue> {
        to_js(self.trainer.config())
    }

    /// Merges `patch` into the config; returns "kept", "reset" or "regenerated".
    /// On error nothing changes.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, patch: &JsValue) -> Result<String, JsValue> {
        let mut next = self.trainer.config().clone();
        apply_patch(&mut next, patch)?;
        let change = self.trainer.set_config(next).map_err(config_error)?;
        Ok(change.name().to_string())
    }

    /// Trains up to `epochs` epochs (fewer if the loss diverges); returns how many.
    pub fn train(&mut self, epochs: u32) -> u32 {
        self.trainer.train_epochs(epochs)
    }

    /// Evaluates every neuron on the grid in one pass and refreshes the heatmap and
    /// the thumbnails.
    pub fn render(&mut self) {
        let features = &self.trainer.config().features;
        self.heatmap.render(self.trainer.network(), features);
    }

    /// The all-neuron grid pass of `render` without colouring (for benchmarks).
    #[wasm_bindgen(js_name = evaluateGrid)]
    pub fn evaluate_grid(&mut self) {
        let features = &self.trainer.config().features;
        self.heatmap.evaluate(self.trainer.network(), features);
    }

    /// Nodes with a picture: input features, every neuron, the output last.
    #[wasm_bindgen(js_name = nodeCount)]
    pub fn node_count(&self) -> usize {
        node_count(self.trainer.network())
    }

    /// Pixels per side of a node thumbnail.
    #[wasm_bindgen(js_name = thumbnailSize)]
    pub fn thumbnail_size(&self) -> usize {
        THUMBNAIL_SIZE
    }

    /// Address of every node's RGBA thumbnail, node after node.
    #[wasm_bindgen(js_name = thumbnailsPtr)]
    pub fn thumbnails_ptr(&self) -> *const u8 {
        self.heatmap.thumbnails().as_ptr()
    }

    /// Length in bytes of all thumbnails.
    #[wasm_bindgen(js_name = thumbnailsLen)]
    pub fn thumbnails_len(&self) -> usize {
        self.heatmap.thumbnails().len()
    }

    /// Which node the big heatmap shows (at the next render); no node (or the single
    /// output neuron) for the output view, which for a softmax output is the winning
    /// class shaded by confidence.
    #[wasm_bindgen(js_name = setHeatmapNode)]
    pub fn set_heatmap_node(&mut self, node: Option<usize>) -> Result<(), JsValue> {
        let nodes = self.node_count();
        let Some(node) = node else {
            self.heatmap.set_node(None);
            return Ok(());
        };
        if node >= nodes {
            return Err(js_error(format!(
                "node {node} does not exist: the network has {nodes} nodes"
            )));
        }
        let single_output = self.output_count() == 1 && node + 1 == nodes;
        self.heatmap
            .set_node(if single_output { None } else { Some(node) });
        Ok(())
    }

    /// Whether the big heatmap shows only the sign of the output.
    #[wasm_bindgen(js_name = setDiscretize)]
    pub fn set_discretize(&mut self, discretize: bool) {
        self.heatmap.set_discretize(discretize);
    }

    /// "default" or "colorblind".
    #[wasm_bindgen(js_name = setPalette)]
    pub fn set_palette(&mut self, name: &str) -> Result<(), JsValue> {
        self.heatmap.set_palette(palette_named(name)?);
        Ok(())
    }

    /// Address of the RGBA heatmap in wasm memory.
    #[wasm_bindgen(js_name = heatmapPtr)]
    pub fn heatmap_ptr(&self) -> *const u8 {
        self.heatmap.pixels().as_ptr()
    }

    /// Length in bytes of the RGBA heatmap (gridSize² × 4).
    #[wasm_bindgen(js_name = heatmapLen)]
    pub fn heatmap_len(&self) -> usize {
        self.heatmap.pixels().len()
    }

    /// Points per side of the heatmap grid.
    #[wasm_bindgen(js_name = gridSize)]
    pub fn grid_size(&self) -> usize {
        GRID_SIZE
    }

    /// Epochs trained since the last reset.
    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> u32 {
        self.trainer.epoch()
    }

    /// Mean training loss.
    #[wasm_bindgen(getter, js_name = trainLoss)]
    pub fn train_loss(&self) -> f32 {
        self.trainer.train_loss()
    }

    /// Mean test loss.
    #[wasm_bindgen(getter, js_name = testLoss)]
    pub fn test_loss(&self) -> f32 {
        self.trainer.test_loss()
    }

    /// Accuracy (classification) or R² (regression) on the training set.
    #[wasm_bindgen(getter, js_name = trainMetric)]
    pub fn train_metric(&self) -> f32 {
        self.trainer.train_evaluation().metric
    }

    /// Accuracy (classification) or R² (regression) on the test set.
    #[wasm_bindgen(getter, js_name = testMetric)]
    pub fn test_metric(&self) -> f32 {
        self.trainer.test_evaluation().metric
    }

    /// "accuracy" or "r2".
    #[wasm_bindgen(getter, js_name = metricName)]
    pub fn metric_name(&self) -> String {
        match self.trainer.config().problem {
            Problem::Classification => "accuracy".to_string(),
            Problem::Regression => "r2".to_string(),
        }
    }

    /// The learning rate the next epoch uses, after the schedule.
    #[wasm_bindgen(getter, js_name = currentLearningRate)]
    pub fn current_learning_rate(&self) -> f64 {
        self.trainer.current_learning_rate()
    }

    /// Whether training has reached `stopAfter` epochs.
    #[wasm_bindgen(getter)]
    pub fn finished(&self) -> bool {
        self.trainer.finished()
    }

    /// Why training stopped, in plain words, or "" while it is healthy.
    #[wasm_bindgen(getter)]
    pub fn divergence(&self) -> String {
        self.trainer.divergence().unwrap_or_default().to_string()
    }

    /// `[epoch, trainLoss, testLoss, …]`: epoch 0, then one triple per `train` call.
    #[wasm_bindgen(js_name = lossHistory)]
    pub fn loss_history(&self) -> Float32Array {
        let flat: Vec<f32> = self
            .trainer
            .history()
            .iter()
            .flat_map(|entry| [entry.epoch as f32, entry.train_loss, entry.test_loss])
            .collect();
        Float32Array::from(&flat[..])
    }

    /// Training points as `[x1, x2, label, …]`.
    #[wasm_bindgen(js_name = trainPoints)]
    pub fn train_points(&self) -> Float32Array {
        points_array(self.trainer.train_points())
    }

    /// Test points as `[x1, x2, label, …]`.
    #[wasm_bindgen(js_name = testPoints)]
    pub fn test_points(&self) -> Float32Array {
        points_array(self.trainer.test_points())
    }

    /// Network outputs for points given as `[x1, x2, x1, x2, …]`: `outputCount` values
    /// per point, point after point (one value, or one probability per class).
    pub fn predict(&mut self, points: &[f32]) -> Result<Float32Array, JsValue> {
        if !points.len().is_multiple_of(2) {
            return Err(js_error("predict takes pairs [x1, x2, x1, x2, …]"));
        }
        let pairs: Vec<[f32; 2]> = points.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
        Ok(Float32Array::from(&self.trainer.predict(&pairs)[..]))
    }

    /// Neurons of the output layer: 1, or the number of classes for a softmax output.
    #[wasm_bindgen(getter, js_name = outputCount)]
    pub fn output_count(&self) -> usize {
        self.trainer.config().objective().output_count()
    }

    /// How often each class is predicted as each class on `set` ("train" or "test"):
    /// classes × classes counts, row by row, row = true class, column = predicted
    /// class. Empty for regression.
    #[wasm_bindgen(js_name = confusionMatrix)]
    pub fn confusion_matrix(&mut self, set: &str) -> Result<Uint32Array, JsValue> {
        let train = match set {
            "train" => true,
            "test" => false,
            other => {
                return Err(js_error(format!(
                    "set must be train or test, got {other:?}"
                )))
            }
        };
        Ok(Uint32Array::from(&self.trainer.confusion_matrix(train)[..]))
    }

    /// The network as a model file object.
    #[wasm_bindgen(js_name = exportModel)]
    pub fn export_model(&self) -> Result<JsValue, JsValue> {
        to_js(&self.trainer.export_model())
    }

    /// Loads a model file object; on error nothing changes.
    #[wasm_bindgen(js_name = importModel)]
    pub fn import_model(&mut self, model: JsValue) -> Result<(), JsValue> {
        let model: ModelFile = serde_wasm_bindgen::from_value(model)
            .map_err(|error| js_error(format!("not a greymatter model file: {error}")))?;
        self.trainer.import_model(&model).map_err(js_error)?;
        self.render();
        Ok(())
    }

    /// Back to the starting weights of the current seed, epoch 0.
    pub fn reset(&mut self) {
        self.trainer.reset();
    }

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

    /// Every number of one sample's forward and backward pass (`set`: "train" or
    /// "test"), as a plain object (see `SampleInspection`).
    #[wasm_bindgen(js_name = inspectSample)]
    pub fn inspect_sample(&self, index: usize, set: &str) -> Result<JsValue, JsValue> {
        let set = match set {
            "train" => SampleSet::Train,
            "test" => SampleSet::Test,
            other => {
                return Err(js_error(format!(
                    "set must be train or test, got {other:?}"
                )))
            }
        };
        to_js(&self.trainer.inspect_sample(index, set).map_err(js_error)?)
    }

    /// One optimizer step on training sample `index` alone: the inspector's update,
    /// applied (the epoch count does not change).
    #[wasm_bindgen(js_name = stepOnSample)]
    pub fn step_on_sample(&mut self, index: usize) -> Result<(), JsValue> {
        self.trainer.step_on_sample(index).map_err(js_error)
    }

    /// ∂J/∂θ over the whole training set, in the layout of `parameters()`.
    pub fn gradient(&self) -> Float32Array {
        Float32Array::from(&self.trainer.full_gradient()[..])
    }

    /// J over the training set with parameter `index` at `steps` evenly spaced values
    /// from `from` to `to`; the network is left as it was.
    #[wasm_bindgen(js_name = costAlongParameter)]
    pub fn cost_along_parameter(
        &mut self,
        index: usize,
        from: f32,
        to: f32,
        steps: usize,
    ) -> Result<Float32Array, JsValue> {
        let costs = self
            .trainer
            .cost_along_parameter(index, from, to, steps)
            .map_err(js_error)?;
        Ok(Float32Array::from(&costs[..]))
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

    /// Per layer: `{meanAbsGradient, deadShare, saturatedShare}` over the training set.
    #[wasm_bindgen(js_name = layerHealth)]
    pub fn layer_health(&self) -> Result<JsValue, JsValue> {
        to_js(&self.trainer.layer_health())
    }

    /// A copy of every weight and bias.
    pub fn parameters(&self) -> Float32Array {
        Float32Array::from(self.trainer.network().parameters())
    }

    /// Restores a `parameters()` snapshot of a network of the same shape.
    #[wasm_bindgen(js_name = setParameters)]
    pub fn set_parameters(&mut self, parameters: &[f32]) -> Result<(), JsValue> {
        self.trainer.set_parameters(parameters).map_err(js_error)
    }
}

fn points_array(points: &[crate::dataset::Point]) -> Float32Array {
    let flat: Vec<f32> = points
        .iter()
        .flat_map(|p| [p.position[0], p.position[1], p.label])
        .collect();
    Float32Array::from(&flat[..])
}
