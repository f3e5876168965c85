//! What the network is asked to do. The problem, the number of classes and the loss
//! decide the output layer, the targets of each sample and how a prediction is read:
//!
//! | problem        | loss                     | output layer       | targets t       |
//! |----------------|--------------------------|--------------------|-----------------|
//! | regression     | squared, absolute, huber | 1 neuron, linear   | the label       |
//! | 2 classes      | squared, absolute, huber | 1 neuron, tanh     | −1 or +1        |
//! | 2 classes      | binary cross-entropy     | 1 neuron, sigmoid  | 0 or 1          |
//! | 2 to 6 classes | softmax cross-entropy    | k neurons, softmax | one-hot (k)     |
//!
//! The predicted class is the sign of a tanh output, p ≥ ½ for a sigmoid output, and
//! the most probable class for softmax. Class 0 of two is the label −1, class 1 is +1.

use crate::data::dataset::{class_of, Problem, MAX_CLASSES};
use crate::math::activation::Activation;
use crate::math::loss::Loss;
use crate::model::network::OutputGradient;

/// The problem, its number of classes and the loss, taken together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Objective {
    /// Classification or regression.
    pub problem: Problem,
    /// Number of classes (classification; 2 for regression, where it is not used).
    pub classes: usize,
    /// The per-output loss.
    pub loss: Loss,
}

impl Objective {
    /// The losses that fit a problem with `classes` classes, in the page's order.
    pub fn losses_for(problem: Problem, classes: usize) -> Vec<Loss> {
        Loss::ALL
            .into_iter()
            .filter(|&loss| {
                Objective {
                    problem,
                    classes,
                    loss,
                }
                .fits()
            })
            .collect()
    }

    /// Whether the loss fits the problem and its number of classes.
    pub fn fits(&self) -> bool {
        let classification = self.problem == Problem::Classification;
        if classification && !(2..=MAX_CLASSES).contains(&self.classes) {
            return false;
        }
        match self.loss {
            Loss::Squared | Loss::Absolute | Loss::Huber => !classification || self.classes == 2,
            Loss::BinaryCrossEntropy => classification && self.classes == 2,
            Loss::SoftmaxCrossEntropy => classification,
        }
    }

    /// Whether the loss fits the problem; the message says what would.
    pub fn check(&self) -> Result<(), String> {
        let classification = self.problem == Problem::Classification;
        if classification && !(2..=MAX_CLASSES).contains(&self.classes) {
            return Err(format!(
                "classes must be from 2 to {MAX_CLASSES}, got {}",
                self.classes
            ));
        }
        if self.fits() {
            return Ok(());
        }
        let names: Vec<&str> = Objective::losses_for(self.problem, self.classes)
            .iter()
            .map(|loss| loss.name())
            .collect();
        let problem = if classification {
            format!("classification with {} classes", self.classes)
        } else {
            "regression".to_string()
        };
        Err(format!(
            "loss {} does not fit {problem}: use {}",
            self.loss.name(),
            names.join(" or ")
        ))
    }

    /// Neurons of the output layer.
    pub fn output_count(&self) -> usize {
        match self.loss {
            Loss::SoftmaxCrossEntropy => self.classes,
            _ => 1,
        }
    }

    /// Activation of the output layer.
    pub fn output_activation(&self) -> Activation {
        match (self.loss, self.problem) {
            (Loss::SoftmaxCrossEntropy, _) => Activation::Softmax,
            (Loss::BinaryCrossEntropy, _) => Activation::Sigmoid,
            (_, Problem::Classification) => Activation::Tanh,
            (_, Problem::Regression) => Activation::Linear,
        }
    }

    /// Number of classes a prediction can name (0 for regression).
    pub fn class_count(&self) -> usize {
        match self.problem {
            Problem::Classification => self.classes,
            Problem::Regression => 0,
        }
    }

    /// The target t of output neuron `output` for a sample labelled `label`.
    pub fn target(&self, label: f32, output: usize) -> f32 {
        match self.loss {
            Loss::SoftmaxCrossEntropy => (class_of(label, self.classes) == output) as u8 as f32,
            Loss::BinaryCrossEntropy => (label > 0.0) as u8 as f32,
            _ => label,
        }
    }

    /// Σ_samples L, L = Σ_k ℓ(o_k, t_k), of a whole pass: the output layer's values
    /// `[outputs][stride]` and one label per sample.
    pub fn total_loss(&self, outputs: &[f32], stride: usize, labels: &[f32]) -> f32 {
        (0..self.output_count())
            .map(|k| {
                let pairs = outputs[k * stride..][..labels.len()].iter().zip(labels);
                match self.loss {
                    // The target is the label itself: no per-sample lookup.
                    Loss::Squared | Loss::Absolute | Loss::Huber => {
                        pairs.map(|(&o, &t)| self.loss.value(o, t)).sum::<f32>()
                    }
                    _ => pairs
                        .map(|(&o, &label)| self.loss.value(o, self.target(label, k)))
                        .sum(),
                }
            })
            .sum()
    }

