//! The formula dataset: points labelled by a formula f(x1, x2) a person writes.
//!
//! Points are drawn uniformly from [−6, 6]², as the regression datasets draw them, by
//! the seeded data generator. Noise moves the place f is read, not the point: with
//! noise n (a fraction in [0, 0.5]) the label of (x1, x2) is read from f at
//! (x1 + n·u1, x2 + n·u2), u1 and u2 uniform in [−6, 6] (as for xor and the
//! regression datasets). Then:
//! - classification, two classes: +1 where f > 0, −1 elsewhere (the sign of f);
//! - classification, k ≥ 3 classes: k levels of f cut at its quantiles over the drawn
//!   points, so the classes are as equal in size as ties allow: class c holds the
//!   values from the (c/k)-quantile up to the ((c+1)/k)-quantile, class 0 the lowest;
//!   equal values share a class;
//! - regression: the target is f / max |f| over the drawn points, in [−1, 1] like the
//!   other regression datasets (0 everywhere if f is 0 at every point).
//!
//! A value of f that is not finite counts as 0 (see [`crate::math::formula`]).

use crate::data::dataset::{Point, Problem};
use crate::math::formula::Formula;
use crate::math::rng::SeededRng;

/// Half the side of the square the points are drawn from.
const RADIUS: f32 = 6.0;

/// `count` points labelled by `formula` for `problem`, with `noise` and `classes`
/// (as the module's docs say), drawn by `rng`.
pub fn formula_points(
    formula: &Formula,
    problem: Problem,
    count: usize,
    noise: f32,
    classes: usize,
    rng: &mut SeededRng,
) -> Vec<Point> {
    let mut points: Vec<Point> = (0..count)
        .map(|_| {
            let x1 = rng.uniform(-RADIUS, RADIUS);
            let x2 = rng.uniform(-RADIUS, RADIUS);
            let noise_x1 = rng.uniform(-RADIUS, RADIUS) * noise;
            let noise_x2 = rng.uniform(-RADIUS, RADIUS) * noise;
            Point {
                position: [x1, x2],
                label: formula.value(x1 + noise_x1, x2 + noise_x2),
            }
        })
        .collect();
    match problem {
        Problem::Regression => {
            let largest = points.iter().fold(0.0f32, |m, p| m.max(p.label.abs()));
            for point in &mut points {
                point.label = if largest > 0.0 {
                    (point.label / largest).clamp(-1.0, 1.0)
                } else {
                    0.0
                };
            }
        }
        Problem::Classification if classes <= 2 => {
            for point in &mut points {
                point.label = if point.label > 0.0 { 1.0 } else { -1.0 };
            }
        }
        Problem::Classification => {
            let cuts = level_cuts(&points, classes);
            for point in &mut points {
                let class = cuts.iter().filter(|&&cut| point.label >= cut).count();
                point.label = class as f32;
            }
        }
    }
    points
}

/// The k − 1 values of f where the k levels meet: the (c/k)-quantiles of the values,
/// c = 1 … k − 1 (the value with c·n/k values below it).
fn level_cuts(points: &[Point], classes: usize) -> Vec<f32> {
    let mut values: Vec<f32> = points.iter().map(|p| p.label).collect();
    values.sort_by(f32::total_cmp);
    if values.is_empty() {
        return Vec::new();
    }
    (1..classes)
        .map(|c| values[(c * values.len() / classes).min(values.len() - 1)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::{class_of, split_drawn, Split};

    fn split(text: &str, problem: Problem, noise: f32, classes: usize, seed: u32) -> Split {
        let formula = Formula::parse(text).unwrap();
        split_drawn(seed, 0.5, |rng| {
            formula_points(&formula, problem, 400, noise, classes, rng)
        })
    }

    fn all(split: &Split) -> impl Iterator<Item = &Point> {
        split.train.iter().chain(&split.test)
    }

    #[test]
    fn the_same_seed_gives_the_same_points() {
        let first = split("x1 * x2", Problem::Classification, 0.2, 2, 7);
        assert_eq!(first, split("x1 * x2", Problem::Classification, 0.2, 2, 7));
        assert_ne!(first, split("x1 * x2", Problem::Classification, 0.2, 2, 8));
        assert_eq!(first.train.len(), 200);
        assert!(all(&first).all(|p| p.position.iter().all(|x| x.abs() <= RADIUS)));
    }

    #[test]
    fn without_noise_two_classes_are_the_sign() {
        for p in all(&split(
            "x2 - 3 * sin(x1)",
            Problem::Classification,
            0.0,
            2,
            3,
        )) {
            let [x1, x2] = p.position;
            assert_eq!(p.label, if x2 - 3.0 * x1.sin() > 0.0 { 1.0 } else { -1.0 });
        }
    }

    #[test]
    fn noise_flips_some_labels_near_the_boundary() {
        let clean = split("x1", Problem::Classification, 0.0, 2, 3);
        let noisy = split("x1", Problem::Classification, 0.3, 2, 3);
        let flipped = all(&clean)
            .zip(all(&noisy))
            .filter(|(a, b)| a.label != b.label)
            .count();
        assert!(flipped > 10 && flipped < 200, "{flipped}");
    }

    #[test]
    fn k_classes_are_levels_of_equal_size_ordered_by_f() {
        for classes in 3..=6 {
            let points: Vec<Point> = all(&split(
                "x1 + x2 / 10",
                Problem::Classification,
                0.0,
                classes,
                5,
            ))
            .copied()
            .collect();
            let mut sizes = vec![0usize; classes];
            for p in &points {
                sizes[class_of(p.label, classes)] += 1;
            }
            for size in &sizes {
                assert!(size.abs_diff(400 / classes) <= 1, "{sizes:?}");
            }
            // A higher f never has a lower class.
            let f = |p: &Point| p.position[0] + p.position[1] / 10.0;
            for a in &points {
                for b in &points {
                    if f(a) < f(b) {
                        assert!(a.label <= b.label);
                    }
                }
            }
        }
    }

    #[test]
    fn regression_targets_are_f_scaled_into_minus_one_to_one() {
        let points: Vec<Point> = all(&split("x1 * x2", Problem::Regression, 0.0, 2, 9))
            .copied()
            .collect();
        let largest = points
            .iter()
            .map(|p| (p.position[0] * p.position[1]).abs())
            .fold(0.0f32, f32::max);
        assert!(points.iter().any(|p| p.label.abs() == 1.0));
        for p in &points {
            let expected = p.position[0] * p.position[1] / largest;
            assert!((p.label - expected).abs() < 1e-6, "{p:?}");
        }
        let flat = split("0", Problem::Regression, 0.0, 2, 9);
        assert!(all(&flat).all(|p| p.label == 0.0));
    }
}
