//! Model files: export, JSON round trip, import and continued training, and refusal
//! of broken files without touching the current network.

use greymatter::given::Given;
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

#[test]
fn unknown_fields_are_refused_on_every_level() {
    let good = serde_json::to_value(trained().export_model()).unwrap();
    let mut top = good.clone();
    top["comment"] = json!("hi");
    let mut layer = good.clone();
    layer["layers"][0]["dropout"] = json!(0.5);
    for (bad, field) in [(top, "comment"), (layer, "dropout")] {
        let error = serde_json::from_value::<ModelFile>(bad)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!("unknown field `{field}`")),
            "{error}"
        );
    }
}

#[test]
fn a_model_from_a_newer_greymatter_is_refused_for_its_version_first() {
    let mut newer = serde_json::to_value(trained().export_model()).unwrap();
    newer["version"] = json!(2);
    newer["extras"] = json!({ "note": "a field version 2 adds" });
    newer["layers"][0]["dropout"] = json!(0.5);
    let given: Given = serde_json::from_value(newer).unwrap();
    assert_eq!(
        ModelFile::read(&given).unwrap_err(),
        "model version 2 is not supported (this build reads version 1)"
    );
}

#[test]
fn a_model_whose_loss_is_not_finite_on_the_data_is_refused_and_nothing_changes() {
    let mut trainer = trained();
    let before = trainer.predict(&PROBES);
    let mut bad = serde_json::to_value(trainer.export_model()).unwrap();
    // Finite as f32, but the products overflow: the outputs (and the loss) are not finite.
    bad["layers"][0]["weights"][0] = json!([3e38, 3e38]);
    bad["layers"][1]["weights"][0][0] = json!(3e38);
    bad["layers"][1]["biases"][0] = json!(-3e38);
    let model: ModelFile = serde_json::from_value(bad).unwrap();
    let error = trainer.import_model(&model).unwrap_err();
    assert!(error.contains("loss on the training points"), "{error}");
    assert_eq!(trainer.predict(&PROBES), before);
}

#[test]
fn weights_beyond_f32_are_refused() {
    let mut trainer = trained();
    let mut bad = serde_json::to_value(trainer.export_model()).unwrap();
    bad["layers"][0]["biases"][0] = json!(1e39);
    let model: ModelFile = serde_json::from_value(bad).unwrap();
    let error = trainer.import_model(&model).unwrap_err();
    assert!(error.contains("finite"), "{error}");
}

#[test]
fn predicting_no_points_gives_no_values() {
    assert!(trained().predict(&[]).is_empty());
}

#[test]
fn the_listed_fields_are_the_fields_a_model_file_has() {
    use greymatter::model::model_file::{unknown_field, FILE_FIELDS, LAYER_FIELDS};
    let with_formula = Trainer::new(Config {
        custom_features: vec!["sin(3*x1)".to_string()],
        ..Config::default()
    })
    .unwrap();
    let model = serde_json::to_value(with_formula.export_model()).unwrap();
    let without = serde_json::to_value(trained().export_model()).unwrap();
    assert!(
        without.get("customFeatures").is_none(),
        "left out when empty"
    );
    let keys = |value: &serde_json::Value| {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let sorted = |fields: &[&str]| {
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        fields
    };
    assert_eq!(keys(&model), sorted(&FILE_FIELDS));
    assert_eq!(keys(&model["layers"][0]), sorted(&LAYER_FIELDS));
    assert_eq!(
        unknown_field("layer 1", ["weights", "dropout"], &LAYER_FIELDS).unwrap(),
        "layer 1 has an unknown field `dropout` (the fields are activation, weights and biases)"
    );
    assert_eq!(unknown_field("layer 1", ["weights"], &LAYER_FIELDS), None);
}

#[test]
fn values_of_the_wrong_kind_are_refused_with_their_layer_field_and_value() {
    let model = serde_json::to_value(trained().export_model()).unwrap();
    let read = |edit: &dyn Fn(&mut serde_json::Value)| -> String {
        let mut value = model.clone();
        edit(&mut value);
        let given: Given = serde_json::from_value(value).unwrap();
        ModelFile::read(&given).err().unwrap_or_default()
    };
    assert_eq!(
        read(&|m| m["layers"][0]["weights"] = "abc".into()),
        r#"layer 1: weights must be a list of lists of numbers (one list per neuron), got "abc""#
    );
    assert_eq!(
        read(&|m| m["layers"][0]["weights"][1] = 5.into()),
        "layer 1: weights[1] must be a list of numbers, got 5"
    );
    assert_eq!(
        read(&|m| m["layers"][1]["weights"][0][2] = "1".into()),
        r#"layer 2: weights[0][2] must be a number, got "1""#
    );
    assert_eq!(
        read(&|m| m["layers"][2]["biases"] = json!({"a": 1})),
        "layer 3: biases must be a list of numbers, got an object"
    );
    assert_eq!(
        read(&|m| m["layers"][0]["activation"] = "softsign".into()),
        r#"layer 1: activation must be one of relu, tanh, sigmoid, linear, leakyRelu, elu, swish, gelu, softplus, mish, sine, softmax, got "softsign""#
    );
    assert_eq!(
        read(&|m| m["layers"][0] = 7.into()),
        "layer 1 must be an object, got 7"
    );
    assert_eq!(
        read(&|m| m["features"] = "x1".into()),
        r#"features must be a list of inputs, such as ["x1", "x2"], got "x1""#
    );
    assert_eq!(
        read(&|m| m["version"] = "1".into()),
        r#"version must be a whole number, got "1""#
    );
    assert_eq!(
        read(&|m| {
            m["layers"][0].as_object_mut().unwrap().remove("biases");
        }),
        "layer 1: missing field `biases`"
    );
    assert_eq!(read(&|_| {}), "", "the file itself reads");
}

#[test]
fn a_model_file_says_which_greymatter_wrote_it_and_is_read_without_it() {
    let model = serde_json::to_value(trained().export_model()).unwrap();
    assert_eq!(
        model["writer"],
        format!("greymatter {}", env!("CARGO_PKG_VERSION")).as_str()
    );
    let read = |value: serde_json::Value| {
        let given: Given = serde_json::from_value(value).unwrap();
        ModelFile::read(&given)
    };
    let mut without = model.clone();
    without.as_object_mut().unwrap().remove("writer");
    assert_eq!(read(without).unwrap().writer, None);
    let mut other = model.clone();
    other["writer"] = "greymatter 9.9.9".into();
    assert_eq!(
        read(other).unwrap().writer.as_deref(),
        Some("greymatter 9.9.9")
    );
}
