//! The layer views' numbers: each hidden layer's histograms of weights and activations,
//! and the plane two neurons of a layer see, against hand-made networks and independent
//! forward passes.

use greymatter::data::features::{compute_inputs, Input};
use greymatter::session::histograms::{layer_histograms, BINS};
use greymatter::session::inspection::{SampleSet, ViewPoints, LIVE_VIEW_POINTS};
use greymatter::session::layer_plane::{grid_line_points, GRID_LINES, LINE_SAMPLES};
use greymatter::{Activation, Config, Dataset, Feature, LayerShape, Network, Trainer};

fn trained(hidden: Vec<usize>, activation: Activation) -> Trainer {
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Circle,
        hidden,
        activation,
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(20);
    trainer
}

#[test]
fn the_counts_add_up_to_the_weights_and_to_points_times_neurons() {
    for activation in [Activation::Tanh, Activation::Relu, Activation::Sigmoid] {
        let trainer = trained(vec![5, 3, 2], activation);
        let histograms = trainer.layer_histograms();
        let points = trainer.train_points().len() as u32;
        assert_eq!(
            histograms.len(),
            3,
            "one per hidden layer, none for the output"
        );
        for (index, (layer, shape)) in histograms
            .iter()
            .zip(trainer.network().layers())
            .enumerate()
        {
            assert_eq!(layer.activation, activation);
            assert_eq!(layer.weights.counts.len(), BINS);
            assert_eq!(
                layer.weights.total(),
                (shape.inputs * shape.outputs) as u32,
                "layer {index}"
            );
            assert_eq!(
                layer.activations.total(),
                points * shape.outputs as u32,
                "layer {index}"
            );
            assert_eq!(layer.weights.non_finite + layer.activations.non_finite, 0);
            // The weights' range is symmetric, from the largest |β|.
            let (weights, _) = trainer.network().layer_parameters(index);
            let largest = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
            assert_eq!((layer.weights.from, layer.weights.to), (-largest, largest));
        }
        let range = (histograms[0].activations.from, histograms[0].activations.to);
        match activation {
            Activation::Tanh => assert_eq!(range, (-1.0, 1.0)),
            Activation::Sigmoid => assert_eq!(range, (0.0, 1.0)),
            _ => assert!(
                range.0 >= 0.0 && range.1 > range.0,
                "relu: from the data, {range:?}"
            ),
        }
    }
}

#[test]
fn a_hand_made_network_puts_each_value_in_its_bin() {
    // 2 inputs → 2 linear neurons → 1 output. Hidden weights [[1, 0], [0, −2]],
    // biases [0.5, 0]: a = (x1 + 0.5, −2·x2).
    let mut network = Network::zeroed(vec![
        LayerShape {
            inputs: 2,
            outputs: 2,
            activation: Activation::Linear,
        },
        LayerShape {
            inputs: 2,
            outputs: 1,
            activation: Activation::Tanh,
        },
    ]);
    let (weights, biases) = network.layer_parameters_mut(0);
    weights.copy_from_slice(&[1.0, 0.0, 0.0, -2.0]);
    biases.copy_from_slice(&[0.5, 0.0]);
    let points = [[0.0, 0.0], [1.5, 1.0], [-0.5, -0.25]];
    let mut inputs = Vec::new();
    compute_inputs(
        &[Input::Feature(Feature::X1), Input::Feature(Feature::X2)],
        &points,
        &mut inputs,
    );
    let histograms = layer_histograms(&network, &inputs, points.len());
    assert_eq!(histograms.len(), 1);
    let [layer] = &histograms[..] else {
        unreachable!()
    };
    // Weights over [−2, 2], bins 0.2 wide: −2 → bin 0, 0 (twice) → bin 10, 1 → bin 15.
    let mut expected = vec![0; BINS];
    expected[0] = 1;
    expected[10] = 2;
    expected[15] = 1;
    assert_eq!((layer.weights.from, layer.weights.to), (-2.0, 2.0));
    assert_eq!(layer.weights.counts, expected);
    // Activations: x1 + 0.5 = 0.5, 2, 0; −2·x2 = 0, −2, 0.5. From −2 to 2, bins 0.2:
    // −2 → 0; 0 (twice) → 10; 0.5 (twice) → 12; 2 → 19 (the last bin is closed).
    let mut expected = vec![0; BINS];
    expected[0] = 1;
    expected[10] = 2;
    expected[12] = 2;
    expected[19] = 1;
    assert_eq!((layer.activations.from, layer.activations.to), (-2.0, 2.0));
    assert_eq!(layer.activations.counts, expected);
}

#[test]
fn an_empty_training_set_gives_empty_activation_histograms() {
    let network = Network::zeroed(vec![
        LayerShape {
            inputs: 2,
            outputs: 3,
            activation: Activation::Relu,
        },
        LayerShape {
            inputs: 3,
            outputs: 1,
            activation: Activation::Tanh,
        },
    ]);
    let histograms = layer_histograms(&network, &[], 0);
    assert_eq!(histograms[0].activations.total(), 0);
    assert_eq!(histograms[0].weights.total(), 6);
    assert_eq!(
        histograms[0].weights.counts[BINS / 2],
        6,
        "zero weights sit in the middle"
    );
}

