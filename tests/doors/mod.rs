//! Every door a document comes in by, as one function of untrusted bytes each: the
//! CSV reader, the share link's points= and weights= texts, the model file, the lesson
//! file, a config patch and a formula (of a formula input or the formula dataset). Each
//! must never panic, and what it accepts must read back as itself.
//!
//! Each door returns `Ok` when it accepted the document (and drove it through), and
//! `Err` with the refusal otherwise, so that the seeded test (tests/door_fuzz.rs, in
//! `make test`) can require every valid document to be accepted. Its mutation test and
//! the fuzz targets (fuzz/, `make fuzz`) drop the answer: for them a refusal is as good
//! as an acceptance, only a panic fails.

#![allow(dead_code)] // each user takes the doors it needs

use greymatter::data::csv::{read_csv, write_csv, CsvOptions};
use greymatter::data::link::{decode_points, decode_weights, encode_points, encode_weights};
use greymatter::math::formula::{self, Formula};
use greymatter::session::lesson::LessonFile;
use greymatter::{Config, ModelFile, Problem};

/// What a door answers: `Err` with the refusal of a document it did not accept.
pub type Answer = Result<(), String>;

/// The text of `data`, or the refusal of bytes that are not UTF-8.
fn text_of(data: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(data).map_err(|error| format!("not UTF-8: {error}"))
}

/// A CSV text; the first byte picks the problem and "fit to view".
pub fn csv(data: &[u8]) -> Answer {
    let (&first, rest) = data.split_first().ok_or("no first byte")?;
    let text = text_of(rest)?;
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
    let import = read_csv(text, &options)?;
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
    Ok(())
}

/// A share link's points= text.
pub fn link_points(data: &[u8]) -> Answer {
    let points = decode_points(text_of(data)?)?;
    points
        .check()
        .expect("decoded points are within the limits");
    assert_eq!(decode_points(&encode_points(&points)).as_ref(), Ok(&points));
    Ok(())
}

/// A share link's weights= text.
pub fn link_weights(data: &[u8]) -> Answer {
    let weights = decode_weights(text_of(data)?)?;
    assert!(weights.parameters.iter().all(|p| p.is_finite()));
    let again = decode_weights(&encode_weights(&weights.parameters, weights.epoch)).unwrap();
    assert_eq!(again.epoch, weights.epoch);
    let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&again.parameters), bits(&weights.parameters));
    Ok(())
}

/// A model file's JSON.
pub fn model_file(data: &[u8]) -> Answer {
    let model = serde_json::from_slice::<ModelFile>(data).map_err(|error| error.to_string())?;
    let network = model.to_network()?;
    assert!(network.parameters().iter().all(|p| p.is_finite()));
    Ok(())
}

/// A lesson file's JSON.
pub fn lesson(data: &[u8]) -> Answer {
    let lesson = serde_json::from_slice::<LessonFile>(data).map_err(|error| error.to_string())?;
    let mut trainer = lesson.open()?;
    trainer.train_epochs(1);
    Ok(())
}

/// A config patch: a JSON object applied key by key, as the page applies one. A valid
/// config of over 200 weights is accepted without being trained (to keep fuzzing fast).
pub fn config_patch(data: &[u8]) -> Answer {
    let Ok(serde_json::Value::Object(patch)) = serde_json::from_slice(data) else {
        return Err("not a JSON object".to_string());
    };
    let mut config = Config::default();
    for (key, value) in patch {
        config
            .set_field(&key, value)
            .map_err(|error| error.to_string())?;
    }
    config.validate().map_err(|error| error.to_string())?;
    if config.weight_count() <= 200 {
        let mut trainer = greymatter::Trainer::new(Config {
            samples: 20,
            ..config
        })
        .expect("a valid config builds");
        trainer.train_epochs(1);
    }
    Ok(())
}

/// A formula's text: what parses is within the limits, evaluates without panicking, and
/// its canonical form reads back as the same formula (unless writing it out made it
/// longer or deeper than the limits allow). Accepted: it parses and is finite on the
/// whole plane, as a setting's formula must be.
pub fn formula(data: &[u8]) -> Answer {
    let text = text_of(data)?;
    let parsed = Formula::parse(text).map_err(|error| error.to_string())?;
    assert!(text.chars().count() <= formula::MAX_LENGTH);
    for point in [[0.0, 0.0], [-6.0, 6.0], [1.5, -0.25], [f32::MAX, f32::MIN]] {
        assert!(parsed.value(point[0], point[1]).is_finite());
    }
    let finite = parsed.check_finite();
    let canonical = parsed.to_string();
    match Formula::parse(&canonical) {
        Ok(again) => assert_eq!(again, parsed, "{text:?} written as {canonical:?}"),
        Err(error) => assert!(
            error.message.contains("the most is") || error.message.contains("nests deeper"),
            "{text:?} written as {canonical:?}: {error}"
        ),
    }
    finite
}
