//! The two ways to train: whole epochs at a time ([`Trainer::train_epochs`]), and a
//! number of batches ([`Trainer::train_batches`]), which spreads an epoch over several
//! calls and then measures its losses in slices before counting it.

use super::Trainer;

impl Trainer {
    /// Trains up to `epochs` epochs, then measures the losses once and adds them to the
    /// history. Each epoch is a pass over the shuffled training set in mini-batches of
    /// `batchSize` (the last one may be smaller), one gradient descent step per batch.
    /// An epoch left open by [`Trainer::train_batches`] is finished first and counts as
    /// one of the `epochs`.
    ///
    /// If the outputs, the weights or the measured losses stop being finite, the whole
    /// call is undone: the network, the optimizer's memory, the shuffling and the epoch
    /// go back to the last state whose losses were measured (where the call started, or
    /// the start of the open epoch), training stops and [`Trainer::divergence`] says why;
    /// further calls train nothing until the settings or the weights change. Never trains
    /// past `stopAfter` epochs. With `stopAtLoss` above 0, the training loss is measured
    /// after every epoch and training stops after the first epoch whose loss is at or
    /// below it; [`Trainer::finished`] then holds until a setting or the weights change.
    /// Returns the number of epochs trained.
    pub fn train_epochs(&mut self, epochs: u32) -> u32 {
        // An epoch whose batches are all trained is measured and counted on its own first.
        self.finish_measuring();
        let epochs = epochs.min(self.last_epoch().saturating_sub(self.epoch));
        if self.divergence.is_some() || self.finished() || epochs == 0 {
            return 0;
        }
        let start_epoch = self.epoch;
        if self.next_batch.is_none() {
            self.checkpoint();
        }
        let mut diverged = false;
        for _ in 0..epochs {
            if !self.train_open_epoch(usize::MAX).1 {
                diverged = true;
                break;
            }
            self.count_epoch();
            if self.reached_stop_loss() {
                break;
            }
        }
        if self.conclude(diverged) {
            self.epoch - start_epoch
        } else {
            0
        }
    }

    /// Trains up to `batches` mini-batches, going on with the open epoch where it stopped
    /// (its shuffled order and position are kept) and opening new epochs as needed, so an
    /// epoch too long for one call is trained over several. When an epoch's last batch is
    /// trained, its training and test losses are measured, over as many calls as it takes
    /// at about `3 × batchSize` points (rounded up to whole vectors of 4) for each batch
    /// asked, with no training meanwhile; only then is the epoch counted and its losses
    /// added to the history, as a `train_epochs(1)` call would, and the call that
    /// completes the measurement ends there. The batches of an unfinished epoch show in
    /// the weights but not in [`Trainer::epoch`] (see [`Trainer::epoch_batches_done`] and
    /// [`Trainer::measuring_losses`]). Slices of any sizes give bit for bit the weights
    /// and the history of whole epochs.
    ///
    /// Stops at `stopAfter` epochs, after an epoch whose training loss reaches
    /// `stopAtLoss`, or when a relu layer died, as `train_epochs` does. If the outputs,
    /// the weights or the losses stop being finite, training goes back to the last
    /// completed epoch (network, optimizer memory, shuffling; the open epoch is dropped)
    /// and stops, and [`Trainer::divergence`] says why. Returns the batches' worth of
    /// work done and kept (measured points counted as above, 0 after a divergence):
    /// fewer than asked means training stopped or an epoch was counted.
    pub fn train_batches(&mut self, batches: u32) -> u32 {
        let per_batch = self.measured_per_batch();
        let budget = (batches as usize).saturating_mul(per_batch);
        let mut used = 0;
        while used < budget && self.divergence.is_none() && !self.finished() {
            if self.measuring_losses().is_some() {
                used += self.measure_slice(budget - used);
                if self.slices.result().is_some() {
                    self.conclude_measured();
                    break;
                }
                continue;
            }
            if self.next_batch.is_none() {
                self.checkpoint();
            }
            let (trained, finite) = self.train_open_epoch((budget - used) / per_batch);
            used += trained * per_batch;
            let weights_finite = || self.network.parameters().iter().all(|p| p.is_finite());
            if !finite || (self.measuring_losses().is_none() && !weights_finite()) {
                self.conclude(true);
                return 0;
            }
        }
        used.div_ceil(per_batch) as u32
    }

    /// While the losses of an epoch whose batches are all trained are being measured
    /// (see [`Trainer::train_batches`]), the points measured so far, the training
    /// points first, then the test points; `None` otherwise.
    pub fn measuring_losses(&self) -> Option<usize> {
        let count = self.batches_per_epoch();
        (count > 0 && self.next_batch == Some(count)).then(|| self.slices.measured())
    }

    /// Measures what is left of the losses under way at once, and counts the epoch.
    fn finish_measuring(&mut self) {
        if self.measuring_losses().is_some() {
            self.measure_slice(usize::MAX);
            self.conclude_measured();
        }
    }

    /// Counts the epoch whose losses the slices measured, and judges them as
    /// [`Trainer::conclude`] does.
    fn conclude_measured(&mut self) {
        let measured = self.slices.result();
        debug_assert!(measured.is_some(), "the measurement is complete");
        self.count_epoch();
        self.judge(measured);
    }
}
