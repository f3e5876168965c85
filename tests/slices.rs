//! Training an epoch in slices of batches (`train_batches`), its losses measured in
//! slices of points: bit for bit the weights and history of whole epochs, and what
//! stops, diverges, changes and saves do to an unfinished epoch.

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

/// Batches trained so far, those of the epoch under way included.
fn batches_trained(trainer: &Trainer) -> usize {
    trainer.epoch() as usize * trainer.batches_per_epoch() + trainer.epoch_batches_done()
}

/// Trains `total` more batches by `train_batches` calls of the sizes of `pattern`, over
/// and over, with the calls it takes to measure the epochs they complete; returns the
/// calls made.
fn train_in_slices(trainer: &mut Trainer, total: usize, pattern: &[u32]) -> usize {
    let target = batches_trained(trainer) + total;
    let mut calls = 0;
    for &size in pattern.iter().cycle() {
        let left = target - batches_trained(trainer);
        let measuring = trainer.measuring_losses().is_some();
        if (left == 0 && !measuring) || trainer.divergence().is_some() || trainer.finished() {
            break;
        }
        let size = if measuring {
            size
        } else {
            size.min(left as u32)
        };
        let epoch = trainer.epoch();
        let done = trainer.train_batches(size);
        assert!(
            done == size || trainer.epoch() == epoch + 1,
            "fewer than asked only when an epoch is counted"
        );
        calls += 1;
    }
    calls
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
        train_in_slices(&mut mixed, per_epoch / 2, &[per_epoch as u32]);
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
    assert_eq!(trainer.measuring_losses(), None);
    assert_eq!(trainer.history().len(), 1, "no row before the epoch ends");
    // The last 15 batches, then 1 batch's worth (3 × 12 points) of the 500 points
    // measured: the epoch shows full and is not counted yet.
    assert_eq!(trainer.train_batches(16), 16);
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (0, 25));
    assert_eq!(trainer.measuring_losses(), Some(36));
    assert_eq!(
        trainer.history().len(),
        1,
        "no row before the losses are measured"
    );
    // 464 points are left: 13 batches' worth ends the call, the epoch counted.
    assert_eq!(trainer.train_batches(100), 13);
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (1, 0));
    assert_eq!(trainer.history().len(), 2);
    assert_eq!(trainer.train_batches(15), 15);
    assert_eq!((trainer.epoch(), trainer.epoch_batches_done()), (1, 15));
}

#[test]
fn no_call_measures_more_than_its_share_of_points() {
    for config in configs() {
        let mut trainer = Trainer::new(config.clone()).unwrap();
        let per_epoch = trainer.batches_per_epoch() as u32;
        let share = 3 * config.batch_size.div_ceil(4) * 4;
        assert_eq!(trainer.train_batches(per_epoch), per_epoch);
        assert_eq!(trainer.measuring_losses(), Some(0));
        let weights = trainer.network().parameters().to_vec();
        let points = trainer.train_points().len() + trainer.test_points().len();
        for asked in [1, 2, 5] {
            let before = trainer.measuring_losses().unwrap();
            assert_eq!(trainer.train_batches(asked), asked);
            let measured = trainer.measuring_losses().unwrap() - before;
            assert_eq!(measured, asked as usize * share, "{asked} batches' worth");
            assert_eq!(trainer.network().parameters(), &weights[..], "no training");
        }
        let measured = trainer.measuring_losses().unwrap();
        let left = (points - measured).div_ceil(share) as u32;
        assert_eq!(trainer.train_batches(left + 10), left, "ends when measured");
        assert_eq!(trainer.epoch(), 1);
        assert_eq!(trainer.network().parameters(), &weights[..]);
    }
}

#[test]
fn losses_measured_over_many_calls_are_those_of_one_pass() {
    for config in configs() {
        let mut whole = Trainer::new(config.clone()).unwrap();
        whole.train_epochs(1);
        let mut sliced = Trainer::new(config).unwrap();
        let per_epoch = sliced.batches_per_epoch();
        let calls = train_in_slices(&mut sliced, per_epoch, &[1]);
        assert!(
            calls > per_epoch + 1,
            "{calls} calls: the losses in several slices"
        );
        assert_eq!(sliced.train_evaluation(), whole.train_evaluation());
        assert_eq!(sliced.test_evaluation(), whole.test_evaluation());
        assert_eq!(sliced.history(), whole.history());
    }
}

#[test]
fn losses_that_stop_being_finite_at_a_sliced_measurement_roll_back() {
    // Outputs near 1e20 are finite, their squared loss is not; a tiny learning rate
    // keeps the weights finite through the epoch.
    let config = Config {
        dataset: Dataset::Plane,
        problem: Problem::Regression,
        learning_rate: 1e-30,
        ..Config::default()
    };
    let start = |config: &Config| {
        let mut trainer = Trainer::new(config.clone()).unwrap();
        let output = config.hidden.len();
        trainer.set_bias(output, 0, 1e20).unwrap();
        trainer
    };
    let mut whole = start(&config);
    assert_eq!(whole.train_epochs(1), 0);
    let mut sliced = start(&config);
    let weights = sliced.network().parameters().to_vec();
    let per_epoch = sliced.batches_per_epoch() as u32;
    assert_eq!(sliced.train_batches(per_epoch), per_epoch);
    assert!(sliced.measuring_losses().is_some());
    assert!(sliced.divergence().is_none(), "not yet measured");
    while sliced.measuring_losses().is_some() {
        sliced.train_batches(3);
    }
    assert!(sliced.divergence().is_some());
    assert_eq!(sliced.divergence(), whole.divergence());
    assert_eq!(sliced.network().parameters(), &weights[..], "rolled back");
    assert_eq!(sliced.network().parameters(), whole.network().parameters());
    assert_eq!((sliced.epoch(), sliced.epoch_batches_done()), (0, 0));
    assert_eq!(sliced.history(), whole.history());
    assert_eq!(sliced.snapshot(), whole.snapshot());
}

