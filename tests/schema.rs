//! The config schema against the config itself: every key once and in order, every
//! default valid, every numeric row's bounds enforced with its message, each row's
//! stated effect the one `Config::change_to` computes, and the JSON JS reads.

use greymatter::config::schema::{self, Effect, Precision, Setting};
use greymatter::config::view::ViewOptions;
use greymatter::{Change, Config};
use serde_json::{json, Value};

/// The top-level keys of `value` serialised, in the order serde writes them.
fn keys_in_order<T: serde::Serialize>(value: &T) -> Vec<String> {
    let text = serde_json::to_string(value).unwrap();
    // Only keys are followed by a colon: values are numbers, names and lists of them.
    text.split('"')
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|pair| pair[1].starts_with(':'))
        .map(|pair| pair[0].to_string())
        .collect()
}

/// `Config::default()` with the settings of `patch`, set field by field.
fn patched(base: &Config, patch: &Value) -> Config {
    let mut config = base.clone();
    for (key, value) in patch.as_object().unwrap() {
        config.set_field(key, value.clone()).unwrap();
    }
    config
}

#[test]
fn every_config_key_is_in_the_table_once_and_in_its_order() {
    let table: Vec<&str> = schema::keys().collect();
    assert_eq!(keys_in_order(&Config::default()), table);
    let view: Vec<&str> = schema::view().iter().map(|row| row.key).collect();
    assert_eq!(keys_in_order(&ViewOptions::default()), view);
    for key in &table {
        assert_eq!(table.iter().filter(|k| k == &key).count(), 1, "{key}");
        assert!(
            !view.contains(key),
            "{key} is both a setting and a view option"
        );
    }
}

#[test]
fn every_default_is_valid_and_is_the_rows_default() {
    Config::default().validate().unwrap();
    ViewOptions::default().validate().unwrap();
    let schema = serde_json::to_value(schema::schema()).unwrap();
    for (table, defaults) in [
        ("settings", serde_json::to_value(Config::default()).unwrap()),
        (
            "view",
            serde_json::to_value(ViewOptions::default()).unwrap(),
        ),
    ] {
        for row in schema[table].as_array().unwrap() {
            let key = row["key"].as_str().unwrap();
            assert_eq!(row["default"], defaults[key], "{key}");
        }
    }
}

/// Values just outside a range (or at an excluded end).
fn outside(row: &Setting) -> Vec<f64> {
    let range = row.range().unwrap();
    let step = if range.whole {
        1.0
    } else {
        range.max.abs().max(1.0) * 1e-3
    };
    let low = if range.min_exclusive {
        range.min
    } else {
        range.min - step
    };
    let high = if range.max_exclusive {
        range.max
    } else {
        range.max + step
    };
    let mut values = vec![low, high, f64::NAN];
    if range.whole {
        values.push(range.min + 0.5);
    }
    values
}

#[test]
fn each_numeric_rows_bounds_are_enforced_with_its_message() {
    for row in schema::settings()
        .iter()
        .filter(|row| row.range().is_some())
    {
        let (key, range) = (row.key, row.range().unwrap());
        for end in [range.min, range.max] {
            let excluded = (end == range.min && range.min_exclusive)
                || (end == range.max && range.max_exclusive);
            assert_eq!(range.contains(end), !excluded, "{key} at {end}");
        }
        for value in outside(row) {
            // As JS sends them: whole numbers as integers.
            let sent = if value.fract() == 0.0 && value.abs() < 1e15 {
                json!(value as i64)
            } else {
                json!(value)
            };
            let mut config = Config::default();
            let error = match config.set_field(key, sent) {
                // NaN becomes null in JSON: a value of the wrong kind.
                Err(error) if value.is_nan() => {
                    assert_eq!(
                        error.message,
                        format!("{key} must be {}, got null", row.expectation())
                    );
                    continue;
                }
                // Negative or fractional values a whole-number field cannot hold.
                Err(error) => {
                    assert!(range.whole, "{key} refused {value}: {}", error.message);
                    assert!(value < 0.0 || value.fract() != 0.0 || value > u32::MAX as f64);
                    assert!(
                        error
                            .message
                            .starts_with(&format!("{key} must be {}, got ", row.expectation())),
                        "{}",
                        error.message
                    );
                    continue;
                }
                Ok(()) => config.validate().unwrap_err(),
            };
            assert_eq!(error.field, key);
            assert_eq!(error.message, range.refusal(key, value), "{key} = {value}");
        }
    }
}

