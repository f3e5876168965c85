//! Dropout in training: the masks replay from the seed (through a snapshot, a lesson
//! file and a divergence roll-back), evaluation never drops, rate 0 trains exactly as
//! no dropout, and the rates are refused with messages that name them.
//! (The gradient with a fixed mask is checked in `gradients.rs`, the roll-back of the
//! masks' generator with a divergence in `training.rs`.)

use greymatter::session::lesson::{Classroom, LessonFile};
use greymatter::{Config, Dataset, Trainer};

fn with_dropout(dropout: Vec<f64>) -> Config {
    Config {
        dataset: Dataset::Xor,
        hidden: vec![6, 4],
        dropout,
        ..Config::default()
    }
}

#[test]
fn the_same_seed_draws_the_same_masks_and_another_seed_others() {
    let mut a = Trainer::new(with_dropout(vec![0.5, 0.2])).unwrap();
    let mut b = Trainer::new(with_dropout(vec![0.5, 0.2])).unwrap();
    assert_eq!(a.last_dropout(), None, "no batch trained yet");
    for _ in 0..7 {
        a.train_batches(3);
        b.train_batches(3);
        assert_eq!(a.last_dropout(), b.last_dropout());
    }
    a.train_epochs(5);
    b.train_epochs(5);
    assert_eq!(a.network().parameters(), b.network().parameters());
    assert_eq!(a.history(), b.history());
    let mut other = Trainer::new(Config {
        seed: 2,
        ..with_dropout(vec![0.5, 0.2])
    })
    .unwrap();
    other.train_batches(1);
    a.reset();
    a.train_batches(1);
    let (mine, theirs) = (a.last_dropout().unwrap(), other.last_dropout().unwrap());
    assert_ne!(mine.layers[0].masks, theirs.layers[0].masks);
}

#[test]
fn the_masks_are_zero_or_the_kept_scale_per_neuron_and_sample() {
    let mut trainer = Trainer::new(with_dropout(vec![0.75])).unwrap();
    trainer.train_batches(1);
    let dropout = trainer.last_dropout().unwrap();
    assert_eq!(dropout.samples.len(), 10, "the batch size");
    let first = &dropout.layers[0];
    assert_eq!((first.rate, first.kept_scale), (0.75, 4.0));
    assert_eq!(first.masks.len(), 6);
    let values: Vec<f32> = first.masks.iter().flatten().copied().collect();
    assert_eq!(values.len(), 60);
    assert!(values.iter().all(|&m| m == 0.0 || m == 4.0));
    let dropped = values.iter().filter(|&&m| m == 0.0).count();
    assert!(
        (30..=58).contains(&dropped),
        "{dropped} of 60 dropped at 0.75"
    );
    let second = &dropout.layers[1];
    assert_eq!(second.rate, 0.0);
    assert!(
        second.masks.iter().all(Vec::is_empty),
        "layer 2 has no dropout"
    );
}

#[test]
fn rate_zero_trains_exactly_as_no_dropout() {
    let mut plain = Trainer::new(with_dropout(Vec::new())).unwrap();
    let mut zero = Trainer::new(with_dropout(vec![0.0, 0.0])).unwrap();
    plain.train_epochs(20);
    zero.train_epochs(20);
    assert_eq!(plain.network().parameters(), zero.network().parameters());
    assert_eq!(plain.history(), zero.history());
    assert_eq!(zero.last_dropout(), None);
    let mut dropping = Trainer::new(with_dropout(vec![0.3])).unwrap();
    dropping.train_epochs(20);
    assert_ne!(
        plain.network().parameters(),
        dropping.network().parameters()
    );
}

#[test]
fn evaluation_drops_nothing() {
    let mut trainer = Trainer::new(with_dropout(vec![0.6, 0.6])).unwrap();
    trainer.train_epochs(10);
    let points: Vec<[f32; 2]> = trainer.test_points().iter().map(|p| p.position).collect();
    let (train, test) = (trainer.train_loss(), trainer.test_loss());
    let predictions = trainer.predict(&points);
    // The same weights without dropout measure and predict exactly the same.
    let mut without = Trainer::new(with_dropout(Vec::new())).unwrap();
    without
        .set_parameters(trainer.network().parameters())
        .unwrap();
    assert_eq!((without.train_loss(), without.test_loss()), (train, test));
    assert_eq!(without.predict(&points), predictions);
    // Predicting twice gives the same numbers: no mask is drawn for it.
    assert_eq!(trainer.predict(&points), predictions);
    // Turning dropout off is a training setting: the weights and losses stay, and the
    // last batch's masks, drawn at the old rates, are forgotten.
    assert!(trainer.last_dropout().is_some());
    let mut off = trainer.config().clone();
    off.dropout.clear();
    assert_eq!(trainer.set_config(off).unwrap(), greymatter::Change::Kept);
    assert_eq!((trainer.train_loss(), trainer.test_loss()), (train, test));
    assert_eq!(trainer.last_dropout(), None);
}

