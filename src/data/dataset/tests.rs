//! The generated datasets checked: counts and ranges, labels that follow each shape,
//! k classes of equal sizes, and the same points as before classes existed.

use super::shapes::{circle_band, circle_class_of, gauss_center};
use super::*;
use std::f32::consts::{SQRT_2, TAU};

#[test]
fn every_dataset_stays_in_range_with_the_asked_count() {
    for dataset in Dataset::GENERATED {
        let split = generate_split(dataset, 301, 0.5, 0.5, 2, 11);
        assert_eq!(split.train.len() + split.test.len(), 301);
        assert_eq!(split.train.len(), 151);
        for p in split.train.iter().chain(&split.test) {
            assert!(p.label.abs() <= 1.0, "{dataset:?} label {}", p.label);
            if dataset.problem() == Some(Problem::Classification) {
                assert!(p.label == 1.0 || p.label == -1.0);
            }
        }
    }
}

#[test]
fn noise_free_labels_follow_the_shape() {
    let split = generate_split(Dataset::Xor, 200, 0.0, 1.0, 2, 5);
    for p in &split.train {
        let [x1, x2] = p.position;
        assert_eq!(p.label > 0.0, x1 * x2 >= 0.0);
    }
    let split = generate_split(Dataset::Circle, 200, 0.0, 1.0, 2, 5);
    for p in &split.train {
        let [x1, x2] = p.position;
        assert_eq!(p.label > 0.0, x1.hypot(x2) < 2.5);
    }
}

const SHAPED: [Dataset; 3] = [Dataset::Circle, Dataset::Gauss, Dataset::Spiral];

fn generate(dataset: Dataset, count: usize, noise: f32, classes: usize) -> Vec<Point> {
    dataset.generate(count, noise, classes, &mut SeededRng::new(7, Stream::Data))
}

