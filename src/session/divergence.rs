//! Why the loss became infinite, in plain words: the likely cause read from each layer's
//! health just before the failing epoch (see [`crate::session::health::LayerHealth`]).
//!
//! The rules, in order:
//! - an L1/L2 step α·λ above 1 pulls every weight past zero and back, further each
//!   time: the regularization rate is named;
//! - otherwise, if one step α·mean|∂J/∂w| moves some layer's weights by more than 0.5
//!   on average, the steps overshoot: the layer is named, and when the gradient grows
//!   more than tenfold from the output layer back to the first layer the cause is named
//!   exploding gradients;
//! - otherwise the learning rate is simply too large for this network;
//! - dead relu units and saturated units (more than half of a layer) are added as
//!   context, since they make the surviving units' gradients larger.

use crate::config::Config;
use crate::math::regularization::Regularization;
use crate::session::health::LayerHealth;

/// Average weight change per step above which steps are said to overshoot.
const OVERSHOOT: f64 = 0.5;
/// Growth of mean |∂J/∂w| from the output layer back to the first layer that counts as
/// exploding gradients.
const EXPLODING: f64 = 10.0;

/// "hidden layer 2" or "the output layer", for layer `index` of `layers`.
fn layer_name(index: usize, layers: usize) -> String {
    if index + 1 == layers {
        "the output layer".to_string()
    } else {
        format!("hidden layer {}", index + 1)
    }
}

/// The message shown when training stops at `epoch`, given the health of every layer
/// (input side first) at the start of that epoch.
pub fn explain_divergence(epoch: u32, config: &Config, health: &[LayerHealth]) -> String {
    let rate = config.learning_rate;
    let layers = health.len();
    let penalty_step = rate * config.regularization_rate;
    let (cause, advice) = if config.regularization != Regularization::None && penalty_step > 1.0 {
        (
            format!(
                "the regularization step α·λ = {penalty_step:.3} (learning rate {rate} × \
                 regularization rate {}) pushes every weight past zero and back, further each time",
                config.regularization_rate
            ),
            "try a smaller learning rate or regularization rate",
        )
    } else {
        let gradients: Vec<f64> = health.iter().map(|h| h.mean_abs_gradient as f64).collect();
        let (largest, gradient) = gradients
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, g)| g.is_finite())
            .fold(
                (0, 0.0),
                |best, next| if next.1 > best.1 { next } else { best },
            );
        let (first, output) = (gradients.first(), gradients.last());
        let growth = match (first, output) {
            (Some(&first), Some(&output)) if layers > 1 && output > 0.0 => first / output,
            _ => 1.0,
        };
        let cause = if rate * gradient <= OVERSHOOT {
            format!("the steps were too large for this network (learning rate {rate})")
        } else if growth > EXPLODING {
            format!(
                "exploding gradients: the mean |∂J/∂w| grows from {:.3} at the output layer \
                 to {:.3} at hidden layer 1, and steps of learning rate {rate} overshoot",
                output.copied().unwrap_or_default(),
                first.copied().unwrap_or_default()
            )
        } else {
            format!(
                "the steps were too large: {} has a mean |∂J/∂w| of {gradient:.3}, so each \
                 step of learning rate {rate} moves its weights by about {:.3}",
                layer_name(largest, layers),
                rate * gradient
            )
        };
        (cause, "try a smaller learning rate")
    };
    let mut context = String::new();
    for (index, layer) in health.iter().enumerate() {
        if layer.dead_share > 0.5 {
            context += &format!(
                "; {:.0} % of {}'s relu units were already dead",
                layer.dead_share * 100.0,
                layer_name(index, layers)
            );
        } else if layer.saturated_share > 0.5 {
            context += &format!(
                "; {:.0} % of {}'s units were saturated",
                layer.saturated_share * 100.0,
                layer_name(index, layers)
            );
        }
    }
    format!(
        "the loss became infinite at epoch {epoch}: {cause}{context}; {advice}, then press reset"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn health(mean_abs_gradient: f32) -> LayerHealth {
        LayerHealth {
            mean_abs_gradient,
            dead_share: 0.0,
            saturated_share: 0.0,
        }
    }

    #[test]
    fn names_the_likely_cause() {
        let config = Config {
            learning_rate: 3.0,
            ..Config::default()
        };
        let calm = explain_divergence(7, &config, &[health(0.01), health(0.02)]);
        assert_eq!(
            calm,
            "the loss became infinite at epoch 7: the steps were too large for this network \
             (learning rate 3); try a smaller learning rate, then press reset"
        );
        let large = explain_divergence(7, &config, &[health(0.1), health(0.5)]);
        assert!(
            large.contains("the output layer has a mean |∂J/∂w| of 0.500")
                && large.contains("about 1.500"),
            "{large}"
        );
        let exploding = explain_divergence(7, &config, &[health(4.0), health(0.1), health(0.2)]);
        assert!(exploding.contains("exploding gradients"), "{exploding}");
        let mut dead = health(0.3);
        dead.dead_share = 0.75;
        let context = explain_divergence(7, &config, &[dead, health(0.2)]);
        assert!(
            context.contains("75 % of hidden layer 1's relu units were already dead"),
            "{context}"
        );
        let penalised = Config {
            regularization: Regularization::L2,
            regularization_rate: 0.5,
            ..config
        };
        let message = explain_divergence(7, &penalised, &[health(0.01)]);
        assert!(
            message.contains("regularization step α·λ = 1.500"),
            "{message}"
        );
        assert!(message.contains("smaller learning rate or regularization rate"));
    }
}
