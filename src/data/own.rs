//! Own points: the points a person draws, pastes, loads from a CSV or gets from a link.
//!
//! They are kept at a fixed resolution — coordinates and regression values in
//! thousandths — so that a share link, a lesson file and a saved session carry them
//! exactly, and a point reads back bit for bit as the same `f32`. Coordinates lie in
//! the plotted range [−6, 6]², regression values in [−1, 1] (the heatmap's colour
//! scale). A classification point stores its class index 0 … k − 1; the training
//! label follows [`crate::data::dataset::class_of`]: ±1 with two classes, the index
//! itself with three or more. Each point says whether it trains or tests.

use crate::data::dataset::{Point, Problem, Split, MAX_CLASSES};
use crate::math::rng::{SeededRng, Stream};

/// Units per 1.0 of a coordinate or a regression value.
pub const RESOLUTION: f32 = 1000.0;
/// Points lie in [−EXTENT, EXTENT]² (the plotted range).
pub const EXTENT: f32 = 6.0;
/// The most own points, training and test together (the core's sample limit).
pub const MAX_POINTS: usize = crate::config::limits::MAX_SAMPLES;
/// The most bytes (UTF-8) of one class name, at every door: a share link carries it whole.
pub const MAX_CLASS_NAME: usize = 40;

/// Which set a point belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Set {
    /// A point the network learns from.
    Train,
    /// A point held out to measure generalisation.
    Test,
}

impl Set {
    /// "train" or "test", as CSV files, links and the API spell it.
    pub fn name(self) -> &'static str {
        match self {
            Set::Train => "train",
            Set::Test => "test",
        }
    }

    /// The set called `name` ("train" or "test").
    pub fn from_name(name: &str) -> Option<Set> {
        match name {
            "train" => Some(Set::Train),
            "test" => Some(Set::Test),
            _ => None,
        }
    }
}

/// One own point, at the stored resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OwnPoint {
    /// x1 and x2 in thousandths, each in −6000 ..= 6000.
    pub position: [i16; 2],
    /// Classification: the class index 0 … k − 1. Regression: the value in
    /// thousandths, −1000 ..= 1000.
    pub label: i16,
    /// Training or test.
    pub set: Set,
}

/// A coordinate or value in thousandths (rounded to the nearest), or `None` when it is
/// not finite or outside [−limit, limit].
pub fn quantise(value: f32, limit: f32) -> Option<i16> {
    if !value.is_finite() || value.abs() > limit + 0.5 / RESOLUTION {
        return None;
    }
    Some(
        (value * RESOLUTION)
            .round()
            .clamp(-limit * RESOLUTION, limit * RESOLUTION) as i16,
    )
}

/// The value stored as `units` thousandths.
pub fn dequantise(units: i16) -> f32 {
    f32::from(units) / RESOLUTION
}

impl OwnPoint {
    /// A point at (x1, x2) with `label` (a class index, or a regression value in
    /// thousandths), or `None` when a coordinate is not finite or outside the plotted
    /// range.
    pub fn at(x1: f32, x2: f32, label: i16, set: Set) -> Option<OwnPoint> {
        Some(OwnPoint {
            position: [quantise(x1, EXTENT)?, quantise(x2, EXTENT)?],
            label,
            set,
        })
    }

    /// (x1, x2) as the network sees them.
    pub fn coordinates(&self) -> [f32; 2] {
        [dequantise(self.position[0]), dequantise(self.position[1])]
    }

    /// The training label for `problem` with `classes` classes: ±1 for two classes, the
    /// class index for three or more, the value for regression.
    pub fn target(&self, problem: Problem, classes: usize) -> f32 {
        match problem {
            Problem::Regression => dequantise(self.label),
            Problem::Classification if classes <= 2 => {
                if self.label > 0 {
                    1.0
                } else {
                    -1.0
                }
            }
            Problem::Classification => f32::from(self.label),
        }
    }
}

/// A person's own points and what their labels mean.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnData {
    /// Whether the labels are classes or values.
    pub problem: Problem,
    /// The points, in the order they were made (the order training shuffles from).
    pub points: Vec<OwnPoint>,
    /// The names of the classes (from a CSV's labels), or empty for "class 0", "class 1", ….
    pub class_names: Vec<String>,
}

impl OwnData {
    /// No points yet, for `problem`.
    pub fn empty(problem: Problem) -> OwnData {
        OwnData {
            problem,
            points: Vec::new(),
            class_names: Vec::new(),
        }
    }

