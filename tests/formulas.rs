//! Formula inputs and the formula dataset through the config and the trainer: refusals
//! that name the entry and the column and change nothing, training on them, and a model
//! file that rebuilds its formula inputs.

use greymatter::data::features::Input;
use greymatter::{Config, Dataset, Problem, Trainer};
use serde_json::json;

fn formulas(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| text.to_string()).collect()
}

fn refusal(config: Config) -> String {
    config.validate().unwrap_err().message
}

#[test]
fn bad_formulas_are_refused_with_their_entry_and_column() {
    let with = |texts: &[&str]| Config {
        custom_features: formulas(texts),
        ..Config::default()
    };
    assert_eq!(
        refusal(with(&["x1 * x2", "sinn(x1)"])),
        "customFeatures[1] \"sinn(x1)\": at column 1: unknown function 'sinn' (the functions \
         are sin, cos, tan, exp, log, sqrt, abs, tanh, min, max)"
    );
    assert_eq!(
        refusal(with(&["x3"])),
        "customFeatures[0] \"x3\": at column 1: unknown variable 'x3' (use x1 and x2)"
    );
    assert_eq!(
        refusal(with(&["x1*x2", "x1 * x2"])),
        "customFeatures[1] is x1 * x2, the same formula as customFeatures[0]"
    );
    assert!(refusal(with(&["log(x1)"]))
        .starts_with("customFeatures[0]: log(x1) is not a number at (x1, x2) = (-6, 6)"));
    assert_eq!(
        refusal(with(&["x1"; 9])),
        "customFeatures allows at most 8 formulas, got 9"
    );
    let dataset = Config {
        dataset: Dataset::Formula,
        dataset_formula: "(x1 + 1".to_string(),
        ..Config::default()
    };
    assert_eq!(
        refusal(dataset),
        "datasetFormula \"(x1 + 1\": at column 8: expected ')' to close the '(' at column 1, \
         found the end of the formula"
    );
    // A value of the wrong kind names what the key takes.
    let mut config = Config::default();
    let message = config
        .set_field("customFeatures", json!("sin(x1)"))
        .unwrap_err()
        .message;
    assert_eq!(
        message,
        "customFeatures must be a list of at most 8 formulas over x1 and x2, such as \
         [\"sin(3*x1)\"], got \"sin(x1)\""
    );
    let message = config
        .set_field("datasetFormula", json!(3))
        .unwrap_err()
        .message;
    assert_eq!(
        message,
        "datasetFormula must be a formula over x1 and x2, such as \"sin(3*x1)\", got 3"
    );
}

#[test]
fn a_refused_formula_changes_nothing_in_a_running_trainer() {
    let mut trainer = Trainer::new(Config::default()).unwrap();
    trainer.train_epochs(5);
    let before = trainer.network().parameters().to_vec();
    let next = Config {
        custom_features: formulas(&["sinn(x1)"]),
        ..trainer.config().clone()
    };
    assert!(trainer.set_config(next).is_err());
    assert_eq!(trainer.network().parameters(), before);
    assert_eq!(trainer.epoch(), 5);
    assert!(trainer.config().custom_features.is_empty());
}

#[test]
fn a_formula_input_is_an_input_after_the_features_and_helps_learn() {
    // Circle: x1² + x2² alone separates it; x1 and x2 alone, through one linear neuron, cannot.
    let config = |custom: &[&str]| Config {
        features: vec![greymatter::Feature::X1],
        custom_features: formulas(custom),
        hidden: vec![1],
        learning_rate: 0.1,
        ..Config::default()
    };
    let mut plain = Trainer::new(config(&[])).unwrap();
    let mut radius = Trainer::new(config(&["x1^2 + x2^2"])).unwrap();
    assert_eq!(radius.network().input_count(), 2);
    assert_eq!(radius.config().input_count(), 2);
    match &radius.inputs()[1] {
        Input::Formula(formula) => assert_eq!(formula.to_string(), "x1^2 + x2^2"),
        other => panic!("{other:?}"),
    }
    plain.train_epochs(200);
    radius.train_epochs(200);
    assert!(
        radius.test_evaluation().metric > 0.9,
        "{:?}",
        radius.test_evaluation()
    );
    assert!(plain.test_evaluation().metric < 0.8);
    let predicted = radius.predict(&[[0.0, 0.0], [5.0, 0.0]]);
    assert!(predicted[0] > 0.0 && predicted[1] < 0.0, "{predicted:?}");
}

