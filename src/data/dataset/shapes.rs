//! The shapes of the generated datasets: where each one's points fall and how they are
//! labelled, for two classes (or regression) and for k classes.

use super::Point;
use crate::math::rng::SeededRng;
use std::f32::consts::{FRAC_PI_4, SQRT_2, TAU};

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

pub(super) fn circle(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
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
pub(super) fn circle_band(class: usize, classes: usize) -> (f32, f32) {
    const RADIUS: f32 = 5.0;
    let width = RADIUS / classes as f32;
    let gap = if class == 0 { 0.0 } else { 0.4 * width };
    (class as f32 * width + gap, (class + 1) as f32 * width)
}

/// The class whose band is nearest to radius `r` (the band holding it, if any).
pub(super) fn circle_class_of(r: f32, classes: usize) -> usize {
    let distance = |c: usize| {
        let (inner, outer) = circle_band(c, classes);
        (inner - r).max(r - outer).max(0.0)
    };
    (0..classes)
        .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))
        .unwrap_or(0)
}

pub(super) fn circle_classes(
    count: usize,
    noise: f32,
    classes: usize,
    rng: &mut SeededRng,
) -> Vec<Point> {
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

pub(super) fn xor(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
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

pub(super) fn gauss(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
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
pub(super) fn gauss_center(class: usize, classes: usize) -> [f32; 2] {
    let angle = FRAC_PI_4 + class as f32 * TAU / classes as f32;
    [2.0 * SQRT_2 * angle.cos(), 2.0 * SQRT_2 * angle.sin()]
}

pub(super) fn gauss_classes(
    count: usize,
    noise: f32,
    classes: usize,
    rng: &mut SeededRng,
) -> Vec<Point> {
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

pub(super) fn spiral(count: usize, noise: f32, rng: &mut SeededRng) -> Vec<Point> {
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

pub(super) fn spiral_classes(
    count: usize,
    noise: f32,
    classes: usize,
    rng: &mut SeededRng,
) -> Vec<Point> {
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

pub(super) fn regression(
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

pub(super) fn plane_label(x1: f32, x2: f32) -> f32 {
    ((x1 + x2) / 10.0).clamp(-1.0, 1.0)
}

pub(super) fn multigauss_label(x1: f32, x2: f32) -> f32 {
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
