//! Model files: export, JSON round trip, import and continued training, and refusal
//! of broken files without touching the current network.

use greymatter::{Activation, Config, Dataset, Loss, ModelFile, Trainer};
use serde_json::json;

fn trained() -> Trainer {
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Xor,
        hidden: vec![5, 3],
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(30);
    trainer
}

const PROBES: [[f32; 2]; 3] = [[1.0, 2.0], [-3.0, 0.5], [4.0, -4.0]];

#[test]
fn export_then_import_keeps_predictions_and_training_continues() {
    let mut source = trained();
    let text = serde_json::to_string(&source.export_model()).unwrap();
    let model: ModelFile = serde_json::from_str(&text).unwrap();
    assert_eq!(model.layers.len(), 3);
    assert_eq!(model.layers[0].weights.len(), 5);
    assert_eq!(model.layers[0].weights[0].len(), 2);

    let mut target = Trainer::new(Config::default()).unwrap();
    target.import_model(&model).unwrap();
    assert_eq!(target.config().hidden, vec![5, 3]);
    assert_eq!(target.predict(&PROBES), source.predict(&PROBES));
    let before = target.train_loss();
    target.train_epochs(20);
    assert!(target.train_loss() < before);
}

#[test]
fn broken_model_files_are_refused_and_nothing_changes() {
    let mut trainer = trained();
    let before = trainer.predict(&PROBES);
    let good = serde_json::to_value(trainer.export_model()).unwrap();
    let mut cases = Vec::new();
    let mut bad = good.clone();
    bad["layers"][1]["weights"][0] = json!([1.0]);
    cases.push((bad, "weight row 1 has 1 values"));
    let mut bad = good.clone();
    bad["format"] = json!("something-else");
    cases.push((bad, "model format"));
    let mut bad = good.clone();
    bad["layers"][2]["activation"] = json!("relu");
    cases.push((bad, "output layer"));
    let mut bad = good.clone();
    bad["problem"] = json!("regression");
    cases.push((bad, "trained for regression"));
    let mut bad = good.clone();
    bad["layers"][0]["activation"] = json!("softmax");
    cases.push((bad, "softmax only fits the output layer"));
    for (bad, expected) in cases {
        let model: ModelFile = serde_json::from_value(bad).unwrap();
        let error = trainer.import_model(&model).unwrap_err();
        assert!(error.contains(expected), "{error}");
        assert_eq!(trainer.predict(&PROBES), before);
    }
    let mut bad = good.clone();
    bad["layers"][0]["biases"] = json!("many");
    assert!(serde_json::from_value::<ModelFile>(bad).is_err());
}

#[test]
fn per_layer_activations_and_softmax_outputs_travel_with_the_model() {
    let config = Config {
        dataset: Dataset::Spiral,
        classes: 3,
        loss: Loss::SoftmaxCrossEntropy,
        hidden: vec![6, 4],
        layer_activations: vec![Activation::Relu, Activation::Swish],
        ..Config::default()
    };
    let mut source = Trainer::new(config.clone()).unwrap();
    source.train_epochs(5);
    let model = source.export_model();
    assert_eq!(model.layers[2].activation, Activation::Softmax);
    assert_eq!(model.layers[2].biases.len(), 3);

    // A 2-class playground cannot take 3 softmax outputs: the message says what to change.
    let mut binary = Trainer::new(Config::default()).unwrap();
    let error = binary.import_model(&model).unwrap_err();
    assert!(
        error.contains("3 softmax neurons") && error.contains("classes"),
        "{error}"
    );

    let mut target = Trainer::new(Config {
        layer_activations: Vec::new(),
        activation: Activation::Tanh,
        ..config
    })
    .unwrap();
    target.import_model(&model).unwrap();
    assert_eq!(
        target.config().hidden_activations(),
        [Activation::Relu, Activation::Swish]
    );
    assert_eq!(target.predict(&PROBES), source.predict(&PROBES));
    assert_eq!(target.predict(&PROBES).len(), 3 * PROBES.len());
}

#[test]
fn a_model_with_a_sigmoid_output_switches_the_loss_to_binary_cross_entropy() {
    let mut source = Trainer::new(Config {
        loss: Loss::BinaryCrossEntropy,
        ..Config::default()
    })
    .unwrap();
    source.train_epochs(3);
    let mut target = Trainer::new(Config::default()).unwrap();
    assert_eq!(target.config().loss, Loss::Squared);
    target.import_model(&source.export_model()).unwrap();
    assert_eq!(target.config().loss, Loss::BinaryCrossEntropy);
    assert_eq!(target.predict(&PROBES), source.predict(&PROBES));
}
