//! The open epoch: the training set shuffled and gathered into batches, trained a number
//! of batches at a time, then counted, or closed uncounted when something other than
//! training changes the run.

use super::Trainer;
use crate::learn::training::compute_gradient;
use crate::math::kernels::stride_for;
use crate::model::dropout::draw_masks;

impl Trainer {
    /// Batches in one epoch at the current batch size.
    pub fn batches_per_epoch(&self) -> usize {
        self.train
            .points
            .len()
            .div_ceil(self.config.batch_size.max(1))
    }

    /// Batches trained of the open epoch (0 when none is open; all of them while its
    /// losses are being measured).
    pub fn epoch_batches_done(&self) -> usize {
        self.next_batch.unwrap_or(0)
    }

    /// Shuffles the training set and gathers it, batch after batch, each batch
    /// feature-major `[width][stride]`, with the labels in the shuffled order: the open
    /// epoch, at its first batch.
    fn open_epoch(&mut self) {
        self.epoch_start.clear();
        self.epoch_start
            .extend_from_slice(self.network.parameters());
        let width = self.inputs.len();
        let set_stride = self.train.stride();
        self.order.clear();
        self.order.extend(0..self.train.points.len());
        self.shuffle_rng.shuffle(&mut self.order);
        let batch_size = self.config.batch_size;
        self.epoch_inputs.clear();
        for batch in self.order.chunks(batch_size) {
            let stride = stride_for(batch.len());
            for feature in 0..width {
                let source = &self.train.inputs[feature * set_stride..][..set_stride];
                self.epoch_inputs
                    .extend(batch.iter().map(|&index| source[index]));
                self.epoch_inputs
                    .extend(std::iter::repeat_n(0.0, stride - batch.len()));
            }
        }
        self.epoch_labels.clear();
        self.epoch_labels
            .extend(self.order.iter().map(|&index| self.train.labels[index]));
        self.next_batch = Some(0);
        self.slices.clear();
    }

    /// Trains up to `batches` batches of the open epoch (opening one if none is); after
    /// its last batch the epoch stays open until the caller counts it
    /// ([`Trainer::count_epoch`]). Returns the batches trained and false if an output
    /// (or, at the epoch's end, a weight) stopped being finite.
    pub(super) fn train_open_epoch(&mut self, batches: usize) -> (usize, bool) {
        if self.next_batch.is_none() {
            self.open_epoch();
        }
        let first = self.next_batch.unwrap_or(0);
        let settings = self.step_settings();
        let optimizer = self.optimizer_settings();
        let width = self.inputs.len();
        let batch_size = self.config.batch_size;
        let full_stride = stride_for(batch_size);
        let count = self.batches_per_epoch();
        let last = count.min(first.saturating_add(batches));
        let rates = self.config.dropout_rates();
        for batch in first..last {
            let labels = &self.epoch_labels[batch * batch_size..];
            let labels = &labels[..labels.len().min(batch_size)];
            let stride = stride_for(labels.len());
            let offset = batch * width * full_stride;
            let inputs = &self.epoch_inputs[offset..offset + width * stride];
            // Layers at rate 0 get no mask (with every rate 0, the plain pass).
            draw_masks(
                &rates,
                self.network.layers(),
                labels.len(),
                &mut self.dropout_rng,
                self.buffers.workspace_mut(),
            );
            self.last_batch.clear();
            self.last_batch
                .extend_from_slice(&self.order[batch * batch_size..][..labels.len()]);
            let outputs_finite =
                compute_gradient(&self.network, inputs, labels, &settings, &mut self.buffers);
            if !outputs_finite {
                return (batch - first, false);
            }
            self.optimizer.step(
                self.network.parameters_mut(),
                self.buffers.gradient(),
                &optimizer,
            );
        }
        self.next_batch = Some(last);
        let finite = last < count || self.network.parameters().iter().all(|p| p.is_finite());
        (last - first, finite)
    }

    /// The open epoch, all of its batches trained, is done: one more epoch.
    pub(super) fn count_epoch(&mut self) {
        self.next_batch = None;
        self.epoch += 1;
    }

    /// Ends the open epoch because something other than training changed the run: the
    /// batches it trained stay in the weights, it is not counted (nor are the losses
    /// measured so far of an epoch whose batches are all trained kept), and the next
    /// training begins a fresh epoch (the shuffling goes on to a new order). Callers
    /// re-measure.
    pub(super) fn close_open_epoch(&mut self) {
        self.next_batch = None;
    }
}
