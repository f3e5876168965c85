//! The numbers the inspector shows: one sample's pass, the full-batch gradient, the
//! cost along a weight and each layer's health, checked against independent
//! computations.

use greymatter::session::inspection::SampleSet;
use greymatter::{Activation, Config, Dataset, Optimizer, Regularization, Trainer};

fn trained() -> Trainer {
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Xor,
        hidden: vec![3, 2],
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(5);
    trainer
}

#[test]
fn a_sample_pass_matches_the_weights_and_the_chain_rule() {
    let trainer = trained();
    let sample = trainer.inspect_sample(7, SampleSet::Train).unwrap();
    let model = trainer.export_model();
    let mut x: Vec<f32> = sample.inputs.clone();
    assert_eq!(
        x,
        sample.point.to_vec(),
        "features x1, x2 are the point itself"
    );
    for (layer, seen) in model.layers.iter().zip(&sample.layers) {
        for (j, (row, bias)) in layer.weights.iter().zip(&layer.biases).enumerate() {
            let z: f32 = bias + row.iter().zip(&x).map(|(w, x)| w * x).sum::<f32>();
            assert!((seen.z[j] - z).abs() < 1e-5, "z {j}: {} vs {z}", seen.z[j]);
            assert!((seen.a[j] - (z as f64).tanh() as f32).abs() < 2e-6);
            // ∂J/∂z = ∂J/∂a · (1 − a²) for tanh; ∂J/∂β = ∂J/∂z · x; update = −α·∂J/∂β.
            let dz = seen.d_j_da[j] * (1.0 - seen.a[j] * seen.a[j]);
            assert!((seen.d_j_dz[j] - dz).abs() < 1e-6);
            for (i, &xi) in x.iter().enumerate() {
                assert!((seen.d_j_dw[j][i] - seen.d_j_dz[j] * xi).abs() < 1e-6);
                assert!((seen.update[j][i] + 0.03 * seen.d_j_dw[j][i]).abs() < 1e-7);
            }
        }
        x = seen.a.clone();
    }
    let mut probe = trainer.clone();
    let output = probe.predict(&[sample.point])[0];
    assert_eq!(sample.output, output);
    assert!((sample.loss - 0.5 * (output - sample.target).powi(2)).abs() < 1e-6);
    assert!(trainer.inspect_sample(10_000, SampleSet::Test).is_err());
}

#[test]
fn the_full_gradient_is_the_slope_of_the_cost_along_each_weight() {
    let mut trainer = trained();
    let gradient = trainer.full_gradient();
    let before = trainer.network().parameters().to_vec();
    for index in [0, 4, 9, before.len() - 1] {
        let (w, h) = (before[index], 1e-2);
        let costs = trainer
            .cost_along_parameter(index, w - h, w + h, 3)
            .unwrap();
        let slope = (costs[2] - costs[0]) / (2.0 * h);
        assert!(
            (slope - gradient[index]).abs() < 2e-3 + 0.02 * slope.abs(),
            "parameter {index}: slope {slope} vs gradient {}",
            gradient[index]
        );
    }
    assert_eq!(
        trainer.network().parameters(),
        &before[..],
        "left as it was"
    );
    assert!(trainer
        .cost_along_parameter(before.len(), 0.0, 1.0, 5)
        .is_err());
    assert!(trainer.cost_along_parameter(0, 0.0, 1.0, 1).is_err());
}

#[test]
fn layer_health_sees_dead_relus_and_healthy_tanh() {
    let healthy = trained().layer_health();
    assert_eq!(healthy.len(), 3);
    assert!(healthy.iter().all(|layer| layer.dead_share == 0.0));
    assert!(healthy.iter().all(|layer| layer.mean_abs_gradient > 0.0));
    // Relu with a strongly negative bias: nothing passes, every neuron is dead.
    let mut trainer = Trainer::new(Config {
        activation: Activation::Relu,
        hidden: vec![4],
        ..Config::default()
    })
    .unwrap();
    for neuron in 0..4 {
        trainer.set_bias(0, neuron, -100.0).unwrap();
    }
    let health = trainer.layer_health();
    assert_eq!(health[0].dead_share, 1.0);
    assert_eq!(health[0].mean_abs_gradient, 0.0);
}

