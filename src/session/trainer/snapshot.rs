//! A running playground captured whole — network, epoch, loss history and what the
//! optimizer, the shuffling and the dropout masks' generator remember — and rebuilt from it. A saved session and a
//! lesson file carry one; a rebuilt playground trains on exactly as the original would.

use super::{layer_shapes, HistoryEntry, Trainer};
use crate::config::Config;
use crate::data::own::OwnData;
use crate::learn::optimizer::OptimizerState;
use crate::model::model_file::ModelFile;

use crate::config::limits::MAX_EPOCH;
pub use crate::config::limits::MAX_HISTORY;

/// What the optimizer and the shuffling remember, so training resumes exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Resume {
    /// The optimizer's first memory (v or m), empty before its first step.
    pub first: Vec<f32>,
    /// The optimizer's second memory (s or u), empty before its first step.
    pub second: Vec<f32>,
    /// Steps the optimizer has taken.
    pub steps: i32,
    /// How far the shuffling generator has read its stream.
    pub shuffle_position: u128,
    /// How far the dropout masks' generator has read its stream.
    pub dropout_position: u128,
}

/// A trained network and its run so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The network.
    pub model: ModelFile,
    /// Epochs trained.
    pub epoch: u32,
    /// The loss history (at most [`MAX_HISTORY`] rows).
    pub history: Vec<HistoryEntry>,
    /// The optimizer's memory and the shuffling's position, when known.
    pub resume: Option<Resume>,
}

impl Trainer {
    /// The run as it is now, at its last completed epoch: the batches of an open epoch
    /// (see [`Trainer::train_batches`]) are left out, so the rebuilt playground trains
    /// them again, bit for bit as the original goes on.
    pub fn snapshot(&self) -> Snapshot {
        let open = self.next_batch.is_some();
        let (network, optimizer, shuffle, dropout) = if open {
            let mut network = self.network.clone();
            network.parameters_mut().copy_from_slice(&self.last_finite);
            (
                network,
                &self.optimizer_at_start,
                &self.shuffle_at_start,
                &self.dropout_at_start,
            )
        } else {
            (
                self.network.clone(),
                &self.optimizer,
                &self.shuffle_rng,
                &self.dropout_rng,
            )
        };
        let (first, second, steps) = optimizer.memory();
        Snapshot {
            model: ModelFile::from_network(
                &network,
                self.config.problem,
                &self.config.features,
                &self.config.custom_features,
            ),
            epoch: self.epoch,
            history: thinned(&self.history),
            resume: Some(Resume {
                first: first.to_vec(),
                second: second.to_vec(),
                steps,
                shuffle_position: shuffle.position(),
                dropout_position: dropout.position(),
            }),
        }
    }

    /// A playground for `config` with `own` points (the dataset `own` trains on them)
    /// and the network and run of `snapshot`. The model must be the network `config`
    /// builds (same features, layers and activations).
    pub fn restore(config: Config, own: OwnData, snapshot: &Snapshot) -> Result<Trainer, String> {
        let mut trainer = Trainer::with_own_points(config, own, Default::default())
            .map_err(|error| error.message)?;
        let network = snapshot.model.to_network()?;
        let config = &trainer.config;
        if snapshot.model.problem != config.problem
            || snapshot.model.features != config.features
            || snapshot.model.custom_features != config.custom_features
            || network.layers() != layer_shapes(config)
        {
            return Err(
                "the saved network does not match the saved settings (its features, layers \
                 or activations differ)"
                    .to_string(),
            );
        }
        check_epoch(snapshot.epoch)?;
        check_history(&snapshot.history, snapshot.epoch)?;
        trainer.network = network;
        trainer.epoch = snapshot.epoch;
        if let Some(resume) = &snapshot.resume {
            let count = trainer.network.parameters().len();
            let fits = |memory: &[f32]| memory.is_empty() || memory.len() == count;
            if !(fits(&resume.first) && fits(&resume.second)) || resume.steps < 0 {
                return Err(format!(
                    "the saved optimizer memory does not fit the network's {count} parameters"
                ));
            }
            if resume
                .first
                .iter()
                .chain(&resume.second)
                .any(|v| !v.is_finite())
            {
                return Err("the saved optimizer memory holds a value that is not finite".into());
            }
            trainer.optimizer = OptimizerState::from_memory(
                resume.first.clone(),
                resume.second.clone(),
                resume.steps,
            );
            trainer.shuffle_rng.set_position(resume.shuffle_position);
            trainer.dropout_rng.set_position(resume.dropout_position);
        }
        trainer.train_evaluation = trainer.evaluate(true);
        trainer.test_evaluation = trainer.evaluate(false);
        trainer.history = snapshot.history.clone();
        if trainer
            .history
            .last()
            .is_none_or(|last| last.epoch != trainer.epoch)
        {
            trainer.history.push(HistoryEntry {
                epoch: trainer.epoch,
                train_loss: trainer.train_evaluation.loss,
                test_loss: trainer.test_evaluation.loss,
            });
        }
        Ok(trainer)
    }

