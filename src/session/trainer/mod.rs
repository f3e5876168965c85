//! The trainer: a network, its data and its settings, trained epoch by epoch with a
//! loss history. This is the whole state of one playground, without any drawing.
//!
//! Measuring the fit lives in `evaluation` (a sliced epoch's losses in `loss_slices`),
//! editing single weights in `editing`, model files in `model_exchange`, a person's own
//! points in `own_points`, and capturing and rebuilding a whole run in `snapshot`.

mod editing;
mod evaluation;
mod loss_slices;
mod model_exchange;
mod next_masks;
mod own_points;
mod run_export;
mod snapshot;

pub use evaluation::Evaluation;
pub use next_masks::{NextDropout, MAX_EXPORTED_DRAWS};
pub use own_points::{DataEdit, DrawTarget};
pub use run_export::{OptimizerMemory, RunExport};
pub use snapshot::{Resume, Snapshot, MAX_HISTORY};

use crate::config::limits::MAX_EPOCH;
use crate::config::{Change, Config, ConfigError};
use crate::data::dataset::{split_drawn, Dataset, Point, Split};
use crate::data::features::{compute_inputs, Input};
use crate::data::formula_dataset::formula_points;
use crate::data::own::OwnData;
use crate::learn::optimizer::{OptimizerSettings, OptimizerState, StepPreview};
use crate::learn::training::{compute_gradient, StepBuffers, StepSettings};
use crate::math::activation::Activation;
use crate::math::kernels::stride_for;
use crate::math::rng::{SeededRng, Stream};
use crate::model::dropout::{clear_masks, draw_masks};
use crate::model::network::{LayerShape, Network, Workspace};
use crate::session::divergence::explain_divergence;
use crate::session::health::layer_health;

/// A set of points with the network's inputs computed for the current inputs.
#[derive(Clone, Debug, Default)]
struct PreparedSet {
    points: Vec<Point>,
    /// Feature-major `[features][stride]`.
    inputs: Vec<f32>,
    /// Each point's label.
    labels: Vec<f32>,
}

impl PreparedSet {
    fn new(points: Vec<Point>, inputs: &[Input]) -> Self {
        let mut set = PreparedSet {
            labels: points.iter().map(|p| p.label).collect(),
            points,
            inputs: Vec::new(),
        };
        set.compute_inputs(inputs);
        set
    }

    fn compute_inputs(&mut self, inputs: &[Input]) {
        let positions: Vec<[f32; 2]> = self.points.iter().map(|p| p.position).collect();
        compute_inputs(inputs, &positions, &mut self.inputs);
    }

    fn stride(&self) -> usize {
        stride_for(self.points.len())
    }
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
    /// The config's inputs, parsed once (`Config::inputs`).
    inputs: Vec<Input>,
    train: PreparedSet,
    test: PreparedSet,
    network: Network,
    /// The network at the last state whose losses were measured (the start of a
    /// `train_epochs` call, or of the open epoch), to roll back to if training diverges.
    last_finite: Vec<f32>,
    /// The optimizer's memory, the shuffling and the dropout masks' generator of that
    /// state, rolled back with it.
    optimizer_at_start: OptimizerState,
    shuffle_at_start: SeededRng,
    dropout_at_start: SeededRng,
    /// The epoch of that state.
    checkpoint_epoch: u32,
    /// The network at the start of the current epoch, to diagnose a divergence.
    epoch_start: Vec<f32>,
    /// The next batch of the open epoch (whose batches `epoch_inputs` holds), or `None`
    /// when no epoch is open. Anything but training that changes the run (a setting, the
    /// weights, the points) closes it: see [`Trainer::close_open_epoch`]. Once all its
    /// batches are trained by [`Trainer::train_batches`], the epoch stays open (not
    /// counted) while its losses are measured in `slices`.
    next_batch: Option<usize>,
    /// The losses of the open epoch, once all its batches are trained, measured so far.
    slices: loss_slices::LossSlices,
    shuffle_rng: SeededRng,
    /// Draws the dropout masks of every training batch (see [`crate::model::dropout`]).
    dropout_rng: SeededRng,
    /// The training samples (indices into the training set) of the last batch trained.
    last_batch: Vec<usize>,
    order: Vec<usize>,
    /// The epoch's batches, one after another, each feature-major `[features][stride]`.
    epoch_inputs: Vec<f32>,
    /// The epoch's labels in the shuffled order.
    epoch_labels: Vec<f32>,
    buffers: StepBuffers,
    optimizer: OptimizerState,
    evaluation: Workspace,
    epoch: u32,
    train_evaluation: Evaluation,
    test_evaluation: Evaluation,
    history: Vec<HistoryEntry>,
    divergence: Option<String>,
    /// Why training stopped by itself (the loss reached `stopAtLoss`, or a layer died),
    /// until a setting or the weights change.
    loss_stop: Option<Stop>,
    /// The person's own points: trained on while the dataset is `own`, kept while
    /// another dataset is chosen.
    own: OwnData,
    /// Earlier and undone versions of the own points.
    edits: own_points::EditHistory,
}

