//! The trainer: a network, its data and its settings, trained epoch by epoch with a
//! loss history. This is the whole state of one playground, without any drawing.

use crate::activation::Activation;
use crate::config::{Change, Config, ConfigError};
use crate::dataset::{generate_split, Point, Problem, Split};
use crate::divergence::explain_divergence;
use crate::features::compute_inputs;
use crate::kernels::stride_for;
use crate::loss::Loss;
use crate::model::ModelFile;
use crate::network::{LayerShape, Network, Workspace};
use crate::objective::Objective;
use crate::optimizer::{OptimizerSettings, OptimizerState};
use crate::rng::{SeededRng, Stream};
use crate::training::{compute_gradient, mean_loss, output_layer, StepBuffers, StepSettings};

/// A set of points with the network's inputs computed for the current features.
#[derive(Clone, Debug, Default)]
struct PreparedSet {
    points: Vec<Point>,
    /// Feature-major `[features][stride]`.
    inputs: Vec<f32>,
    /// Each point's label.
    labels: Vec<f32>,
}

impl PreparedSet {
    fn new(points: Vec<Point>, config: &Config) -> Self {
        let mut set = PreparedSet {
            labels: points.iter().map(|p| p.label).collect(),
            points,
            inputs: Vec::new(),
        };
        set.compute_inputs(config);
        set
    }

    fn compute_inputs(&mut self, config: &Config) {
        let positions: Vec<[f32; 2]> = self.points.iter().map(|p| p.position).collect();
        compute_inputs(&config.features, &positions, &mut self.inputs);
    }

    fn stride(&self) -> usize {
        stride_for(self.points.len())
    }
}

/// How well the network fits one set of points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// Mean loss over the set (without the regularization penalty).
    pub loss: f32,
    /// Classification: accuracy, the share of points whose predicted class (see
    /// [`crate::objective`]) is their class. Regression: R² = 1 − Σ(o − t)² / Σ(t − mean t)².
    pub metric: f32,
}

/// One row of the loss history.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistoryEntry {
    /// Epochs trained when the losses were measured.
    pub epoch: u32,
    /// Mean training loss.
    pub train_loss: f32,
    /// Mean test loss.
    pub test_loss: f32,
}

/// One playground's learning state.
#[derive(Clone, Debug)]
pub struct Trainer {
    config: Config,
    train: PreparedSet,
    test: PreparedSet,
    network: Network,
    /// The network before the current `train_epochs` call, to roll back to if it diverges.
    last_finite: Vec<f32>,
    /// The network at the start of the current epoch, to diagnose a divergence.
    epoch_start: Vec<f32>,
    shuffle_rng: SeededRng,
    order: Vec<usize>,
    batch_inputs: Vec<f32>,
    batch_labels: Vec<f32>,
    buffers: StepBuffers,
    optimizer: OptimizerState,
    evaluation: Workspace,
    epoch: u32,
    train_evaluation: Evaluation,
    test_evaluation: Evaluation,
    history: Vec<HistoryEntry>,
    divergence: Option<String>,
}

/// The layer shapes a config asks for: its hidden layers, then the output layer of
/// its [`Objective`](crate::objective::Objective).
pub fn layer_shapes(config: &Config) -> Vec<LayerShape> {
    let mut shapes = Vec::with_capacity(config.hidden.len() + 1);
    let mut inputs = config.features.len();
    for (layer, &neurons) in config.hidden.iter().enumerate() {
        shapes.push(LayerShape {
            inputs,
            outputs: neurons,
            activation: config.hidden_activation(layer),
        });
        inputs = neurons;
    }
    let objective = config.objective();
    shapes.push(LayerShape {
        inputs,
        outputs: objective.output_count(),
        activation: objective.output_activation(),
    });
    shapes
}

/// The generated points of a config.
pub fn data_of(config: &Config) -> Split {
    generate_split(
        config.dataset,
        config.samples,
        (config.noise / 100.0) as f32,
        (config.train_ratio / 100.0) as f32,
        config.classes,
        config.data_seed,
    )
}

