//! The toy 2-D datasets, generated from a seed, and their train/test split.
//!
//! Shapes and scales follow the TensorFlow Playground, so people see what they know:
//! points lie in [−6, 6]², classification labels are ±1, regression labels lie in [−1, 1].
//! `noise` is a fraction in [0, 0.5].

use crate::rng::{SeededRng, Stream};
use serde::{Deserialize, Serialize};

/// Whether labels are two classes (±1) or a real value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Problem {
    /// Two classes, labels −1 and +1.
    Classification,
    /// A real-valued label in [−1, 1].
    Regression,
}

impl Problem {
    /// The name used in configs and model files.
    pub fn name(self) -> &'static str {
        match self {
            Problem::Classification => "classification",
            Problem::Regression => "regression",
        }
    }
}

/// A generator of labelled points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Dataset {
    /// A disc of +1 inside a ring of −1.
    Circle,
    /// +1 where x1·x2 ≥ 0, −1 elsewhere.
    Xor,
    /// Two gaussian blobs around (2, 2) (+1) and (−2, −2) (−1).
    Gauss,
    /// Two interleaved spiral arms.
    Spiral,
    /// Regression: label (x1 + x2) / 10.
    Plane,
    /// Regression: six gaussian bumps of alternating sign.
    Multigauss,
}

/// One labelled point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Coordinates (x1, x2).
    pub position: [f32; 2],
    /// Target value: ±1 for classification.
    pub label: f32,
}

impl Dataset {
    /// Every dataset, in the order the page lists them.
    pub const ALL: [Dataset; 6] = [
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
        }
    }

    /// The kind of problem this dataset poses.
    pub fn problem(self) -> Problem {
        match self {
            Dataset::Plane | Dataset::Multigauss => Problem::Regression,
            _ => Problem::Classification,
        }
    }

    /// `count` points with the given noise (a fraction in [0, 0.5]).
    pub fn generate(self, count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
        match self {
            Dataset::Circle => circle(count, noise, rng),
            Dataset::Xor => xor(count, noise, rng),
            Dataset::Gauss => gauss(count, noise, rng),
            Dataset::Spiral => spiral(count, noise, rng),
            Dataset::Plane => regression(count, noise, rng, plane_label),
            Dataset::Multigauss => regression(count, noise, rng, multigauss_label),
        }
    }
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
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// Points the network learns from.
    pub train: Vec<Point>,
    /// Points held out to measure generalisation.
    pub test: Vec<Point>,
}

/// Generates `count` points of `dataset` from `seed`, shuffles them and keeps
/// `train_fraction` of them (at least one) for training, the rest for testing.
pub fn generate_split(
    dataset: Dataset,
    count: usize,
    noise: f32,
    train_fraction: f32,
    seed: u32,
) -> Split {
    let mut rng = SeededRng::new(seed, Stream::Data);
    let mut points = dataset.generate(count, noise, &mut rng);
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
        for dataset in Dataset::ALL {
            let split = generate_split(dataset, 301, 0.5, 0.5, 11);
            assert_eq!(split.train.len() + split.test.len(), 301);
            assert_eq!(split.train.len(), 151);
            for p in split.train.iter().chain(&split.test) {
                assert!(p.label.abs() <= 1.0, "{dataset:?} label {}", p.label);
                if dataset.problem() == Problem::Classification {
                    assert!(p.label == 1.0 || p.label == -1.0);
                }
            }
        }
    }

    #[test]
    fn noise_free_labels_follow_the_shape() {
        let split = generate_split(Dataset::Xor, 200, 0.0, 1.0, 5);
        for p in &split.train {
            let [x1, x2] = p.position;
            assert_eq!(p.label > 0.0, x1 * x2 >= 0.0);
        }
        let split = generate_split(Dataset::Circle, 200, 0.0, 1.0, 5);
        for p in &split.train {
            let [x1, x2] = p.position;
            assert_eq!(p.label > 0.0, x1.hypot(x2) < 2.5);
        }
    }
}