    /// Writes `scale`·∂L/∂(output) of every sample into `gradient` (`[outputs][stride]`,
    /// padding columns zero) and says what it is taken with respect to: ∂J/∂z for a
    /// cross-entropy (a − t, through its own activation), ∂J/∂a otherwise.
    pub fn output_gradient(
        &self,
        outputs: &[f32],
        stride: usize,
        labels: &[f32],
        scale: f32,
        gradient: &mut Vec<f32>,
    ) -> OutputGradient {
        gradient.clear();
        gradient.resize(self.output_count() * stride, 0.0);
        let cross_entropy = self.loss.is_cross_entropy();
        for (k, row) in gradient.chunks_exact_mut(stride).enumerate() {
            let pairs = row
                .iter_mut()
                .zip(&outputs[k * stride..][..stride])
                .zip(labels);
            // One loop per kind, so the common squared loss stays a plain multiply-add.
            match self.loss {
                Loss::Squared => pairs.for_each(|((g, &o), &t)| *g = (o - t) * scale),
                Loss::Absolute | Loss::Huber => {
                    pairs.for_each(|((g, &o), &t)| *g = self.loss.derivative(o, t) * scale)
                }
                Loss::BinaryCrossEntropy | Loss::SoftmaxCrossEntropy => {
                    pairs.for_each(|((g, &o), &label)| {
                        *g = self.loss.weighted_sum_derivative(o, self.target(label, k)) * scale
                    })
                }
            }
        }
        if cross_entropy {
            OutputGradient::WeightedSum
        } else {
            OutputGradient::Activation
        }
    }

    /// The class the network predicts for sample `sample` (classification only).
    pub fn predicted_class(&self, outputs: &[f32], stride: usize, sample: usize) -> usize {
        let at = |k: usize| outputs[k * stride + sample];
        match self.output_activation() {
            Activation::Softmax => {
                (1..self.output_count()).fold(0, |best, k| if at(k) > at(best) { k } else { best })
            }
            Activation::Sigmoid => (at(0) >= 0.5) as usize,
            _ => (at(0) >= 0.0) as usize,
        }
    }

    /// The true class of a label (classification only).
    pub fn true_class(&self, label: f32) -> usize {
        class_of(label, self.classes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objective(problem: Problem, classes: usize, loss: Loss) -> Objective {
        Objective {
            problem,
            classes,
            loss,
        }
    }

    #[test]
    fn losses_fit_the_problem() {
        let names = |problem, classes| -> Vec<&str> {
            Objective::losses_for(problem, classes)
                .iter()
                .map(|l| l.name())
                .collect()
        };
        assert_eq!(
            names(Problem::Regression, 2),
            ["squared", "absolute", "huber"]
        );
        assert_eq!(names(Problem::Classification, 2).len(), 5);
        assert_eq!(names(Problem::Classification, 4), ["softmaxCrossEntropy"]);
        let error = objective(Problem::Classification, 3, Loss::Squared)
            .check()
            .unwrap_err();
        assert_eq!(
            error,
            "loss squared does not fit classification with 3 classes: use softmaxCrossEntropy"
        );
        assert!(
            objective(Problem::Classification, 7, Loss::SoftmaxCrossEntropy)
                .check()
                .is_err()
        );
    }

    #[test]
    fn output_layer_and_targets() {
        let softmax = objective(Problem::Classification, 3, Loss::SoftmaxCrossEntropy);
        assert_eq!(softmax.output_count(), 3);
        assert_eq!(softmax.output_activation(), Activation::Softmax);
        assert_eq!(
            (0..3).map(|k| softmax.target(2.0, k)).collect::<Vec<_>>(),
            [0.0, 0.0, 1.0]
        );
        let binary = objective(Problem::Classification, 2, Loss::BinaryCrossEntropy);
        assert_eq!(binary.output_activation(), Activation::Sigmoid);
        assert_eq!(binary.target(-1.0, 0), 0.0);
        assert_eq!(binary.target(1.0, 0), 1.0);
        let tanh = objective(Problem::Classification, 2, Loss::Squared);
        assert_eq!(tanh.output_activation(), Activation::Tanh);
        assert_eq!(tanh.target(-1.0, 0), -1.0);
        // Two softmax classes: −1 is class 0, +1 class 1.
        let pair = objective(Problem::Classification, 2, Loss::SoftmaxCrossEntropy);
        assert_eq!([pair.target(-1.0, 0), pair.target(-1.0, 1)], [1.0, 0.0]);
    }

    #[test]
    fn gradient_and_prediction_of_a_softmax_batch() {
        let softmax = objective(Problem::Classification, 3, Loss::SoftmaxCrossEntropy);
        // Two samples (stride 4), outputs [3][4].
        let outputs = [0.2, 0.1, 0.0, 0.0, 0.5, 0.3, 0.0, 0.0, 0.3, 0.6, 0.0, 0.0];
        let mut gradient = Vec::new();
        let with_respect_to = softmax.output_gradient(&outputs, 4, &[1.0, 2.0], 0.5, &mut gradient);
        assert_eq!(with_respect_to, OutputGradient::WeightedSum);
        // (a − t) / 2.
        let expected = [
            0.1, 0.05, 0.0, 0.0, -0.25, 0.15, 0.0, 0.0, 0.15, -0.2, 0.0, 0.0,
        ];
        for (g, e) in gradient.iter().zip(expected) {
            assert!((g - e).abs() < 1e-6);
        }
        assert_eq!(softmax.predicted_class(&outputs, 4, 0), 1);
        assert_eq!(softmax.predicted_class(&outputs, 4, 1), 2);
        // Sample 1 alone: its column is the first of `outputs[1..]`.
        let loss = softmax.total_loss(&outputs[1..], 4, &[2.0]);
        assert!((loss - 0.510_825_6).abs() < 1e-6); // −ln 0.6
        let total = softmax.total_loss(&outputs, 4, &[1.0, 2.0]);
        let first = softmax.total_loss(&outputs, 4, &[1.0]);
        assert!((total - (first + loss)).abs() < 1e-6);
        assert!((first - std::f32::consts::LN_2).abs() < 1e-6); // −ln 0.5
    }
}
