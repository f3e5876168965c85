//! How well the network fits: loss and accuracy (or R²) of a set, the confusion matrix,
//! and predictions at any point.

use super::{PreparedSet, Trainer};
use crate::data::dataset::Problem;
use crate::data::features::compute_inputs;
use crate::learn::objective::Objective;
use crate::learn::training::{mean_loss_of, output_layer};
use crate::model::network::{Network, Workspace};

/// How well the network fits one set of points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// Mean loss over the set (without the regularization penalty).
    pub loss: f32,
    /// Classification: accuracy, the share of points whose predicted class (see
    /// [`crate::learn::objective`]) is their class. Regression: R² = 1 − Σ(o − t)² / Σ(t − mean t)².
    pub metric: f32,
}

impl Trainer {
    pub(super) fn evaluate(&mut self, train: bool) -> Evaluation {
        let set = if train { &self.train } else { &self.test };
        evaluate_set(
            &self.network,
            set,
            &self.config.objective(),
            &mut self.evaluation,
        )
    }

    /// How often each class is predicted as each class: `classes × classes` counts,
    /// row = true class, column = predicted class (classification only; empty for
    /// regression).
    pub fn confusion_matrix(&mut self, train: bool) -> Vec<u32> {
        let objective = self.config.objective();
        let classes = objective.class_count();
        let mut counts = vec![0; classes * classes];
        let set = if train { &self.train } else { &self.test };
        if classes == 0 || set.labels.is_empty() {
            return counts;
        }
        self.network
            .forward(&set.inputs, set.labels.len(), &mut self.evaluation);
        let outputs = output_layer(&self.network, &self.evaluation);
        let stride = self.evaluation.stride();
        for (sample, &label) in set.labels.iter().enumerate() {
            let predicted = objective.predicted_class(outputs, stride, sample);
            counts[objective.true_class(label) * classes + predicted] += 1;
        }
        counts
    }

    /// The network's outputs at each point (x1, x2), point by point: one value per
    /// point, or one probability per class for a softmax output.
    pub fn predict(&mut self, points: &[[f32; 2]]) -> Vec<f32> {
        let mut inputs = Vec::new();
        compute_inputs(&self.inputs, points, &mut inputs);
        self.network
            .forward(&inputs, points.len(), &mut self.evaluation);
        let outputs = output_layer(&self.network, &self.evaluation);
        let (count, stride) = (
            self.config.objective().output_count(),
            self.evaluation.stride(),
        );
        (0..points.len())
            .flat_map(|point| (0..count).map(move |k| outputs[k * stride + point]))
            .collect()
    }
}

/// Loss and accuracy (or R²) of `network` over a prepared set.
pub(super) fn evaluate_set(
    network: &Network,
    set: &PreparedSet,
    objective: &Objective,
    workspace: &mut Workspace,
) -> Evaluation {
    let count = set.labels.len();
    if count == 0 {
        return evaluation_of(&[], 0, &[], objective);
    }
    network.forward(&set.inputs, count, workspace);
    evaluation_of(
        output_layer(network, workspace),
        workspace.stride(),
        &set.labels,
        objective,
    )
}

/// Loss and accuracy (or R²) of the network's `outputs` (`[outputs][stride]`) for the
/// points of `labels`, however the outputs were computed (in one pass, or in slices).
pub(super) fn evaluation_of(
    outputs: &[f32],
    stride: usize,
    labels: &[f32],
    objective: &Objective,
) -> Evaluation {
    let count = labels.len();
    if count == 0 {
        // Nothing to measure: shown as "–", not as a perfect fit.
        return Evaluation {
            loss: f32::NAN,
            metric: f32::NAN,
        };
    }
    let mean_loss = mean_loss_of(outputs, stride, labels, objective);
    let metric = match objective.problem {
        Problem::Classification => {
            let correct = (0..count)
                .filter(|&sample| {
                    objective.predicted_class(outputs, stride, sample)
                        == objective.true_class(labels[sample])
                })
                .count();
            correct as f32 / count as f32
        }
        Problem::Regression => {
            let pairs = || outputs[..count].iter().zip(labels);
            let mean = labels.iter().sum::<f32>() / count as f32;
            let residual: f32 = pairs().map(|(&o, &t)| (o - t) * (o - t)).sum();
            let total: f32 = labels.iter().map(|&t| (t - mean) * (t - mean)).sum();
            if total > 0.0 {
                1.0 - residual / total
            } else {
                0.0
            }
        }
    };
    Evaluation {
        loss: mean_loss,
        metric,
    }
}
