//! Looking inside the learning: one sample's forward and backward pass with every
//! number, the full-batch gradient, the cost along one weight, each layer's health
//! (computed by [`crate::session::health`]), its histograms
//! ([`crate::session::histograms`]) and what it sees ([`crate::session::layer_plane`]).
//! Everything here is computed by the same code that trains.

use crate::data::dataset::Point;
use crate::data::features::compute_inputs;
use crate::learn::optimizer::{OptimizerSettings, ParameterStep};
use crate::learn::training::{compute_gradient, cost, output_layer, StepBuffers};
use crate::math::activation::Activation;
use crate::math::kernels::stride_for;
use crate::session::health::{layer_health, LayerHealth};
use crate::session::histograms::{layer_histograms, LayerHistograms};
use crate::session::layer_plane::{layer_plane, LayerPlane};
use crate::session::trainer::Trainer;
use serde::Serialize;
use std::borrow::Cow;

/// While training plays, the layer views (health and histograms) read at most this many
/// training points, evenly spread, so that their passes stay a few milliseconds at the
/// largest networks; paused, and for scripts, they read every point.
pub const LIVE_VIEW_POINTS: usize = 500;

/// Which training points a layer view reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewPoints {
    /// Every training point.
    All,
    /// At most [`LIVE_VIEW_POINTS`] of them, evenly spread (training plays).
    Live,
}

/// Which set a sample comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SampleSet {
    /// The training points.
    Train,
    /// The test points.
    Test,
}

/// One layer of a sample's pass. Per neuron j and input i.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerInspection {
    /// The layer's activation.
    pub activation: Activation,
    /// z_j = Σ_i β_ji·x_i + b_j.
    pub z: Vec<f32>,
    /// a_j = f(z_j).
    pub a: Vec<f32>,
    /// ∂J/∂a_j. For a cross-entropy output layer, trained through ∂J/∂z = a − t
    /// directly, this is ∂ℓ/∂a_j for reference.
    #[serde(rename = "dJda")]
    pub d_j_da: Vec<f32>,
    /// ∂J/∂z_j = ∂J/∂a_j · f'(z_j).
    #[serde(rename = "dJdz")]
    pub d_j_dz: Vec<f32>,
    /// ∂J/∂β_ji = ∂J/∂z_j · x_i (+ λ·R'(β_ji)), `[neuron][input]`.
    #[serde(rename = "dJdw")]
    pub d_j_dw: Vec<Vec<f32>>,
    /// ∂J/∂b_j = ∂J/∂z_j.
    #[serde(rename = "dJdb")]
    pub d_j_db: Vec<f32>,
    /// Δβ_ji: what the chosen optimizer's next step on this sample adds to each weight
    /// (−α·∂J/∂β_ji with SGD), `[neuron][input]`.
    pub update: Vec<Vec<f32>>,
    /// Δb_j.
    pub bias_update: Vec<f32>,
    /// Each weight's step with the optimizer's numbers (memories, m̂, û), `[neuron][input]`.
    pub weight_steps: Vec<Vec<ParameterStep>>,
    /// Each bias's step.
    pub bias_steps: Vec<ParameterStep>,
    /// p, the layer's dropout rate in training (0 for the output layer). The pass shown
    /// here is evaluation's: it drops nothing.
    pub dropout_rate: f32,
    /// 1/(1 − p), what a kept output of the layer is multiplied by in training.
    pub dropout_kept_scale: f32,
    /// For a training sample of the last trained batch, each neuron's dropout mask in
    /// that batch: 0 if it was dropped, 1/(1 − p) if kept; empty otherwise (a test
    /// sample, another batch, or no dropout).
    pub dropout_mask: Vec<f32>,
}

/// One sample's forward and backward pass (a batch of one: J = L(o, t) + λ·ΣR(β)).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SampleInspection {
    /// (x1, x2).
    pub point: [f32; 2],
    /// The sample's label (a class index for 3 or more classes).
    pub target: f32,
    /// o of the first output neuron.
    pub output: f32,
    /// o of every output neuron.
    pub outputs: Vec<f32>,
    /// t of every output neuron (see [`crate::learn::objective`]).
    pub targets: Vec<f32>,
    /// L(o, t) = Σ_k ℓ(o_k, t_k).
    pub loss: f32,
    /// α of the next step (after the schedule).
    pub learning_rate: f32,
    /// The optimizer and its hyperparameters, as the next step uses them.
    pub optimizer: OptimizerSettings,
    /// t: the optimizer's step count once the next step is taken (Adam's bias correction).
    pub optimizer_step: i32,
    /// The feature values entering the first layer.
    pub inputs: Vec<f32>,
    /// Every layer, input side first.
    pub layers: Vec<LayerInspection>,
}

