//! Native benchmarks of greymatter's hot paths (criterion): one training epoch and one
//! all-neuron grid pass on the standard workload of the performance comparison
//! (benches/js/compare.mjs): the two-class spiral, 500 points with noise 0.1 and 450 of
//! them for training, tanh in every layer, plain SGD at learning rate 0.03 on batches of
//! 10, loss ½(o − t)², networks 2-8-8-1 and 2-64-64-64-1, grid 100×100 over [−6, 6]².
//!
//! `cargo bench --bench kernels` (make bench runs it; BENCH_NATIVE=0 skips it).
//!
//! - `train_epoch/<net>`: one epoch as the trainer runs it (shuffle, gather each batch's
//!   inputs, cost and gradient, SGD step), straight on a [`Network`], so that networks
//!   beyond the playground's config limits can be measured too. Throughput: samples.
//! - `grid_all_neurons/<net>`: one batched forward pass over the 10,000 grid cells; the
//!   workspace then holds every neuron's output at every cell. Throughput: grids.
//! - `trainer_20_epochs/2-8-8-1` and `heatmap_render/2-8-8-1`: the same through the
//!   playground's own types ([`Trainer`] with its loss bookkeeping, [`Heatmap::render`]
//!   with its colouring), as a page frame uses them.

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use greymatter::data::dataset::{generate_split, Point};
use greymatter::data::features::{compute_inputs, Input};
use greymatter::learn::training::{
    apply_gradient_descent, cost_and_gradient, StepBuffers, StepSettings,
};
use greymatter::math::rng::{SeededRng, Stream};
use greymatter::picture::{cell_centre, GRID_SIZE};
use greymatter::{
    Activation, Config, Dataset, Feature, Heatmap, Initialization, LayerShape, Loss, Network,
    Objective, Problem, Regularization, Trainer, Workspace,
};
use std::hint::black_box;
use std::time::Duration;

const NETWORKS: [(&str, &[usize]); 2] = [
    ("2-8-8-1", &[2, 8, 8, 1]),
    ("2-64-64-64-1", &[2, 64, 64, 64, 1]),
];
const FEATURES: [Feature; 2] = [Feature::X1, Feature::X2];
const INPUTS: [Input; 2] = [Input::Feature(Feature::X1), Input::Feature(Feature::X2)];
const SAMPLES: usize = 500;
const NOISE: f32 = 0.1;
const TRAIN_FRACTION: f32 = 0.9;
const BATCH_SIZE: usize = 10;
const LEARNING_RATE: f32 = 0.03;
const SEED: u32 = 1;

/// Dense tanh layers of the given sizes (inputs first), weights uniform in [−0.5, 0.5),
/// biases 0.1.
fn network(sizes: &[usize]) -> Network {
    let layers = sizes
        .windows(2)
        .map(|pair| LayerShape {
            inputs: pair[0],
            outputs: pair[1],
            activation: Activation::Tanh,
        })
        .collect();
    Initialization::Uniform.network(layers, &mut SeededRng::new(SEED, Stream::Weights))
}

fn settings() -> StepSettings {
    StepSettings {
        objective: Objective {
            problem: Problem::Classification,
            classes: 2,
            loss: Loss::Squared,
        },
        regularization: Regularization::None,
        regularization_rate: 0.0,
        learning_rate: LEARNING_RATE,
    }
}

/// One epoch's state, reused from epoch to epoch like the trainer's.
struct Epoch {
    points: Vec<Point>,
    order: Vec<usize>,
    shuffle: SeededRng,
    batch_points: Vec<[f32; 2]>,
    batch_inputs: Vec<f32>,
    batch_targets: Vec<f32>,
    buffers: StepBuffers,
}

impl Epoch {
    fn new() -> Self {
        let split = generate_split(Dataset::Spiral, SAMPLES, NOISE, TRAIN_FRACTION, 2, SEED);
        Epoch {
            order: (0..split.train.len()).collect(),
            points: split.train,
            shuffle: SeededRng::new(SEED, Stream::Shuffle),
            batch_points: Vec::with_capacity(BATCH_SIZE),
            batch_inputs: Vec::new(),
            batch_targets: Vec::with_capacity(BATCH_SIZE),
            buffers: StepBuffers::default(),
        }
    }

