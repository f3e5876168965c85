//! The lesson file: a whole playground written as JSON and opened again — the same
//! points, network, epoch and history, training on exactly as before — and every
//! refusal naming what is wrong.

use greymatter::config::limits::MAX_EPOCH;
use greymatter::given::Given;
use greymatter::session::lesson::{Classroom, LessonFile};
use greymatter::{Config, DataEdit, Dataset, DrawTarget, Optimizer, Trainer};

fn trained_own_run() -> Trainer {
    let config = Config {
        dataset: Dataset::Own,
        optimizer: Optimizer::Momentum,
        batch_size: 5,
        ..Config::default()
    };
    let mut trainer = Trainer::new(config).unwrap();
    for (class, offset) in [(0.0, -2.0), (1.0, 2.0)] {
        let positions: Vec<[f32; 2]> = (0..12)
            .map(|i| [offset + (i as f32 * 0.7).cos(), (i as f32 * 0.45) - 2.5])
            .collect();
        let edit = DataEdit::Add {
            positions,
            label: class,
            target: DrawTarget::Split,
        };
        trainer.edit_points(&edit, false).unwrap();
    }
    trainer.train_epochs(6);
    trainer.train_epochs(6);
    trainer
}

fn lesson_text(trainer: &Trainer) -> String {
    let classroom = Classroom {
        hidden: vec!["learningRate".into()],
        hide_text: true,
    };
    serde_json::to_string(&LessonFile::of(trainer, Default::default(), classroom)).unwrap()
}

#[test]
fn a_lesson_opens_as_it_was_saved_and_trains_on_the_same() {
    let mut original = trained_own_run();
    let text = lesson_text(&original);
    let lesson: LessonFile = serde_json::from_str(&text).unwrap();
    assert_eq!(lesson.classroom.hidden, ["learningRate"]);
    let mut opened = lesson.open().unwrap();
    assert_eq!(opened.config(), original.config());
    // The same points in each set, in the same order (the file lists them set by set).
    assert_eq!(opened.own_data().split(2), original.own_data().split(2));
    assert_eq!(opened.epoch(), 12);
    assert_eq!(opened.history(), original.history());
    assert_eq!(
        opened.network().parameters(),
        original.network().parameters()
    );
    original.train_epochs(5);
    opened.train_epochs(5);
    assert_eq!(
        opened.network().parameters(),
        original.network().parameters()
    );
    // Written again, the same text.
    let again: LessonFile = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_string(&again).unwrap(), text);
}

#[test]
fn a_generated_dataset_lesson_has_no_points_and_regenerates_them() {
    let mut trainer = Trainer::new(Config::default()).unwrap();
    trainer.train_epochs(3);
    let text = lesson_text(&trainer);
    assert!(!text.contains("\"data\""));
    let opened: LessonFile = serde_json::from_str(&text).unwrap();
    let opened = opened.open().unwrap();
    assert_eq!(opened.train_points(), trainer.train_points());
}

#[test]
fn refusals_name_what_is_wrong() {
    let text = lesson_text(&trained_own_run());
    let open = |edit: &dyn Fn(&mut serde_json::Value)| -> String {
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut value);
        match serde_json::from_value::<LessonFile>(value) {
            Err(error) => error.to_string(),
            Ok(lesson) => lesson.open().err().unwrap_or_default(),
        }
    };
    assert!(open(&|v| v["format"] = "greymatter-model".into()).contains("format must be"));
    assert!(open(&|v| v["version"] = 2.into()).contains("version 2 is not supported"));
    assert!(open(&|v| v["dropout"] = 0.5.into()).contains("unknown field `dropout`"));
    assert!(open(&|v| v["config"]["learningRate"] = 99.into()).contains("learningRate"));
    assert!(open(&|v| v["data"]["train"][3][2] = 4.5.into()).contains("data: train point 4"));
    assert_eq!(
        open(&|v| v["data"]["classNames"] = serde_json::json!(["a", "b".repeat(41)])),
        "data: class name 2 is 41 bytes long; the most is 40"
    );
    assert!(open(&|v| v["config"]["hidden"] = serde_json::json!([3])).contains("does not match"));
    assert!(open(&|v| v["history"][0][0] = 99.into()).contains("out of order"));
    assert!(open(&|v| v["resume"]["first"] = serde_json::json!([1.0])).contains("optimizer memory"));
    assert!(open(&|v| v["resume"]["shufflePosition"] = "x".into()).contains("shufflePosition"));
    assert_eq!(open(&|_| {}), "", "the file itself opens");
}

