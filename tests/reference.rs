//! The optimised core against the straightforward math: a plain f64 network, one sample
//! at a time with the exact `tanh`/`exp`, trained on the same points, from the same
//! starting weights, in the same batch order, must follow the same loss curve.
//!
//! Tolerance: the curves agree within 10⁻⁴ (absolute, on losses of order 0.01–0.5;
//! measured worst: 5·10⁻⁷) for 100 epochs. The core differs only by f32 arithmetic,
//! summation order and its fast activations (absolute error below 10⁻⁶).

// Under wasm32 the same tests run in wasm-bindgen-test-runner, checking the simd128 code.
use greymatter::math::rng::{SeededRng, Stream};
use greymatter::{Activation, Config, Dataset, Loss, Point, Regularization, Trainer};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

struct Reference {
    /// (inputs, outputs, activation) per layer.
    layers: Vec<(usize, usize, Activation)>,
    /// Same layout as the core: per layer, weights [out][in] then biases.
    parameters: Vec<f64>,
}

fn activate(activation: Activation, z: f64) -> f64 {
    let sigmoid = |z: f64| 1.0 / (1.0 + (-z).exp());
    match activation {
        Activation::Relu => z.max(0.0),
        Activation::Tanh => z.tanh(),
        Activation::Sigmoid => sigmoid(z),
        Activation::Linear => z,
        Activation::LeakyRelu => {
            if z > 0.0 {
                z
            } else {
                0.01 * z
            }
        }
        Activation::Elu => {
            if z > 0.0 {
                z
            } else {
                z.exp_m1()
            }
        }
        Activation::Swish => z * sigmoid(z),
        Activation::Gelu => {
            let u = (2.0 / std::f64::consts::PI).sqrt() * (z + 0.044715 * z.powi(3));
            0.5 * z * (1.0 + u.tanh())
        }
        Activation::Softplus => z.exp().ln_1p(),
        Activation::Mish => z * z.exp().ln_1p().tanh(),
        Activation::Sine => z.sin(),
        Activation::Softmax => unreachable!("softmax acts on a whole layer: see `activate_layer`"),
    }
}

/// a = f(z) for a whole layer.
fn activate_layer(activation: Activation, z: &[f64]) -> Vec<f64> {
    if activation == Activation::Softmax {
        let total: f64 = z.iter().map(|z| z.exp()).sum();
        z.iter().map(|z| z.exp() / total).collect()
    } else {
        z.iter().map(|&z| activate(activation, z)).collect()
    }
}

/// The per-sample loss of output activations `a` for a point labelled `label`, written
/// out from the definitions (no clamping: the reference runs stay away from 0 and 1).
fn sample_loss(loss: Loss, a: &[f64], label: f64, classes: usize) -> f64 {
    let class = if classes == 2 {
        (label > 0.0) as usize
    } else {
        label as usize
    };
    match loss {
        Loss::Squared => 0.5 * (a[0] - label).powi(2),
        Loss::Absolute => (a[0] - label).abs(),
        Loss::Huber if (a[0] - label).abs() <= 1.0 => 0.5 * (a[0] - label).powi(2),
        Loss::Huber => (a[0] - label).abs() - 0.5,
        Loss::BinaryCrossEntropy => {
            let y = class as f64;
            -(y * a[0].ln() + (1.0 - y) * (1.0 - a[0]).ln())
        }
        Loss::SoftmaxCrossEntropy => -a[class].ln(),
    }
}

/// f'(z) by central differences of the f64 function (h = 1e-6), away from kinks.
fn slope(activation: Activation, z: f64) -> f64 {
    match activation {
        Activation::Relu => (z > 0.0) as u8 as f64,
        Activation::LeakyRelu => {
            if z > 0.0 {
                1.0
            } else {
                0.01
            }
        }
        Activation::Linear => 1.0,
        _ => {
            let h = 1e-6;
            (activate(activation, z + h) - activate(activation, z - h)) / (2.0 * h)
        }
    }
}

impl Reference {
    fn offsets(&self) -> Vec<usize> {
        let mut offset = 0;
        self.layers
            .iter()
            .map(|&(inputs, outputs, _)| {
                let start = offset;
                offset += inputs * outputs + outputs;
                start
            })
            .collect()
    }

