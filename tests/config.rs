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
            json!({"hidden": vec![1; 17]}),
            "hidden",
            "at most 16 layers",
        ),
        (
            json!({"hidden": vec![64; 14]}),
            "hidden",
            "the most is 50000",
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
            "names 3 activations for 2 hidden layers: give at most one per hidden layer",
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
        "batchSize must be a whole number from 1 to 500, got \"ten\""
    );
    let error = refused(json!({"noise": "abc"}));
    assert_eq!(
        error.message,
        "noise must be a number from 0 to 50, got \"abc\""
    );
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

/// The words a refusal adds when a value is in range as written but not as trained.
const SINGLE: &str = "in single precision, the precision greymatter trains in";

#[test]
fn a_rate_that_is_out_of_range_in_f32_is_refused_and_says_why() {
    for key in ["momentum", "rmsDecay", "beta1", "beta2"] {
        let error = refused(json!({ key: 0.99999999 }));
        assert_eq!(error.field, key);
        assert_eq!(
            error.message,
            format!("{key} must be at least 0 and below 1, got 0.99999999 (that is 1 {SINGLE})")
        );
        // The largest value below 1 in f32 trains as itself and is kept as given.
        let largest = f64::from(1.0f32.next_down());
        assert_eq!(apply(json!({ key: largest })).unwrap().field(key), largest);
        assert_eq!(apply(json!({ key: 0.9999 })).unwrap().field(key), 0.9999);
        assert_eq!(apply(json!({ key: 0.99999 })).unwrap().field(key), 0.99999);
    }
    let error = refused(json!({"learningRate": 1e-320}));
    assert_eq!(error.field, "learningRate");
    assert_eq!(
        error.message,
        format!(
            "learningRate must be greater than 0 and at most 10, got 1e-320 (that is 0 {SINGLE})"
        )
    );
    let error = refused(json!({"epsilon": 1e-46}));
    assert_eq!(
        error.message,
        format!("epsilon must be greater than 0 and at most 1, got 1e-46 (that is 0 {SINGLE})")
    );
    // The smallest positive f32 is a (tiny) learning rate that trains as itself.
    let smallest = f64::from(f32::from_bits(1));
    assert_eq!(
        apply(json!({"learningRate": smallest}))
            .unwrap()
            .learning_rate,
        smallest
    );
    // A value out of range as written keeps the plain message.
    assert_eq!(
        refused(json!({"momentum": 1.00000001})).message,
        "momentum must be at least 0 and below 1, got 1.00000001"
    );
    // Rounding to 0 is no refusal where 0 is allowed, and a setting used in f64 is not
    // rounded at all.
    apply(json!({"regularizationRate": 1e-320})).unwrap();
    assert_eq!(
        apply(json!({"stopAtLoss": 1e-320})).unwrap().stop_at_loss,
        1e-320
    );
}

#[test]
fn adam_at_the_largest_accepted_betas_trains_without_diverging() {
    let largest = f64::from(1.0f32.next_down());
    let config = apply(json!({"optimizer": "adam", "beta1": largest, "beta2": largest})).unwrap();
    let mut trainer = Trainer::new(config).unwrap();
    assert_eq!(trainer.train_epochs(20), 20);
    assert_eq!(trainer.divergence(), None);
    assert!(trainer.train_loss().is_finite());
}

/// Reads a number field by key, for the tests above.
trait Field {
    fn field(&self, key: &str) -> f64;
}

impl Field for Config {
    fn field(&self, key: &str) -> f64 {
        serde_json::to_value(self).unwrap()[key].as_f64().unwrap()
    }
}