    /// Shuffles, then one SGD step per batch of `BATCH_SIZE`. Returns the last batch's cost.
    fn run(&mut self, network: &mut Network, settings: &StepSettings) -> f32 {
        self.shuffle.shuffle(&mut self.order);
        let mut cost = 0.0;
        for batch in self.order.chunks(BATCH_SIZE) {
            self.batch_points.clear();
            self.batch_targets.clear();
            for &index in batch {
                self.batch_points.push(self.points[index].position);
                self.batch_targets.push(self.points[index].label);
            }
            // The layout Network::forward takes, whatever it is.
            compute_inputs(&INPUTS, &self.batch_points, &mut self.batch_inputs);
            cost = cost_and_gradient(
                network,
                &self.batch_inputs,
                &self.batch_targets,
                settings,
                &mut self.buffers,
            );
            apply_gradient_descent(network, settings, &self.buffers);
        }
        cost
    }
}

fn grid_inputs() -> Vec<f32> {
    let centres: Vec<[f32; 2]> = (0..GRID_SIZE * GRID_SIZE)
        .map(|cell| cell_centre(cell / GRID_SIZE, cell % GRID_SIZE))
        .collect();
    let mut inputs = Vec::new();
    compute_inputs(&INPUTS, &centres, &mut inputs);
    inputs
}

fn configure<M: criterion::measurement::Measurement>(group: &mut BenchmarkGroup<'_, M>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
}

fn train_epoch(c: &mut Criterion) {
    let mut group = c.benchmark_group("train_epoch");
    configure(&mut group);
    let settings = settings();
    for (name, sizes) in NETWORKS {
        let mut network = network(sizes);
        let mut epoch = Epoch::new();
        group.throughput(Throughput::Elements(epoch.points.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(epoch.run(&mut network, &settings)))
        });
    }
    group.finish();
}

fn grid_all_neurons(c: &mut Criterion) {
    let mut group = c.benchmark_group("grid_all_neurons");
    configure(&mut group);
    group.throughput(Throughput::Elements(1));
    let inputs = grid_inputs();
    for (name, sizes) in NETWORKS {
        let network = network(sizes);
        let mut workspace = Workspace::default();
        group.bench_function(name, |b| {
            b.iter(|| {
                network.forward(black_box(&inputs), GRID_SIZE * GRID_SIZE, &mut workspace);
                black_box(workspace.output().first().copied())
            })
        });
    }
    group.finish();
}

/// The playground's config for the workload at 2-8-8-1 (larger layers exceed its limits).
fn playground_config() -> Config {
    Config {
        dataset: Dataset::Spiral,
        noise: 10.0,
        samples: SAMPLES,
        train_ratio: 90.0,
        batch_size: BATCH_SIZE,
        learning_rate: f64::from(LEARNING_RATE),
        activation: Activation::Tanh,
        hidden: vec![8, 8],
        features: FEATURES.to_vec(),
        ..Config::default()
    }
}

fn playground_paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("trainer_20_epochs");
    configure(&mut group);
    let mut trainer = Trainer::new(playground_config()).expect("the workload's config is valid");
    group.throughput(Throughput::Elements(
        20 * trainer.train_points().len() as u64,
    ));
    group.bench_function("2-8-8-1", |b| {
        b.iter(|| {
            let _ = black_box(trainer.train_epochs(20));
        })
    });
    group.finish();

    let mut group = c.benchmark_group("heatmap_render");
    configure(&mut group);
    group.throughput(Throughput::Elements(1));
    let mut heatmap = Heatmap::default();
    group.bench_function("2-8-8-1", |b| {
        b.iter(|| {
            heatmap.render(trainer.network(), trainer.inputs());
            black_box(heatmap.pixels().first().copied())
        })
    });
    group.finish();
}

criterion_group!(benches, train_epoch, grid_all_neurons, playground_paths);
criterion_main!(benches);
