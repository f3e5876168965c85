//! The share link's texts for own points and weights: exact round trips, every
//! refusal, no panic on damaged or random input, and how long a link gets for points
//! a person draws.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use greymatter::config::limits::MAX_EPOCH;
use greymatter::data::link::{
    decode_points, decode_weights, encode_points, encode_weights, LinkWeights, MAX_CLASS_NAME,
    MAX_LINK_PARAMETERS, MAX_LINK_TEXT,
};
use greymatter::data::own::{next_split_set, OwnData, OwnPoint, Set, MAX_POINTS};
use greymatter::math::rng::{SeededRng, Stream};
use greymatter::{Config, Problem, Trainer};

/// The text of an arbitrary payload (by an independent base64url).
fn pack(payload: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(payload)
}

/// The payload of a text.
fn unpack(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(text).unwrap()
}

/// A small deterministic byte source (a 64-bit LCG, top bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    fn bytes(&mut self, count: usize) -> Vec<u8> {
        (0..count).map(|_| self.next() as u8).collect()
    }
}

/// `count` points drawn as a person draws: eight strokes of small, slightly shaky
/// steps along gentle curves, alternate strokes in class 0 and class 1 (or at one
/// value each for regression), each point's set chosen as drawing splits 80 : 20.
fn drawn(count: usize, problem: Problem, seed: u32) -> OwnData {
    let mut rng = SeededRng::new(seed, Stream::Data);
    let mut data = OwnData::empty(problem);
    let (mut train, mut test) = (0, 0);
    let strokes = 8usize;
    for stroke in 0..strokes {
        let (mut x, mut y) = (rng.uniform(-4.5, 4.5), rng.uniform(-4.5, 4.5));
        let mut angle = rng.uniform(0.0, std::f32::consts::TAU);
        let turn = rng.uniform(-0.08, 0.08);
        let label = match problem {
            Problem::Classification => (stroke % 2) as i16,
            Problem::Regression => (rng.uniform(-20.0, 20.0).round() * 50.0) as i16,
        };
        let length = count / strokes + usize::from(stroke < count % strokes);
        for _ in 0..length {
            let step = rng.uniform(0.05, 0.2);
            angle += turn + rng.uniform(-0.15, 0.15);
            x = (x + step * angle.cos()).clamp(-5.8, 5.8);
            y = (y + step * angle.sin()).clamp(-5.8, 5.8);
            let shake = [rng.uniform(-0.08, 0.08), rng.uniform(-0.08, 0.08)];
            let set = next_split_set(train, test, 0.8);
            match set {
                Set::Train => train += 1,
                Set::Test => test += 1,
            }
            data.points
                .push(OwnPoint::at(x + shake[0], y + shake[1], label, set).unwrap());
        }
    }
    assert_eq!(data.points.len(), count);
    data
}

fn round_trip(data: &OwnData) -> String {
    data.check().unwrap();
    let text = encode_points(data);
    assert!(text.len() <= MAX_LINK_TEXT);
    assert_eq!(&decode_points(&text).unwrap(), data);
    text
}

