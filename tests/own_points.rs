//! A person's own points in a running playground: drawing, erasing, undo and redo,
//! replacing them, and the settings they allow. The network is kept through edits.

use greymatter::data::labelled::LabelledPoints;
use greymatter::data::own::MAX_CLASS_NAME;
use greymatter::{Config, DataEdit, Dataset, DrawTarget, OwnData, OwnPoint, Problem, Set, Trainer};

fn own_config() -> Config {
    Config {
        dataset: Dataset::Own,
        ..Config::default()
    }
}

fn add(positions: &[[f32; 2]], label: f32, target: DrawTarget) -> DataEdit {
    DataEdit::Add {
        positions: positions.to_vec(),
        label,
        target,
    }
}

#[test]
fn an_empty_own_dataset_trains_nothing_and_says_why() {
    let mut trainer = Trainer::new(own_config()).unwrap();
    assert!(trainer.train_points().is_empty());
    assert!(trainer.finished());
    assert!(trainer
        .stop_reason()
        .unwrap()
        .contains("no training points"));
    assert_eq!(trainer.train_epochs(5), 0);
    assert!(trainer.train_loss().is_nan(), "no points: no loss, not 0");
}

#[test]
fn drawing_adds_points_of_the_chosen_class_and_set_and_keeps_the_network() {
    let mut trainer = Trainer::new(own_config()).unwrap();
    let network = trainer.network().parameters().to_vec();
    let stroke = [[1.0, 1.0], [1.2, 1.1], [1.4, 1.2]];
    assert_eq!(
        trainer.edit_points(&add(&stroke, 1.0, DrawTarget::Train), false),
        Ok(3)
    );
    trainer
        .edit_points(&add(&[[-2.0, -2.0]], 0.0, DrawTarget::Test), false)
        .unwrap();
    assert_eq!(trainer.train_points().len(), 3);
    assert_eq!(trainer.test_points().len(), 1);
    assert_eq!(trainer.train_points()[1].position, [1.2, 1.1]);
    assert_eq!(trainer.train_points()[0].label, 1.0, "class 1 of two is +1");
    assert_eq!(trainer.test_points()[0].label, -1.0);
    assert_eq!(trainer.network().parameters(), &network[..]);
    assert!(trainer.train_epochs(3) == 3, "points to train on now");
}

#[test]
fn refused_edits_change_nothing() {
    let mut trainer = Trainer::new(own_config()).unwrap();
    let outside = trainer.edit_points(
        &add(&[[0.0, 0.0], [7.0, 0.0]], 1.0, DrawTarget::Train),
        false,
    );
    assert!(outside.unwrap_err().contains("outside the plotted range"));
    let no_class = trainer.edit_points(&add(&[[0.0, 0.0]], 2.0, DrawTarget::Train), false);
    assert!(no_class.unwrap_err().contains("classes 0 to 1"));
    assert!(trainer.own_data().points.is_empty());
    assert_eq!(trainer.can_undo_points(), (false, false));
}

#[test]
fn erase_undo_and_redo() {
    let mut trainer = Trainer::new(own_config()).unwrap();
    let points: Vec<[f32; 2]> = (0..10).map(|i| [i as f32 * 0.5 - 2.0, 0.0]).collect();
    trainer
        .edit_points(&add(&points[..5], 0.0, DrawTarget::Train), false)
        .unwrap();
    // A stroke continued: one undo step for both halves.
    trainer
        .edit_points(&add(&points[5..], 1.0, DrawTarget::Train), true)
        .unwrap();
    let erase = DataEdit::Erase {
        centre: [0.0, 0.0],
        radius: 0.6,
        train: true,
        test: true,
    };
    assert_eq!(trainer.edit_points(&erase, false), Ok(3));
    assert_eq!(trainer.train_points().len(), 7);
    assert_eq!(trainer.undo_points(), Ok(true));
    assert_eq!(trainer.train_points().len(), 10);
    assert_eq!(trainer.undo_points(), Ok(true));
    assert!(
        trainer.train_points().is_empty(),
        "the whole stroke undone at once"
    );
    assert_eq!(trainer.undo_points(), Ok(false));
    assert_eq!(trainer.redo_points(), Ok(true));
    assert_eq!(trainer.redo_points(), Ok(true));
    assert_eq!(trainer.train_points().len(), 7);
    assert_eq!(trainer.can_undo_points(), (true, false));
    trainer.edit_points(&DataEdit::Clear, false).unwrap();
    assert!(trainer.own_data().points.is_empty());
    trainer.undo_points().unwrap();
    assert_eq!(trainer.train_points().len(), 7);
}

