//! Gradient checks: the backward pass against central finite differences of the cost,
//! for every activation × loss × regularization.

// Under wasm32 the same tests run in wasm-bindgen-test-runner, checking the simd128 code.
use greymatter::rng::{SeededRng, Stream};
use greymatter::training::{cost_and_gradient, StepBuffers, StepSettings};
use greymatter::{Activation, LayerShape, Loss, Network, Regularization};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn network(hidden: Activation, output: Activation) -> Network {
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
            outputs: 1,
            activation: output,
        },
    ];
    let mut network = Network::new(shapes, &mut SeededRng::new(42, Stream::Weights));
    // Larger, varied weights so every unit is away from trivial regimes.
    let mut rng = SeededRng::new(43, Stream::Weights);
    for p in network.parameters_mut() {
        *p = rng.uniform(-1.2, 1.2);
    }
    network
}

/// Five samples of three inputs, feature-major with zero padding.
fn batch() -> (Vec<f32>, Vec<f32>) {
    let stride = greymatter::kernels::stride_for(5);
    let mut rng = SeededRng::new(44, Stream::Data);
    let mut inputs = vec![0.0; 3 * stride];
    for row in inputs.chunks_mut(stride) {
        for value in &mut row[..5] {
            *value = rng.uniform(-2.0, 2.0);
        }
    }
    let targets = (0..5).map(|_| rng.uniform(-0.9, 0.9)).collect();
    (inputs, targets)
}

/// Checks every parameter where the cost is smooth around it; returns how many were
/// checked (parameters on a kink of relu, |·| or L1 are skipped).
fn check(network: &Network, settings: &StepSettings) -> usize {
    let (inputs, targets) = batch();
    let mut buffers = StepBuffers::default();
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

#[test]
fn backward_matches_finite_differences_for_every_combination() {
    for activation in Activation::ALL {
        for output in [Activation::Tanh, Activation::Linear] {
            for loss in Loss::ALL {
                for regularization in Regularization::ALL {
                    let network = network(activation, output);
                    let settings = StepSettings {
                        loss,
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
}

#[test]
fn a_gradient_step_lowers_the_cost() {
    use greymatter::training::apply_gradient_descent;
    let mut network = network(Activation::Tanh, Activation::Tanh);
    let (inputs, targets) = batch();
    let settings = StepSettings {
        loss: Loss::Squared,
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