#[test]
fn values_of_the_wrong_kind_are_refused_with_their_path_and_value() {
    let text = lesson_text(&trained_own_run());
    let read = |edit: &dyn Fn(&mut serde_json::Value)| -> String {
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut value);
        let given: Given = serde_json::from_value(value).unwrap();
        LessonFile::read(&given).err().unwrap_or_default()
    };
    assert_eq!(
        read(&|v| v["model"]["layers"][0]["weights"] = "abc".into()),
        r#"model.layers[0].weights must be a list, got "abc""#
    );
    assert_eq!(
        read(&|v| v["epoch"] = "3".into()),
        r#"epoch must be a whole number, got "3""#
    );
    assert_eq!(
        read(&|v| {
            v.as_object_mut().unwrap().remove("config");
        }),
        "missing field `config`"
    );
    assert_eq!(
        read(&|v| {
            v["version"] = 2.into();
            v["extras"] = serde_json::json!({ "note": "a field version 2 adds" });
            v["model"]["version"] = 2.into();
        }),
        "lesson file version 2 is not supported (this build reads version 1)",
        "the version is read first"
    );
    assert_eq!(read(&|_| {}), "", "the file itself reads");
}

#[test]
fn an_epoch_past_the_limit_is_refused_with_the_limit() {
    let text = lesson_text(&trained_own_run());
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["epoch"] = u32::MAX.into();
    let lesson: LessonFile = serde_json::from_value(value).unwrap();
    assert_eq!(
        lesson.open().err().unwrap_or_default(),
        format!(
            "epoch {} is past {MAX_EPOCH}, the most epochs greymatter counts",
            u32::MAX
        )
    );
}

/// Moves `trainer`'s run to `epoch`, its weights as they are (as a link's weights would).
fn move_to_epoch(trainer: &mut Trainer, epoch: u32) {
    let parameters = trainer.network().parameters().to_vec();
    trainer.set_trained_weights(&parameters, epoch).unwrap();
}

#[test]
fn training_stops_at_the_epoch_limit_and_the_lesson_still_opens() {
    let mut trainer = trained_own_run();
    move_to_epoch(&mut trainer, MAX_EPOCH - 2);
    assert_eq!(trainer.train_epochs(5), 2);
    assert_eq!(trainer.epoch(), MAX_EPOCH);
    assert!(trainer.finished());
    assert_eq!(trainer.train_batches(10), 0, "no batch of a further epoch");
    assert_eq!(trainer.epoch(), MAX_EPOCH);
    let reason = trainer.stop_reason().unwrap_or_default();
    assert!(
        reason.starts_with(&format!(
            "Training stopped at epoch {MAX_EPOCH}, the most epochs greymatter counts"
        )),
        "{reason}"
    );
    let lesson: LessonFile = serde_json::from_str(&lesson_text(&trainer)).unwrap();
    assert_eq!(lesson.open().unwrap().epoch(), MAX_EPOCH);
    // `stopAfter` beyond the limit stops at the limit too.
    let mut trainer = Trainer::new(Config {
        stop_after: u32::MAX,
        ..Config::default()
    })
    .unwrap();
    move_to_epoch(&mut trainer, MAX_EPOCH - 1);
    assert_eq!(trainer.train_epochs(5), 1);
    assert_eq!(trainer.epoch(), MAX_EPOCH);
}
