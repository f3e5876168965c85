//! The trainer: a network, its data and its settings, trained epoch by epoch with a
//! loss history. This is the whole state of one playground, without any drawing.
//!
//! This file holds the [`Trainer`] type, its construction and what ties the parts
//! together; each job is in a file of its own:
//! - training: whole epochs or a number of batches (`training`), the open epoch's
//!   shuffled batches (`open_epoch`), a sliced epoch's losses (`loss_slices`), the
//!   settings of each step (`step_settings`), the points as the trainer holds them
//!   (`prepared_set`);
//! - keeping or undoing it: the checkpoint and the roll-back after a divergence
//!   (`checkpoint`), the stop rules (`stop_rules`), dead relu layers (`dead_layer`),
//!   the loss history (`history`);
//! - measuring the fit (`evaluation`), the last batch's dropout (`last_dropout`) and the
//!   next epoch's (`next_masks`);
//! - changing the run: a new config (`config_change`), single weights (`editing`), a
//!   person's own points (`own_points`), model files (`model_exchange`);
//! - capturing and rebuilding a whole run (`snapshot`, `run_export`).

mod checkpoint;
mod config_change;
mod dead_layer;
mod editing;
mod evaluation;
mod history;
mod last_dropout;
mod loss_slices;
mod model_exchange;
mod next_masks;
mod open_epoch;
mod own_points;
mod prepared_set;
mod run_export;
mod snapshot;
mod step_settings;
mod stop_rules;
mod training;

pub use evaluation::Evaluation;
pub use history::HistoryEntry;
pub use last_dropout::{BatchDropout, LayerDropout};
pub use next_masks::{NextDropout, MAX_EXPORTED_DRAWS};
pub use own_points::{DataEdit, DrawTarget};
pub use run_export::{OptimizerMemory, RunExport};
pub use snapshot::{Resume, Snapshot, MAX_HISTORY};

use crate::config::{Config, ConfigError};
use crate::data::dataset::{split_drawn, Dataset, Point, Split};
use crate::data::features::Input;
use crate::data::formula_dataset::formula_points;
use crate::data::own::OwnData;
use crate::learn::optimizer::OptimizerState;
use crate::learn::training::StepBuffers;
use crate::math::rng::{SeededRng, Stream};
use crate::model::network::{LayerShape, Network, Workspace};
use prepared_set::PreparedSet;
use stop_rules::Stop;

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

    /// A new run on the current network: epoch 0, the optimizer's memory, the shuffling
    /// and the dropout masks from the start, the history and the stops cleared.
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

    /// The training set as the network sees it: feature-major inputs and targets.
    pub(crate) fn training_set(&self) -> (&[f32], &[f32]) {
        (&self.train.inputs, &self.train.labels)
    }

    /// The network, writable (for probing the cost; callers put it back).
    pub(crate) fn network_mut(&mut self) -> &mut Network {
        &mut self.network
    }
}
