//! Every door a document comes in by, as one function of untrusted bytes each: the
//! CSV reader, the share link's points= and weights= texts, the model file, the lesson
//! file, a config patch and a formula (of a formula input or the formula dataset). Each must never panic, and what it accepts must read back
//! as itself. The fuzz targets (fuzz/, `make fuzz`) and the seeded smoke test
//! (tests/door_fuzz.rs, in `make test`) both drive these.

#![allow(dead_code)] // each user takes the doors it needs

use greymatter::data::csv::{read_csv, write_csv, CsvOptions};
use greymatter::data::link::{decode_points, decode_weights, encode_points, encode_weights};
use greymatter::math::formula::{self, Formula};
use greymatter::session::lesson::LessonFile;
use greymatter::{Config, ModelFile, Problem};

/// A CSV text; the first byte picks the problem and "fit to view".
pub fn csv(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let options = CsvOptions {
        problem: if first & 1 == 0 {
            Problem::Classification
        } else {
            Problem::Regression
        },
        fit_to_view: first & 2 != 0,
        train_fraction: 0.5,
        seed: u32::from(first),
    };
    if let Ok(import) = read_csv(text, &options) {
        import
            .data
            .check()
            .expect("what the reader accepts is within the limits");
        let again = read_csv(
            &write_csv(&import.data),
            &CsvOptions {
                fit_to_view: false,
                ..options
            },
        )
        .expect("what was written reads back");
        assert_eq!(
            again.data.split(again.data.classes_needed()),
            import.data.split(import.data.classes_needed())
        );
        assert_eq!(again.data.class_names, import.data.class_names);
    }
}

/// A share link's points= text.
pub fn link_points(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(points) = decode_points(text) {
        points
            .check()
            .expect("decoded points are within the limits");
        assert_eq!(decode_points(&encode_points(&points)).as_ref(), Ok(&points));
    }
}

/// A share link's weights= text.
pub fn link_weights(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(weights) = decode_weights(text) {
        assert!(weights.parameters.iter().all(|p| p.is_finite()));
        let again = decode_weights(&encode_weights(&weights.parameters, weights.epoch)).unwrap();
        assert_eq!(again.epoch, weights.epoch);
        let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&again.parameters), bits(&weights.parameters));
    }
}

/// A model file's JSON.
pub fn model_file(data: &[u8]) {
    if let Ok(model) = serde_json::from_slice::<ModelFile>(data) {
        if let Ok(network) = model.to_network() {
            assert!(network.parameters().iter().all(|p| p.is_finite()));
        }
    }
}

/// A lesson file's JSON.
pub fn lesson(data: &[u8]) {
    if let Ok(lesson) = serde_json::from_slice::<LessonFile>(data) {
        if let Ok(mut trainer) = lesson.open() {
            trainer.train_epochs(1);
        }
    }
}

/// A config patch: a JSON object applied key by key, as the page applies one.
pub fn config_patch(data: &[u8]) {
    let Ok(serde_json::Value::Object(patch)) = serde_json::from_slice(data) else {
        return;
    };
    let mut config = Config::default();
    for (key, value) in patch {
        if config.set_field(&key, value).is_err() {
            return;
        }
    }
    if config.validate().is_ok() && config.weight_count() <= 200 {
        let mut trainer = greymatter::Trainer::new(Config {
            samples: 20,
            ..config
        })
        .expect("a valid config builds");
        trainer.train_epochs(1);
    }
}

/// A formula's text: what parses is within the limits, evaluates without panicking, and
/// its canonical form reads back as the same formula (unless writing it out made it
/// longer or deeper than the limits allow).
pub fn formula(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = Formula::parse(text) else {
        return;
    };
    assert!(text.chars().count() <= formula::MAX_LENGTH);
    for point in [[0.0, 0.0], [-6.0, 6.0], [1.5, -0.25], [f32::MAX, f32::MIN]] {
        assert!(parsed.value(point[0], point[1]).is_finite());
    }
    let _ = parsed.check_finite();
    let canonical = parsed.to_string();
    match Formula::parse(&canonical) {
        Ok(again) => assert_eq!(again, parsed, "{text:?} written as {canonical:?}"),
        Err(error) => assert!(
            error.message.contains("the most is") || error.message.contains("nests deeper"),
            "{text:?} written as {canonical:?}: {error}"
        ),
    }
}
