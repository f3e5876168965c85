//! Training an epoch in slices of batches (`train_batches`): bit for bit the weights of
//! whole epochs, and what stops, diverges, changes and saves do to an unfinished epoch.

use greymatter::{
    session::trainer::Snapshot, Config, Dataset, Feature, Optimizer, OwnData, Problem, Schedule,
    Trainer,
};

/// Settings with an uneven last batch, Adam's memory and a schedule, so every piece of
/// state a slice must carry over is in play.
fn configs() -> Vec<Config> {
    let base = Config {
        dataset: Dataset::Spiral,
        ..Config::default()
    };
    vec![
        base.clone(),
        Config {
            batch_size: 7,
            optimizer: Optimizer::Adam,
            learning_rate: 0.01,
            schedule: Schedule::Step,
            decay_epochs: 2,
            ..base.clone()
        },
        Config {
            batch_size: 1,
            samples: 120,
            hidden: vec![6, 6],
            features: vec![Feature::X1, Feature::X2, Feature::X1TimesX2],
            ..base
        },
    ]
}

/// Trains `total` batches in slices of the sizes of `pattern`, over and over.
fn train_in_slices(trainer: &mut Trainer, total: usize, pattern: &[u32]) {
    let mut left = total;
    for &size in pattern.iter().cycle() {
        if left == 0 {
            break;
        }
        let size = size.min(left as u32);
        assert_eq!(trainer.train_batches(size), size);
        left -= size as usize;
    }
}

#[test]
fn slices_of_any_size_give_the_weights_of_whole_epochs() {
    const EPOCHS: u32 = 5;
    for config in configs() {
        let mut whole = Trainer::new(config.clone()).unwrap();
        assert_eq!(whole.train_epochs(EPOCHS), EPOCHS);
        let mut epoch_by_epoch = Trainer::new(config.clone()).unwrap();
        for _ in 0..EPOCHS {
            epoch_by_epoch.train_epochs(1);
        }
        let per_epoch = whole.batches_per_epoch();
        let total = per_epoch * EPOCHS as usize;
        for pattern in [
            &[1][..],
            &[3, 11, 2],
            &[per_epoch as u32 - 1],
            &[per_epoch as u32],
            &[per_epoch as u32 + 1, 5],
            &[total as u32],
        ] {
            let mut sliced = Trainer::new(config.clone()).unwrap();
            train_in_slices(&mut sliced, total, pattern);
            let label = format!("batch {} in slices {pattern:?}", config.batch_size);
            assert_eq!(sliced.epoch(), EPOCHS, "{label}");
            assert_eq!(sliced.epoch_batches_done(), 0, "{label}");
            assert_eq!(
                sliced.network().parameters(),
                whole.network().parameters(),
                "{label}"
            );
            // One history row per completed epoch, as epoch-by-epoch calls give.
            assert_eq!(sliced.history(), epoch_by_epoch.history(), "{label}");
        }
        // A whole-epoch call finishes an open epoch as its first.
        let mut mixed = Trainer::new(config.clone()).unwrap();
        mixed.train_batches(per_epoch as u32 / 2);
        assert_eq!(mixed.epoch(), 0);
        assert_eq!(mixed.train_epochs(EPOCHS), EPOCHS);
        assert_eq!(mixed.network().parameters(), whole.network().parameters());
    }
}

#[test]
fn an_open_epoch_shows_its_progress_in_batches() {
    let mut trainer = Trainer::new(Config::default()).unwrap();
    // 250 training points in batches of 10.
    assert_eq!(trainer.batches_per_epoch(), 25);
    assert_eq!(trainer.train_batches(10), 10);
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (0, 10));
    assert_eq!(trainer.history().len(), 1, "no row before the epoch ends");
    assert_eq!(trainer.train_batches(30), 30);
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (1, 15));
    assert_eq!(trainer.history().len(), 2);
}

#[test]
fn stop_after_ends_a_slice_at_the_last_allowed_epoch() {
    let mut trainer = Trainer::new(Config {
        stop_after: 2,
        ..Config::default()
    })
    .unwrap();
    assert_eq!(trainer.train_batches(20), 20);
    assert_eq!(trainer.train_batches(1000), 30, "fewer than asked: stopped");
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (2, 0));
    assert!(trainer.finished());
    assert_eq!(trainer.train_batches(10), 0);
}