#[test]
fn points_round_trip_exactly() {
    round_trip(&OwnData::empty(Problem::Classification));
    round_trip(&OwnData::empty(Problem::Regression));
    let mut one = OwnData::empty(Problem::Classification);
    one.points.push(OwnPoint {
        position: [-6000, 6000],
        label: 5,
        set: Set::Test,
    });
    round_trip(&one);
    round_trip(&drawn(1000, Problem::Classification, 3));
    round_trip(&drawn(1000, Problem::Regression, 4));
    let mut named = drawn(MAX_POINTS, Problem::Classification, 5);
    named.class_names = [
        "rot",
        "grün",
        "",
        "bleu",
        "青",
        "a name of exactly forty bytes, no more!!",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(named.class_names[5].len(), MAX_CLASS_NAME);
    round_trip(&named);
    let mut regression = drawn(MAX_POINTS, Problem::Regression, 6);
    regression.class_names = vec!["height".to_string()];
    round_trip(&regression);
}

#[test]
fn the_widest_points_still_fit() {
    // Every coordinate jumps across the whole range and every name is as long as a
    // link carries: the longest points text there can be.
    let mut rng = Lcg(7);
    let mut data = OwnData::empty(Problem::Regression);
    data.class_names = vec!["é".repeat(MAX_CLASS_NAME / 2); 6];
    data.points = (0..MAX_POINTS)
        .map(|index| {
            let side = if index % 2 == 0 { 6000 } else { -6000 };
            OwnPoint {
                position: [side, -side],
                label: (rng.next() % 2001) as i16 - 1000,
                set: if rng.next().is_multiple_of(2) {
                    Set::Train
                } else {
                    Set::Test
                },
            }
        })
        .collect();
    let text = round_trip(&data);
    assert!(text.len() < MAX_LINK_TEXT / 2, "{}", text.len());
}

#[test]
fn class_names_travel_whole_and_longer_ones_are_refused_before() {
    let mut data = OwnData::empty(Problem::Classification);
    data.class_names = vec!["é".repeat(MAX_CLASS_NAME / 2), "x".repeat(MAX_CLASS_NAME)];
    round_trip(&data);
    data.class_names[1].push('x');
    assert_eq!(
        data.check().unwrap_err(),
        "class name 2 is 41 bytes long; the most is 40"
    );
    assert_eq!(
        decode_points(&encode_points(&data)).unwrap_err(),
        "the link's class name 2 is 41 bytes long; the most is 40",
        "a link never cuts a name"
    );
    data.class_names[1] = "x".repeat(900);
    assert!(decode_points(&encode_points(&data)).is_err());
}

#[test]
fn points_that_fail_the_check_make_a_text_decoding_refuses() {
    let point = |position, label| OwnPoint {
        position,
        label,
        set: Set::Train,
    };
    let mut data = OwnData::empty(Problem::Classification);
    for label in [-1, 6, 256, i16::MIN] {
        data.points = vec![point([0, 0], label)];
        assert!(
            decode_points(&encode_points(&data)).is_err(),
            "class {label}"
        );
    }
    data.points = vec![point([6001, 0], 0)];
    assert!(decode_points(&encode_points(&data)).is_err());
    data.points = vec![point([i16::MIN, i16::MAX], 0); MAX_POINTS + 1];
    assert!(decode_points(&encode_points(&data)).is_err());
    data.points.clear();
    data.class_names = vec![String::new(); 300];
    assert!(decode_points(&encode_points(&data)).is_err());
    let mut regression = OwnData::empty(Problem::Regression);
    regression.points = vec![point([0, 0], -1001)];
    assert!(decode_points(&encode_points(&regression)).is_err());
}

fn weights_round_trip(parameters: &[f32], epoch: u32) -> String {
    let text = encode_weights(parameters, epoch);
    assert!(text.len() <= MAX_LINK_TEXT);
    let back = decode_weights(&text).unwrap();
    assert_eq!(back.epoch, epoch);
    let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&back.parameters), bits(parameters));
    text
}

