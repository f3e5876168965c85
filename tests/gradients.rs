//! Gradient checks: the backward pass against central finite differences of the cost,
//! for every hidden activation × objective (problem, classes, loss) × regularization.

// Under wasm32 the same tests run in wasm-bindgen-test-runner, checking the simd128 code.
use greymatter::learn::training::{cost_and_gradient, StepBuffers, StepSettings};
use greymatter::math::rng::{SeededRng, Stream};
use greymatter::{
    Activation, Initialization, LayerShape, Loss, Network, Objective, Problem, Regularization,
};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn network(hidden: Activation, objective: &Objective) -> Network {
    let shapes = vec![
        LayerShape {
            inputs: 3,
            outputs: 4,
            activation: hidden,
        },
        LayerShape {
            inputs: 4,
            outputs: 3,
            activation: hidden,
        },
        LayerShape {
            inputs: 3,
            outputs: objective.output_count(),
            activation: objective.output_activation(),
        },
    ];
    let mut network =
        Initialization::Uniform.network(shapes, &mut SeededRng::new(42, Stream::Weights));
    // Larger, varied weights so every unit is away from trivial regimes.
    let mut rng = SeededRng::new(43, Stream::Weights);
    for p in network.parameters_mut() {
        *p = rng.uniform(-1.2, 1.2);
    }
    network
}

/// Five samples of three inputs, feature-major with zero padding, and labels that fit
/// the objective: values in (−0.9, 0.9) for the regression-style losses, ±1 for binary
/// cross-entropy, class indices for softmax.
fn batch(objective: &Objective) -> (Vec<f32>, Vec<f32>) {
    let stride = greymatter::math::kernels::stride_for(5);
    let mut rng = SeededRng::new(44, Stream::Data);
    let mut inputs = vec![0.0; 3 * stride];
    for row in inputs.chunks_mut(stride) {
        for value in &mut row[..5] {
            *value = rng.uniform(-2.0, 2.0);
        }
    }
    let labels = (0..5)
        .map(|sample| match objective.loss {
            Loss::BinaryCrossEntropy => [-1.0, 1.0][sample % 2],
            Loss::SoftmaxCrossEntropy => (sample % objective.classes) as f32,
            _ => rng.uniform(-0.9, 0.9),
        })
        .collect();
    (inputs, labels)
}

/// Checks every parameter where the cost is smooth around it; returns how many were
/// checked (parameters on a kink of relu, |·| or L1 are skipped).
fn check(network: &Network, settings: &StepSettings) -> usize {
    check_with(network, settings, StepBuffers::default())
}

/// `check` with `buffers` as given: with dropout masks in them, every pass (the
/// finite differences too) drops the same outputs.
fn check_with(network: &Network, settings: &StepSettings, mut buffers: StepBuffers) -> usize {
    let (inputs, targets) = batch(&settings.objective);
    cost_and_gradient(network, &inputs, &targets, settings, &mut buffers);
    let analytic = buffers.gradient().to_vec();
    let mut probe = network.clone();
    let mut cost_at = |index: usize, value: f32| {
        probe.parameters_mut()[index] = value;
        let cost = cost_and_gradient(&probe, &inputs, &targets, settings, &mut buffers) as f64;
        probe.parameters_mut()[index] = network.parameters()[index];
        cost
    };
    let h = 3e-3f32;
    let mut checked = 0;
    for (index, &theta) in network.parameters().iter().enumerate() {
        let (plus, centre, minus) = (
            cost_at(index, theta + h),
            cost_at(index, theta),
            cost_at(index, theta - h),
        );
        let right = (plus - centre) / h as f64;
        let left = (centre - minus) / h as f64;
        if (right - left).abs() > 0.05 * (right.abs() + left.abs()) + 1e-3 {
            continue; // a kink lies within h: finite differences say nothing here
        }
        let numeric = (plus - minus) / (2.0 * h as f64);
        let error = (numeric - analytic[index] as f64).abs();
        assert!(
            error <= 2e-3 + 2e-2 * numeric.abs(),
            "{settings:?}: parameter {index}: numeric {numeric}, backward {}",
            analytic[index]
        );
        checked += 1;
    }
    checked
}

