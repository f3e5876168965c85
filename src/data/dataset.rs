//! The toy 2-D datasets, generated from a seed, and their train/test split.
//!
//! Shapes and scales follow the TensorFlow Playground, so people see what they know:
//! points lie in [−6, 6]² (gauss blobs spill over a little at high noise),
//! regression labels lie in [−1, 1]. Two-class labels are ±1; circle, gauss and
//! spiral can also have k = 3 to [`MAX_CLASSES`] classes, labelled with the class
//! index 0.0, 1.0, …, k − 1 (see [`class_of`]). `noise` is a fraction in [0, 0.5].

use crate::math::rng::{SeededRng, Stream};
use serde::{Deserialize, Serialize};
use std::f32::consts::{FRAC_PI_4, SQRT_2, TAU};

/// The most classes a classification dataset can have.
pub const MAX_CLASSES: usize = 6;

/// Whether labels are classes or a real value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Problem {
    /// Classes: labels −1 and +1 for two classes, the class index
    /// 0.0, 1.0, …, k − 1 for k ≥ 3 classes.
    Classification,
    /// A real-valued label in [−1, 1].
    Regression,
}

impl Problem {
    /// Both problems, in the order the page lists them.
    pub const ALL: [Problem; 2] = [Problem::Classification, Problem::Regression];

    /// The name used in configs and model files.
    pub fn name(self) -> &'static str {
        match self {
            Problem::Classification => "classification",
            Problem::Regression => "regression",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Problem::Classification => "Classification",
            Problem::Regression => "Regression",
        }
    }
}

/// A generator of labelled points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Dataset {
    /// A disc of +1 inside a ring of −1; with k classes, k concentric bands,
    /// class 0 innermost.
    Circle,
    /// +1 where x1·x2 ≥ 0, −1 elsewhere. Two classes only.
    Xor,
    /// Two gaussian blobs around (2, 2) (+1) and (−2, −2) (−1); with k classes,
    /// k blobs on the circle of radius 2√2, class c at angle π/4 + c·2π/k.
    Gauss,
    /// Two interleaved spiral arms; with k classes, k arms, arm c turned by c·2π/k.
    Spiral,
    /// Regression: label (x1 + x2) / 10.
    Plane,
    /// Regression: six gaussian bumps of alternating sign.
    Multigauss,
    /// Either problem, from the config's `datasetFormula` f(x1, x2): the class is the
    /// sign of f (or its level, for more classes), the target is f scaled into
    /// [−1, 1] (see [`crate::data::formula_dataset`]).
    Formula,
    /// A person's own points (drawn, pasted, loaded or linked; see
    /// [`crate::data::own`]): nothing is generated.
    Own,
}

/// One labelled point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Coordinates (x1, x2).
    pub position: [f32; 2],
    /// Target value: ±1 for two classes, the class index 0.0, 1.0, …, k − 1
    /// for k ≥ 3 classes, a value in [−1, 1] for regression.
    pub label: f32,
}

impl Dataset {
    /// Every dataset, in the order the page lists them: the shapes, the formula dataset,
    /// then own points.
    pub const ALL: [Dataset; 8] = {
        let mut all = [Dataset::Own; 8];
        let mut index = 0;
        while index < Self::GENERATED.len() {
            all[index] = Self::GENERATED[index];
            index += 1;
        }
        all[index] = Dataset::Formula;
        all
    };

    /// The shapes generated from a seed alone (the formula dataset also needs its
    /// formula).
    pub const GENERATED: [Dataset; 6] = [
        Dataset::Circle,
        Dataset::Xor,
        Dataset::Gauss,
        Dataset::Spiral,
        Dataset::Plane,
        Dataset::Multigauss,
    ];