impl Trainer {
    /// Sample `index` of `set`, with its features as a one-sample batch.
    fn sample_batch(&self, index: usize, set: SampleSet) -> Result<(Point, Vec<f32>), String> {
        let points = match set {
            SampleSet::Train => self.train_points(),
            SampleSet::Test => self.test_points(),
        };
        let point = *points.get(index).ok_or_else(|| {
            format!(
                "sample {index} does not exist: the set has {} points",
                points.len()
            )
        })?;
        let mut inputs = Vec::new();
        compute_inputs(self.inputs(), &[point.position], &mut inputs);
        Ok((point, inputs))
    }

    /// Every number of one sample's forward and backward pass.
    pub fn inspect_sample(&self, index: usize, set: SampleSet) -> Result<SampleInspection, String> {
        let (point, inputs) = self.sample_batch(index, set)?;
        let features = self.inputs();
        let mut buffers = StepBuffers::recording();
        let settings = self.step_settings();
        let network = self.network();
        compute_gradient(network, &inputs, &[point.label], &settings, &mut buffers);
        let workspace = buffers.workspace();
        let stride = workspace.stride();
        let (preview, optimizer) = self.preview_step(buffers.gradient());
        let column = |row: &[f32], neurons: usize| -> Vec<f32> {
            (0..neurons).map(|j| row[j * stride]).collect()
        };
        let dropout = self.last_dropout();
        let rates = self.config().dropout_rates();
        let mask_of = |layer: usize| -> Vec<f32> {
            let batch = dropout.as_ref().filter(|_| set == SampleSet::Train);
            let Some((batch, at)) = batch.and_then(|batch| {
                let at = batch.samples.iter().position(|&sample| sample == index)?;
                Some((batch, at))
            }) else {
                return Vec::new();
            };
            batch.layers.get(layer).map_or_else(Vec::new, |layer| {
                layer
                    .masks
                    .iter()
                    .filter_map(|row| row.get(at).copied())
                    .collect()
            })
        };
        let recorded_column = |row: &[f32], neurons: usize| -> Vec<f32> {
            if row.is_empty() {
                Vec::new()
            } else {
                column(row, neurons)
            }
        };
        let mut layers: Vec<LayerInspection> = network
            .layers()
            .iter()
            .enumerate()
            .map(|(index, shape)| {
                let gradient = &buffers.gradient()[network.weight_range(index)];
                let bias_gradient = buffers.gradient()[network.bias_range(index)].to_vec();
                let d_j_dw: Vec<Vec<f32>> =
                    gradient.chunks(shape.inputs).map(<[f32]>::to_vec).collect();
                let weight_steps: Vec<Vec<ParameterStep>> = preview.parameters
                    [network.weight_range(index)]
                .chunks(shape.inputs)
                .map(<[ParameterStep]>::to_vec)
                .collect();
                let bias_steps = preview.parameters[network.bias_range(index)].to_vec();
                let delta = |step: &ParameterStep| step.delta;
                LayerInspection {
                    activation: shape.activation,
                    z: column(workspace.weighted_sums(index), shape.outputs),
                    a: column(workspace.activations(index), shape.outputs),
                    d_j_da: recorded_column(workspace.output_gradients(index), shape.outputs),
                    d_j_dz: column(workspace.deltas(index), shape.outputs),
                    update: weight_steps
                        .iter()
                        .map(|row| row.iter().map(delta).collect())
                        .collect(),
                    bias_update: bias_steps.iter().map(delta).collect(),
                    weight_steps,
                    bias_steps,
                    d_j_dw,
                    d_j_db: bias_gradient,
                    dropout_rate: rates[index],
                    dropout_kept_scale: crate::model::dropout::kept_scale(rates[index]),
                    dropout_mask: mask_of(index),
                }
            })
            .collect();
        let objective = settings.objective;
        let outputs = column(output_layer(network, workspace), objective.output_count());
        let targets: Vec<f32> = (0..outputs.len())
            .map(|k| objective.target(point.label, k))
            .collect();
        let loss = objective.total_loss(output_layer(network, workspace), stride, &[point.label]);
        let last = layers.last_mut().expect("at least one layer");
        if last.d_j_da.is_empty() {
            last.d_j_da = outputs
                .iter()
                .zip(&targets)
                .map(|(&o, &t)| objective.loss.derivative(o, t))
                .collect();
        }
        Ok(SampleInspection {
            point: point.position,
            target: point.label,
            output: outputs[0],
            loss,
            outputs,
            targets,
            learning_rate: optimizer.learning_rate,
            optimizer,
            optimizer_step: preview.steps,
            inputs: features
                .iter()
                .map(|f| f.value(point.position[0], point.position[1]))
                .collect(),
            layers,
        })
    }

    /// One optimizer step on training sample `index` alone (a batch of one): the
    /// update [`Trainer::inspect_sample`] shows, applied. The epoch count does not change.
    pub fn step_on_sample(&mut self, index: usize) -> Result<(), String> {
        let (point, inputs) = self.sample_batch(index, SampleSet::Train)?;
        let mut buffers = StepBuffers::default();
        let settings = self.step_settings();
        compute_gradient(
            self.network(),
            &inputs,
            &[point.label],
            &settings,
            &mut buffers,
        );
        self.apply_step(buffers.gradient());
        Ok(())
    }