#[test]
fn drawing_on_a_generated_dataset_makes_its_points_editable() {
    let mut trainer = Trainer::new(Config::default()).unwrap();
    trainer.train_epochs(5);
    let (network, epoch) = (trainer.network().parameters().to_vec(), trainer.epoch());
    let generated = trainer.train_points().len();
    trainer
        .edit_points(&add(&[[0.5, 0.5]], 1.0, DrawTarget::Train), false)
        .unwrap();
    assert_eq!(trainer.config().dataset, Dataset::Own);
    assert_eq!(trainer.train_points().len(), generated + 1);
    assert_eq!(
        (trainer.network().parameters(), trainer.epoch()),
        (&network[..], epoch)
    );
    trainer.undo_points().unwrap();
    assert_eq!(
        trainer.train_points().len(),
        generated,
        "back to the generated points"
    );
}

#[test]
fn splitting_by_the_ratio_keeps_the_share() {
    let mut trainer = Trainer::new(Config {
        train_ratio: 70.0,
        ..own_config()
    })
    .unwrap();
    let points: Vec<[f32; 2]> = (0..20).map(|i| [i as f32 * 0.1, 1.0]).collect();
    trainer
        .edit_points(&add(&points, 0.0, DrawTarget::Split), false)
        .unwrap();
    assert_eq!(
        (trainer.train_points().len(), trainer.test_points().len()),
        (14, 6)
    );
}

#[test]
fn own_points_limit_the_settings() {
    let mut trainer = Trainer::new(Config {
        classes: 3,
        loss: greymatter::Loss::SoftmaxCrossEntropy,
        ..own_config()
    })
    .unwrap();
    trainer
        .edit_points(&add(&[[0.0, 0.0]], 2.0, DrawTarget::Train), false)
        .unwrap();
    let fewer = trainer.set_config(Config {
        classes: 2,
        loss: greymatter::Loss::Squared,
        ..trainer.config().clone()
    });
    assert!(fewer.unwrap_err().message.contains("at least 3"));
    let regression = trainer.set_config(Config {
        problem: Problem::Regression,
        loss: greymatter::Loss::Squared,
        ..trainer.config().clone()
    });
    assert!(regression
        .unwrap_err()
        .message
        .contains("classification points"));
    // The generator's settings leave own points alone.
    let network = trainer.network().parameters().to_vec();
    let change = trainer.set_config(Config {
        noise: 30.0,
        data_seed: 9,
        samples: 50,
        ..trainer.config().clone()
    });
    assert_eq!(change.unwrap(), greymatter::Change::Kept);
    assert_eq!(trainer.train_points().len(), 1);
    assert_eq!(trainer.network().parameters(), &network[..]);
}

#[test]
fn own_points_survive_choosing_another_dataset() {
    let mut trainer = Trainer::new(own_config()).unwrap();
    trainer
        .edit_points(&add(&[[1.0, 2.0]], 1.0, DrawTarget::Train), false)
        .unwrap();
    trainer
        .set_config(Config {
            dataset: Dataset::Spiral,
            ..trainer.config().clone()
        })
        .unwrap();
    assert_eq!(trainer.train_points().len(), 250);
    trainer
        .set_config(Config {
            dataset: Dataset::Own,
            ..trainer.config().clone()
        })
        .unwrap();
    assert_eq!(trainer.train_points()[0].position, [1.0, 2.0]);
}

#[test]
fn points_given_whole_refuse_a_class_name_over_the_limit() {
    let points = |names: Vec<String>| LabelledPoints {
        train: vec![[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]],
        test: Vec::new(),
        class_names: names,
    };
    let fine = points(vec!["a".into(), "é".repeat(MAX_CLASS_NAME / 2)]);
    assert_eq!(
        fine.to_own(Problem::Classification).unwrap().class_names,
        fine.class_names
    );
    let long = points(vec!["a".into(), "b".repeat(900_000)]);
    assert_eq!(
        long.to_own(Problem::Classification).unwrap_err(),
        "class name 2 is 900000 bytes long; the most is 40"
    );
    let broken = points(vec!["a\nb".into()]);
    assert_eq!(
        broken.to_own(Problem::Classification).unwrap_err(),
        "class name 1 holds a line break; a name is one line"
    );
}