#[test]
fn the_mapped_points_are_the_forward_pass_at_the_two_neurons() {
    let trainer = trained(vec![4, 3], Activation::Tanh);
    for (layer, neurons) in [(0, [0, 3]), (1, [2, 1])] {
        let plane = trainer.layer_plane(layer, neurons).unwrap();
        assert_eq!((plane.layer, plane.neurons), (layer, neurons));
        let count = trainer.train_points().len();
        assert_eq!(plane.points.len(), 2 * count);
        assert_eq!(plane.labels.len(), count);
        for index in [0, 7, count - 1] {
            let sample = trainer.inspect_sample(index, SampleSet::Train).unwrap();
            let a = &sample.layers[layer].a;
            let mapped = [plane.points[2 * index], plane.points[2 * index + 1]];
            assert!(
                (mapped[0] - a[neurons[0]]).abs() < 1e-6,
                "{mapped:?} vs {a:?}"
            );
            assert!(
                (mapped[1] - a[neurons[1]]).abs() < 1e-6,
                "{mapped:?} vs {a:?}"
            );
            assert_eq!(plane.labels[index], sample.target);
        }
    }
}

#[test]
fn the_grid_lines_are_the_plane_carried_through_the_layers() {
    let trainer = trained(vec![3, 2], Activation::Tanh);
    let plane = trainer.layer_plane(1, [1, 0]).unwrap();
    assert_eq!(
        (plane.line_count, plane.line_samples),
        (2 * GRID_LINES, LINE_SAMPLES)
    );
    assert_eq!(plane.lines.len(), 2 * 2 * GRID_LINES * LINE_SAMPLES);
    // An independent f64 forward pass from the model file's weights.
    let model = trainer.export_model();
    let forward = |point: [f32; 2]| -> Vec<f64> {
        let mut x: Vec<f64> = point.iter().map(|&v| f64::from(v)).collect();
        for layer in &model.layers[..2] {
            x = layer
                .weights
                .iter()
                .zip(&layer.biases)
                .map(|(row, &b)| {
                    let z = f64::from(b)
                        + row
                            .iter()
                            .zip(&x)
                            .map(|(&w, x)| f64::from(w) * x)
                            .sum::<f64>();
                    z.tanh()
                })
                .collect();
        }
        x
    };
    for (index, point) in grid_line_points().into_iter().enumerate().step_by(97) {
        let expected = forward(point);
        let mapped = [plane.lines[2 * index], plane.lines[2 * index + 1]];
        assert!(
            (f64::from(mapped[0]) - expected[1]).abs() < 1e-5,
            "{point:?}: {mapped:?} vs {expected:?}"
        );
        assert!(
            (f64::from(mapped[1]) - expected[0]).abs() < 1e-5,
            "{point:?}: {mapped:?} vs {expected:?}"
        );
    }
}

#[test]
fn a_pick_that_makes_no_plane_is_refused_with_its_reason() {
    let trainer = trained(vec![3, 1], Activation::Tanh);
    let refusals = [
        (0, [2, 2], "pick two different neurons: both are neuron 3 of hidden layer 1"),
        (1, [0, 1], "hidden layer 2 has one neuron: a plane takes two different neurons, so add a neuron to it"),
        (0, [0, 3], "hidden layer 1 has no neuron 4: it has 3"),
        (2, [0, 1], "the network has no hidden layer 3: it has 2"),
    ];
    for (layer, neurons, message) in refusals {
        assert_eq!(trainer.layer_plane(layer, neurons).unwrap_err(), message);
    }
    let flat = Trainer::new(Config {
        hidden: vec![],
        ..Config::default()
    })
    .unwrap();
    assert_eq!(
        flat.layer_plane(0, [0, 1]).unwrap_err(),
        "the network has no hidden layer 1: it has none"
    );
}

#[test]
fn live_layer_views_read_an_even_sample_of_a_large_training_set() {
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Spiral,
        samples: 3000,
        hidden: vec![6, 4],
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(2);
    let points = trainer.train_points();
    assert!(
        points.len() > LIVE_VIEW_POINTS,
        "{} training points",
        points.len()
    );
    // Every k-th point from the first, k = ⌈points / LIVE_VIEW_POINTS⌉.
    let step = points.len().div_ceil(LIVE_VIEW_POINTS);
    let kept: Vec<[f32; 2]> = points.iter().step_by(step).map(|p| p.position).collect();
    assert!(kept.len() <= LIVE_VIEW_POINTS);
    let mut inputs = Vec::new();
    compute_inputs(trainer.inputs(), &kept, &mut inputs);
    let expected = layer_histograms(trainer.network(), &inputs, kept.len());
    let live = trainer.layer_histograms_of(ViewPoints::Live);
    assert_eq!(format!("{live:?}"), format!("{expected:?}"));
    let neurons = trainer.network().layers()[0].outputs;
    assert_eq!(live[0].activations.total(), (kept.len() * neurons) as u32);
    // Read whole, the same views count every point.
    let all = trainer.layer_histograms();
    assert_eq!(all[0].activations.total(), (points.len() * neurons) as u32);
    assert_eq!(
        format!("{all:?}"),
        format!("{:?}", trainer.layer_histograms_of(ViewPoints::All))
    );
    // The health reads the same sample: over it, not over every point.
    let live_health = trainer.layer_health_of(ViewPoints::Live);
    assert_eq!(live_health.len(), 3);
    assert!(live_health
        .iter()
        .all(|layer| layer.mean_abs_gradient.is_finite()));
    assert_ne!(
        format!("{live_health:?}"),
        format!("{:?}", trainer.layer_health())
    );
}

#[test]
fn live_layer_views_of_a_small_training_set_read_every_point() {
    let trainer = trained(vec![5, 3], Activation::Tanh);
    assert!(trainer.train_points().len() <= LIVE_VIEW_POINTS);
    assert_eq!(
        format!("{:?}", trainer.layer_histograms_of(ViewPoints::Live)),
        format!("{:?}", trainer.layer_histograms())
    );
    assert_eq!(
        format!("{:?}", trainer.layer_health_of(ViewPoints::Live)),
        format!("{:?}", trainer.layer_health())
    );
}