    /// Puts trained `parameters` in place (a share link's weights) at `epoch`: the loss
    /// history starts again from there. On error nothing changes.
    pub fn set_trained_weights(&mut self, parameters: &[f32], epoch: u32) -> Result<(), String> {
        self.put_weights_at(parameters, epoch, "the link's weights")
    }

    /// Puts the weights of the last good network back at its `epoch` (a new core after
    /// a crash of the page's core), as [`Trainer::set_trained_weights`] does.
    pub fn restore_weights(&mut self, parameters: &[f32], epoch: u32) -> Result<(), String> {
        self.put_weights_at(parameters, epoch, "the restored weights")
    }

    /// `parameters` in place at `epoch`, the history starting there; refusals begin
    /// with `what` the weights are. On error nothing changes.
    fn put_weights_at(&mut self, parameters: &[f32], epoch: u32, what: &str) -> Result<(), String> {
        let count = self.network.parameters().len();
        if parameters.len() != count {
            return Err(format!(
                "{what} are for a network of {} parameters, but these settings build one of \
                 {count}",
                parameters.len()
            ));
        }
        if parameters.iter().any(|p| !p.is_finite()) {
            return Err(format!("{what} hold a value that is not finite"));
        }
        check_epoch(epoch).map_err(|wrong| format!("{what}: {wrong}"))?;
        self.network.parameters_mut().copy_from_slice(parameters);
        self.restart_history();
        self.epoch = epoch;
        self.history.clear();
        self.record_losses();
        Ok(())
    }
}

/// At most [`MAX_HISTORY`] rows of `history`: every k-th, with the last kept.
fn thinned(history: &[HistoryEntry]) -> Vec<HistoryEntry> {
    if history.len() <= MAX_HISTORY {
        return history.to_vec();
    }
    let every = history.len().div_ceil(MAX_HISTORY - 1);
    let mut rows: Vec<HistoryEntry> = history.iter().step_by(every).copied().collect();
    rows.extend(history.last().copied());
    rows
}

/// Refuses an epoch past [`MAX_EPOCH`], where training stops.
pub fn check_epoch(epoch: u32) -> Result<(), String> {
    if epoch > MAX_EPOCH {
        return Err(format!(
            "epoch {epoch} is past {MAX_EPOCH}, the most epochs greymatter counts"
        ));
    }
    Ok(())
}

/// Rows in order of epoch, none past `epoch`, losses finite (or NaN for an empty set).
fn check_history(history: &[HistoryEntry], epoch: u32) -> Result<(), String> {
    if history.len() > MAX_HISTORY {
        return Err(format!(
            "the loss history has {} rows; the most is {MAX_HISTORY}",
            history.len()
        ));
    }
    for (index, row) in history.iter().enumerate() {
        let after_previous = index == 0 || history[index - 1].epoch <= row.epoch;
        if row.epoch > epoch || !after_previous {
            return Err(format!(
                "loss history row {}: epoch {} is out of order (the run is at epoch {epoch})",
                index + 1,
                row.epoch
            ));
        }
        if [row.train_loss, row.test_loss]
            .iter()
            .any(|l| l.is_infinite() || *l < 0.0)
        {
            return Err(format!(
                "loss history row {}: a loss must be a number of 0 or more",
                index + 1
            ));
        }
    }
    Ok(())
}