#[test]
fn a_model_file_with_a_formula_input_rebuilds_it() {
    let mut source = Trainer::new(Config {
        custom_features: formulas(&["sin(3*x1)", "x1*x2"]),
        dataset: Dataset::Xor,
        ..Config::default()
    })
    .unwrap();
    source.train_epochs(20);
    let file = serde_json::to_value(source.export_model()).unwrap();
    assert_eq!(file["customFeatures"], json!(["sin(3*x1)", "x1*x2"]));
    let model = serde_json::from_value(file.clone()).unwrap();
    let mut target = Trainer::new(Config {
        dataset: Dataset::Xor,
        ..Config::default()
    })
    .unwrap();
    target.import_model(&model).unwrap();
    assert_eq!(target.config().custom_features, ["sin(3*x1)", "x1*x2"]);
    let probes = [[1.0, 2.0], [-3.0, 0.5]];
    assert_eq!(target.predict(&probes), source.predict(&probes));
    let mut broken = file;
    broken["customFeatures"] = json!(["sin(3*x1)", "cosh(x1)"]);
    let model = serde_json::from_value(broken).unwrap();
    let before = target.config().clone();
    assert_eq!(
        target.import_model(&model).unwrap_err(),
        "model customFeatures[1] \"cosh(x1)\": at column 1: unknown function 'cosh' (the \
         functions are sin, cos, tan, exp, log, sqrt, abs, tanh, min, max)"
    );
    assert_eq!(target.config(), &before);
}

#[test]
fn the_formula_dataset_trains_for_both_problems() {
    let mut classification = Trainer::new(Config {
        dataset: Dataset::Formula,
        dataset_formula: "x2 - x1".to_string(),
        learning_rate: 0.1,
        ..Config::default()
    })
    .unwrap();
    classification.train_epochs(100);
    assert!(classification.test_evaluation().metric > 0.95);
    let regression = Config {
        dataset: Dataset::Formula,
        problem: Problem::Regression,
        dataset_formula: "x1 * x2".to_string(),
        ..Config::default()
    };
    let trainer = Trainer::new(regression.clone()).unwrap();
    let labels = trainer.train_points().iter().map(|p| p.label);
    assert!(labels.clone().all(|label| (-1.0..=1.0).contains(&label)));
    assert!(labels.clone().any(|label| label < -0.5) && labels.clone().any(|l| l > 0.5));
    // The same seed, the same points; another formula, new points.
    assert_eq!(
        Trainer::new(regression.clone()).unwrap().train_points(),
        trainer.train_points()
    );
    let mut changed = trainer.clone();
    let next = Config {
        dataset_formula: "x1 + x2".to_string(),
        ..regression
    };
    assert_eq!(
        changed.set_config(next).unwrap(),
        greymatter::Change::Regenerated
    );
    assert_ne!(changed.train_points(), trainer.train_points());
    // Three classes: three levels of f, each a third of the points.
    let levels = Trainer::new(Config {
        dataset: Dataset::Formula,
        dataset_formula: "x1".to_string(),
        classes: 3,
        loss: greymatter::Loss::SoftmaxCrossEntropy,
        ..Config::default()
    })
    .unwrap();
    let points: Vec<_> = levels
        .train_points()
        .iter()
        .chain(levels.test_points())
        .collect();
    for class in 0..3 {
        let count = points.iter().filter(|p| p.label == class as f32).count();
        assert!(count.abs_diff(500 / 3) <= 1, "class {class}: {count}");
    }
}

#[test]
fn a_lesson_file_keeps_the_formulas_and_opens_the_same_run() {
    use greymatter::session::lesson::{Classroom, LessonFile};
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Formula,
        dataset_formula: "x1^2 - x2".to_string(),
        custom_features: formulas(&["x1^2", "min(x1, x2)"]),
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(10);
    let lesson = LessonFile::of(&trainer, Default::default(), Classroom::default());
    let text = serde_json::to_string(&lesson).unwrap();
    let opened = serde_json::from_str::<LessonFile>(&text)
        .unwrap()
        .open()
        .unwrap();
    assert_eq!(opened.config(), trainer.config());
    assert_eq!(opened.train_points(), trainer.train_points());
    assert_eq!(
        opened.network().parameters(),
        trainer.network().parameters()
    );
    assert_eq!(opened.epoch(), 10);
}