impl Trainer {
    /// A fresh playground for a valid config: data generated from `dataSeed`,
    /// starting weights from `seed`, epoch 0.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate()?;
        let split = data_of(&config);
        let mut trainer = Trainer {
            train: PreparedSet::new(split.train, &config),
            test: PreparedSet::new(split.test, &config),
            network: Network::zeroed(Vec::new()),
            last_finite: Vec::new(),
            epoch_start: Vec::new(),
            shuffle_rng: SeededRng::new(config.seed, Stream::Shuffle),
            order: Vec::new(),
            batch_inputs: Vec::new(),
            batch_labels: Vec::new(),
            buffers: StepBuffers::default(),
            optimizer: OptimizerState::default(),
            evaluation: Workspace::default(),
            epoch: 0,
            train_evaluation: Evaluation::default(),
            test_evaluation: Evaluation::default(),
            history: Vec::new(),
            divergence: None,
            config,
        };
        trainer.reset();
        Ok(trainer)
    }

    /// The current settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The network being trained.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Training points.
    pub fn train_points(&self) -> &[Point] {
        &self.train.points
    }

    /// Test points.
    pub fn test_points(&self) -> &[Point] {
        &self.test.points
    }

    /// Epochs trained since the last reset.
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// Mean training loss, measured after the last `train_epochs` call.
    pub fn train_loss(&self) -> f32 {
        self.train_evaluation.loss
    }

    /// Mean test loss, measured after the last `train_epochs` call.
    pub fn test_loss(&self) -> f32 {
        self.test_evaluation.loss
    }

    /// Loss and accuracy (or R²) on the training set.
    pub fn train_evaluation(&self) -> Evaluation {
        self.train_evaluation
    }

    /// Loss and accuracy (or R²) on the test set.
    pub fn test_evaluation(&self) -> Evaluation {
        self.test_evaluation
    }

    /// The losses at epoch 0 and after every `train_epochs` call since.
    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }

    /// Why training stopped, if the loss became NaN or infinite.
    pub fn divergence(&self) -> Option<&str> {
        self.divergence.as_deref()
    }

    /// Back to the starting weights of the current seed, epoch 0, history cleared.
    pub fn reset(&mut self) {
        let mut rng = SeededRng::new(self.config.seed, Stream::Weights);
        self.network = Network::initialized(
            layer_shapes(&self.config),
            self.config.initialization,
            &mut rng,
        );
        self.restart_history();
    }

    fn restart_history(&mut self) {
        self.optimizer.clear();
        self.shuffle_rng = SeededRng::new(self.config.seed, Stream::Shuffle);
        self.epoch = 0;
        self.history.clear();
        self.divergence = None;
        self.record_losses();
    }

    /// Applies a new config (validated first: on error nothing changes) and reports
    /// what it required.
    pub fn set_config(&mut self, next: Config) -> Result<Change, ConfigError> {
        next.validate()?;
        let change = self.config.change_to(&next);
        match change {
            Change::Kept => {
                if self.config.optimizer != next.optimizer {
                    // A different rule starts from a clean memory; the weights stay.
                    self.optimizer.clear();
                }
                self.config = next;
                self.divergence = None;
            }
            Change::NewData => {
                self.config = next;
                let split = data_of(&self.config);
                self.train = PreparedSet::new(split.train, &self.config);
                self.test = PreparedSet::new(split.test, &self.config);
                self.divergence = None;
                self.remeasure();
            }
            Change::Reset => {
                let features_changed = self.config.features != next.features;
                self.config = next;
                if features_changed {
                    self.train.compute_inputs(&self.config);
                    self.test.compute_inputs(&self.config);
                }
                self.reset();
            }
            Change::Regenerated => *self = Trainer::new(next)?,
        }
        Ok(change)
    }

    /// The learning rate of the next epoch, after the schedule.
    pub fn current_learning_rate(&self) -> f64 {
        let config = &self.config;
        config.schedule.rate(
            config.learning_rate,
            config.decay_rate,
            config.decay_epochs,
            self.epoch,
        )
    }

    /// Whether training has reached `stopAfter`.
    pub fn finished(&self) -> bool {
        self.config.stop_after > 0 && self.epoch >= self.config.stop_after
    }

    fn optimizer_settings(&self) -> OptimizerSettings {
        let config = &self.config;
        OptimizerSettings {
            optimizer: config.optimizer,
            learning_rate: self.current_learning_rate() as f32,
            momentum: config.momentum as f32,
            rms_decay: config.rms_decay as f32,
            beta1: config.beta1 as f32,
            beta2: config.beta2 as f32,
            epsilon: config.epsilon as f32,
        }
    }

    /// One optimizer step with `gradient`, then the losses re-measured (the last
    /// history row replaced).
    pub(crate) fn apply_step(&mut self, gradient: &[f32]) {
        let settings = self.optimizer_settings();
        self.optimizer
            .step(self.network.parameters_mut(), gradient, &settings);
        self.remeasure();
    }

    /// The training set as the network sees it: feature-major inputs and targets.
    pub(crate) fn training_set(&self) -> (&[f32], &[f32]) {
        (&self.train.inputs, &self.train.labels)
    }

    /// The network, writable (for probing the cost; callers put it back).
    pub(crate) fn network_mut(&mut self) -> &mut Network {
        &mut self.network
    }

    pub(crate) fn step_settings(&self) -> StepSettings {
        StepSettings {
            objective: self.config.objective(),
            regularization: self.config.regularization,
            regularization_rate: self.config.regularization_rate as f32,
            learning_rate: self.config.learning_rate as f32,
        }
    }

    /// Trains up to `epochs` epochs, then measures the losses once and adds them to the
    /// history. Each epoch is a pass over the shuffled training set in mini-batches of
    /// `batchSize` (the last one may be smaller), one gradient descent step per batch.
    ///
    /// If the outputs, the weights or the measured losses stop being finite, the whole
    /// call is undone: the network and the epoch go back to where the call started (the
    /// last state whose losses were measured), training stops and
    /// [`Trainer::divergence`] says why; further calls train nothing until the settings
    /// or the weights change. Never trains past `stopAfter` epochs. Returns the number
    /// of epochs trained.
    pub fn train_epochs(&mut self, epochs: u32) -> u32 {
        let epochs = if self.config.stop_after > 0 {
            epochs.min(self.config.stop_after.saturating_sub(self.epoch))
        } else {
            epochs
        };
        if self.divergence.is_some() || epochs == 0 {
            return 0;
        }
        let start_epoch = self.epoch;
        self.last_finite.clear();
        self.last_finite
            .extend_from_slice(self.network.parameters());
        let mut diverged = false;
        for _ in 0..epochs {
            self.epoch_start.clear();
            self.epoch_start
                .extend_from_slice(self.network.parameters());
            if !self.train_one_epoch() {
                diverged = true;
                break;
            }
            self.epoch += 1;
        }
        let failing_epoch = self.epoch + u32::from(diverged);
        if !diverged {
            self.record_losses();
            let (train, test) = (self.train_loss(), self.test_loss());
            if !(train.is_finite() && test.is_finite()) {
                diverged = true;
                self.history.pop();
            }
        }
        if diverged {
            // The health of the last finite network names the likely cause.
            let start = std::mem::take(&mut self.epoch_start);
            self.network.parameters_mut().copy_from_slice(&start);
            let health = self.layer_health();
            self.epoch_start = start;
            self.network
                .parameters_mut()
                .copy_from_slice(&self.last_finite);
            self.epoch = start_epoch;
            self.divergence = Some(explain_divergence(failing_epoch, &self.config, &health));
            self.train_evaluation = self.evaluate(true);
            self.test_evaluation = self.evaluate(false);
            return 0;
        }
        self.epoch - start_epoch
    }

    /// One epoch; false if an output or a weight stopped being finite.
    fn train_one_epoch(&mut self) -> bool {
        let settings = self.step_settings();
        let optimizer = self.optimizer_settings();
        let width = self.config.features.len();
        let set_stride = self.train.stride();
        self.order.clear();
        self.order.extend(0..self.train.points.len());
        self.shuffle_rng.shuffle(&mut self.order);
        for batch in self.order.chunks(self.config.batch_size) {
            let stride = stride_for(batch.len());
            self.batch_inputs.clear();
            self.batch_inputs.resize(width * stride, 0.0);
            for (feature, row) in self.batch_inputs.chunks_exact_mut(stride).enumerate() {
                let source = &self.train.inputs[feature * set_stride..][..set_stride];
                for (slot, &index) in row.iter_mut().zip(batch) {
                    *slot = source[index];
                }
            }
            self.batch_labels.clear();
            self.batch_labels
                .extend(batch.iter().map(|&index| self.train.labels[index]));
            let outputs_finite = compute_gradient(
                &self.network,
                &self.batch_inputs,
                &self.batch_labels,
                &settings,
                &mut self.buffers,
            );
            if !outputs_finite {
                return false;
            }
            self.optimizer.step(
                self.network.parameters_mut(),
                self.buffers.gradient(),
                &optimizer,
            );
        }
        self.network.parameters().iter().all(|p| p.is_finite())
    }

    fn evaluate(&mut self, train: bool) -> Evaluation {
        let set = if train { &self.train } else { &self.test };
        evaluate_set(
            &self.network,
            set,
            &self.config.objective(),
            &mut self.evaluation,
        )
    }

    /// How often each class is predicted as each class: `classes × classes` counts,
    /// row = true class, column = predicted class (classification only; empty for
    /// regression).
    pub fn confusion_matrix(&mut self, train: bool) -> Vec<u32> {
        let objective = self.config.objective();
        let classes = objective.class_count();
        let mut counts = vec![0; classes * classes];
        let set = if train { &self.train } else { &self.test };
        if classes == 0 || set.labels.is_empty() {
            return counts;
        }
        self.network
            .forward(&set.inputs, set.labels.len(), &mut self.evaluation);
        let outputs = output_layer(&self.network, &self.evaluation);
        let stride = self.evaluation.stride();
        for (sample, &label) in set.labels.iter().enumerate() {
            let predicted = objective.predicted_class(outputs, stride, sample);
            counts[objective.true_class(label) * classes + predicted] += 1;
        }
        counts
    }

    /// Re-measures the losses for the current weights (replacing the last history row).
    fn remeasure(&mut self) {
        self.history.pop();
        self.record_losses();
    }

    fn record_losses(&mut self) {
        self.train_evaluation = self.evaluate(true);
        self.test_evaluation = self.evaluate(false);
        self.history.push(HistoryEntry {
            epoch: self.epoch,
            train_loss: self.train_evaluation.loss,
            test_loss: self.test_evaluation.loss,
        });
    }

    /// The network's outputs at each point (x1, x2), point by point: one value per
    /// point, or one probability per class for a softmax output.
    pub fn predict(&mut self, points: &[[f32; 2]]) -> Vec<f32> {
        let mut inputs = Vec::new();
        compute_inputs(&self.config.features, points, &mut inputs);
        self.network
            .forward(&inputs, points.len(), &mut self.evaluation);
        let outputs = output_layer(&self.network, &self.evaluation);
        let (count, stride) = (
            self.config.objective().output_count(),
            self.evaluation.stride(),
        );
        (0..points.len())
            .flat_map(|point| (0..count).map(move |k| outputs[k * stride + point]))
            .collect()
    }

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

    /// The current network as a model file.
    pub fn export_model(&self) -> ModelFile {
        ModelFile::from_network(&self.network, self.config.problem, &self.config.features)
    }

    /// Loads a model file: the network, its features and hidden layers replace the
    /// current ones; the data stays; epoch 0. On error nothing changes.
    pub fn import_model(&mut self, model: &ModelFile) -> Result<(), String> {
        if model.problem != self.config.problem {
            return Err(format!(
                "this model was trained for {}, but the playground's problem is {}: switch the problem first",
                model.problem.name(),
                self.config.problem.name()
            ));
        }
        let network = model.to_network()?;
        let (output, hidden) = network.layers().split_last().expect("at least one layer");
        let mut next = self.config.clone();
        next.loss = loss_for_output(output, &next)?;
        next.features = model.features.clone();
        next.hidden = hidden.iter().map(|layer| layer.outputs).collect();
        let activations: Vec<Activation> = hidden.iter().map(|layer| layer.activation).collect();
        if let Some(&first) = activations.first() {
            next.activation = first;
        }
        next.layer_activations = if activations.iter().all(|&a| a == next.activation) {
            Vec::new()
        } else {
            activations
        };
        next.validate().map_err(|error| error.message)?;
        self.config = next;
        self.train.compute_inputs(&self.config);
        self.test.compute_inputs(&self.config);
        self.network = network;
        self.restart_history();
        Ok(())
    }
}