    /// Returns (z, a) of every layer for one sample.
    fn forward(&self, x: &[f64]) -> Vec<(Vec<f64>, Vec<f64>)> {
        let mut layers: Vec<(Vec<f64>, Vec<f64>)> = Vec::new();
        for (&(inputs, outputs, activation), offset) in self.layers.iter().zip(self.offsets()) {
            let input = layers.last().map_or(x.to_vec(), |(_, a)| a.clone());
            let mut z = vec![0.0; outputs];
            for (j, z_j) in z.iter_mut().enumerate() {
                *z_j = self.parameters[offset + inputs * outputs + j];
                for (i, x_i) in input.iter().enumerate() {
                    *z_j += self.parameters[offset + j * inputs + i] * x_i;
                }
            }
            let a = activate_layer(activation, &z);
            layers.push((z, a));
        }
        layers
    }

    /// ∂L/∂z of the output layer: for the regression-style losses ℓ'(o)·f'(z); for the
    /// cross-entropies, central differences of the f64 loss through the output
    /// activation (h = 10⁻⁶), independent of the core's a − t.
    fn output_delta(&self, z: &[f64], label: f64, loss: Loss, classes: usize) -> Vec<f64> {
        let activation = self.layers.last().unwrap().2;
        if !matches!(loss, Loss::BinaryCrossEntropy | Loss::SoftmaxCrossEntropy) {
            let error = activate(activation, z[0]) - label;
            let loss_slope = match loss {
                Loss::Absolute => error.signum(),
                Loss::Huber => error.clamp(-1.0, 1.0),
                _ => error,
            };
            return vec![loss_slope * slope(activation, z[0])];
        }
        let h = 1e-6;
        (0..z.len())
            .map(|k| {
                let (mut up, mut down) = (z.to_vec(), z.to_vec());
                up[k] += h;
                down[k] -= h;
                let at =
                    |z: &[f64]| sample_loss(loss, &activate_layer(activation, z), label, classes);
                (at(&up) - at(&down)) / (2.0 * h)
            })
            .collect()
    }

    /// Adds ∂L/∂θ of one sample (scaled by `scale`) to `gradient`.
    fn backward(
        &self,
        x: &[f64],
        label: f64,
        (loss, classes): (Loss, usize),
        scale: f64,
        gradient: &mut [f64],
    ) {
        let layers = self.forward(x);
        let last = self.layers.len() - 1;
        let output_delta: Vec<f64> = self
            .output_delta(&layers[last].0, label, loss, classes)
            .iter()
            .map(|d| d * scale)
            .collect();
        let mut upstream = Vec::new();
        let offsets = self.offsets();
        for index in (0..self.layers.len()).rev() {
            let (inputs, outputs, activation) = self.layers[index];
            let (z, _) = &layers[index];
            let input = if index == 0 {
                x.to_vec()
            } else {
                layers[index - 1].1.clone()
            };
            let delta: Vec<f64> = if index == last {
                output_delta.clone()
            } else {
                (0..outputs)
                    .map(|j| upstream[j] * slope(activation, z[j]))
                    .collect()
            };
            let mut below = vec![0.0; inputs];
            for j in 0..outputs {
                gradient[offsets[index] + inputs * outputs + j] += delta[j];
                for i in 0..inputs {
                    gradient[offsets[index] + j * inputs + i] += delta[j] * input[i];
                    below[i] += delta[j] * self.parameters[offsets[index] + j * inputs + i];
                }
            }
            upstream = below;
        }
    }

    fn mean_loss(&self, points: &[Point], loss: Loss, classes: usize) -> f64 {
        let total: f64 = points
            .iter()
            .map(|p| {
                let x = [p.position[0] as f64, p.position[1] as f64];
                let layers = self.forward(&x);
                sample_loss(loss, &layers.last().unwrap().1, p.label as f64, classes)
            })
            .sum();
        total / points.len() as f64
    }
}