#[test]
fn numeric_messages_keep_their_words() {
    let refused = |patch: Value| patched(&Config::default(), &patch).validate().unwrap_err();
    let cases = [
        (
            json!({"noise": 99}),
            "noise must be between 0 and 50, got 99",
        ),
        (
            json!({"learningRate": -1}),
            "learningRate must be greater than 0 and at most 10, got -1",
        ),
        (
            json!({"momentum": 1}),
            "momentum must be at least 0 and below 1, got 1",
        ),
        (
            json!({"batchSize": 0}),
            "batchSize must be a whole number from 1 to 500, got 0",
        ),
        (
            json!({"decayEpochs": 0}),
            "decayEpochs must be a whole number from 1 to 100000, got 0",
        ),
        (
            json!({"epsilon": 2}),
            "epsilon must be greater than 0 and at most 1, got 2",
        ),
        (
            json!({"hidden": [4, 0]}),
            "hidden layer 2 must have 1 to 64 neurons, got 0",
        ),
        (
            json!({"hidden": vec![1; 17]}),
            "hidden allows at most 16 layers, got 17",
        ),
    ];
    for (patch, message) in cases {
        assert_eq!(refused(patch.clone()).message, message, "{patch}");
    }
}

/// The change of one key, from `base` (the defaults with `base` applied) to `next`.
struct Case {
    base: Value,
    next: Value,
    change: Change,
}

fn case(next: Value, change: Change) -> Case {
    Case {
        base: json!({}),
        next,
        change,
    }
}

/// For every key, a change from the defaults to another valid value and what it does;
/// both branches for a conditional effect.
fn cases(key: &str) -> Vec<Case> {
    use Change::*;
    match key {
        "dataset" => vec![case(json!({"dataset": "xor"}), Regenerated)],
        // The formula matters only to the formula dataset.
        "datasetFormula" => vec![Case {
            base: json!({"dataset": "formula"}),
            next: json!({"datasetFormula": "x1 * x2"}),
            change: Regenerated,
        }],
        "noise" => vec![case(json!({"noise": 10}), Regenerated)],
        "trainRatio" => vec![case(json!({"trainRatio": 60}), Regenerated)],
        "batchSize" => vec![case(json!({"batchSize": 20}), Kept)],
        "learningRate" => vec![case(json!({"learningRate": 0.1}), Kept)],
        "activation" => vec![case(json!({"activation": "relu"}), Reset)],
        "layerActivations" => vec![case(json!({"layerActivations": ["relu"]}), Reset)],
        "regularization" => vec![case(json!({"regularization": "l2"}), Kept)],
        "regularizationRate" => vec![case(json!({"regularizationRate": 0.01}), Kept)],
        "dropout" => vec![case(json!({"dropout": [0.5, 0.2]}), Kept)],
        "hidden" => vec![case(json!({"hidden": [3]}), Reset)],
        "features" => vec![case(json!({"features": ["x1", "x2", "x1x2"]}), Reset)],
        "customFeatures" => vec![case(json!({"customFeatures": ["sin(3*x1)"]}), Reset)],
        // No dataset belongs to both problems: the problem changes with the dataset.
        "problem" => vec![case(
            json!({"problem": "regression", "dataset": "plane"}),
            Regenerated,
        )],
        // More than two classes need softmax: start from a softmax output.
        "classes" => vec![Case {
            base: json!({"loss": "softmaxCrossEntropy"}),
            next: json!({"classes": 3}),
            change: Regenerated,
        }],
        "loss" => vec![
            case(json!({"loss": "huber"}), Kept),
            case(json!({"loss": "binaryCrossEntropy"}), Reset),
        ],
        "initialization" => vec![case(json!({"initialization": "xavier"}), Reset)],
        "schedule" => vec![case(json!({"schedule": "step"}), Kept)],
        "decayRate" => vec![case(json!({"decayRate": 0.9}), Kept)],
        "decayEpochs" => vec![case(json!({"decayEpochs": 50}), Kept)],
        "stopAfter" => vec![case(json!({"stopAfter": 100}), Kept)],
        "stopAtLoss" => vec![case(json!({"stopAtLoss": 0.1}), Kept)],
        "optimizer" => vec![case(json!({"optimizer": "adam"}), Kept)],
        "momentum" => vec![case(json!({"momentum": 0.5}), Kept)],
        "rmsDecay" => vec![case(json!({"rmsDecay": 0.5}), Kept)],
        "beta1" => vec![case(json!({"beta1": 0.5}), Kept)],
        "beta2" => vec![case(json!({"beta2": 0.9}), Kept)],
        "epsilon" => vec![case(json!({"epsilon": 1e-6}), Kept)],
        "seed" => vec![case(json!({"seed": 2}), Reset)],
        "dataSeed" => vec![case(json!({"dataSeed": 2}), NewData)],
        "samples" => vec![case(json!({"samples": 1000}), Regenerated)],
        other => panic!("no change case for {other}: add one"),
    }
}