    /// ∂J/∂θ over the whole training set as one batch (mean loss plus penalty), in
    /// the layout of `Network::parameters`.
    pub fn full_gradient(&self) -> Vec<f32> {
        let (inputs, targets) = self.training_set();
        let mut buffers = StepBuffers::default();
        compute_gradient(
            self.network(),
            inputs,
            targets,
            &self.step_settings(),
            &mut buffers,
        );
        buffers.gradient().to_vec()
    }

    /// J over the training set with parameter `index` set to each of `steps` evenly
    /// spaced values from `from` to `to`; the network is left as it was.
    pub fn cost_along_parameter(
        &mut self,
        index: usize,
        from: f32,
        to: f32,
        steps: usize,
    ) -> Result<Vec<f32>, String> {
        let count = self.network().parameters().len();
        if index >= count {
            return Err(format!(
                "parameter {index} does not exist: the network has {count}"
            ));
        }
        if !(2..=1000).contains(&steps) || !from.is_finite() || !to.is_finite() {
            return Err("the range needs finite ends and 2 to 1000 steps".to_string());
        }
        let settings = self.step_settings();
        let (inputs, targets) = {
            let (inputs, targets) = self.training_set();
            (inputs.to_vec(), targets.to_vec())
        };
        let original = self.network().parameters()[index];
        let mut workspace = crate::model::network::Workspace::default();
        let costs = (0..steps)
            .map(|step| {
                let value = from + (to - from) * step as f32 / (steps - 1) as f32;
                self.network_mut().parameters_mut()[index] = value;
                cost(self.network(), &inputs, &targets, &settings, &mut workspace)
            })
            .collect();
        self.network_mut().parameters_mut()[index] = original;
        Ok(costs)
    }

    /// Each layer's mean |gradient|, dead and saturated shares over the training set
    /// (see [`layer_health`]).
    pub fn layer_health(&self) -> Vec<LayerHealth> {
        self.layer_health_of(ViewPoints::All)
    }

    /// [`Trainer::layer_health`] over the training points `points` names.
    pub fn layer_health_of(&self, points: ViewPoints) -> Vec<LayerHealth> {
        let (inputs, targets) = self.view_set(points);
        layer_health(self.network(), &inputs, &targets, &self.step_settings())
    }

    /// Each hidden layer's histograms of its weights and of its activations over the
    /// training set (see [`crate::session::histograms`]).
    pub fn layer_histograms(&self) -> Vec<LayerHistograms> {
        self.layer_histograms_of(ViewPoints::All)
    }

    /// [`Trainer::layer_histograms`] over the training points `points` names.
    pub fn layer_histograms_of(&self, points: ViewPoints) -> Vec<LayerHistograms> {
        let (inputs, targets) = self.view_set(points);
        layer_histograms(self.network(), &inputs, targets.len())
    }

    /// The training set's inputs (feature-major, padded) and targets a view reads:
    /// all of them, or, for [`ViewPoints::Live`] when there are more than
    /// [`LIVE_VIEW_POINTS`], every k-th point from the first, k = ⌈points / LIVE_VIEW_POINTS⌉.
    fn view_set(&self, points: ViewPoints) -> (Cow<'_, [f32]>, Cow<'_, [f32]>) {
        let (inputs, targets) = self.training_set();
        let count = targets.len();
        if points == ViewPoints::All || count <= LIVE_VIEW_POINTS {
            return (Cow::Borrowed(inputs), Cow::Borrowed(targets));
        }
        let step = count.div_ceil(LIVE_VIEW_POINTS);
        let kept: Vec<usize> = (0..count).step_by(step).collect();
        let (stride, kept_stride) = (stride_for(count), stride_for(kept.len()));
        let features = inputs.len() / stride;
        let mut sample = vec![0.0; features * kept_stride];
        for feature in 0..features {
            for (slot, &point) in kept.iter().enumerate() {
                sample[feature * kept_stride + slot] = inputs[feature * stride + point];
            }
        }
        let sample_targets = kept.iter().map(|&point| targets[point]).collect();
        (Cow::Owned(sample), Cow::Owned(sample_targets))
    }

    /// The input plane's grid lines and the training points as neurons `neurons` of
    /// hidden layer `layer` see them (see [`crate::session::layer_plane`]); refuses a
    /// layer or neuron the network does not have, a layer of one neuron, and the same
    /// neuron twice.
    pub fn layer_plane(&self, layer: usize, neurons: [usize; 2]) -> Result<LayerPlane, String> {
        let (inputs, targets) = self.training_set();
        layer_plane(
            self.network(),
            self.inputs(),
            inputs,
            targets,
            layer,
            neurons,
        )
    }
}