    /// The name used in configs and share links.
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Circle => "circle",
            Dataset::Xor => "xor",
            Dataset::Gauss => "gauss",
            Dataset::Spiral => "spiral",
            Dataset::Plane => "plane",
            Dataset::Multigauss => "multigauss",
            Dataset::Formula => "formula",
            Dataset::Own => "own",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Dataset::Circle => "Circle",
            Dataset::Xor => "Exclusive or",
            Dataset::Gauss => "Gaussian",
            Dataset::Spiral => "Spiral",
            Dataset::Plane => "Plane",
            Dataset::Multigauss => "Multi Gaussian",
            Dataset::Formula => "Your formula f(x₁, x₂)",
            Dataset::Own => "Your own points",
        }
    }

    /// The kind of problem this dataset poses; `None` for own points and the formula
    /// dataset, which can be either.
    pub fn problem(self) -> Option<Problem> {
        match self {
            Dataset::Plane | Dataset::Multigauss => Some(Problem::Regression),
            Dataset::Own | Dataset::Formula => None,
            _ => Some(Problem::Classification),
        }
    }

    /// Whether this dataset can pose `problem`.
    pub fn fits(self, problem: Problem) -> bool {
        self.problem().is_none_or(|own| own == problem)
    }

    /// The most classes this dataset can have: 6 for circle, gauss, spiral, the
    /// formula dataset and own points, 2 for xor, 1 for the regression datasets (they
    /// have no classes).
    pub fn max_classes(self) -> usize {
        match self {
            Dataset::Circle
            | Dataset::Gauss
            | Dataset::Spiral
            | Dataset::Formula
            | Dataset::Own => MAX_CLASSES,
            Dataset::Xor => 2,
            Dataset::Plane | Dataset::Multigauss => 1,
        }
    }

    /// `count` points with the given noise (a fraction in [0, 0.5]) and `classes`
    /// classes, as equal in size as possible.
    ///
    /// `classes` is capped at [`Dataset::max_classes`]; below 3 (and always for
    /// xor and the regression datasets) the data is the two-class (or regression)
    /// data, labels ±1, exactly as generated before `classes` existed, so a
    /// seed still gives the same points.
    pub fn generate(
        self,
        count: usize,
        noise: f32,
        classes: usize,
        rng: &mut SeededRng,
    ) -> Vec<Point> {
        let classes = classes.min(self.max_classes());
        match self {
            Dataset::Circle if classes >= 3 => circle_classes(count, noise, classes, rng),
            Dataset::Circle => circle(count, noise, rng),
            Dataset::Xor => xor(count, noise, rng),
            Dataset::Gauss if classes >= 3 => gauss_classes(count, noise, classes, rng),
            Dataset::Gauss => gauss(count, noise, rng),
            Dataset::Spiral if classes >= 3 => spiral_classes(count, noise, classes, rng),
            Dataset::Spiral => spiral(count, noise, rng),
            Dataset::Plane => regression(count, noise, rng, plane_label),
            Dataset::Multigauss => regression(count, noise, rng, multigauss_label),
            // Made from the config's formula: see `formula_dataset`.
            Dataset::Formula | Dataset::Own => Vec::new(),
        }
    }
}

/// The class index of a classification label.
///
/// Two classes (`classes` ≤ 2) use labels ±1: a label > 0 is class 1, anything
/// else class 0 (so −1 is class 0, +1 class 1). With k ≥ 3 classes the label is
/// the class index itself; it is truncated and clamped to 0..k.
pub fn class_of(label: f32, classes: usize) -> usize {
    if classes <= 2 {
        usize::from(label > 0.0)
    } else {
        (label as usize).min(classes - 1)
    }
}

/// The sizes of `classes` classes sharing `count` points: `count / classes`
/// each, the remainder going one each to the last classes.
fn class_sizes(count: usize, classes: usize) -> impl Iterator<Item = (usize, usize)> {
    let (base, remainder) = (count / classes, count % classes);
    (0..classes).map(move |c| (c, base + usize::from(c >= classes - remainder)))
}

fn point(x1: f32, x2: f32, label: f32) -> Point {
    Point {
        position: [x1, x2],
        label,
    }
}

fn circle(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
    const RADIUS: f32 = 5.0;
    let mut points = Vec::with_capacity(count);
    let rings = [(0.0, RADIUS * 0.5), (RADIUS * 0.7, RADIUS)];
    for (ring, &(inner, outer)) in rings.iter().enumerate() {
        let n = if ring == 0 {
            count / 2
        } else {
            count - count / 2
        };
        for _ in 0..n {
            let r = rng.uniform(inner, outer);
            let angle = rng.uniform(0.0, std::f32::consts::TAU);
            let (x1, x2) = (r * angle.sin(), r * angle.cos());
            let noise_x1 = rng.uniform(-RADIUS, RADIUS) * noise;
            let noise_x2 = rng.uniform(-RADIUS, RADIUS) * noise;
            let inside = (x1 + noise_x1).hypot(x2 + noise_x2) < RADIUS * 0.5;
            points.push(point(x1, x2, if inside { 1.0 } else { -1.0 }));
        }
    }
    points
}

