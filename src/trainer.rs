//! The trainer: a network, its data and its settings, trained epoch by epoch with a
//! loss history. This is the whole state of one playground, without any drawing.

use crate::activation::Activation;
use crate::config::{Change, Config, ConfigError};
use crate::dataset::{generate_split, Point, Problem, Split};
use crate::features::compute_inputs;
use crate::model::ModelFile;
use crate::network::{LayerShape, Network, Workspace};
use crate::rng::{SeededRng, Stream};
use crate::training::{
    apply_gradient_descent, cost_and_gradient, mean_loss, StepBuffers, StepSettings,
};

/// A set of points with the network's inputs computed for the current features.
#[derive(Clone, Debug, Default)]
struct PreparedSet {
    points: Vec<Point>,
    /// `[points][features]`.
    inputs: Vec<f32>,
    targets: Vec<f32>,
}

impl PreparedSet {
    fn new(points: Vec<Point>, config: &Config) -> Self {
        let mut set = PreparedSet {
            targets: points.iter().map(|p| p.label).collect(),
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
}

/// One playground's learning state.
#[derive(Clone, Debug)]
pub struct Trainer {
    config: Config,
    train: PreparedSet,
    test: PreparedSet,
    network: Network,
    shuffle_rng: SeededRng,
    order: Vec<usize>,
    batch_inputs: Vec<f32>,
    batch_targets: Vec<f32>,
    buffers: StepBuffers,
    evaluation: Workspace,
    epoch: u32,
    /// `[train_0, test_0, train_1, test_1, …]`, one pair per epoch from epoch 0.
    history: Vec<f32>,
}

/// The output activation that fits a problem: tanh for labels ±1, linear for regression.
pub fn output_activation(problem: Problem) -> Activation {
    match problem {
        Problem::Classification => Activation::Tanh,
        Problem::Regression => Activation::Linear,
    }
}

/// The layer shapes a config asks for: its hidden layers, then one output neuron.
pub fn layer_shapes(config: &Config) -> Vec<LayerShape> {
    let mut shapes = Vec::with_capacity(config.hidden.len() + 1);
    let mut inputs = config.features.len();
    for &neurons in &config.hidden {
        shapes.push(LayerShape {
            inputs,
            outputs: neurons,
            activation: config.activation,
        });
        inputs = neurons;
    }
    shapes.push(LayerShape {
        inputs,
        outputs: 1,
        activation: output_activation(config.problem),
    });
    shapes
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
            shuffle_rng: SeededRng::new(config.seed, Stream::Shuffle),
            order: Vec::new(),
            batch_inputs: Vec::new(),
            batch_targets: Vec::new(),
            buffers: StepBuffers::default(),
            evaluation: Workspace::default(),
            epoch: 0,
            history: Vec::new(),
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

    /// Mean training loss after the last epoch.
    pub fn train_loss(&self) -> f32 {
        self.history[self.history.len() - 2]
    }

    /// Mean test loss after the last epoch.
    pub fn test_loss(&self) -> f32 {
        self.history[self.history.len() - 1]
    }

    /// `[train_0, test_0, train_1, test_1, …]`: the losses after each epoch, from epoch 0.
    pub fn history(&self) -> &[f32] {
        &self.history
    }

    /// Back to the starting weights of the current seed, epoch 0, history cleared.
    pub fn reset(&mut self) {
        let mut rng = SeededRng::new(self.config.seed, Stream::Weights);
        self.network = Network::new(layer_shapes(&self.config), &mut rng);
        self.restart_history();
    }

    fn restart_history(&mut self) {
        self.shuffle_rng = SeededRng::new(self.config.seed, Stream::Shuffle);
        self.epoch = 0;
        self.history.clear();
        self.record_losses();
    }

    /// Applies a new config (validated first: on error nothing changes) and reports
    /// what it required.
    pub fn set_config(&mut self, next: Config) -> Result<Change, ConfigError> {
        next.validate()?;
        let change = self.config.change_to(&next);
        match change {
            Change::Kept => self.config = next,
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

    fn step_settings(&self) -> StepSettings {
        StepSettings {
            loss: self.config.loss,
            regularization: self.config.regularization,
            regularization_rate: self.config.regularization_rate as f32,
            learning_rate: self.config.learning_rate as f32,
        }
    }

    /// Trains `epochs` epochs: each one a pass over the shuffled training set in
    /// mini-batches of `batchSize` (the last one may be smaller), one gradient descent
    /// step per batch.
    pub fn train_epochs(&mut self, epochs: u32) {
        let settings = self.step_settings();
        let width = self.config.features.len();
        for _ in 0..epochs {
            self.order.clear();
            self.order.extend(0..self.train.points.len());
            self.shuffle_rng.shuffle(&mut self.order);
            for batch in self.order.chunks(self.config.batch_size) {
                self.batch_inputs.clear();
                self.batch_targets.clear();
                for &index in batch {
                    self.batch_inputs
                        .extend_from_slice(&self.train.inputs[index * width..][..width]);
                    self.batch_targets.push(self.train.targets[index]);
                }
                cost_and_gradient(
                    &self.network,
                    &self.batch_inputs,
                    &self.batch_targets,
                    &settings,
                    &mut self.buffers,
                );
                apply_gradient_descent(&mut self.network, &settings, &self.buffers);
            }
            self.epoch += 1;
            self.record_losses();
        }
    }

    fn record_losses(&mut self) {
        let loss = self.config.loss;
        let train = mean_loss(
            &self.network,
            &self.train.inputs,
            &self.train.targets,
            loss,
            &mut self.evaluation,
        );
        let test = mean_loss(
            &self.network,
            &self.test.inputs,
            &self.test.targets,
            loss,
            &mut self.evaluation,
        );
        self.history.push(train);
        self.history.push(test);
    }

    /// The network's output at each point (x1, x2).
    pub fn predict(&mut self, points: &[[f32; 2]]) -> Vec<f32> {
        let mut inputs = Vec::new();
        compute_inputs(&self.config.features, points, &mut inputs);
        self.network
            .forward(&inputs, points.len(), &mut self.evaluation);
        self.evaluation.output().to_vec()
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
        self.history.truncate(self.history.len() - 2);
        self.record_losses();
        Ok(())
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
        let expected_output = output_activation(model.problem);
        if output.activation != expected_output {
            return Err(format!(
                "the output layer of a {} model must use {}, got {}",
                model.problem.name(),
                expected_output.name(),
                output.activation.name()
            ));
        }
        let activation = hidden
            .first()
            .map_or(self.config.activation, |l| l.activation);
        if hidden.iter().any(|layer| layer.activation != activation) {
            return Err("every hidden layer must use the same activation".to_string());
        }
        let mut next = self.config.clone();
        next.features = model.features.clone();
        next.hidden = hidden.iter().map(|layer| layer.outputs).collect();
        next.activation = activation;
        next.validate().map_err(|error| error.message)?;
        self.config = next;
        self.train.compute_inputs(&self.config);
        self.test.compute_inputs(&self.config);
        self.network = network;
        self.restart_history();
        Ok(())
    }
}

/// The generated points of a config, without a network (for thumbnails and tests).
pub fn data_of(config: &Config) -> Split {
    generate_split(
        config.dataset,
        config.samples,
        (config.noise / 100.0) as f32,
        (config.train_ratio / 100.0) as f32,
        config.data_seed,
    )
}