/// A hash of every bit of the points of `generate_split(dataset, 301, 0.5, 0.5, 2, 11)`.
fn fingerprint(dataset: Dataset) -> u64 {
    let split = generate_split(dataset, 301, 0.5, 0.5, 2, 11);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for p in split.train.iter().chain(&split.test) {
        for bits in [p.position[0], p.position[1], p.label].map(f32::to_bits) {
            hash = (hash ^ u64::from(bits)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[test]
fn two_classes_give_the_same_points_as_before_classes_existed() {
    // Recorded from the generator before it took a number of classes.
    let expected = [
        (Dataset::Circle, 0xae13_b413_60e1_a7a2),
        (Dataset::Xor, 0x1b8d_1f40_e396_337b),
        (Dataset::Gauss, 0x740d_3aba_0f39_b8b9),
        (Dataset::Spiral, 0xb50f_cc0e_6d58_63d4),
        (Dataset::Plane, 0xab95_bde6_2b10_ddcb),
        (Dataset::Multigauss, 0x54de_ea44_067b_62f2),
    ];
    for (dataset, hash) in expected {
        assert_eq!(fingerprint(dataset), hash, "{dataset:?}");
    }
    // Fewer than 3 classes, and classes beyond what a dataset has, change nothing.
    for dataset in Dataset::GENERATED {
        let two = generate(dataset, 101, 0.3, 2);
        assert_eq!(generate(dataset, 101, 0.3, 0), two, "{dataset:?}");
        assert_eq!(generate(dataset, 101, 0.3, 1), two, "{dataset:?}");
        if dataset.max_classes() <= 2 {
            assert_eq!(generate(dataset, 101, 0.3, 5), two, "{dataset:?}");
        }
        if dataset.problem() == Some(Problem::Classification) {
            assert!(two.iter().all(|p| p.label == 1.0 || p.label == -1.0));
        }
    }
}

#[test]
fn max_classes_per_dataset() {
    let max: Vec<usize> = Dataset::GENERATED.iter().map(|d| d.max_classes()).collect();
    assert_eq!(max, [6, 2, 6, 6, 1, 1]);
    for dataset in Dataset::GENERATED {
        assert_eq!(
            dataset.max_classes() > 1,
            dataset.problem() == Some(Problem::Classification)
        );
    }
}

#[test]
fn k_classes_have_index_labels_equal_sizes_and_stay_in_range() {
    for dataset in SHAPED {
        for classes in 3..=MAX_CLASSES {
            for (count, noise) in [(0, 0.5), (2, 0.5), (301, 0.5), (600, 0.5), (301, 0.0)] {
                let points = generate(dataset, count, noise, classes);
                assert_eq!(points.len(), count);
                let mut sizes = vec![0; classes];
                for p in &points {
                    assert_eq!(p.label.fract(), 0.0, "{dataset:?} label {}", p.label);
                    assert!((0.0..classes as f32).contains(&p.label));
                    sizes[class_of(p.label, classes)] += 1;
                }
                // Noise moves circle points across bands (their label follows the
                // noisy radius), so its classes are only equal without noise.
                if dataset != Dataset::Circle || noise == 0.0 {
                    for size in sizes {
                        assert!(size == count / classes || size == count / classes + 1);
                    }
                }
                let inside = points
                    .iter()
                    .filter(|p| p.position.iter().all(|x| x.abs() <= 6.0))
                    .count();
                if dataset == Dataset::Gauss {
                    // Blobs of variance 4 spill over a little, as with two classes.
                    if count >= 100 {
                        assert!(inside * 10 >= count * 9, "{inside} of {count} inside");
                    }
                } else {
                    assert_eq!(inside, count, "{dataset:?} {classes} classes");
                }
            }
        }
    }
}

#[test]
fn noise_free_circle_labels_follow_the_band_of_the_radius() {
    for classes in 3..=MAX_CLASSES {
        for p in generate(Dataset::Circle, 300, 0.0, classes) {
            let r = p.position[0].hypot(p.position[1]);
            let class = class_of(p.label, classes);
            let (inner, outer) = circle_band(class, classes);
            assert!(inner - 1e-4 <= r && r <= outer + 1e-4, "{r} in {class}");
            assert_eq!(circle_class_of(r, classes), class);
        }
    }
    // A radius in a gap goes to the nearest band; beyond the rings, the outermost.
    let (_, outer0) = circle_band(0, 3);
    let (inner1, _) = circle_band(1, 3);
    assert_eq!(circle_class_of(outer0 + 0.01, 3), 0);
    assert_eq!(circle_class_of(inner1 - 0.01, 3), 1);
    assert_eq!(circle_class_of(9.0, 3), 2);
}

#[test]
fn noise_free_spiral_arm_c_is_arm_0_turned_by_c_turns_over_k() {
    for classes in 3..=MAX_CLASSES {
        for p in generate(Dataset::Spiral, 240, 0.0, classes) {
            let [x1, x2] = p.position;
            let r = x1.hypot(x2);
            if r < 1e-3 {
                continue;
            }
            let offset = class_of(p.label, classes) as f32 * TAU / classes as f32;
            let expected = 1.75 * r / 5.0 * TAU + offset;
            // Points are (r·sin t, r·cos t): compare angles modulo a full turn.
            let difference = (x1.atan2(x2) - expected).rem_euclid(TAU);
            assert!(difference.min(TAU - difference) < 1e-3, "{p:?}");
        }
    }
}

#[test]
fn noise_free_gauss_blobs_sit_on_their_centres() {
    for classes in 3..=MAX_CLASSES {
        let points = generate(Dataset::Gauss, 600, 0.0, classes);
        for class in 0..classes {
            let members: Vec<_> = points
                .iter()
                .filter(|p| class_of(p.label, classes) == class)
                .collect();
            let n = members.len() as f32;
            let mean = [0, 1].map(|i| members.iter().map(|p| p.position[i]).sum::<f32>() / n);
            let [c1, c2] = gauss_center(class, classes);
            assert!((mean[0] - c1).hypot(mean[1] - c2) < 0.5, "{mean:?}");
            assert!((c1.hypot(c2) - 2.0 * SQRT_2).abs() < 1e-5);
        }
    }
    assert!((gauss_center(0, 3)[0] - 2.0).abs() < 1e-5);
    assert!((gauss_center(0, 3)[1] - 2.0).abs() < 1e-5);
}

#[test]
fn class_of_reads_both_label_conventions() {
    assert_eq!(class_of(-1.0, 2), 0);
    assert_eq!(class_of(1.0, 2), 1);
    assert_eq!(class_of(0.0, 2), 0);
    for classes in 3..=MAX_CLASSES {
        for class in 0..classes {
            assert_eq!(class_of(class as f32, classes), class);
        }
        assert_eq!(class_of(classes as f32 + 2.0, classes), classes - 1);
        assert_eq!(class_of(-1.0, classes), 0);
    }
}
