//! Starting weights: how a network's parameters are drawn before it learns anything.
//!
//! For a layer with n_in inputs and n_out neurons:
//!
//! | scheme | weights | biases |
//! |---|---|---|
//! | uniform | uniform in [−0.5, 0.5) (the TensorFlow Playground's) | 0.1 |
//! | xavier | uniform in [−r, r), r = √(6 / (n_in + n_out)) (Glorot) | 0 |
//! | he | normal with mean 0 and variance 2 / n_in | 0 |
//! | zeros | 0 | 0 |
//!
//! With zeros every neuron of a layer computes the same thing and gets the same
//! gradient, so they stay identical forever: the lesson of why weights start random.

use crate::math::rng::SeededRng;
use crate::model::network::{LayerShape, Network};
use serde::{Deserialize, Serialize};

/// A way to draw starting weights and biases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Initialization {
    /// Weights uniform in [−0.5, 0.5), biases 0.1.
    Uniform,
    /// Glorot/Xavier uniform weights, zero biases.
    Xavier,
    /// He normal weights, zero biases.
    He,
    /// Everything zero.
    Zeros,
}

impl Initialization {
    /// Every scheme, in the order the page lists them.
    pub const ALL: [Initialization; 4] = [
        Initialization::Uniform,
        Initialization::Xavier,
        Initialization::He,
        Initialization::Zeros,
    ];

    /// The name used in configs and share links.
    pub fn name(self) -> &'static str {
        match self {
            Initialization::Uniform => "uniform",
            Initialization::Xavier => "xavier",
            Initialization::He => "he",
            Initialization::Zeros => "zeros",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Initialization::Uniform => "Uniform ±0.5",
            Initialization::Xavier => "Xavier",
            Initialization::He => "He",
            Initialization::Zeros => "Zeros",
        }
    }

    /// A network with the given layers, its weights and biases drawn by this scheme
    /// from `rng`.
    pub fn network(self, layers: Vec<LayerShape>, rng: &mut SeededRng) -> Network {
        let mut network = Network::zeroed(layers);
        self.initialize(&mut network, rng);
        network
    }

    /// Draws every weight and bias of `network`, layer by layer.
    pub fn initialize(self, network: &mut Network, rng: &mut SeededRng) {
        for index in 0..network.layers().len() {
            let shape = network.layers()[index];
            let (fan_in, fan_out) = (shape.inputs as f32, shape.outputs as f32);
            let (weights, biases) = network.layer_parameters_mut(index);
            match self {
                Initialization::Uniform => {
                    weights.iter_mut().for_each(|w| *w = rng.uniform(-0.5, 0.5));
                    biases.fill(0.1);
                }
                Initialization::Xavier => {
                    let r = (6.0 / (fan_in + fan_out)).sqrt();
                    weights.iter_mut().for_each(|w| *w = rng.uniform(-r, r));
                    biases.fill(0.0);
                }
                Initialization::He => {
                    weights
                        .iter_mut()
                        .for_each(|w| *w = rng.normal(0.0, 2.0 / fan_in));
                    biases.fill(0.0);
                }
                Initialization::Zeros => {
                    weights.fill(0.0);
                    biases.fill(0.0);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::rng::Stream;
    use crate::Activation;

    fn network() -> Network {
        Network::zeroed(vec![
            LayerShape {
                inputs: 200,
                outputs: 100,
                activation: Activation::Tanh,
            },
            LayerShape {
                inputs: 100,
                outputs: 1,
                activation: Activation::Tanh,
            },
        ])
    }

    fn moments(values: &[f32]) -> (f32, f32, f32) {
        let n = values.len() as f32;
        let mean = values.iter().sum::<f32>() / n;
        let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / n;
        let largest = values.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        (mean, variance, largest)
    }

    #[test]
    fn each_scheme_draws_what_it_says() {
        let mut rng = SeededRng::new(4, Stream::Weights);
        let mut net = network();
        Initialization::Xavier.initialize(&mut net, &mut rng);
        let (weights, biases) = net.layer_parameters(0);
        let (mean, variance, largest) = moments(weights);
        // Uniform in [−r, r) with r = √(6/300): variance r²/3 = 2/300.
        assert!(mean.abs() < 0.005 && (variance - 2.0 / 300.0).abs() < 5e-4);
        assert!(largest <= (6.0f32 / 300.0).sqrt());
        assert!(biases.iter().all(|&b| b == 0.0));

        Initialization::He.initialize(&mut net, &mut rng);
        let (mean, variance, _) = moments(net.layer_parameters(0).0);
        assert!(mean.abs() < 0.005 && (variance - 2.0 / 200.0).abs() < 6e-4);

        Initialization::Uniform.initialize(&mut net, &mut rng);
        let (weights, biases) = net.layer_parameters(0);
        assert!(weights.iter().all(|w| (-0.5..0.5).contains(w)));
        assert!(biases.iter().all(|&b| b == 0.1));

        Initialization::Zeros.initialize(&mut net, &mut rng);
        assert!(net.parameters().iter().all(|&p| p == 0.0));
    }
}