/// The radii [inner, outer] of band `class` of `classes` concentric bands
/// splitting radius 0–5, each but the innermost starting after a gap of 0.4 of
/// a band's width (as the two-class ring starts at 3.5, not 2.5).
fn circle_band(class: usize, classes: usize) -> (f32, f32) {
    const RADIUS: f32 = 5.0;
    let width = RADIUS / classes as f32;
    let gap = if class == 0 { 0.0 } else { 0.4 * width };
    (class as f32 * width + gap, (class + 1) as f32 * width)
}

/// The class whose band is nearest to radius `r` (the band holding it, if any).
fn circle_class_of(r: f32, classes: usize) -> usize {
    let distance = |c: usize| {
        let (inner, outer) = circle_band(c, classes);
        (inner - r).max(r - outer).max(0.0)
    };
    (0..classes)
        .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))
        .unwrap_or(0)
}

fn circle_classes(count: usize, noise: f32, classes: usize, rng: &mut SeededRng) -> Vec<Point> {
    const RADIUS: f32 = 5.0;
    let mut points = Vec::with_capacity(count);
    for (class, n) in class_sizes(count, classes) {
        let (inner, outer) = circle_band(class, classes);
        for _ in 0..n {
            let r = rng.uniform(inner, outer);
            let angle = rng.uniform(0.0, TAU);
            let (x1, x2) = (r * angle.sin(), r * angle.cos());
            let noise_x1 = rng.uniform(-RADIUS, RADIUS) * noise;
            let noise_x2 = rng.uniform(-RADIUS, RADIUS) * noise;
            let label = circle_class_of((x1 + noise_x1).hypot(x2 + noise_x2), classes);
            points.push(point(x1, x2, label as f32));
        }
    }
    points
}

fn xor(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
    const PADDING: f32 = 0.3;
    let pad = |v: f32| if v > 0.0 { v + PADDING } else { v - PADDING };
    (0..count)
        .map(|_| {
            let x1 = pad(rng.uniform(-5.0, 5.0));
            let x2 = pad(rng.uniform(-5.0, 5.0));
            let noise_x1 = rng.uniform(-5.0, 5.0) * noise;
            let noise_x2 = rng.uniform(-5.0, 5.0) * noise;
            let same_sign = (x1 + noise_x1) * (x2 + noise_x2) >= 0.0;
            point(x1, x2, if same_sign { 1.0 } else { -1.0 })
        })
        .collect()
}

fn gauss(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
    // Variance grows linearly from 0.5 (no noise) to 4 (noise 0.5).
    let variance = 0.5 + noise / 0.5 * 3.5;
    let mut points = Vec::with_capacity(count);
    for (center, label, n) in [(2.0, 1.0, count / 2), (-2.0, -1.0, count - count / 2)] {
        for _ in 0..n {
            let x1 = rng.normal(center, variance);
            let x2 = rng.normal(center, variance);
            points.push(point(x1, x2, label));
        }
    }
    points
}

/// The centre of blob `class` of `classes`: on the circle of radius 2√2 through
/// the two-class centres (2, 2) and (−2, −2), at angle π/4 + class·2π/classes.
fn gauss_center(class: usize, classes: usize) -> [f32; 2] {
    let angle = FRAC_PI_4 + class as f32 * TAU / classes as f32;
    [2.0 * SQRT_2 * angle.cos(), 2.0 * SQRT_2 * angle.sin()]
}

fn gauss_classes(count: usize, noise: f32, classes: usize, rng: &mut SeededRng) -> Vec<Point> {
    // The variance rule of `gauss`.
    let variance = 0.5 + noise / 0.5 * 3.5;
    let mut points = Vec::with_capacity(count);
    for (class, n) in class_sizes(count, classes) {
        let [c1, c2] = gauss_center(class, classes);
        for _ in 0..n {
            let x1 = rng.normal(c1, variance);
            let x2 = rng.normal(c2, variance);
            points.push(point(x1, x2, class as f32));
        }
    }
    points
}