#[test]
fn each_rows_effect_is_what_a_change_does() {
    for row in schema::settings() {
        let cases = cases(row.key);
        let changes: Vec<Change> = cases
            .iter()
            .map(|case| {
                let base = patched(&Config::default(), &case.base);
                let next = patched(&base, &case.next);
                base.validate().unwrap();
                next.validate().unwrap();
                let change = base.change_to(&next);
                assert_eq!(change, case.change, "{}: {}", row.key, case.next);
                change
            })
            .collect();
        let expected = match row.effect.unwrap() {
            Effect::Kept => vec![Change::Kept],
            Effect::NewData => vec![Change::NewData],
            Effect::Reset => vec![Change::Reset],
            Effect::Regenerated => vec![Change::Regenerated],
            Effect::ResetIfOutputLayerChanges => vec![Change::Kept, Change::Reset],
        };
        assert_eq!(changes, expected, "{}", row.key);
    }
}

#[test]
fn limits_are_read_from_the_rows() {
    use greymatter::config::limits::*;
    let limits = schema::limits();
    assert_eq!(
        serde_json::to_value(limits).unwrap(),
        json!({
            "maxHiddenLayers": MAX_HIDDEN_LAYERS, "maxNeuronsPerLayer": MAX_NEURONS_PER_LAYER,
            "maxWeights": MAX_WEIGHTS, "minSamples": MIN_SAMPLES, "maxSamples": MAX_SAMPLES,
            "maxBatchSize": MAX_BATCH_SIZE, "maxLearningRate": MAX_LEARNING_RATE,
            "maxRegularizationRate": MAX_REGULARIZATION_RATE, "maxNoise": MAX_NOISE,
            "minTrainRatio": TRAIN_RATIO.0, "maxTrainRatio": TRAIN_RATIO.1,
            "maxClasses": greymatter::data::dataset::MAX_CLASSES, "maxHistory": MAX_HISTORY,
            "maxEpoch": MAX_EPOCH,
        })
    );
}

#[test]
fn wrong_kinds_say_what_the_row_accepts() {
    let mut config = Config::default();
    let message = |config: &mut Config, key: &str, value: Value| {
        config.set_field(key, value).unwrap_err().message
    };
    assert_eq!(
        message(&mut config, "problem", json!("poetry")),
        "problem must be classification or regression, got \"poetry\""
    );
    assert_eq!(
        message(&mut config, "hidden", json!("4,2")),
        "hidden must be a list of at most 16 neuron counts, each from 1 to 64, got \"4,2\""
    );
    assert_eq!(
        message(&mut config, "features", json!(["x3"])),
        "features must be a list of inputs, each one of x1, x2, x1Squared, x2Squared, x1x2, \
         sinX1, sinX2, got [\"x3\"]"
    );
    assert_eq!(
        message(&mut config, "momentum", json!(true)),
        "momentum must be a number from 0 up to (not including) 1, got true"
    );
    assert_eq!(
        message(&mut config, "seed", json!(-4)),
        "seed must be a whole number from 0 to 4294967295, got -4"
    );
    let unknown = message(&mut config, "colour", json!("red"));
    let known: Vec<&str> = schema::keys().collect();
    assert_eq!(
        unknown,
        format!(
            "unknown setting \"colour\": known settings are {}",
            known.join(", ")
        )
    );
    assert_eq!(config, Config::default(), "a refusal changes nothing");
}

