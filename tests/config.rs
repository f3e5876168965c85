//! Config validation: every refused value yields a message naming its field.

use greymatter::{Config, Trainer};
use serde_json::{json, Value};

/// Applies a JSON object of settings to the default config the way the page does,
/// field by field, then validates.
fn apply(patch: Value) -> Result<Config, greymatter::ConfigError> {
    let mut config = Config::default();
    for (key, value) in patch.as_object().unwrap() {
        config.set_field(key, value.clone())?;
    }
    config.validate()?;
    Ok(config)
}

fn refused(patch: Value) -> greymatter::ConfigError {
    apply(patch.clone()).expect_err(&format!("{patch} should be refused"))
}

#[test]
fn every_out_of_range_value_names_its_field_and_range() {
    let cases = [
        (json!({"noise": 51}), "noise", "between 0 and 50"),
        (json!({"noise": -1}), "noise", "between 0 and 50"),
        (json!({"trainRatio": 5}), "trainRatio", "between 10 and 90"),
        (json!({"samples": 9}), "samples", "from 10 to 5000"),
        (json!({"samples": 100000}), "samples", "from 10 to 5000"),
        (json!({"batchSize": 0}), "batchSize", "from 1 to 500"),
        (json!({"learningRate": 0}), "learningRate", "greater than 0"),
        (json!({"learningRate": 11}), "learningRate", "at most 10"),
        (
            json!({"regularizationRate": -0.1}),
            "regularizationRate",
            "between 0 and 10",
        ),
        (
            json!({"hidden": [4, 0]}),
            "hidden",
            "layer 2 must have 1 to 64",
        ),
        (json!({"hidden": [65]}), "hidden", "1 to 64"),
        (
            json!({"hidden": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}),
            "hidden",
            "at most 10 layers",
        ),
        (
            json!({"hidden": [64, 64, 64, 64]}),
            "hidden",
            "the most is 10000",
        ),
        (json!({"features": []}), "features", "at least one"),
        (json!({"features": ["x1", "x1"]}), "features", "twice"),
        (json!({"dataset": "plane"}), "dataset", "regression"),
        (json!({"momentum": 1}), "momentum", "below 1"),
        (json!({"beta2": -0.1}), "beta2", "at least 0"),
        (json!({"epsilon": 0}), "epsilon", "greater than 0"),
        (
            json!({"classes": 7, "loss": "softmaxCrossEntropy"}),
            "classes",
            "from 2 to 6",
        ),
        (
            json!({"classes": 3, "dataset": "xor", "loss": "softmaxCrossEntropy"}),
            "classes",
            "dataset xor has 2 classes",
        ),
        (
            json!({"classes": 3}),
            "loss",
            "loss squared does not fit classification with 3 classes: use softmaxCrossEntropy",
        ),
        (
            json!({"problem": "regression", "dataset": "plane", "loss": "binaryCrossEntropy"}),
            "loss",
            "use squared or absolute or huber",
        ),
        (
            json!({"layerActivations": ["relu", "tanh", "elu"]}),
            "layerActivations",
            "3 entries, but there are 2 hidden layers",
        ),
        (
            json!({"layerActivations": ["softmax"]}),
            "layerActivations",
            "only fits the output layer",
        ),
        (
            json!({"activation": "softmax"}),
            "activation",
            "only fits the output layer",
        ),
    ];
    for (patch, field, expected) in cases {
        let error = refused(patch.clone());
        assert_eq!(error.field, field, "{patch}");
        assert!(error.message.contains(field), "{patch}: {}", error.message);
        assert!(
            error.message.contains(expected),
            "{patch}: {}",
            error.message
        );
    }
}

#[test]
fn unknown_names_and_wrong_kinds_are_refused_by_name() {
    let error = refused(json!({"activation": "softsign"}));
    assert_eq!(error.field, "activation");
    assert!(error.message.contains("relu"), "{}", error.message);
    let error = refused(json!({"colour": "red"}));
    assert_eq!(error.field, "colour");
    assert!(error.message.contains("unknown setting"));
    let error = refused(json!({"batchSize": "ten"}));
    assert_eq!(error.field, "batchSize");
    assert_eq!(
        error.message,
        "batchSize must be a whole number from 1 to 500"
    );
    let error = refused(json!({"noise": "abc"}));
    assert_eq!(error.message, "noise must be a number from 0 to 50");
    let error = refused(json!({"features": ["x3"]}));
    assert_eq!(error.field, "features");
    let error = refused(json!({"optimizer": "lbfgs"}));
    assert!(error.message.contains("adam"), "{}", error.message);
    let error = refused(json!({"seed": -4}));
    assert_eq!(error.field, "seed");
}

#[test]
fn valid_settings_apply_and_build_a_trainer() {
    let config = apply(json!({
        "dataset": "multigauss", "problem": "regression", "noise": 25, "trainRatio": 70,
        "batchSize": 30, "learningRate": 0.1, "activation": "relu", "regularization": "l2",
        "regularizationRate": 0.003, "hidden": [8, 8, 3], "loss": "absolute",
        "features": ["x1", "x2", "x1Squared", "x2Squared", "x1x2", "sinX1", "sinX2"],
        "seed": 4294967295u32, "dataSeed": 0, "samples": 1200
    }))
    .unwrap();
    let trainer = Trainer::new(config).unwrap();
    assert_eq!(trainer.train_points().len(), 840);
    assert_eq!(trainer.network().input_count(), 7);
}

#[test]
fn the_config_round_trips_through_json() {
    let config = Config::default();
    let text = serde_json::to_string(&config).unwrap();
    assert!(text.contains("\"learningRate\":0.03"), "{text}");
    assert_eq!(serde_json::from_str::<Config>(&text).unwrap(), config);
}