    /// The generated points of `split` as own points (the first edit of a generated
    /// dataset starts from them): classes from the labels as [`class_of`] reads them,
    /// coordinates and values rounded to the stored resolution and clamped into range.
    ///
    /// [`class_of`]: crate::data::dataset::class_of
    pub fn from_split(split: &Split, problem: Problem, classes: usize) -> OwnData {
        let own = |point: &Point, set: Set| {
            let clamp = |value: f32| {
                (value * RESOLUTION)
                    .round()
                    .clamp(-EXTENT * RESOLUTION, EXTENT * RESOLUTION) as i16
            };
            let label = match problem {
                Problem::Classification => {
                    crate::data::dataset::class_of(point.label, classes) as i16
                }
                Problem::Regression => (point.label.clamp(-1.0, 1.0) * RESOLUTION).round() as i16,
            };
            OwnPoint {
                position: [clamp(point.position[0]), clamp(point.position[1])],
                label,
                set,
            }
        };
        let train = split.train.iter().map(|p| own(p, Set::Train));
        let test = split.test.iter().map(|p| own(p, Set::Test));
        OwnData {
            problem,
            points: train.chain(test).collect(),
            class_names: Vec::new(),
        }
    }

    /// The training and test points as the trainer uses them, for `classes` classes.
    pub fn split(&self, classes: usize) -> Split {
        let of = |set: Set| {
            self.points
                .iter()
                .filter(|p| p.set == set)
                .map(|p| Point {
                    position: p.coordinates(),
                    label: p.target(self.problem, classes),
                })
                .collect()
        };
        Split {
            train: of(Set::Train),
            test: of(Set::Test),
        }
    }

    /// How many points are in `set`.
    pub fn count(&self, set: Set) -> usize {
        self.points.iter().filter(|p| p.set == set).count()
    }

    /// The fewest classes these points need: one more than the highest class used, at
    /// least 2 (0 for regression).
    pub fn classes_needed(&self) -> usize {
        match self.problem {
            Problem::Regression => 0,
            Problem::Classification => self
                .points
                .iter()
                .map(|p| p.label as usize + 1)
                .max()
                .unwrap_or(0)
                .max(self.class_names.len())
                .max(2),
        }
    }

    /// Checks that the data fits the limits: at most [`MAX_POINTS`] points, classes
    /// 0 … 5 or values in [−1, 1], coordinates in range, at most one name per class,
    /// each name as [`check_class_name`] wants it.
    pub fn check(&self) -> Result<(), String> {
        if self.points.len() > MAX_POINTS {
            return Err(format!(
                "{} points is more than greymatter holds: at most {MAX_POINTS}, training and test together",
                self.points.len()
            ));
        }
        let extent = (EXTENT * RESOLUTION) as i16;
        if let Some(index) = self
            .points
            .iter()
            .position(|p| p.position.iter().any(|c| c.abs() > extent))
        {
            return Err(format!(
                "point {} lies outside the plotted range [−{EXTENT}, {EXTENT}]²",
                index + 1
            ));
        }
        let label_fits = |label: i16| match self.problem {
            Problem::Classification => (0..MAX_CLASSES as i16).contains(&label),
            Problem::Regression => (-1000..=1000).contains(&label),
        };
        if let Some(index) = self.points.iter().position(|p| !label_fits(p.label)) {
            let label = self.points[index].label;
            return Err(match self.problem {
                Problem::Classification => format!(
                    "point {}: class {label} does not exist: classes are numbered 0 to {}",
                    index + 1,
                    MAX_CLASSES - 1
                ),
                Problem::Regression => format!(
                    "point {}: the value {} lies outside [−1, 1]",
                    index + 1,
                    dequantise(label)
                ),
            });
        }
        if self.class_names.len() > MAX_CLASSES {
            return Err(format!(
                "{} class names, but greymatter draws at most {MAX_CLASSES} classes",
                self.class_names.len()
            ));
        }
        for (index, name) in self.class_names.iter().enumerate() {
            check_class_name(name).map_err(|why| format!("class name {} {why}", index + 1))?;
        }
        Ok(())
    }
}