#[test]
fn a_step_on_one_sample_applies_the_update_the_inspector_shows() {
    let mut trainer = trained();
    let sample = trainer.inspect_sample(3, SampleSet::Train).unwrap();
    let before = trainer.network().parameters().to_vec();
    let epoch = trainer.epoch();
    trainer.step_on_sample(3).unwrap();
    let network = trainer.network();
    for (layer, seen) in sample.layers.iter().enumerate() {
        let weights = &network.parameters()[network.weight_range(layer)];
        let old = &before[network.weight_range(layer)];
        let expected = seen.update.iter().flatten();
        for ((new, old), update) in weights.iter().zip(old).zip(expected) {
            assert!((new - old - update).abs() < 1e-6);
        }
    }
    assert_eq!(trainer.epoch(), epoch);
    assert!(trainer.step_on_sample(100_000).is_err());
}

#[test]
fn a_softmax_sample_shows_probabilities_targets_and_a_minus_t() {
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Spiral,
        classes: 4,
        loss: greymatter::Loss::SoftmaxCrossEntropy,
        hidden: vec![5],
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(3);
    let sample = trainer.inspect_sample(2, SampleSet::Train).unwrap();
    let class = sample.target as usize;
    let output = sample.layers.last().unwrap();
    assert_eq!(output.activation, Activation::Softmax);
    assert_eq!(sample.outputs, output.a);
    assert!((output.a.iter().sum::<f32>() - 1.0).abs() < 1e-6);
    // softmax of z, computed here in f64.
    let total: f64 = output.z.iter().map(|&z| (z as f64).exp()).sum();
    for k in 0..4 {
        let p = (output.z[k] as f64).exp() / total;
        assert!((output.a[k] as f64 - p).abs() < 1e-6);
        let t = (k == class) as u8 as f32;
        assert_eq!(sample.targets[k], t);
        // Cross-entropy through softmax: ∂J/∂z = a − t; ∂J/∂a = −t / a.
        assert!((output.d_j_dz[k] - (output.a[k] - t)).abs() < 1e-6);
        assert!((output.d_j_da[k] + t / output.a[k]).abs() < 1e-4);
    }
    assert!((sample.loss + output.a[class].ln()).abs() < 1e-5);
}

/// The optimizer's memory (first, second, steps) as a snapshot saves it.
fn memory(trainer: &Trainer) -> (Vec<f32>, Vec<f32>, i32) {
    let resume = trainer.snapshot().resume.expect("the memory is known");
    (resume.first, resume.second, resume.steps)
}

#[test]
fn every_optimizer_applies_exactly_the_step_the_inspector_shows() {
    for optimizer in Optimizer::ALL {
        let mut trainer = Trainer::new(Config {
            dataset: Dataset::Xor,
            hidden: vec![3, 2],
            optimizer,
            regularization: Regularization::L2,
            regularization_rate: 0.001,
            ..Config::default()
        })
        .unwrap();
        trainer.train_epochs(4);
        let before = memory(&trainer);
        assert!(before.2 > 0, "{optimizer:?}: trained");
        for index in [3, 11] {
            let sample = trainer.inspect_sample(index, SampleSet::Train).unwrap();
            assert_eq!(
                memory(&trainer),
                before,
                "{optimizer:?}: preview keeps the memory"
            );
            assert_eq!(sample.optimizer.optimizer, optimizer);
            assert_eq!(sample.optimizer_step, before.2 + 1);
            let mut stepped = trainer.clone();
            stepped.step_on_sample(index).unwrap();
            let (first, second, steps) = memory(&stepped);
            assert_eq!(steps, sample.optimizer_step, "{optimizer:?}: t");
            let old = trainer.network().parameters();
            let new = stepped.network().parameters();
            let network = trainer.network();
            for (layer, seen) in sample.layers.iter().enumerate() {
                let parameters = network
                    .weight_range(layer)
                    .zip(
                        seen.update
                            .iter()
                            .flatten()
                            .zip(seen.weight_steps.iter().flatten()),
                    )
                    .chain(
                        network
                            .bias_range(layer)
                            .zip(seen.bias_update.iter().zip(&seen.bias_steps)),
                    );
                for (k, (update, step)) in parameters {
                    let what = format!("{optimizer:?}, sample {index}, parameter {k}");
                    assert_eq!((old[k] + update).to_bits(), new[k].to_bits(), "{what}");
                    assert_eq!(*update, step.delta, "{what}");
                    let remembered = |memory: &[f32]| memory.get(k).copied().unwrap_or(0.0);
                    assert_eq!(step.first_before, remembered(&before.0), "{what}");
                    assert_eq!(step.second_before, remembered(&before.1), "{what}");
                    assert_eq!(step.first, first[k], "{what}: first memory after");
                    assert_eq!(step.second, second[k], "{what}: second memory after");
                }
            }
        }
    }
}