/// The loss of the config that a model's output layer was trained with: the config's
/// own loss when it builds the same output layer, else the one loss that does.
fn loss_for_output(output: &LayerShape, config: &Config) -> Result<Loss, String> {
    let builds = |loss: Loss| {
        let objective = Objective {
            loss,
            ..config.objective()
        };
        objective.check().is_ok()
            && objective.output_activation() == output.activation
            && objective.output_count() == output.outputs
    };
    if builds(config.loss) {
        return Ok(config.loss);
    }
    Loss::ALL
        .into_iter()
        .find(|&loss| builds(loss))
        .ok_or_else(|| {
            let objective = config.objective();
            format!(
                "the model's output layer ({} {} neurons) does not fit {} with {} classes, \
             which needs {} {} output neurons: change the playground's classes first",
                output.outputs,
                output.activation.name(),
                config.problem.name(),
                config.classes,
                objective.output_count(),
                objective.output_activation().name()
            )
        })
}

/// Loss and accuracy (or R²) of `network` over a prepared set.
fn evaluate_set(
    network: &Network,
    set: &PreparedSet,
    objective: &Objective,
    workspace: &mut Workspace,
) -> Evaluation {
    let count = set.labels.len();
    if count == 0 {
        return Evaluation::default();
    }
    network.forward(&set.inputs, count, workspace);
    let mean_loss = mean_loss(network, workspace, &set.labels, objective);
    let outputs = output_layer(network, workspace);
    let stride = workspace.stride();
    let metric = match objective.problem {
        Problem::Classification => {
            let correct = (0..count)
                .filter(|&sample| {
                    objective.predicted_class(outputs, stride, sample)
                        == objective.true_class(set.labels[sample])
                })
                .count();
            correct as f32 / count as f32
        }
        Problem::Regression => {
            let pairs = || outputs[..count].iter().zip(&set.labels);
            let mean = set.labels.iter().sum::<f32>() / count as f32;
            let residual: f32 = pairs().map(|(&o, &t)| (o - t) * (o - t)).sum();
            let total: f32 = set.labels.iter().map(|&t| (t - mean) * (t - mean)).sum();
            if total > 0.0 {
                1.0 - residual / total
            } else {
                0.0
            }
        }
    };
    Evaluation {
        loss: mean_loss,
        metric,
    }
}