#[test]
fn the_json_rows_have_the_shape_js_reads() {
    let schema = serde_json::to_value(schema::schema()).unwrap();
    let row = |table: &str, key: &str| {
        schema[table]
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["key"] == key)
            .unwrap_or_else(|| panic!("{table} has no {key}"))
            .clone()
    };
    assert_eq!(
        row("settings", "noise"),
        json!({"key": "noise", "kind": "number", "label": "Noise", "default": 0.0,
               "min": 0.0, "max": 50.0, "minExclusive": false, "maxExclusive": false,
               "whole": false, "precision": "double", "effect": "regenerated",
               "hideable": true, "hides": "the noise"})
    );
    assert_eq!(row("settings", "momentum")["precision"], "single");
    assert_eq!(row("settings", "learningRate")["precision"], "computed");
    let dataset = row("settings", "dataset");
    assert_eq!(dataset["kind"], "choice");
    assert_eq!(dataset["default"], "circle");
    assert_eq!(
        dataset["choices"][0],
        json!({"value": "circle", "label": "Circle", "problem": "classification", "maxClasses": 6})
    );
    assert_eq!(
        dataset["choices"][4],
        json!({"value": "plane", "label": "Plane", "problem": "regression", "maxClasses": 1})
    );
    assert_eq!(
        row("settings", "hidden"),
        json!({"key": "hidden", "kind": "counts", "label": "Hidden layers", "default": [4, 2],
               "maxLength": 16, "min": 1, "max": 64, "effect": "reset", "hideable": true,
               "hides": "the layer and neuron buttons"})
    );
    assert_eq!(
        row("settings", "dropout"),
        json!({"key": "dropout", "kind": "rates", "label": "Dropout rate of each hidden layer",
               "default": [], "maxLength": 16, "min": 0.0, "max": 0.9, "minExclusive": false,
               "maxExclusive": false, "whole": false,
               "offered": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
               "precision": "single", "effect": "kept", "hideable": true,
               "hides": "the dropout rates"})
    );
    let features = row("settings", "features");
    assert_eq!(features["kind"], "names");
    assert_eq!(
        (
            &features["minLength"],
            &features["maxLength"],
            &features["unique"]
        ),
        (&json!(1), &json!(7), &json!(true))
    );
    assert_eq!(
        features["choices"][2],
        json!({"value": "x1Squared", "label": "x₁²"})
    );
    assert_eq!(features["hideable"], false);
    assert!(features.get("hides").is_none());
    let activation = row("settings", "activation");
    let labels: Vec<&str> = activation["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|choice| choice["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "ReLU",
            "Tanh",
            "Sigmoid",
            "Linear",
            "Leaky ReLU",
            "ELU",
            "Swish",
            "GELU",
            "Softplus",
            "Mish",
            "Sine"
        ]
    );
    assert_eq!(
        row("settings", "loss")["effect"],
        "resetIfOutputLayerChanges"
    );
    assert_eq!(
        row("settings", "learningRate")["offered"],
        json!([0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0])
    );
    assert_eq!(
        row("settings", "classes")["offered"],
        json!([2.0, 3.0, 4.0, 5.0, 6.0])
    );
    assert_eq!(
        row("view", "epochsPerFrame"),
        json!({"key": "epochsPerFrame", "kind": "number", "label": "Speed", "default": 1,
               "min": 1.0, "max": 100.0, "minExclusive": false, "maxExclusive": false,
               "whole": true, "offered": [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0],
               "precision": "double", "hideable": true, "hides": "the speed (epochs per frame)"})
    );
    assert_eq!(
        row("view", "showTestData"),
        json!({"key": "showTestData", "kind": "toggle", "label": "Show test data",
               "default": false, "hideable": true, "hides": "the show-test-data toggle"})
    );
    assert_eq!(
        row("view", "gradientLinks")["hides"],
        "the gradient-links toggle"
    );
    assert_eq!(row("view", "palette")["default"], "default");
    assert_eq!(
        schema["limits"],
        serde_json::to_value(schema::limits()).unwrap()
    );
}