#[test]
fn a_change_or_a_reset_mid_measurement_leaves_a_consistent_run() {
    let config = Config::default();
    let per_epoch = Trainer::new(config.clone()).unwrap().batches_per_epoch() as u32;
    let measuring = || {
        let mut trainer = Trainer::new(config.clone()).unwrap();
        trainer.train_batches(per_epoch + 3);
        assert!(trainer.measuring_losses().unwrap() > 0);
        trainer
    };
    let at_epoch_0 = Trainer::new(config.clone()).unwrap();
    // Until measured, everything shows epoch 0: its losses, its history, its save.
    let trainer = measuring();
    assert_eq!(trainer.epoch(), 0);
    assert_eq!(trainer.train_evaluation(), at_epoch_0.train_evaluation());
    assert_eq!(trainer.history(), at_epoch_0.history());
    assert_eq!(trainer.snapshot(), at_epoch_0.snapshot());
    // A change closes the epoch as it closes any open one: the batches stay in the
    // weights, uncounted, and the losses are those of the weights now.
    let mut changed = measuring();
    let weights = changed.network().parameters().to_vec();
    changed
        .set_config(Config {
            learning_rate: 0.01,
            ..config.clone()
        })
        .unwrap();
    assert_eq!((changed.epoch(), changed.epoch_batches_done()), (0, 0));
    assert_eq!(changed.measuring_losses(), None);
    assert_eq!(changed.network().parameters(), &weights[..]);
    let mut one_pass = Trainer::new(changed.config().clone()).unwrap();
    one_pass.set_parameters(&weights).unwrap();
    assert_eq!(changed.train_evaluation(), one_pass.train_evaluation());
    assert_eq!(changed.history().len(), 1);
    assert_eq!(changed.history()[0].train_loss, changed.train_loss());
    // The next epoch is a whole fresh one, measured from its own start.
    train_in_slices(&mut changed, per_epoch as usize, &[7]);
    assert_eq!((changed.epoch(), changed.history().len()), (1, 2));
    // A reset starts over with nothing under way.
    let mut reset = measuring();
    reset.reset();
    assert_eq!(reset.measuring_losses(), None);
    assert_eq!(reset.history(), at_epoch_0.history());
    assert_eq!(
        reset.network().parameters(),
        at_epoch_0.network().parameters()
    );
    // A whole-epoch call measures and counts the epoch first, then trains its own.
    let mut whole = measuring();
    let mut reference = Trainer::new(config).unwrap();
    reference.train_epochs(1);
    assert_eq!(whole.train_epochs(1), 1);
    reference.train_epochs(1);
    assert_eq!(whole.history(), reference.history());
    assert_eq!(
        whole.network().parameters(),
        reference.network().parameters()
    );
}

#[test]
fn stop_after_ends_a_slice_at_the_last_allowed_epoch() {
    let mut trainer = Trainer::new(Config {
        stop_after: 2,
        ..Config::default()
    })
    .unwrap();
    assert_eq!(trainer.train_batches(20), 20);
    // The epoch's last 5 batches and its 500 points measured (5 + 13.9 batches' worth).
    assert_eq!(trainer.train_batches(1000), 19);
    assert_eq!(trainer.train_batches(1000), 39, "25 + 13.9: the last epoch");
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
    train_in_slices(&mut sliced, usize::MAX / 2, &[7]);
    assert!(sliced.finished());
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
    while trainer.divergence().is_none() && calls < 2000 {
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
    train_in_slices(&mut trainer, 1, &[100]);
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
        train_in_slices(&mut at_boundary, per_epoch as usize, &[per_epoch]);
        let mut original = Trainer::new(config.clone()).unwrap();
        train_in_slices(
            &mut original,
            (per_epoch + per_epoch / 3) as usize,
            &[per_epoch],
        );
        let snapshot = original.snapshot();
        assert_eq!(snapshot, at_boundary.snapshot());
        assert_eq!(snapshot.epoch, 1);
        let own = OwnData::empty(config.problem);
        let mut rebuilt = Trainer::restore(config.clone(), own, &snapshot).unwrap();
        train_in_slices(
            &mut original,
            (2 * per_epoch - per_epoch / 3) as usize,
            &[9],
        );
        train_in_slices(&mut rebuilt, 2 * per_epoch as usize, &[per_epoch]);
        assert_eq!(original.epoch(), 3);
        assert_eq!(
            rebuilt.network().parameters(),
            original.network().parameters()
        );
    }
}
