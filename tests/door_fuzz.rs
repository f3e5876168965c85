//! The doors documents come in by (tests/doors/mod.rs), each driven with valid documents
//! and thousands of seeded mutations of them — cut short, bytes flipped, replaced and
//! inserted — in `make test`. Every valid document must be accepted; no mutation may
//! panic (a refusal is fine); what is accepted reads back as itself.
//! The same seeds start the long fuzzing runs (`make fuzz`, fuzz/).

mod doors;

use greymatter::data::csv::write_csv;
use greymatter::data::link::{encode_points, encode_weights};
use greymatter::session::lesson::{Classroom, LessonFile};
use greymatter::{Config, DataEdit, Dataset, DrawTarget, Trainer};

type Door = fn(&[u8]) -> doors::Answer;

const DOORS: [(&str, Door); 7] = [
    ("csv", doors::csv),
    ("link_points", doors::link_points),
    ("link_weights", doors::link_weights),
    ("model_file", doors::model_file),
    ("lesson", doors::lesson),
    ("config_patch", doors::config_patch),
    ("formula", doors::formula),
];

/// A small trained run on drawn points: the source of every valid document.
fn run() -> Trainer {
    let mut trainer = Trainer::new(Config {
        dataset: Dataset::Own,
        hidden: vec![3],
        ..Config::default()
    })
    .unwrap();
    for (label, x) in [(0.0, -2.0), (1.0, 2.0)] {
        let positions = (0..6)
            .map(|i| [x + i as f32 * 0.1, i as f32 * 0.5 - 1.5])
            .collect();
        trainer
            .edit_points(
                &DataEdit::Add {
                    positions,
                    label,
                    target: DrawTarget::Split,
                },
                false,
            )
            .unwrap();
    }
    trainer.train_epochs(3);
    trainer
}

/// Valid documents for the door called `name`.
fn seeds(name: &str) -> Vec<Vec<u8>> {
    let trainer = run();
    let texts: Vec<String> = match name {
        "csv" => vec![
            format!("\u{0}{}", write_csv(trainer.own_data())),
            "\u{1}x,y,value\n1,2,0.5\n-3,4,-0.25\n".to_string(),
            "\u{2}1;2;red\n3;4;\"blue\"\n40;5;red\n".to_string(),
        ],
        "link_points" => vec![encode_points(trainer.own_data())],
        "link_weights" => vec![encode_weights(
            trainer.network().parameters(),
            trainer.epoch(),
        )],
        "model_file" => vec![serde_json::to_string(&trainer.export_model()).unwrap()],
        "lesson" => vec![serde_json::to_string(&LessonFile::of(
            &trainer,
            Default::default(),
            Classroom::default(),
        ))
        .unwrap()],
        "config_patch" => vec![
            r#"{"learningRate": 0.1, "hidden": [2, 2], "activation": "relu"}"#.to_string(),
            r#"{"dataset": "xor", "features": ["x1", "x2", "x1x2"], "optimizer": "adam"}"#
                .to_string(),
            r#"{"dataset": "formula", "datasetFormula": "x1^2 - x2", "customFeatures": ["sin(3*x1)"]}"#
                .to_string(),
        ],
        "formula" => [
            "sin(3*x1)",
            "x1^2 + x2^2",
            "tanh(x1 - x2) * -2.5e-1",
            "max(abs(x1), min(x2, 1)) / (exp(-x1^2) + 1)",
            "sqrt(log(cos(x1) ^ 2 + 1.5)) - tan(x2 / 7)",
        ]
        .map(String::from)
        .to_vec(),
        other => panic!("no door {other}"),
    };
    texts.into_iter().map(String::into_bytes).collect()
}

/// A seeded stream of numbers (a 64-bit linear congruential generator).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

/// `seed` changed once: cut, a byte flipped, replaced, inserted or a run duplicated.
fn mutate(seed: &[u8], rng: &mut Lcg) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    let at = rng.below(bytes.len() + 1);
    const INTERESTING: &[u8] = b"0-9.e,;\t\n\"[]{}:-_AZaz!\xff\x00";
    match rng.below(5) {
        0 => bytes.truncate(at),
        1 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
        2 if at < bytes.len() => bytes[at] = INTERESTING[rng.below(INTERESTING.len())],
        3 => bytes.insert(at, INTERESTING[rng.below(INTERESTING.len())]),
        _ => {
            let end = (at + rng.below(16)).min(bytes.len());
            let run = bytes[at..end].to_vec();
            bytes.splice(at..at, run);
        }
    }
    bytes
}

#[test]
fn every_door_takes_its_valid_documents() {
    for (name, door) in DOORS {
        for (index, seed) in seeds(name).iter().enumerate() {
            if let Err(refusal) = door(seed) {
                panic!("door {name} refused its valid document {index}: {refusal}");
            }
        }
    }
}

#[test]
fn no_mutation_of_a_valid_document_panics() {
    for (index, (name, door)) in DOORS.into_iter().enumerate() {
        let mut rng = Lcg(index as u64 + 1);
        let rounds = if name == "lesson" || name == "config_patch" {
            2_000
        } else {
            20_000
        };
        for seed in seeds(name) {
            let mut current = seed.clone();
            for round in 0..rounds {
                // Mostly one change of a valid document; sometimes a pile of them.
                current = mutate(if round % 4 == 0 { &current } else { &seed }, &mut rng);
                // Refused or accepted, either is fine: only a panic fails.
                let _ = door(&current);
            }
        }
    }
}

/// Writes the valid documents as the fuzzers' starting corpus (`make fuzz` runs this).
#[test]
#[ignore = "writes fuzz/seeds/; run by make fuzz"]
fn write_fuzz_seeds() {
    for (name, _) in DOORS {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/seeds")
            .join(name);
        std::fs::create_dir_all(&folder).unwrap();
        for (index, seed) in seeds(name).iter().enumerate() {
            std::fs::write(folder.join(format!("seed-{index}")), seed).unwrap();
        }
    }
}
