//! The JavaScript boundary: the only module that names wasm-bindgen, js-sys and
//! serde-wasm-bindgen. A thin [`Playground`] handle over the [`Trainer`]; config and
//! model files cross as plain JS objects, pixels are read by JS as views of wasm memory.
//!
//! `functions` holds the free functions; the handle's methods are grouped by what they
//! touch: training here, `own_data` (points and lessons), `links` (share links),
//! `pictures`, `weights` and `inspection`. How errors and values cross (the panic hook,
//! messages in plain words) is in `crossing`.

use crate::config::Config;
use crate::data::dataset::Problem;
use crate::model::model_file::{unknown_field, ModelFile, FILE_FIELDS, LAYER_FIELDS};
use crate::picture::Heatmap;
use crate::session::trainer::Trainer;
use js_sys::{Float32Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

mod crossing;
mod functions;
mod inspection;
mod links;
mod own_data;
mod pictures;
mod weights;

use crossing::{
    apply_patch, config_error, describe_js, given_of, install_panic_hook, js_error, points_array,
    to_js,
};
use functions::palette_named;
#[cfg(feature = "bench")]
pub use functions::peak_multiply_add;
pub use functions::{
    class_colors, config_schema, dataset_preview, default_config, formula_preview, formula_text,
    limits, losses_for, palette_colors, panic_for_testing, random_seed,
};

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

    /// Trains up to `epochs` epochs (fewer if the loss diverges, or reaches `stopAtLoss`,
    /// or `stopAfter` comes first); returns how many.
    pub fn train(&mut self, epochs: u32) -> u32 {
        self.trainer.train_epochs(epochs)
    }

    /// Trains up to `batches` mini-batches, going on with the open epoch where it stopped,
    /// and measures an epoch's losses in slices of about `3 × batchSize` points per batch
    /// asked once its batches are all trained (see `Trainer::train_batches`); returns the
    /// batches' worth of work done (fewer: training stopped, or an epoch was counted).
    #[wasm_bindgen(js_name = trainBatches)]
    pub fn train_batches(&mut self, batches: u32) -> u32 {
        self.trainer.train_batches(batches)
    }

    /// Batches in one epoch at the current batch size.
    #[wasm_bindgen(getter, js_name = batchesPerEpoch)]
    pub fn batches_per_epoch(&self) -> u32 {
        self.trainer.batches_per_epoch() as u32
    }

    /// Batches trained of the epoch under way (0 between epochs; all of them while its
    /// losses are being measured).
    #[wasm_bindgen(getter, js_name = epochBatchesDone)]
    pub fn epoch_batches_done(&self) -> u32 {
        self.trainer.epoch_batches_done() as u32
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

    /// Whether training has stopped: `stopAfter` epochs are trained, or the training
    /// loss reached `stopAtLoss` (until a setting or the weights change).
    #[wasm_bindgen(getter)]
    pub fn finished(&self) -> bool {
        self.trainer.finished()
    }

    /// Why training stopped, in the sentence the page shows (`stopAfter` reached, or
    /// the training loss at `stopAtLoss`), or undefined while training may go on.
    #[wasm_bindgen(getter, js_name = stopReason)]
    pub fn stop_reason(&self) -> Option<String> {
        self.trainer.stop_reason()
    }

    /// Why training stopped, in plain words, or "" while it is healthy.
    #[wasm_bindgen(getter)]
    pub fn divergence(&self) -> String {
        self.trainer.divergence().unwrap_or_default().to_string()
    }

    /// `[epoch, trainLoss, testLoss, …]`: epoch 0, then one triple per `train` call and per
    /// epoch completed by `trainBatches`.
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

    /// The run as "Export as code" takes it: settings, network, optimizer memory,
    /// points and the next epoch's order (see `RunExport`).
    #[wasm_bindgen(js_name = exportRun)]
    pub fn export_run(&self) -> Result<JsValue, JsValue> {
        to_js(&self.trainer.run_export())
    }

    /// Loads a model file object; on error nothing changes.
    #[wasm_bindgen(js_name = importModel)]
    pub fn import_model(&mut self, model: JsValue) -> Result<(), JsValue> {
        if !model.is_object() || js_sys::Array::is_array(&model) {
            return Err(js_error(format!(
                "a model file must be an object with format, version, problem, features \
                 and layers; got {}",
                describe_js(&model)
            )));
        }
        let given = given_of(model.clone(), "not a greymatter model file")?;
        // A newer version may add fields: its version is what to refuse it for.
        ModelFile::check_version_of(&given).map_err(js_error)?;
        // Unknown fields are named here with the fields the format has.
        check_model_fields(&model).map_err(js_error)?;
        let model = ModelFile::read(&given)
            .map_err(|error| js_error(format!("not a greymatter model file: {error}")))?;
        self.trainer.import_model(&model).map_err(js_error)?;
        self.render();
        Ok(())
    }

    /// Back to the starting weights of the current seed, epoch 0.
    pub fn reset(&mut self) {
        self.trainer.reset();
    }
}

/// Refuses a field the model file format does not have, at the top or in a layer.
fn check_model_fields(model: &JsValue) -> Result<(), String> {
    let keys = |object: &JsValue| -> Vec<String> {
        Object::keys(object.unchecked_ref::<Object>())
            .iter()
            .filter_map(|key| key.as_string())
            .collect()
    };
    let top = keys(model);
    if let Some(message) = unknown_field(
        "the model file",
        top.iter().map(String::as_str),
        &FILE_FIELDS,
    ) {
        return Err(message);
    }
    let layers = Reflect::get(model, &JsValue::from_str("layers")).unwrap_or(JsValue::UNDEFINED);
    if !js_sys::Array::is_array(&layers) {
        return Ok(());
    }
    for (index, layer) in js_sys::Array::from(&layers).iter().enumerate() {
        if !layer.is_object() || js_sys::Array::is_array(&layer) {
            continue;
        }
        let names = keys(&layer);
        let what = format!("layer {}", index + 1);
        if let Some(message) = unknown_field(&what, names.iter().map(String::as_str), &LAYER_FIELDS)
        {
            return Err(message);
        }
    }
    Ok(())
}