#[test]
fn weights_round_trip_bit_for_bit() {
    weights_round_trip(&[], 0);
    weights_round_trip(
        &[
            0.0,
            -0.0,
            f32::from_bits(1),
            -f32::from_bits(0x007f_ffff),
            f32::MIN_POSITIVE,
            f32::MAX,
            f32::MIN,
            1e30,
            -3.5e-42,
            0.1,
            -1.0,
        ],
        MAX_EPOCH,
    );
    let mut trainer = Trainer::new(Config {
        hidden: vec![8, 8],
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(50);
    weights_round_trip(trainer.network().parameters(), trainer.epoch());
    // The most parameters there can be, every bit pattern but the non-finite ones.
    let mut rng = Lcg(11);
    let largest: Vec<f32> = (0..MAX_LINK_PARAMETERS)
        .map(|_| loop {
            let value = f32::from_bits(rng.next() ^ (rng.next() << 16));
            if value.is_finite() {
                break value;
            }
        })
        .collect();
    let text = weights_round_trip(&largest, 12345);
    assert!(text.len() < MAX_LINK_TEXT / 2, "{}", text.len());
}

#[test]
fn the_parameter_limit_covers_every_network_greymatter_builds() {
    for hidden in [
        vec![64, 64, 32],
        vec![64, 64, 64],
        vec![8; 10],
        vec![32; 10],
        vec![57; 16],
        vec![64; 13],
    ] {
        for classes in [2, 6] {
            let config = Config {
                hidden: hidden.clone(),
                classes,
                ..Config::default()
            };
            if let Ok(trainer) = Trainer::new(config) {
                assert!(trainer.network().parameters().len() <= MAX_LINK_PARAMETERS);
            }
        }
    }
}

fn points_refused(text: &str) -> String {
    decode_points(text).unwrap_err()
}

fn weights_refused(text: &str) -> String {
    decode_weights(text).unwrap_err()
}

#[test]
fn broken_texts_are_refused_with_what_is_wrong() {
    let long = "A".repeat(MAX_LINK_TEXT + 1);
    let message = points_refused(&long);
    assert!(message.contains("655361 characters long"), "{message}");
    assert!(message.contains("at most 655360"), "{message}");
    assert_eq!(points_refused(""), "the link's points are empty");
    assert_eq!(
        points_refused("AAAAAAAAAAA!AAA"),
        "points= is not base64url: '!' at character 12"
    );
    assert_eq!(
        weights_refused("AAé"),
        "weights= is not base64url: 'é' at character 3"
    );
    assert_eq!(
        points_refused("AAAA+AAA"),
        "points= is not base64url: '+' at character 5"
    );
    assert_eq!(
        points_refused("AAAAA="),
        "points= is not base64url: '=' at character 6"
    );
    assert_eq!(
        points_refused("UAEAA"),
        "points= is cut short or damaged: it does not end as base64url does"
    );
    assert_eq!(
        points_refused("UAEAAB"),
        "points= is cut short or damaged: it does not end as base64url does"
    );
}

#[test]
fn texts_of_the_wrong_kind_or_version_are_refused() {
    let points = encode_points(&OwnData::empty(Problem::Classification));
    let weights = encode_weights(&[1.0], 3);
    type Refusal = fn(&str) -> String;
    let cases: [(Refusal, String, &str); 6] = [
        (
            weights_refused,
            points,
            "weights= holds points, not weights: the link's texts are swapped",
        ),
        (
            points_refused,
            weights,
            "points= holds weights, not points: the link's texts are swapped",
        ),
        (
            points_refused,
            pack(b"X\x01"),
            "the link's points are not greymatter points",
        ),
        (
            points_refused,
            pack(b"w\x01"),
            "the link's points are not greymatter points",
        ),
        (
            points_refused,
            pack(b"P"),
            "the link's points are cut short: no version",
        ),
        (
            weights_refused,
            pack(b"W\x02"),
            "the link's weights are version 2; this greymatter reads version 1",
        ),
    ];
    for (refused, text, message) in cases {
        assert_eq!(refused(&text), message);
    }
}

#[test]
fn cut_or_lengthened_points_are_refused() {
    // The refusals of each field are tested beside the layout (src/data/link.rs); here
    // a real text loses bytes from its end or gains some.
    let data = drawn(1000, Problem::Classification, 2);
    let payload = unpack(&encode_points(&data));
    let header = 2 + 2 + 2; // format, version, problem, no names, 1000 in 16 bits
    assert_eq!(
        points_refused(&pack(&payload[..header])),
        "the link's points are cut short: x1 for 0 of 1000 points"
    );
    let message = points_refused(&pack(&payload[..payload.len() / 2]));
    assert!(message.contains("cut short: x2 for"), "{message}");
    let message = points_refused(&pack(&payload[..payload.len() - 1]));
    assert!(message.contains("cut short: sets for 99"), "{message}");
    let mut longer = payload.clone();
    longer.extend_from_slice(&[0, 0, 0]);
    assert_eq!(
        points_refused(&pack(&longer)),
        "the link's points go on for 3 bytes after their end"
    );
}

#[test]
fn damaged_weights_are_refused_with_what_is_wrong() {
    let refused = |payload: &[u8]| weights_refused(&pack(payload));
    let payload = |count: u32, values: &[f32]| {
        let mut payload = b"W\x01\x07\x00\x00\x00".to_vec();
        payload.extend_from_slice(&count.to_le_bytes());
        for value in values {
            payload.extend_from_slice(&value.to_bits().to_le_bytes());
        }
        payload
    };
    assert_eq!(
        refused(b"W\x01\x07\x00\x00"),
        "the link's weights are cut short: no epoch and number of parameters"
    );
    assert_eq!(
        refused(&payload(MAX_LINK_PARAMETERS as u32 + 1, &[])),
        "the link's weights hold 51031 parameters; the largest network greymatter builds has 51030"
    );
    assert_eq!(
        refused(&payload(105, &[0.5; 40])),
        "the link's weights are cut short: 40 of 105 parameters"
    );
    assert_eq!(
        refused(&payload(2, &[0.5; 3])),
        "the link's weights go on for 4 bytes after their 2 parameters"
    );
    let mut values = [0.25f32; 20];
    values[16] = f32::NAN;
    assert_eq!(
        refused(&payload(20, &values)),
        "the link's weights are not finite at parameter 17 of 20 (NaN)"
    );
    values[16] = 1.0;
    values[3] = f32::NEG_INFINITY;
    assert_eq!(
        refused(&payload(20, &values)),
        "the link's weights are not finite at parameter 4 of 20 (-inf)"
    );
    assert_eq!(
        decode_weights(&pack(&payload(3, &[1.0, -0.0, 2.5]))).unwrap(),
        LinkWeights {
            parameters: vec![1.0, -0.0, 2.5],
            epoch: 7,
        }
    );
    // An epoch past the most greymatter counts is refused, with the limit.
    let mut trainer = Trainer::new(Config::default()).unwrap();
    let parameters = trainer.network().parameters().to_vec();
    let past = decode_weights(&encode_weights(&parameters, u32::MAX - 2)).unwrap();
    assert_eq!(
        trainer.set_trained_weights(&past.parameters, past.epoch),
        Err(format!(
            "the link's weights: epoch {} is past {MAX_EPOCH}, the most epochs greymatter counts",
            u32::MAX - 2
        ))
    );
    assert_eq!(trainer.epoch(), 0, "nothing changed");
    // A network's encoder writes what it is given; decoding refuses what no network has.
    let message = weights_refused(&encode_weights(&[0.0, f32::INFINITY], 1));
    assert!(message.contains("parameter 2 of 2 (inf)"), "{message}");
}

/// Decodes `text` both ways: whatever it is, the answer is Ok or Err, never a panic.
fn decode_any(text: &str) {
    let _ = decode_points(text);
    let _ = decode_weights(text);
}

#[test]
fn damaged_and_random_input_never_panics() {
    let mut rng = Lcg(2024);
    let mut named = drawn(60, Problem::Classification, 9);
    named.class_names = vec!["one".to_string(), "two".to_string()];
    let valid = [
        encode_points(&named),
        encode_points(&drawn(60, Problem::Regression, 10)),
        encode_weights(&[0.5, -1.25, 3.0, 1e-40, -0.0], 42),
    ];
    for text in &valid {
        // The text cut at every length and changed at every character.
        for length in 0..text.len() {
            decode_any(&text[..length]);
        }
        let alphabet = b"AZaz09-_!";
        for index in 0..text.len() {
            for &replacement in alphabet {
                let mut changed = text.as_bytes().to_vec();
                changed[index] = replacement;
                decode_any(std::str::from_utf8(&changed).unwrap());
            }
        }
        // The payload cut at every length and changed at every byte.
        let payload = unpack(text);
        for length in 0..payload.len() {
            decode_any(&pack(&payload[..length]));
        }
        let mut changed = payload.clone();
        for index in 0..payload.len() {
            // Every byte replaced in turn, the earlier replacements kept: damage piles up.
            changed[index] = rng.next() as u8;
            decode_any(&pack(&changed));
        }
        for index in 0..payload.len() {
            for flip in [0x01, 0x80, 0xff, rng.next() as u8] {
                let mut changed = payload.clone();
                changed[index] ^= flip;
                decode_any(&pack(&changed));
            }
        }
    }
    // Random texts and random payloads behind each format byte.
    for _ in 0..2000 {
        let length = (rng.next() % 200) as usize;
        decode_any(&URL_SAFE_NO_PAD.encode(rng.bytes(length)));
        for format in [b'P', b'W'] {
            let mut payload = vec![format, 1];
            payload.extend(rng.bytes(length));
            decode_any(&pack(&payload));
        }
    }
}

#[test]
fn a_drawn_link_stays_short() {
    let mut trainer = Trainer::new(Config {
        hidden: vec![8, 8],
        ..Config::default()
    })
    .unwrap();
    trainer.train_epochs(300);
    let parameters = trainer.network().parameters();
    assert_eq!(parameters.len(), 105, "a 2-8-8-1 network");
    let weights = encode_weights(parameters, trainer.epoch());
    for (count, most) in [(100, 1200), (1000, 8000)] {
        let points = encode_points(&drawn(count, Problem::Classification, 1));
        let total = points.len() + weights.len();
        println!(
            "{count} drawn points: points= {} characters, 2-8-8-1 weights= {} characters, \
             {total} together",
            points.len(),
            weights.len()
        );
        assert!(
            total <= most,
            "{count} points and weights take {total} characters"
        );
    }
}
