//! Model files in and out of a running playground.

use super::evaluation::evaluate_set;
use super::Trainer;
use crate::config::Config;
use crate::learn::objective::Objective;
use crate::math::activation::Activation;
use crate::math::loss::Loss;
use crate::model::model_file::ModelFile;
use crate::model::network::LayerShape;

impl Trainer {
    /// The current network as a model file.
    pub fn export_model(&self) -> ModelFile {
        ModelFile::from_network(
            &self.network,
            self.config.problem,
            &self.config.features,
            &self.config.custom_features,
        )
    }

    /// Loads a model file: the network, its features and hidden layers replace the
    /// current ones; the data stays; epoch 0. On error nothing changes.
    pub fn import_model(&mut self, model: &ModelFile) -> Result<(), String> {
        if model.problem != self.config.problem {
            return Err(format!(
                "this model was trained for {}, but the playground's problem is {}: switch the problem first",
                model.problem.name(),
                self.config.problem.name()
            ));
        }
        let network = model.to_network()?;
        let (output, hidden) = network.layers().split_last().expect("at least one layer");
        let mut next = self.config.clone();
        next.loss = loss_for_output(output, &next)?;
        next.features = model.features.clone();
        next.custom_features = model.custom_features.clone();
        next.hidden = hidden.iter().map(|layer| layer.outputs).collect();
        let activations: Vec<Activation> = hidden.iter().map(|layer| layer.activation).collect();
        if let Some(&first) = activations.first() {
            next.activation = first;
        }
        next.layer_activations = if activations.iter().all(|&a| a == next.activation) {
            Vec::new()
        } else {
            activations
        };
        next.validate().map_err(|error| error.message)?;
        let inputs = next.inputs();
        let mut train = self.train.clone();
        train.compute_inputs(&inputs);
        let loss = evaluate_set(&network, &train, &next.objective(), &mut self.evaluation).loss;
        if !train.labels.is_empty() && !loss.is_finite() {
            return Err(format!(
                "the model's loss on the training points is {loss}, not a finite number: \
                 its weights are too large for this data"
            ));
        }
        self.config = next;
        self.train = train;
        self.test.compute_inputs(&inputs);
        self.inputs = inputs;
        self.network = network;
        self.restart_history();
        Ok(())
    }
}

/// The loss of the config that a model's output layer was trained with: the config's
/// own loss when it builds the same output layer, else the one loss that does.
fn loss_for_output(output: &LayerShape, config: &Config) -> Result<Loss, String> {
    let builds = |loss: Loss| {
        let objective = Objective {
            loss,
            ..config.objective()
        };
        objective.check().is_ok()
            && objective.output_activation() == output.activation
            && objective.output_count() == output.outputs
    };
    if builds(config.loss) {
        return Ok(config.loss);
    }
    Loss::ALL
        .into_iter()
        .find(|&loss| builds(loss))
        .ok_or_else(|| {
            let objective = config.objective();
            let neurons = |count: usize, activation: Activation| {
                let plural = if count == 1 { "" } else { "s" };
                format!("{count} {} neuron{plural}", activation.name())
            };
            format!(
                "the model's output layer ({}) does not fit {} with {} classes, which needs \
                 {}: change the playground's classes first",
                neurons(output.outputs, output.activation),
                config.problem.name(),
                config.classes,
                neurons(objective.output_count(), objective.output_activation())
            )
        })
}
