//! Looking inside the learning: one sample's pass, the full gradient, the cost along a
//! weight, each layer's health and histograms, and what a layer sees.

use super::crossing::{js_error, to_js};
use super::Playground;
use crate::session::inspection::{SampleSet, ViewPoints};
use js_sys::Float32Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Every number of one sample's forward and backward pass (`set`: "train" or
    /// "test"), as a plain object (see `SampleInspection`): with the chosen optimizer's
    /// next step, `optimizer` (its settings), `optimizerStep` (t) and per layer
    /// `weightSteps` / `biasSteps` (`{firstBefore, secondBefore, first, second,
    /// firstHat, secondHat, delta}` per parameter); `update` is that step's Δ.
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

    /// One optimizer step on training sample `index` alone: the `update`
    /// `inspectSample` shows, applied (the epoch count does not change).
    #[wasm_bindgen(js_name = stepOnSample)]
    pub fn step_on_sample(&mut self, index: usize) -> Result<(), JsValue> {
        self.trainer.step_on_sample(index).map_err(js_error)
    }

    /// The dropout of the last trained batch, or null (no batch yet, or every rate 0):
    /// `{samples, layers}` with the batch's training samples (indices into
    /// `trainPoints()`) and per hidden layer `{rate, keptScale, masks}`, `masks[neuron]
    /// [sample]` being 0 for a dropped output and 1/(1 − p) for a kept one.
    #[wasm_bindgen(js_name = lastDropout)]
    pub fn last_dropout(&self) -> Result<JsValue, JsValue> {
        to_js(&self.trainer.last_dropout())
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

    /// Per layer: `{meanAbsGradient, deadShare, saturatedShare}` over the training set;
    /// `live` (training plays): over at most `LIVE_VIEW_POINTS` of its points, evenly spread.
    #[wasm_bindgen(js_name = layerHealth)]
    pub fn layer_health(&self, live: Option<bool>) -> Result<JsValue, JsValue> {
        to_js(&self.trainer.layer_health_of(view_points(live)))
    }

    /// Per hidden layer (the first first): `{activation, weights, activations}`, each
    /// histogram `{from, to, counts, nonFinite}` with `counts` 20 bins from `from` to
    /// `to` (see `session::histograms`); activations over the training set, evaluated
    /// as the network predicts (no dropout); `live` as for `layerHealth`.
    #[wasm_bindgen(js_name = layerHistograms)]
    pub fn layer_histograms(&self, live: Option<bool>) -> Result<JsValue, JsValue> {
        to_js(&self.trainer.layer_histograms_of(view_points(live)))
    }

    /// What neurons `first` and `second` of hidden layer `layer` (all from 0) see:
    /// `{layer, neurons, lines, lineCount, lineSamples, points, labels}`, `lines` and
    /// `points` flat pairs (a_first, a_second) — see `session::layer_plane`. Refuses,
    /// with the reason, a layer or neuron the network does not have, a layer of one
    /// neuron and the same neuron twice.
    #[wasm_bindgen(js_name = layerPlane)]
    pub fn layer_plane(
        &self,
        layer: usize,
        first: usize,
        second: usize,
    ) -> Result<JsValue, JsValue> {
        let plane = self
            .trainer
            .layer_plane(layer, [first, second])
            .map_err(js_error)?;
        to_js(&plane)
    }
}

/// The training points a layer view reads: a sample while training plays (`live`).
fn view_points(live: Option<bool>) -> ViewPoints {
    if live == Some(true) {
        ViewPoints::Live
    } else {
        ViewPoints::All
    }
}