/// Every objective the config allows: regression and 2-class losses, and softmax with
/// 2 and 3 classes.
fn objectives() -> Vec<Objective> {
    let mut all = Vec::new();
    for (problem, classes) in [
        (Problem::Regression, 2),
        (Problem::Classification, 2),
        (Problem::Classification, 3),
    ] {
        for loss in Objective::losses_for(problem, classes) {
            all.push(Objective {
                problem,
                classes,
                loss,
            });
        }
    }
    all
}

#[test]
fn backward_matches_finite_differences_for_every_combination() {
    assert_eq!(objectives().len(), 3 + 5 + 1);
    for activation in Activation::ALL {
        for objective in objectives() {
            for regularization in Regularization::ALL {
                let network = network(activation, &objective);
                let settings = StepSettings {
                    objective,
                    regularization,
                    regularization_rate: 0.05,
                    learning_rate: 0.1,
                };
                let checked = check(&network, &settings);
                let total = network.parameters().len();
                assert!(
                    checked * 4 >= total * 3,
                    "{settings:?} with {activation:?}: only {checked} of {total} checked"
                );
            }
        }
    }
}

#[test]
fn backward_matches_finite_differences_with_a_fixed_dropout_mask() {
    use greymatter::model::dropout::draw_masks;
    for activation in Activation::ALL {
        for objective in objectives() {
            // Kept outputs grow by 1/(1 − p): smaller weights keep the probabilities of
            // the cross-entropies off their clamp, where the cost is flat.
            let mut network = network(activation, &objective);
            network.parameters_mut().iter_mut().for_each(|p| *p *= 0.5);
            let settings = StepSettings {
                objective,
                regularization: Regularization::L2,
                regularization_rate: 0.05,
                learning_rate: 0.1,
            };
            let mut buffers = StepBuffers::default();
            let mut rng = SeededRng::new(45, Stream::Dropout);
            let rates = [0.5, 0.3, 0.0];
            assert!(draw_masks(
                &rates,
                network.layers(),
                5,
                &mut rng,
                buffers.workspace_mut()
            ));
            let mask = buffers.workspace().mask(0).to_vec();
            assert!(mask.contains(&0.0) && mask.contains(&2.0), "{mask:?}");
            let checked = check_with(&network, &settings, buffers.clone());
            let total = network.parameters().len();
            assert!(
                checked * 2 >= total,
                "{settings:?} with {activation:?}: only {checked} of {total} checked"
            );
            // The mask is applied: the gradient differs from the one without dropout.
            let (inputs, targets) = batch(&objective);
            cost_and_gradient(&network, &inputs, &targets, &settings, &mut buffers);
            let with_dropout = buffers.gradient().to_vec();
            let mut plain = StepBuffers::default();
            cost_and_gradient(&network, &inputs, &targets, &settings, &mut plain);
            assert_ne!(with_dropout, plain.gradient(), "{activation:?}");
        }
    }
}

#[test]
fn a_gradient_step_lowers_the_cost() {
    use greymatter::learn::training::apply_gradient_descent;
    let objective = Objective {
        problem: Problem::Classification,
        classes: 2,
        loss: Loss::Squared,
    };
    let mut network = network(Activation::Tanh, &objective);
    let (inputs, targets) = batch(&objective);
    let settings = StepSettings {
        objective,
        regularization: Regularization::L2,
        regularization_rate: 0.01,
        learning_rate: 0.05,
    };
    let mut buffers = StepBuffers::default();
    let before = cost_and_gradient(&network, &inputs, &targets, &settings, &mut buffers);
    apply_gradient_descent(&mut network, &settings, &buffers);
    let after = cost_and_gradient(&network, &inputs, &targets, &settings, &mut buffers);
    assert!(after < before, "{after} should be below {before}");
}