/// Refuses a class name of more than [`MAX_CLASS_NAME`] bytes or with a line break (a
/// CSV line holds it), saying why: "is 41 bytes long; the most is 40".
pub fn check_class_name(name: &str) -> Result<(), String> {
    if name.len() > MAX_CLASS_NAME {
        return Err(format!(
            "is {} bytes long; the most is {MAX_CLASS_NAME}",
            name.len()
        ));
    }
    if name.contains(['\n', '\r']) {
        return Err("holds a line break; a name is one line".to_string());
    }
    Ok(())
}

/// The set of each of `count` points split by `train_fraction`: a seeded random choice
/// of round(count × fraction) training points (at least one when there are points), the
/// rest test points, so points listed class after class still split evenly.
pub fn split_by_ratio(count: usize, train_fraction: f32, seed: u32) -> Vec<Set> {
    if count == 0 {
        return Vec::new();
    }
    let train_count = ((count as f32 * train_fraction).round() as usize).clamp(1, count);
    let mut order: Vec<usize> = (0..count).collect();
    SeededRng::new(seed, Stream::Data).shuffle(&mut order);
    let mut sets = vec![Set::Test; count];
    for &index in &order[..train_count] {
        sets[index] = Set::Train;
    }
    sets
}

/// The set the next drawn point joins when drawing splits by the train ratio: the one
/// that keeps the test share nearest to 1 − `train_fraction`.
pub fn next_split_set(train: usize, test: usize, train_fraction: f32) -> Set {
    let total = (train + test + 1) as f32;
    let wanted_test = total * (1.0 - train_fraction);
    if (test as f32) + 0.5 <= wanted_test {
        Set::Test
    } else {
        Set::Train
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_read_back_bit_for_bit() {
        let point = OwnPoint::at(1.23449, -5.9996, 3, Set::Test).unwrap();
        assert_eq!(point.position, [1234, -6000]);
        let [x1, x2] = point.coordinates();
        assert_eq!(x1.to_bits(), (1234.0f32 / 1000.0).to_bits());
        assert_eq!(x2, -6.0);
        assert!(OwnPoint::at(6.1, 0.0, 0, Set::Train).is_none());
        assert!(OwnPoint::at(f32::NAN, 0.0, 0, Set::Train).is_none());
    }

    #[test]
    fn targets_follow_the_class_convention() {
        let point = |label| OwnPoint {
            position: [0, 0],
            label,
            set: Set::Train,
        };
        assert_eq!(point(0).target(Problem::Classification, 2), -1.0);
        assert_eq!(point(1).target(Problem::Classification, 2), 1.0);
        assert_eq!(point(2).target(Problem::Classification, 3), 2.0);
        assert_eq!(point(-250).target(Problem::Regression, 0), -0.25);
    }

    #[test]
    fn a_generated_split_becomes_the_same_points() {
        let split = crate::data::dataset::generate_split(
            crate::data::dataset::Dataset::Gauss,
            40,
            0.0,
            0.5,
            3,
            4,
        );
        let own = OwnData::from_split(&split, Problem::Classification, 3);
        own.check().unwrap();
        let back = own.split(3);
        assert_eq!(back.train.len(), split.train.len());
        for (a, b) in back.train.iter().zip(&split.train) {
            assert_eq!(a.label, b.label);
            assert!((a.position[0] - b.position[0]).abs() <= 0.0005);
        }
        assert_eq!(own.classes_needed(), 3);
    }

    #[test]
    fn splitting_by_ratio_is_seeded_and_keeps_the_count() {
        let sets = split_by_ratio(10, 0.7, 3);
        assert_eq!(sets.iter().filter(|&&s| s == Set::Train).count(), 7);
        assert_eq!(sets, split_by_ratio(10, 0.7, 3));
        assert_eq!(split_by_ratio(1, 0.1, 3), vec![Set::Train]);
    }

    #[test]
    fn drawing_with_a_ratio_keeps_the_share() {
        let (mut train, mut test) = (0, 0);
        for _ in 0..100 {
            match next_split_set(train, test, 0.8) {
                Set::Train => train += 1,
                Set::Test => test += 1,
            }
        }
        assert_eq!((train, test), (80, 20));
    }

    #[test]
    fn limits_are_checked() {
        let mut own = OwnData::empty(Problem::Classification);
        own.points.push(OwnPoint {
            position: [0, 0],
            label: 6,
            set: Set::Train,
        });
        assert!(own.check().unwrap_err().contains("class 6"));
        own.points[0].label = 1;
        own.check().unwrap();
        own.points = vec![own.points[0]; MAX_POINTS + 1];
        assert!(own.check().unwrap_err().contains("at most 5000"));
    }
}
