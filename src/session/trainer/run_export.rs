//! The run as plain data for "Export as code": the settings, the network at its last
//! completed epoch, what the optimizer remembers, the points with their sets, and the
//! order in which greymatter's next epoch visits the training points, with its dropout
//! masks. A script rebuilt from it trains its first epoch on exactly the batches (and
//! masks) greymatter's next epoch uses.

use super::{NextDropout, Snapshot, Trainer};
use crate::config::Config;
use crate::data::dataset::Point;
use crate::math::formula::notations::{JAVASCRIPT, NUMPY, TORCH};
use crate::math::formula::Formula;
use crate::model::model_file::ModelFile;
use serde::Serialize;

/// What the optimizer remembers, laid out like the network's parameters (for each
/// layer its weights `[outputs][inputs]`, then its biases).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptimizerMemory {
    /// v (momentum, Nesterov) or m (Adam); empty before the first step.
    pub first: Vec<f32>,
    /// s (RMSProp) or u (Adam); empty before the first step.
    pub second: Vec<f32>,
    /// Steps taken (t of Adam's bias correction).
    pub steps: i32,
}

/// A formula input (`customFeatures`) written for each target, in the order of the
/// model's `customFeatures`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormulaCode {
    /// As greymatter writes it.
    pub formula: String,
    /// For NumPy.
    pub numpy: String,
    /// For PyTorch.
    pub torch: String,
    /// For JavaScript.
    pub javascript: String,
}

/// Everything an exported script needs to rebuild the run and train it further.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunExport {
    /// Every setting.
    pub config: Config,
    /// The network at the last completed epoch.
    pub model: ModelFile,
    /// Epochs trained (completed).
    pub epoch: u32,
    /// The optimizer's memory at that epoch.
    pub optimizer: OptimizerMemory,
    /// Training points as `[x1, x2, label]`.
    pub train: Vec<[f32; 3]>,
    /// Test points as `[x1, x2, label]`.
    pub test: Vec<[f32; 3]>,
    /// Indices into `train` in the order greymatter's next epoch visits them (its
    /// batches are consecutive runs of `batchSize`).
    pub next_order: Vec<u32>,
    /// The dropout masks of that epoch (`None` when every rate is 0).
    pub next_dropout: Option<NextDropout>,
    /// The learning rate of the next epoch, after the schedule.
    pub learning_rate: f64,
    /// The formula inputs, written for each target.
    pub formulas: Vec<FormulaCode>,
}

impl Trainer {
    /// The run as "Export as code" takes it (see [`RunExport`]). An epoch under way is
    /// left out, as in [`Trainer::snapshot`].
    pub fn run_export(&self) -> RunExport {
        let Snapshot {
            model,
            epoch,
            resume,
            ..
        } = self.snapshot();
        let resume = resume.expect("a snapshot of a running trainer remembers its optimizer");
        let formulas = model
            .custom_features
            .iter()
            .map(|text| formula_code(text))
            .collect();
        RunExport {
            config: self.config.clone(),
            model,
            epoch,
            optimizer: OptimizerMemory {
                first: resume.first,
                second: resume.second,
                steps: resume.steps,
            },
            train: rows(&self.train.points),
            test: rows(&self.test.points),
            next_order: self.next_epoch_order(),
            next_dropout: self.next_epoch_dropout(),
            learning_rate: self.config.schedule.rate(
                self.config.learning_rate,
                self.config.decay_rate,
                self.config.decay_epochs,
                epoch,
            ),
            formulas,
        }
    }

    /// The order of the training points in the next epoch opened after the last
    /// completed one (the shuffle [`Trainer::train_epochs`] will draw); nothing changes.
    pub fn next_epoch_order(&self) -> Vec<u32> {
        let mut shuffle = if self.next_batch.is_some() {
            self.shuffle_at_start.clone()
        } else {
            self.shuffle_rng.clone()
        };
        let mut order: Vec<usize> = (0..self.train.points.len()).collect();
        shuffle.shuffle(&mut order);
        order.into_iter().map(|index| index as u32).collect()
    }
}

/// `text` (a validated formula) written for each target.
fn formula_code(text: &str) -> FormulaCode {
    let formula = Formula::parse(text).expect("a model's formula inputs parse");
    FormulaCode {
        formula: formula.to_string(),
        numpy: formula.write_with(&NUMPY),
        torch: formula.write_with(&TORCH),
        javascript: formula.write_with(&JAVASCRIPT),
    }
}

fn rows(points: &[Point]) -> Vec<[f32; 3]> {
    points
        .iter()
        .map(|p| [p.position[0], p.position[1], p.label])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::features::compute_inputs;
    use crate::learn::optimizer::Optimizer;
    use crate::learn::training::{compute_gradient, StepBuffers};

    /// One epoch trained by hand over the exported order, batch after batch, gives the
    /// weights greymatter's own next epoch gives, bit for bit.
    #[test]
    fn the_next_order_is_the_one_the_next_epoch_trains_on() {
        for optimizer in Optimizer::ALL {
            let config = Config {
                optimizer,
                batch_size: 7,
                ..Config::default()
            };
            let mut trainer = Trainer::new(config).unwrap();
            trainer.train_epochs(3);
            let export = trainer.run_export();
            assert_eq!(export.epoch, 3);
            assert_eq!(export.next_order.len(), export.train.len());
            let mut network = trainer.network.clone();
            let mut state = trainer.optimizer.clone();
            let settings = trainer.step_settings();
            let optimizer_settings = trainer.optimizer_settings();
            let mut buffers = StepBuffers::default();
            for batch in export.next_order.chunks(7) {
                let points: Vec<[f32; 2]> = batch
                    .iter()
                    .map(|&i| [export.train[i as usize][0], export.train[i as usize][1]])
                    .collect();
                let labels: Vec<f32> = batch.iter().map(|&i| export.train[i as usize][2]).collect();
                let mut inputs = Vec::new();
                compute_inputs(trainer.inputs(), &points, &mut inputs);
                compute_gradient(&network, &inputs, &labels, &settings, &mut buffers);
                state.step(
                    network.parameters_mut(),
                    buffers.gradient(),
                    &optimizer_settings,
                );
            }
            trainer.train_epochs(1);
            assert_eq!(
                network.parameters(),
                trainer.network.parameters(),
                "{optimizer:?}"
            );
        }
    }

    /// Mid-epoch, the export holds the last completed epoch and its next order.
    #[test]
    fn an_epoch_under_way_is_left_out() {
        let mut trainer = Trainer::new(Config::default()).unwrap();
        trainer.train_epochs(2);
        let before = trainer.run_export();
        trainer.train_batches(3);
        assert_eq!(trainer.epoch_batches_done(), 3);
        let during = trainer.run_export();
        assert_eq!(during.next_order, before.next_order);
        assert_eq!(during.model, before.model);
        assert_eq!(during.optimizer, before.optimizer);
    }
}