#[test]
fn stop_at_loss_stops_at_the_same_epoch_as_whole_epochs() {
    let config = Config {
        dataset: Dataset::Gauss,
        stop_at_loss: 0.05,
        ..Config::default()
    };
    let mut whole = Trainer::new(config.clone()).unwrap();
    while whole.train_epochs(1) == 1 {}
    assert!(whole.stop_reason().unwrap().contains("stop-at-loss"));
    let mut sliced = Trainer::new(config).unwrap();
    while sliced.train_batches(7) == 7 {}
    assert_eq!(sliced.epoch(), whole.epoch());
    assert_eq!(sliced.epoch_batches_done(), 0);
    assert_eq!(sliced.stop_reason(), whole.stop_reason());
    assert_eq!(sliced.network().parameters(), whole.network().parameters());
}

#[test]
fn a_divergence_mid_epoch_goes_back_to_the_last_completed_epoch() {
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Plane,
        problem: Problem::Regression,
        learning_rate: 0.3,
        optimizer: Optimizer::Momentum,
        batch_size: 1,
        hidden: vec![8, 8],
        ..Config::default()
    })
    .unwrap();
    let per_epoch = trainer.batches_per_epoch() as u32;
    let slice = per_epoch / 5;
    assert_eq!(per_epoch % slice, 0);
    let mut completed: Snapshot = trainer.snapshot();
    let mut weights = trainer.network().parameters().to_vec();
    let mut calls = 0;
    while trainer.divergence().is_none() && calls < 500 {
        trainer.train_batches(slice);
        if trainer.divergence().is_none() && trainer.epoch_batches_done() == 0 {
            completed = trainer.snapshot();
            weights = trainer.network().parameters().to_vec();
        }
        calls += 1;
    }
    let message = trainer.divergence().expect("the loss should blow up");
    assert!(message.contains("smaller learning rate"), "{message}");
    assert_eq!(trainer.network().parameters(), &weights[..]);
    assert_eq!(trainer.epoch_batches_done(), 0);
    assert_eq!(
        trainer.snapshot(),
        completed,
        "optimizer and shuffling go back too"
    );
    assert!(trainer.train_loss().is_finite());
    assert_eq!(
        trainer.train_batches(slice),
        0,
        "no training while diverged"
    );
}

#[test]
fn a_change_mid_epoch_keeps_the_trained_batches_and_starts_a_fresh_epoch() {
    let config = Config::default();
    let mut trainer = Trainer::new(config.clone()).unwrap();
    trainer.train_batches(12);
    // The same settings again change nothing: the epoch goes on.
    trainer.set_config(config.clone()).unwrap();
    assert_eq!(trainer.epoch_batches_done(), 12);
    let weights = trainer.network().parameters().to_vec();
    let loss_at_epoch_0 = trainer.train_loss();
    trainer
        .set_config(Config {
            learning_rate: 0.01,
            ..config.clone()
        })
        .unwrap();
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (0, 0));
    assert_eq!(trainer.network().parameters(), &weights[..], "batches stay");
    // The losses are those of the weights now, not of epoch 0's.
    assert_ne!(trainer.train_loss(), loss_at_epoch_0);
    assert_eq!(trainer.history().len(), 1);
    assert_eq!(trainer.history()[0].train_loss, trainer.train_loss());
    // The next epoch is a whole fresh one.
    assert_eq!(trainer.train_batches(24), 24);
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (0, 24));
    trainer.train_batches(1);
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (1, 0));

    // Editing a weight closes the open epoch too.
    trainer.train_batches(5);
    trainer.set_bias(0, 0, 0.5).unwrap();
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (1, 0));
    // A reset starts over at epoch 0 with nothing open.
    trainer.train_batches(5);
    trainer.reset();
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (0, 0));
}

#[test]
fn a_snapshot_mid_epoch_saves_the_last_completed_epoch_and_resumes_bit_for_bit() {
    for config in configs() {
        let per_epoch = Trainer::new(config.clone()).unwrap().batches_per_epoch() as u32;
        let mut at_boundary = Trainer::new(config.clone()).unwrap();
        at_boundary.train_batches(per_epoch);
        let mut original = Trainer::new(config.clone()).unwrap();
        original.train_batches(per_epoch + per_epoch / 3);
        let snapshot = original.snapshot();
        assert_eq!(snapshot, at_boundary.snapshot());
        assert_eq!(snapshot.epoch, 1);
        let own = OwnData::empty(config.problem);
        let mut rebuilt = Trainer::restore(config.clone(), own, &snapshot).unwrap();
        original.train_batches(2 * per_epoch - per_epoch / 3);
        rebuilt.train_batches(2 * per_epoch);
        assert_eq!(original.epoch(), 3);
        assert_eq!(
            rebuilt.network().parameters(),
            original.network().parameters()
        );
    }
}