fn compare_curves(config: Config, epochs: u32) {
    let mut trainer = Trainer::new(config.clone()).unwrap();
    let mut reference = Reference {
        layers: trainer
            .network()
            .layers()
            .iter()
            .map(|l| (l.inputs, l.outputs, l.activation))
            .collect(),
        parameters: trainer
            .network()
            .parameters()
            .iter()
            .map(|&p| p as f64)
            .collect(),
    };
    let points = trainer.train_points().to_vec();
    let test_points = trainer.test_points().to_vec();
    let mut shuffle = SeededRng::new(config.seed, Stream::Shuffle);
    let weight_ranges: Vec<_> = (0..reference.layers.len())
        .map(|l| trainer.network().weight_range(l))
        .collect();
    let mut order: Vec<usize> = Vec::new();
    let mut worst = 0.0f64;
    for epoch in 1..=epochs {
        order.clear();
        order.extend(0..points.len());
        shuffle.shuffle(&mut order);
        for batch in order.chunks(config.batch_size) {
            let mut gradient = vec![0.0; reference.parameters.len()];
            for &index in batch {
                let p = points[index];
                let x = [p.position[0] as f64, p.position[1] as f64];
                reference.backward(
                    &x,
                    p.label as f64,
                    (config.loss, config.classes),
                    1.0 / batch.len() as f64,
                    &mut gradient,
                );
            }
            let rate = config.regularization_rate;
            for range in &weight_ranges {
                for k in range.clone() {
                    let w = reference.parameters[k];
                    gradient[k] += rate
                        * match config.regularization {
                            Regularization::None => 0.0,
                            Regularization::L1 => w.signum(),
                            Regularization::L2 => w,
                        };
                }
            }
            for (theta, g) in reference.parameters.iter_mut().zip(&gradient) {
                *theta -= config.learning_rate * g;
            }
        }
        trainer.train_epochs(1);
        let expected = reference.mean_loss(&test_points, config.loss, config.classes);
        let difference = (trainer.test_loss() as f64 - expected).abs();
        worst = worst.max(difference);
        assert!(
            difference < 1e-4,
            "{config:?}: epoch {epoch}: core {} vs reference {expected}",
            trainer.test_loss()
        );
    }
    eprintln!("worst difference {worst:.2e}");
}

#[test]
fn core_follows_the_straightforward_math_tanh_squared() {
    compare_curves(Config::default(), 100);
}

#[test]
fn core_follows_the_straightforward_math_sigmoid_l2_absolute() {
    compare_curves(
        Config {
            dataset: Dataset::Xor,
            activation: Activation::Sigmoid,
            regularization: Regularization::L2,
            regularization_rate: 0.001,
            loss: Loss::Absolute,
            hidden: vec![6, 4],
            batch_size: 7,
            ..Config::default()
        },
        100,
    );
}

#[test]
fn core_follows_the_straightforward_math_for_every_hidden_activation() {
    for activation in Activation::ALL {
        compare_curves(
            Config {
                dataset: Dataset::Circle,
                activation,
                hidden: vec![5, 4],
                learning_rate: 0.01,
                ..Config::default()
            },
            30,
        );
    }
}

#[test]
fn core_follows_the_straightforward_math_huber_regression() {
    compare_curves(
        Config {
            dataset: Dataset::Multigauss,
            problem: greymatter::Problem::Regression,
            loss: Loss::Huber,
            hidden: vec![6, 6],
            ..Config::default()
        },
        60,
    );
}

#[test]
fn core_follows_the_straightforward_math_relu_l1() {
    compare_curves(
        Config {
            dataset: Dataset::Gauss,
            activation: Activation::Relu,
            regularization: Regularization::L1,
            regularization_rate: 0.001,
            hidden: vec![5, 5, 3],
            learning_rate: 0.01,
            batch_size: 16,
            ..Config::default()
        },
        100,
    );
}

#[test]
fn core_follows_the_straightforward_math_binary_cross_entropy() {
    compare_curves(
        Config {
            dataset: Dataset::Xor,
            loss: Loss::BinaryCrossEntropy,
            hidden: vec![6, 4],
            learning_rate: 0.1,
            ..Config::default()
        },
        60,
    );
}

#[test]
fn core_follows_the_straightforward_math_softmax_with_four_classes() {
    compare_curves(
        Config {
            dataset: Dataset::Gauss,
            classes: 4,
            loss: Loss::SoftmaxCrossEntropy,
            hidden: vec![6],
            learning_rate: 0.05,
            regularization: Regularization::L2,
            regularization_rate: 0.001,
            ..Config::default()
        },
        60,
    );
}

#[test]
fn core_follows_the_straightforward_math_with_an_activation_per_layer() {
    compare_curves(
        Config {
            dataset: Dataset::Spiral,
            classes: 3,
            loss: Loss::SoftmaxCrossEntropy,
            hidden: vec![6, 5, 4],
            layer_activations: vec![Activation::Relu, Activation::Swish],
            activation: Activation::Tanh,
            learning_rate: 0.03,
            ..Config::default()
        },
        40,
    );
}