fn spiral(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
    let mut points = Vec::with_capacity(count);
    for (delta, label, n) in [
        (0.0, 1.0, count / 2),
        (std::f32::consts::PI, -1.0, count - count / 2),
    ] {
        for i in 0..n {
            let fraction = i as f32 / n as f32;
            let r = fraction * 5.0;
            let t = 1.75 * fraction * std::f32::consts::TAU + delta;
            let x1 = r * t.sin() + rng.uniform(-1.0, 1.0) * noise;
            let x2 = r * t.cos() + rng.uniform(-1.0, 1.0) * noise;
            points.push(point(x1, x2, label));
        }
    }
    points
}

fn spiral_classes(count: usize, noise: f32, classes: usize, rng: &mut SeededRng) -> Vec<Point> {
    let mut points = Vec::with_capacity(count);
    for (class, n) in class_sizes(count, classes) {
        let delta = class as f32 * TAU / classes as f32;
        for i in 0..n {
            // The arm formula and noise of `spiral`.
            let fraction = i as f32 / n as f32;
            let r = fraction * 5.0;
            let t = 1.75 * fraction * TAU + delta;
            let x1 = r * t.sin() + rng.uniform(-1.0, 1.0) * noise;
            let x2 = r * t.cos() + rng.uniform(-1.0, 1.0) * noise;
            points.push(point(x1, x2, class as f32));
        }
    }
    points
}

fn regression(
    count: usize,
    noise: f32,
    rng: &mut SeededRng,
    label: fn(f32, f32) -> f32,
) -> Vec<Point> {
    const RADIUS: f32 = 6.0;
    (0..count)
        .map(|_| {
            let x1 = rng.uniform(-RADIUS, RADIUS);
            let x2 = rng.uniform(-RADIUS, RADIUS);
            let noise_x1 = rng.uniform(-RADIUS, RADIUS) * noise;
            let noise_x2 = rng.uniform(-RADIUS, RADIUS) * noise;
            point(x1, x2, label(x1 + noise_x1, x2 + noise_x2))
        })
        .collect()
}

fn plane_label(x1: f32, x2: f32) -> f32 {
    ((x1 + x2) / 10.0).clamp(-1.0, 1.0)
}

fn multigauss_label(x1: f32, x2: f32) -> f32 {
    const BUMPS: [(f32, f32, f32); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    // Each bump falls linearly from 1 at its centre to 0 at distance 2; the strongest wins.
    BUMPS.iter().fold(0.0f32, |best, &(cx, cy, sign)| {
        let strength = (1.0 - (x1 - cx).hypot(x2 - cy) / 2.0).clamp(0.0, 1.0);
        let candidate = sign * strength;
        if candidate.abs() > best.abs() {
            candidate
        } else {
            best
        }
    })
}

/// Generated points shuffled and split into a training and a test set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    /// Points the network learns from.
    pub train: Vec<Point>,
    /// Points held out to measure generalisation.
    pub test: Vec<Point>,
}

/// Generates `count` points of `dataset` with `classes` classes (see
/// [`Dataset::generate`]) from `seed`, shuffles them and keeps `train_fraction`
/// of them (at least one) for training, the rest for testing.
pub fn generate_split(
    dataset: Dataset,
    count: usize,
    noise: f32,
    train_fraction: f32,
    classes: usize,
    seed: u32,
) -> Split {
    split_drawn(seed, train_fraction, |rng| {
        dataset.generate(count, noise, classes, rng)
    })
}

/// The points `draw` makes with the data generator of `seed`, shuffled by it and
/// split: `train_fraction` of them (at least one) for training, the rest for testing.
pub fn split_drawn(
    seed: u32,
    train_fraction: f32,
    draw: impl FnOnce(&mut SeededRng) -> Vec<Point>,
) -> Split {
    let mut rng = SeededRng::new(seed, Stream::Data);
    let mut points = draw(&mut rng);
    let count = points.len();
    rng.shuffle(&mut points);
    let train_count = ((count as f32 * train_fraction).round() as usize).clamp(1, count);
    let test = points.split_off(train_count);
    Split {
        train: points,
        test,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