/// The dropout of one training batch (see [`Trainer::last_dropout`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchDropout {
    /// The batch's samples, as indices into the training points.
    pub samples: Vec<usize>,
    /// Every hidden layer, input side first.
    pub layers: Vec<LayerDropout>,
}

/// One hidden layer's dropout in a batch.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerDropout {
    /// p, the layer's rate.
    pub rate: f32,
    /// 1/(1 − p), what a kept output is multiplied by.
    pub kept_scale: f32,
    /// `[neuron][sample]`: 0 where the neuron was dropped for the sample, 1/(1 − p) where
    /// it was kept; empty rows for a layer at rate 0.
    pub masks: Vec<Vec<f32>>,
}

/// Why training stopped by itself.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stop {
    /// The epoch at which the training loss first reached `stopAtLoss`, and that loss.
    Loss { epoch: u32, loss: f32 },
    /// Every neuron of hidden layer `layer` (0 is the first) outputs 0 for every
    /// training point: no gradient flows back through it, so nothing can change.
    Dead { epoch: u32, layer: usize },
}

/// The layer shapes a config asks for: its hidden layers, then the output layer of
/// its [`Objective`](crate::learn::objective::Objective).
pub fn layer_shapes(config: &Config) -> Vec<LayerShape> {
    let mut shapes = Vec::with_capacity(config.hidden.len() + 1);
    let mut inputs = config.input_count();
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

/// The generated points of a config (none for own points).
pub fn data_of(config: &Config) -> Split {
    if config.dataset == Dataset::Own {
        return Split::default();
    }
    let (count, classes) = (config.samples, config.classes);
    let noise = (config.noise / 100.0) as f32;
    split_drawn(
        config.data_seed,
        (config.train_ratio / 100.0) as f32,
        |rng| {
            match config.dataset {
                // A validated config's formula parses; one that does not makes no points.
                Dataset::Formula => config.dataset_formula().map_or_else(Vec::new, |formula| {
                    formula_points(&formula, config.problem, count, noise, classes, rng)
                }),
                dataset => dataset.generate(count, noise, classes, rng),
            }
        },
    )
}

impl Trainer {
    /// A fresh playground for a valid config: data generated from `dataSeed`,
    /// starting weights from `seed`, epoch 0.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        let own = OwnData::empty(config.problem);
        Self::with_own_points(config, own, own_points::EditHistory::default())
    }

    /// A fresh playground that keeps `own` points (and their edit history).
    fn with_own_points(
        config: Config,
        own: OwnData,
        edits: own_points::EditHistory,
    ) -> Result<Self, ConfigError> {
        config.validate()?;
        own_points::check_fit(&own, &config)?;
        let split = Self::split_of(&config, &own);
        let inputs = config.inputs();
        let mut trainer = Trainer {
            train: PreparedSet::new(split.train, &inputs),
            test: PreparedSet::new(split.test, &inputs),
            inputs,
            network: Network::zeroed(Vec::new()),
            last_finite: Vec::new(),
            optimizer_at_start: OptimizerState::default(),
            shuffle_at_start: SeededRng::new(config.seed, Stream::Shuffle),
            dropout_at_start: SeededRng::new(config.seed, Stream::Dropout),
            checkpoint_epoch: 0,
            epoch_start: Vec::new(),
            next_batch: None,
            slices: Default::default(),
            shuffle_rng: SeededRng::new(config.seed, Stream::Shuffle),
            dropout_rng: SeededRng::new(config.seed, Stream::Dropout),
            last_batch: Vec::new(),
            order: Vec::new(),
            epoch_inputs: Vec::new(),
            epoch_labels: Vec::new(),
            buffers: StepBuffers::default(),
            optimizer: OptimizerState::default(),
            evaluation: Workspace::default(),
            epoch: 0,
            train_evaluation: Evaluation::default(),
            test_evaluation: Evaluation::default(),
            history: Vec::new(),
            divergence: None,
            loss_stop: None,
            own,
            edits,
            config,
        };
        trainer.reset();
        Ok(trainer)
    }

    /// The points `config` trains on: generated, or the own points.
    fn split_of(config: &Config, own: &OwnData) -> Split {
        if config.dataset == Dataset::Own {
            own.split(config.classes)
        } else {
            data_of(config)
        }
    }

    /// Puts the points of the current config in place (same network and epoch); the
    /// losses are measured by the caller.
    fn prepare_points(&mut self) {
        self.close_open_epoch();
        let split = Self::split_of(&self.config, &self.own);
        self.train = PreparedSet::new(split.train, &self.inputs);
        self.test = PreparedSet::new(split.test, &self.inputs);
        self.divergence = None;
    }

    /// The current settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The network's inputs: the config's features, then its formulas.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
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

    /// The losses at epoch 0 and after every `train_epochs` call and every epoch that
    /// `train_batches` completed since.
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
        self.network = self
            .config
            .initialization
            .network(layer_shapes(&self.config), &mut rng);
        self.restart_history();
    }

    fn restart_history(&mut self) {
        self.close_open_epoch();
        self.optimizer.clear();
        self.shuffle_rng = SeededRng::new(self.config.seed, Stream::Shuffle);
        self.dropout_rng = SeededRng::new(self.config.seed, Stream::Dropout);
        self.forget_last_batch();
        self.epoch = 0;
        self.history.clear();
        self.divergence = None;
        self.loss_stop = None;
        self.record_losses();
    }

    /// Applies a new config (validated first: on error nothing changes) and reports
    /// what it required.
    pub fn set_config(&mut self, next: Config) -> Result<Change, ConfigError> {
        next.validate()?;
        own_points::check_fit(&self.own, &next)?;
        let change = self.config.change_to(&next);
        // A change closes the open epoch; the losses are then measured again.
        let closes = self.next_batch.is_some() && self.config != next;
        match change {
            Change::Kept => {
                if self.config != next {
                    // A changed setting lets training go on past a reached stopAtLoss.
                    self.loss_stop = None;
                }
                if self.config.optimizer != next.optimizer {
                    // A different rule starts from a clean memory; the weights stay.
                    self.optimizer.clear();
                }
                let loss_changed = self.config.loss != next.loss;
                if self.config.dropout != next.dropout {
                    // The last batch's masks were drawn at the old rates.
                    self.forget_last_batch();
                }
                self.config = next;
                self.divergence = None;
                if loss_changed || closes {
                    // The shown losses follow the new definition at once.
                    self.remeasure();
                }
            }
            Change::NewData => {
                self.config = next;
                self.prepare_points();
                self.remeasure();
            }
            Change::Reset => {
                let inputs_changed = self.config.features != next.features
                    || self.config.custom_features != next.custom_features;
                self.config = next;
                if inputs_changed {
                    self.inputs = self.config.inputs();
                    self.train.compute_inputs(&self.inputs);
                    self.test.compute_inputs(&self.inputs);
                }
                self.reset();
            }
            Change::Regenerated => {
                let own = std::mem::replace(&mut self.own, OwnData::empty(next.problem));
                let edits = std::mem::take(&mut self.edits);
                *self = Trainer::with_own_points(next, own, edits)?;
            }
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

    /// Whether training has stopped: `stopAfter` epochs (or [`MAX_EPOCH`]) are trained,
    /// the training loss reached `stopAtLoss`, or a relu layer died (the last two until
    /// a setting or the weights change), or there are no training points.
    pub fn finished(&self) -> bool {
        self.loss_stop.is_some() || self.reached_last_epoch() || self.train.points.is_empty()
    }

    /// The epoch training stops at: `stopAfter` when it is set, never past [`MAX_EPOCH`].
    fn last_epoch(&self) -> u32 {
        match self.config.stop_after {
            0 => MAX_EPOCH,
            stop_after => stop_after.min(MAX_EPOCH),
        }
    }

    fn reached_last_epoch(&self) -> bool {
        self.epoch >= self.last_epoch()
    }

    /// Why training stopped, in the words the page shows, or `None` while it may go on.
    pub fn stop_reason(&self) -> Option<String> {
        if self.train.points.is_empty() {
            return Some(
                "There are no training points: draw some, load a CSV, or choose a dataset."
                    .to_string(),
            );
        }
        match self.loss_stop {
            Some(Stop::Loss { epoch, loss }) => {
                return Some(format!(
                    "Training stopped at epoch {epoch}: the training loss {} reached the \
                     stop-at-loss threshold {}; lower it, or set it to 0 to train on.",
                    short_loss(loss),
                    self.config.stop_at_loss
                ));
            }
            Some(Stop::Dead { epoch, layer }) => {
                return Some(format!(
                    "Training stopped at epoch {epoch}: every neuron of hidden layer {} is \
                     dead — its relu gives 0 for every training point, so no gradient flows \
                     back through it and the network cannot learn any more. Press reset and \
                     try a smaller learning rate, or leaky relu or elu, whose gradient never \
                     vanishes.",
                    layer + 1
                ));
            }
            None => {}
        }
        self.reached_last_epoch().then(|| {
            if self.config.stop_after == self.last_epoch() {
                format!(
                    "Training stopped after {} epochs, as \"stop after\" asks: raise it, or \
                     set it to 0 to train on.",
                    self.epoch
                )
            } else {
                format!(
                    "Training stopped at epoch {MAX_EPOCH}, the most epochs greymatter \
                     counts: press reset to train again from epoch 0."
                )
            }
        })
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

    /// The step [`Trainer::apply_step`] would take with `gradient`, and the settings it
    /// would use; nothing changes.
    pub(crate) fn preview_step(&self, gradient: &[f32]) -> (StepPreview, OptimizerSettings) {
        let settings = self.optimizer_settings();
        (self.optimizer.preview(gradient, &settings), settings)
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
    /// An epoch left open by [`Trainer::train_batches`] is finished first and counts as
    /// one of the `epochs`.
    ///
    /// If the outputs, the weights or the measured losses stop being finite, the whole
    /// call is undone: the network, the optimizer's memory, the shuffling and the epoch
    /// go back to the last state whose losses were measured (where the call started, or
    /// the start of the open epoch), training stops and [`Trainer::divergence`] says why;
    /// further calls train nothing until the settings or the weights change. Never trains
    /// past `stopAfter` epochs. With `stopAtLoss` above 0, the training loss is measured
    /// after every epoch and training stops after the first epoch whose loss is at or
    /// below it; [`Trainer::finished`] then holds until a setting or the weights change.
    /// Returns the number of epochs trained.
    pub fn train_epochs(&mut self, epochs: u32) -> u32 {
        // An epoch whose batches are all trained is measured and counted on its own first.
        self.finish_measuring();
        let epochs = epochs.min(self.last_epoch().saturating_sub(self.epoch));
        if self.divergence.is_some() || self.finished() || epochs == 0 {
            return 0;
        }
        let threshold = self.config.stop_at_loss;
        let start_epoch = self.epoch;
        if self.next_batch.is_none() {
            self.checkpoint();
        }
        let mut diverged = false;
        for _ in 0..epochs {
            if !self.train_open_epoch(usize::MAX).1 {
                diverged = true;
                break;
            }
            self.count_epoch();
            if threshold > 0.0 {
                // The loss shown for the training points, measured as record_losses does.
                let loss = self.evaluate(true).loss;
                if f64::from(loss) <= threshold {
                    self.loss_stop = Some(Stop::Loss {
                        epoch: self.epoch,
                        loss,
                    });
                    break;
                }
            }
        }
        if self.conclude(diverged) {
            self.epoch - start_epoch
        } else {
            0
        }
    }

    /// Trains up to `batches` mini-batches, going on with the open epoch where it stopped
    /// (its shuffled order and position are kept) and opening new epochs as needed, so an
    /// epoch too long for one call is trained over several. When an epoch's last batch is
    /// trained, its training and test losses are measured, over as many calls as it takes
    /// at about `3 × batchSize` points (rounded up to whole vectors of 4) for each batch
    /// asked, with no training meanwhile; only then is the epoch counted and its losses
    /// added to the history, as a `train_epochs(1)` call would, and the call that
    /// completes the measurement ends there. The batches of an unfinished epoch show in
    /// the weights but not in [`Trainer::epoch`] (see [`Trainer::epoch_batches_done`] and
    /// [`Trainer::measuring_losses`]). Slices of any sizes give bit for bit the weights
    /// and the history of whole epochs.
    ///
    /// Stops at `stopAfter` epochs, after an epoch whose training loss reaches
    /// `stopAtLoss`, or when a relu layer died, as `train_epochs` does. If the outputs,
    /// the weights or the losses stop being finite, training goes back to the last
    /// completed epoch (network, optimizer memory, shuffling; the open epoch is dropped)
    /// and stops, and [`Trainer::divergence`] says why. Returns the batches' worth of
    /// work done and kept (measured points counted as above, 0 after a divergence):
    /// fewer than asked means training stopped or an epoch was counted.
    pub fn train_batches(&mut self, batches: u32) -> u32 {
        let per_batch = self.measured_per_batch();
        let budget = (batches as usize).saturating_mul(per_batch);
        let mut used = 0;
        while used < budget && self.divergence.is_none() && !self.finished() {
            if self.measuring_losses().is_some() {
                used += self.measure_slice(budget - used);
                if self.slices.result().is_some() {
                    self.conclude_measured();
                    break;
                }
                continue;
            }
            if self.next_batch.is_none() {
                self.checkpoint();
            }
            let (trained, finite) = self.train_open_epoch((budget - used) / per_batch);
            used += trained * per_batch;
            let weights_finite = || self.network.parameters().iter().all(|p| p.is_finite());
            if !finite || (self.measuring_losses().is_none() && !weights_finite()) {
                self.conclude(true);
                return 0;
            }
        }
        used.div_ceil(per_batch) as u32
    }

    /// While the losses of an epoch whose batches are all trained are being measured
    /// (see [`Trainer::train_batches`]), the points measured so far, the training
    /// points first, then the test points; `None` otherwise.
    pub fn measuring_losses(&self) -> Option<usize> {
        let count = self.batches_per_epoch();
        (count > 0 && self.next_batch == Some(count)).then(|| self.slices.measured())
    }

    /// Measures what is left of the losses under way at once, and counts the epoch.
    fn finish_measuring(&mut self) {
        if self.measuring_losses().is_some() {
            self.measure_slice(usize::MAX);
            self.conclude_measured();
        }
    }

    /// Counts the epoch whose losses the slices measured, and judges them as
    /// [`Trainer::conclude`] does.
    fn conclude_measured(&mut self) {
        let measured = self.slices.result();
        debug_assert!(measured.is_some(), "the measurement is complete");
        self.count_epoch();
        self.judge(measured);
    }

    /// The open epoch, all of its batches trained, is done: one more epoch.
    fn count_epoch(&mut self) {
        self.next_batch = None;
        self.epoch += 1;
    }

    /// Batches in one epoch at the current batch size.
    pub fn batches_per_epoch(&self) -> usize {
        self.train
            .points
            .len()
            .div_ceil(self.config.batch_size.max(1))
    }

    /// Batches trained of the open epoch (0 when none is open; all of them while its
    /// losses are being measured).
    pub fn epoch_batches_done(&self) -> usize {
        self.next_batch.unwrap_or(0)
    }

    /// Remembers the network, the optimizer's memory and the shuffling as they are (a
    /// state whose losses are measured), to roll back to if training diverges.
    fn checkpoint(&mut self) {
        self.last_finite.clear();
        self.last_finite
            .extend_from_slice(self.network.parameters());
        self.optimizer_at_start.clone_from(&self.optimizer);
        self.shuffle_at_start.clone_from(&self.shuffle_rng);
        self.dropout_at_start.clone_from(&self.dropout_rng);
        self.checkpoint_epoch = self.epoch;
    }

    /// Ends a stretch of training: measures the losses and adds them to the history, or,
    /// if the training `diverged` or the losses are not finite, goes back to the
    /// checkpoint and says why. Returns whether the training is kept.
    fn conclude(&mut self, diverged: bool) -> bool {
        let measured = (!diverged).then(|| (self.evaluate(true), self.evaluate(false)));
        self.judge(measured)
    }

    /// [`Trainer::conclude`] with the training and test evaluations of the trained
    /// network, measured (`None`: the training diverged).
    fn judge(&mut self, measured: Option<(Evaluation, Evaluation)>) -> bool {
        let mut diverged = measured.is_none();
        let failing_epoch = self.epoch + u32::from(diverged);
        let loss_before = self.train_loss();
        if let Some(losses) = measured {
            self.record(losses);
            // An empty test set has no loss (NaN) without anything having diverged.
            let test_fine = self.test_loss().is_finite() || self.test.points.is_empty();
            if !(self.train_loss().is_finite() && test_fine) {
                diverged = true;
                self.history.pop();
            }
        }
        if diverged {
            // The health of the last finite network names the likely cause.
            self.network
                .parameters_mut()
                .copy_from_slice(&self.epoch_start);
            let health = layer_health(
                &self.network,
                &self.train.inputs,
                &self.train.labels,
                &self.step_settings(),
            );
            self.network
                .parameters_mut()
                .copy_from_slice(&self.last_finite);
            // A diverged step leaves NaN or ±∞ in the optimizer's memory: back with the weights.
            std::mem::swap(&mut self.optimizer, &mut self.optimizer_at_start);
            std::mem::swap(&mut self.shuffle_rng, &mut self.shuffle_at_start);
            std::mem::swap(&mut self.dropout_rng, &mut self.dropout_at_start);
            self.forget_last_batch();
            self.epoch = self.checkpoint_epoch;
            self.next_batch = None;
            self.loss_stop = None;
            self.divergence = Some(explain_divergence(failing_epoch, &self.config, &health));
            self.train_evaluation = self.evaluate(true);
            self.test_evaluation = self.evaluate(false);
            return false;
        }
        let threshold = self.config.stop_at_loss;
        if self.loss_stop.is_none() && threshold > 0.0 && f64::from(self.train_loss()) <= threshold
        {
            self.loss_stop = Some(Stop::Loss {
                epoch: self.epoch,
                loss: self.train_loss(),
            });
        }
        if self.loss_stop.is_none() && self.train_loss() >= loss_before {
            // The loss no longer falls: see whether a layer has died.
            self.loss_stop = self.dead_layer().map(|layer| Stop::Dead {
                epoch: self.epoch,
                layer,
            });
        }
        true
    }

    /// The first hidden relu layer whose every neuron outputs 0 for every training point.
    fn dead_layer(&self) -> Option<usize> {
        let hidden = self.config.hidden.len();
        if !(0..hidden).any(|layer| self.config.hidden_activation(layer) == Activation::Relu) {
            return None;
        }
        let health = layer_health(
            &self.network,
            &self.train.inputs,
            &self.train.labels,
            &self.step_settings(),
        );
        health[..hidden]
            .iter()
            .position(|layer| layer.dead_share >= 1.0)
    }

    /// Shuffles the training set and gathers it, batch after batch, each batch
    /// feature-major `[width][stride]`, with the labels in the shuffled order: the open
    /// epoch, at its first batch.
    fn open_epoch(&mut self) {
        self.epoch_start.clear();
        self.epoch_start
            .extend_from_slice(self.network.parameters());
        let width = self.inputs.len();
        let set_stride = self.train.stride();
        self.order.clear();
        self.order.extend(0..self.train.points.len());
        self.shuffle_rng.shuffle(&mut self.order);
        let batch_size = self.config.batch_size;
        self.epoch_inputs.clear();
        for batch in self.order.chunks(batch_size) {
            let stride = stride_for(batch.len());
            for feature in 0..width {
                let source = &self.train.inputs[feature * set_stride..][..set_stride];
                self.epoch_inputs
                    .extend(batch.iter().map(|&index| source[index]));
                self.epoch_inputs
                    .extend(std::iter::repeat_n(0.0, stride - batch.len()));
            }
        }
        self.epoch_labels.clear();
        self.epoch_labels
            .extend(self.order.iter().map(|&index| self.train.labels[index]));
        self.next_batch = Some(0);
        self.slices.clear();
    }

    /// Trains up to `batches` batches of the open epoch (opening one if none is); after
    /// its last batch the epoch stays open until the caller counts it
    /// ([`Trainer::count_epoch`]). Returns the batches trained and false if an output
    /// (or, at the epoch's end, a weight) stopped being finite.
    fn train_open_epoch(&mut self, batches: usize) -> (usize, bool) {
        if self.next_batch.is_none() {
            self.open_epoch();
        }
        let first = self.next_batch.unwrap_or(0);
        let settings = self.step_settings();
        let optimizer = self.optimizer_settings();
        let width = self.inputs.len();
        let batch_size = self.config.batch_size;
        let full_stride = stride_for(batch_size);
        let count = self.batches_per_epoch();
        let last = count.min(first.saturating_add(batches));
        let rates = self.config.dropout_rates();
        for batch in first..last {
            let labels = &self.epoch_labels[batch * batch_size..];
            let labels = &labels[..labels.len().min(batch_size)];
            let stride = stride_for(labels.len());
            let offset = batch * width * full_stride;
            let inputs = &self.epoch_inputs[offset..offset + width * stride];
            // Layers at rate 0 get no mask (with every rate 0, the plain pass).
            draw_masks(
                &rates,
                self.network.layers(),
                labels.len(),
                &mut self.dropout_rng,
                self.buffers.workspace_mut(),
            );
            self.last_batch.clear();
            self.last_batch
                .extend_from_slice(&self.order[batch * batch_size..][..labels.len()]);
            let outputs_finite =
                compute_gradient(&self.network, inputs, labels, &settings, &mut self.buffers);
            if !outputs_finite {
                return (batch - first, false);
            }
            self.optimizer.step(
                self.network.parameters_mut(),
                self.buffers.gradient(),
                &optimizer,
            );
        }
        self.next_batch = Some(last);
        let finite = last < count || self.network.parameters().iter().all(|p| p.is_finite());
        (last - first, finite)
    }

    /// Re-measures the losses for the current weights (replacing the last history row)
    /// after the weights or the data changed; a reached `stopAtLoss` no longer holds.
    fn remeasure(&mut self) {
        self.close_open_epoch();
        self.loss_stop = None;
        self.history.pop();
        self.record_losses();
    }

    /// Ends the open epoch because something other than training changed the run: the
    /// batches it trained stay in the weights, it is not counted (nor are the losses
    /// measured so far of an epoch whose batches are all trained kept), and the next
    /// training begins a fresh epoch (the shuffling goes on to a new order). Callers
    /// re-measure.
    fn close_open_epoch(&mut self) {
        self.next_batch = None;
    }

    /// Forgets the last trained batch and its dropout masks (a new run, a roll-back).
    fn forget_last_batch(&mut self) {
        self.last_batch.clear();
        clear_masks(self.buffers.workspace_mut());
    }

    /// The dropout of the last trained batch: its training samples and, per layer, the
    /// mask of each neuron for each of them. `None` before the first batch of a run,
    /// or when that batch dropped nothing (every rate 0).
    pub fn last_dropout(&self) -> Option<BatchDropout> {
        let workspace = self.buffers.workspace();
        if self.last_batch.is_empty() || !workspace.has_masks() {
            return None;
        }
        let stride = stride_for(self.last_batch.len());
        let rates = self.config.dropout_rates();
        let layers = self
            .config
            .hidden
            .iter()
            .enumerate()
            .map(|(layer, &neurons)| {
                let mask = workspace.mask(layer);
                LayerDropout {
                    rate: rates[layer],
                    kept_scale: crate::model::dropout::kept_scale(rates[layer]),
                    masks: (0..neurons)
                        .map(|j| match mask {
                            [] => Vec::new(),
                            _ => mask[j * stride..][..self.last_batch.len()].to_vec(),
                        })
                        .collect(),
                }
            });
        Some(BatchDropout {
            samples: self.last_batch.clone(),
            layers: layers.collect(),
        })
    }

    fn record_losses(&mut self) {
        let losses = (self.evaluate(true), self.evaluate(false));
        self.record(losses);
    }

    /// Shows the training and test evaluations and adds their losses to the history.
    fn record(&mut self, (train, test): (Evaluation, Evaluation)) {
        self.train_evaluation = train;
        self.test_evaluation = test;
        self.history.push(HistoryEntry {
            epoch: self.epoch,
            train_loss: self.train_evaluation.loss,
            test_loss: self.test_evaluation.loss,
        });
    }
}

/// A loss as the stop message shows it: four decimals, or two significant digits when
/// it is smaller than that.
fn short_loss(loss: f32) -> String {
    if loss.abs() >= 1e-4 || loss == 0.0 {
        format!("{loss:.4}")
    } else {
        format!("{loss:.1e}")
    }
}