#[test]
fn replacing_the_points_sets_the_classes_they_need() {
    let mut trainer = Trainer::new(Config::default()).unwrap();
    let point = |x: i16, label, set| OwnPoint {
        position: [x, 0],
        label,
        set,
    };
    let data = OwnData {
        problem: Problem::Classification,
        points: vec![
            point(0, 0, Set::Train),
            point(100, 2, Set::Train),
            point(200, 1, Set::Test),
        ],
        class_names: Vec::new(),
    };
    trainer.set_own_data(data.clone(), None).unwrap();
    assert_eq!(trainer.config().classes, 3);
    assert_eq!(trainer.config().dataset, Dataset::Own);
    assert_eq!(trainer.own_data(), &data);
    assert_eq!(trainer.train_points()[1].label, 2.0);
    let too_few = trainer.set_own_data(data.clone(), Some(2));
    assert!(too_few.is_err());
    assert_eq!(trainer.config().classes, 3, "a refusal changes nothing");
    trainer.undo_points().unwrap();
    assert!(
        trainer.own_data().points.is_empty(),
        "the earlier own points come back"
    );
}

#[test]
fn a_restored_run_trains_on_exactly_as_the_original() {
    for optimizer in [greymatter::Optimizer::Sgd, greymatter::Optimizer::Adam] {
        let mut original = Trainer::new(Config {
            optimizer,
            batch_size: 7,
            ..own_config()
        })
        .unwrap();
        let points: Vec<[f32; 2]> = (0..30)
            .map(|i| [(i as f32 * 0.37).sin() * 4.0, i as f32 * 0.3 - 4.0])
            .collect();
        original
            .edit_points(&add(&points[..15], 0.0, DrawTarget::Split), false)
            .unwrap();
        original
            .edit_points(&add(&points[15..], 1.0, DrawTarget::Split), false)
            .unwrap();
        original.train_epochs(5);
        original.train_epochs(3);
        let snapshot = original.snapshot();
        let mut restored = Trainer::restore(
            original.config().clone(),
            original.own_data().clone(),
            &snapshot,
        )
        .unwrap();
        assert_eq!(restored.epoch(), 8);
        assert_eq!(restored.history(), original.history());
        assert_eq!(
            restored.network().parameters(),
            original.network().parameters()
        );
        original.train_epochs(4);
        restored.train_epochs(4);
        assert_eq!(
            restored.network().parameters(),
            original.network().parameters(),
            "{optimizer:?}: the same steps after a restore"
        );
    }
}

#[test]
fn a_snapshot_that_does_not_fit_is_refused() {
    let original = Trainer::new(Config::default()).unwrap();
    let mut snapshot = original.snapshot();
    let wider = Config {
        hidden: vec![5, 2],
        ..Config::default()
    };
    let refused = Trainer::restore(wider, OwnData::empty(Problem::Classification), &snapshot);
    assert!(refused.unwrap_err().contains("does not match"));
    snapshot.history[0].epoch = 5;
    let refused = Trainer::restore(
        Config::default(),
        OwnData::empty(Problem::Classification),
        &snapshot,
    );
    assert!(refused.unwrap_err().contains("out of order"));
}

#[test]
fn trained_weights_from_a_link_set_the_epoch() {
    let mut trained = Trainer::new(Config::default()).unwrap();
    trained.train_epochs(10);
    let mut fresh = Trainer::new(Config::default()).unwrap();
    fresh
        .set_trained_weights(trained.network().parameters(), trained.epoch())
        .unwrap();
    assert_eq!(fresh.epoch(), 10);
    assert_eq!(
        fresh.predict(&[[1.0, -2.0]]),
        trained.predict(&[[1.0, -2.0]])
    );
    assert!(fresh
        .set_trained_weights(&[0.0; 3], 1)
        .unwrap_err()
        .contains("3 parameters"));
}

#[test]
fn every_view_of_an_empty_own_dataset_works() {
    let mut trainer = Trainer::new(own_config()).unwrap();
    let health = trainer.layer_health();
    assert_eq!(health.len(), 3);
    assert!(health.iter().all(|layer| layer.dead_share == 0.0));
    assert!(trainer.full_gradient().iter().all(|g| *g == 0.0));
    assert_eq!(trainer.predict(&[]), Vec::<f32>::new());
    assert!(trainer.confusion_matrix(true).iter().all(|&c| c == 0));
    assert!(trainer
        .inspect_sample(0, greymatter::session::inspection::SampleSet::Train)
        .is_err());
    assert!(trainer.step_on_sample(0).is_err());
    // No points: the cost along a weight is still drawn (flat), and nothing panics.
    assert_eq!(
        trainer.cost_along_parameter(0, -1.0, 1.0, 5).unwrap().len(),
        5
    );
}
