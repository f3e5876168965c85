//! The losses at the end of an epoch trained by [`Trainer::train_batches`], measured a
//! slice of points per call so that no call runs much longer than the batches it was
//! asked for: the training points, then the test points.
//!
//! Each slice's outputs are copied into a buffer laid out as one pass over the whole set
//! would leave them, and the loss and accuracy are computed from it once the set is
//! complete, by the same code as [`Trainer::evaluate`]: every point's output is computed
//! column by column, so slices of any sizes give bit for bit the losses of one pass.

use super::evaluation::{evaluation_of, Evaluation};
use super::{PreparedSet, Trainer};
use crate::learn::objective::Objective;
use crate::learn::training::output_layer;
use crate::math::kernels::stride_for;
use crate::model::network::{Network, Workspace};

/// Points measured for each sample a batch trains: a forward pass over one point costs
/// about a third of a training sample's forward and backward passes, so a call asked for
/// `n` batches measures about as long as it would train them.
const MEASURED_PER_TRAINED: usize = 3;

/// A measurement under way (see the module's doc).
#[derive(Clone, Debug, Default)]
pub(super) struct LossSlices {
    /// Points measured so far: the training points first, then the test points.
    measured: usize,
    /// The outputs measured so far of the set under way, `[outputs][stride of the set]`.
    outputs: Vec<f32>,
    /// One slice's inputs, feature-major.
    inputs: Vec<f32>,
    /// The evaluations of the training and of the test points, each once all of its
    /// points are measured.
    evaluations: [Option<Evaluation>; 2],
}

impl LossSlices {
    /// Forgets any measurement, for the next epoch.
    pub(super) fn clear(&mut self) {
        self.measured = 0;
        self.evaluations = [None; 2];
    }

    /// Points measured so far.
    pub(super) fn measured(&self) -> usize {
        self.measured
    }

    /// The evaluations of both sets, once complete.
    pub(super) fn result(&self) -> Option<(Evaluation, Evaluation)> {
        let [train, test] = self.evaluations;
        train.zip(test)
    }

    /// Measures up to `budget` points of `set`, `done` of whose points are measured;
    /// returns how many it measured, and the set's evaluation once it is complete.
    fn measure_set(
        &mut self,
        set: &PreparedSet,
        network: &Network,
        objective: &Objective,
        workspace: &mut Workspace,
        budget: usize,
        done: usize,
    ) -> (usize, Option<Evaluation>) {
        let count = set.labels.len();
        let (set_stride, outputs) = (set.stride(), objective.output_count());
        if done == 0 {
            self.outputs.clear();
            self.outputs.resize(outputs * set_stride, 0.0);
        }
        let slice = budget.min(count - done);
        if slice > 0 {
            let stride = stride_for(slice);
            self.inputs.clear();
            for feature in set.inputs.chunks_exact(set_stride) {
                self.inputs.extend_from_slice(&feature[done..done + slice]);
                self.inputs.extend(std::iter::repeat_n(0.0, stride - slice));
            }
            network.forward(&self.inputs, slice, workspace);
            let measured = output_layer(network, workspace).chunks_exact(stride);
            for (row, measured) in self.outputs.chunks_exact_mut(set_stride).zip(measured) {
                row[done..done + slice].copy_from_slice(&measured[..slice]);
            }
        }
        let complete = done + slice == count;
        let evaluation =
            complete.then(|| evaluation_of(&self.outputs, set_stride, &set.labels, objective));
        (slice, evaluation)
    }
}

impl Trainer {
    /// Points the losses' measurement may take for each batch a call was asked for.
    pub(super) fn measured_per_batch(&self) -> usize {
        MEASURED_PER_TRAINED * stride_for(self.config.batch_size.max(1))
    }

    /// Measures up to `budget` more points of the losses under way; returns how many.
    pub(super) fn measure_slice(&mut self, budget: usize) -> usize {
        let objective = self.config.objective();
        let mut used = 0;
        // The training points, then the test points, measured after them.
        let sets = [(&self.train, 0), (&self.test, self.train.labels.len())];
        for (index, (set, first)) in sets.into_iter().enumerate() {
            if self.slices.evaluations[index].is_some() {
                continue;
            }
            let done = self.slices.measured - first;
            let (measured, evaluation) = self.slices.measure_set(
                set,
                &self.network,
                &objective,
                &mut self.evaluation,
                budget - used,
                done,
            );
            self.slices.measured += measured;
            used += measured;
            if evaluation.is_none() {
                break; // the budget ended inside this set
            }
            self.slices.evaluations[index] = evaluation;
        }
        used
    }
}