/// Values at each end of a row's range and just inside it: the next f64 and the next
/// f32, a hair inside (as 0.99999999 is below 1), and tiny values above a lower end.
fn at_and_just_inside(row: &Setting) -> Vec<f64> {
    let range = row.range().unwrap();
    let (min, max) = (range.min, range.max);
    if range.whole {
        return vec![min, min + 1.0, max - 1.0, max];
    }
    let mut values = vec![
        min,
        max,
        min.next_up(),
        max.next_down(),
        f64::from((min as f32).next_up()),
        f64::from((max as f32).next_down()),
        min + 1e-320,
        min + 1e-46,
        min + 1e-45,
        min + 1e-9,
        max - 1e-9,
        max - 1e-8,
        max - 1e-7,
        max * (1.0 - 1e-8),
    ];
    values.retain(|value| value.is_finite());
    values
}

/// The shortest decimal that is the same f32 as `value` (`value` itself when it is that
/// short, else the f32 rounded): what the page shows and writes for a single-precision
/// setting, as `tidyNumber` in www/js/state/config.js makes it.
fn shortest_same_f32(value: f64) -> f64 {
    let single = f64::from(value as f32);
    let rounded =
        |number: f64, digits: usize| format!("{number:.*e}", digits - 1).parse::<f64>().unwrap();
    (1..=9)
        .flat_map(|digits| {
            let itself = (rounded(value, digits) == value).then_some(value);
            itself.into_iter().chain([rounded(single, digits)])
        })
        .find(|candidate| *candidate as f32 == value as f32)
        .unwrap_or(value)
}

#[test]
fn values_at_and_just_inside_each_bound_round_trip_or_are_refused() {
    for row in schema::settings()
        .iter()
        .filter(|row| row.range().is_some())
    {
        let (key, range) = (row.key, row.range().unwrap());
        for value in at_and_just_inside(row) {
            // As JS sends them: whole numbers as integers.
            let sent = if range.whole {
                json!(value as u64)
            } else {
                json!(value)
            };
            // Three classes and more need a dataset and a loss that fit them.
            let base = if key == "classes" {
                patched(
                    &Config::default(),
                    &json!({"dataset": "spiral", "loss": "softmaxCrossEntropy"}),
                )
            } else {
                Config::default()
            };
            let config = patched(&base, &json!({ key: sent }));
            let Err(error) = config.validate() else {
                // Accepted: kept as given, trained as a value in range, and read back the
                // same through JSON (config(), the address) and the page's short form.
                let json = serde_json::to_value(&config).unwrap();
                assert_eq!(json[key].as_f64(), Some(value), "{key} = {value}");
                assert!(range.contains(range.used(value)), "{key} = {value}");
                let again: Config = serde_json::from_value(json).unwrap();
                assert_eq!(again, config, "{key} = {value}");
                again.validate().unwrap();
                let written: f64 = format!("{value}").parse().unwrap();
                assert_eq!(written, value, "{key} = {value} as text");
                if range.precision == Precision::Single {
                    let short = shortest_same_f32(value);
                    let tidied = patched(&base, &json!({ key: short }));
                    tidied
                        .validate()
                        .unwrap_or_else(|e| panic!("{key} = {value} as {short}: {}", e.message));
                    assert_eq!(range.used(short), range.used(value), "{key} = {value}");
                }
                continue;
            };
            assert_eq!(error.field, key, "{key} = {value}");
            assert_eq!(error.message, range.refusal(key, value), "{key} = {value}");
            assert!(
                !range.contains(value),
                "{key} = {value} is refused by another rule: {}",
                error.message
            );
        }
    }
}

#[test]
fn the_rows_used_as_f32_are_the_ones_the_trainer_rounds_and_their_ends_are_f32() {
    let used_as = |precision: Precision| -> Vec<&str> {
        schema::settings()
            .iter()
            .filter(|row| {
                row.range()
                    .is_some_and(|range| range.precision == precision)
            })
            .map(|row| row.key)
            .collect()
    };
    assert_eq!(
        used_as(Precision::Single),
        [
            "regularizationRate",
            "momentum",
            "rmsDecay",
            "beta1",
            "beta2",
            "epsilon"
        ]
    );
    assert_eq!(used_as(Precision::Computed), ["learningRate"]);
    for row in schema::settings() {
        let Some(range) = row
            .range()
            .filter(|range| range.precision != Precision::Double)
        else {
            continue;
        };
        // An end the f32 holds exactly: the f32 check refuses only what rounds onto an
        // excluded end or past an end.
        for end in [range.min, range.max] {
            assert_eq!(f64::from(end as f32), end, "{}", row.key);
        }
    }
}
