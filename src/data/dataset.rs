//! The toy 2-D datasets, generated from a seed, and their train/test split.
//!
//! Shapes and scales follow the TensorFlow Playground, so people see what they know:
//! points lie in [−6, 6]² (gauss blobs spill over a little at high noise),
//! regression labels lie in [−1, 1]. Two-class labels are ±1; circle, gauss and
//! spiral can also have k = 3 to [`MAX_CLASSES`] classes, labelled with the class
//! index 0.0, 1.0, …, k − 1 (see [`class_of`]). `noise` is a fraction in [0, 0.5].
//!
//! The shapes themselves are in `shapes`; this file names the datasets and splits the
//! points they generate.

mod shapes;

use crate::math::rng::{SeededRng, Stream};
use serde::{Deserialize, Serialize};
use shapes::{
    circle, circle_classes, gauss, gauss_classes, multigauss_label, plane_label, regression,
    spiral, spiral_classes, xor,
};

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
mod tests;