#[test]
fn a_restored_run_and_an_opened_lesson_draw_the_masks_the_original_draws() {
    let mut original = Trainer::new(with_dropout(vec![0.5, 0.5])).unwrap();
    original.train_epochs(3);
    original.train_batches(4); // an open epoch: the snapshot leaves it out
    let snapshot = original.snapshot();
    let lesson = LessonFile::of(&original, Default::default(), Classroom::default());
    let json = serde_json::to_value(&lesson).unwrap();
    assert!(
        json["resume"]["dropoutPosition"].is_string(),
        "{}",
        json["resume"]
    );
    assert_eq!(json["config"]["dropout"], serde_json::json!([0.5, 0.5]));
    let mut restored = Trainer::restore(
        original.config().clone(),
        original.own_data().clone(),
        &snapshot,
    )
    .unwrap();
    let mut opened = lesson.open().unwrap();
    let reopened: LessonFile = serde_json::from_value(json).unwrap();
    let mut reread = reopened.open().unwrap();
    original.train_epochs(4);
    for copy in [&mut restored, &mut opened, &mut reread] {
        copy.train_epochs(4);
        assert_eq!(copy.network().parameters(), original.network().parameters());
        assert_eq!(copy.last_dropout(), original.last_dropout());
    }
}

#[test]
fn refused_rates_name_the_field_and_the_range_and_change_nothing() {
    let refusal = |dropout: serde_json::Value| {
        let mut config = Config::default();
        let error = match config.set_field("dropout", dropout) {
            Err(error) => error,
            Ok(()) => config.validate().unwrap_err(),
        };
        assert_eq!(error.field, "dropout");
        error.message
    };
    assert_eq!(
        refusal(serde_json::json!([0.5, 0.95])),
        "dropout of hidden layer 2 must be between 0 and 0.9, got 0.95"
    );
    assert_eq!(
        refusal(serde_json::json!([-0.1])),
        "dropout of hidden layer 1 must be between 0 and 0.9, got -0.1"
    );
    assert_eq!(
        refusal(serde_json::json!([0.1, 0.2, 0.3])),
        "dropout gives 3 rates for 2 hidden layers: give at most one per hidden layer"
    );
    assert_eq!(
        refusal(serde_json::json!("0.5")),
        "dropout must be a list of dropout rates, one per hidden layer, each a number from 0 \
         to 0.9, got \"0.5\""
    );
    let mut trainer = Trainer::new(Config::default()).unwrap();
    let bad = Config {
        dropout: vec![1.0],
        ..Config::default()
    };
    assert!(trainer.set_config(bad).is_err());
    assert_eq!(trainer.config(), &Config::default());
}

#[test]
fn the_inspector_shows_a_training_samples_mask_of_the_last_batch() {
    use greymatter::session::inspection::SampleSet;
    let mut trainer = Trainer::new(with_dropout(vec![0.5])).unwrap();
    trainer.train_batches(1);
    let dropout = trainer.last_dropout().unwrap();
    let sample = dropout.samples[3];
    let inspection = trainer.inspect_sample(sample, SampleSet::Train).unwrap();
    let first = &inspection.layers[0];
    assert_eq!(first.dropout_rate, 0.5);
    let column: Vec<f32> = dropout.layers[0].masks.iter().map(|row| row[3]).collect();
    assert_eq!(first.dropout_mask, column);
    assert!(
        inspection.layers[1].dropout_mask.is_empty(),
        "layer 2 has rate 0"
    );
    assert_eq!(inspection.layers[2].dropout_rate, 0.0, "the output layer");
    // The pass shown is evaluation's: a and z are those of the plain network.
    let outside = (0..trainer.train_points().len())
        .find(|index| !dropout.samples.contains(index))
        .unwrap();
    let other = trainer.inspect_sample(outside, SampleSet::Train).unwrap();
    assert!(
        other.layers[0].dropout_mask.is_empty(),
        "not in the last batch"
    );
    let test = trainer.inspect_sample(0, SampleSet::Test).unwrap();
    assert!(test.layers[0].dropout_mask.is_empty(), "a test sample");
    let point = trainer.train_points()[sample].position;
    assert_eq!(trainer.predict(&[point])[0], inspection.output);
}

#[test]
fn a_lesson_without_the_masks_position_opens_and_a_bad_one_is_named() {
    let mut trainer = Trainer::new(with_dropout(vec![0.5])).unwrap();
    trainer.train_epochs(2);
    let mut json = serde_json::to_value(LessonFile::of(
        &trainer,
        Default::default(),
        Classroom::default(),
    ))
    .unwrap();
    json["resume"]
        .as_object_mut()
        .unwrap()
        .remove("dropoutPosition");
    let older: LessonFile = serde_json::from_value(json.clone()).unwrap();
    let opened = older.open().unwrap();
    assert_eq!(
        opened.network().parameters(),
        trainer.network().parameters()
    );
    json["resume"]["dropoutPosition"] = "x".into();
    let bad: LessonFile = serde_json::from_value(json).unwrap();
    assert_eq!(
        bad.open().err().unwrap(),
        "resume.dropoutPosition must be a whole number, got \"x\""
    );
}
