//! Points as scripts and documents write them: `{ train: [[x1, x2, label], …], test: […],
//! classNames: […] }`, the shape of the API's `getData`/`setData` and of a lesson
//! file's `data`.
//!
//! Labels are the training labels: for classification −1 and +1 with two classes, or
//! the class numbers 0 … 5 (with two classes 0 and 1 work too); for regression the
//! value in [−1, 1].

use crate::data::dataset::{Point, Problem, Split, MAX_CLASSES};
use crate::data::own::{OwnData, OwnPoint, Set, EXTENT, MAX_POINTS};
use serde::{Deserialize, Serialize};

/// Points with their labels, by set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct LabelledPoints {
    /// Training points, `[x1, x2, label]` each.
    pub train: Vec<[f32; 3]>,
    /// Test points, `[x1, x2, label]` each.
    pub test: Vec<[f32; 3]>,
    /// The names of the classes, when they have names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub class_names: Vec<String>,
}

impl LabelledPoints {
    /// The points of `split` as they are trained on.
    pub fn of(split: &Split, class_names: &[String]) -> Self {
        let rows = |points: &[Point]| {
            points
                .iter()
                .map(|p| [p.position[0], p.position[1], p.label])
                .collect()
        };
        LabelledPoints {
            train: rows(&split.train),
            test: rows(&split.test),
            class_names: class_names.to_vec(),
        }
    }

    /// These points as own points of `problem`; refused with the set and the point
    /// that is wrong.
    pub fn to_own(&self, problem: Problem) -> Result<OwnData, String> {
        let total = self.train.len() + self.test.len();
        if total > MAX_POINTS {
            return Err(format!(
                "{total} points is more than greymatter holds: at most {MAX_POINTS}, training and test together"
            ));
        }
        let rows = || {
            let train = self
                .train
                .iter()
                .enumerate()
                .map(|(i, r)| (Set::Train, i, r));
            train.chain(self.test.iter().enumerate().map(|(i, r)| (Set::Test, i, r)))
        };
        let plus_minus = rows().any(|(_, _, row)| row[2] == -1.0);
        let mut points = Vec::with_capacity(total);
        for (set, index, &[x1, x2, label]) in rows() {
            let at = || format!("{} point {}", set.name(), index + 1);
            let stored = match problem {
                Problem::Classification => class_label(label, plus_minus).ok_or_else(|| {
                    let kinds = if plus_minus {
                        "with labels −1 and +1, every label must be −1 or +1".to_string()
                    } else {
                        format!("a class is a whole number from 0 to {}", MAX_CLASSES - 1)
                    };
                    format!("{}: label {label} is not a class: {kinds}", at())
                })?,
                Problem::Regression => crate::data::own::quantise(label, 1.0)
                    .ok_or_else(|| format!("{}: the value {label} must lie in [−1, 1]", at()))?,
            };
            let point = OwnPoint::at(x1, x2, stored, set).ok_or_else(|| {
                format!(
                    "{}: ({x1}, {x2}) lies outside the plotted range [−{EXTENT}, {EXTENT}]²",
                    at()
                )
            })?;
            points.push(point);
        }
        let data = OwnData {
            problem,
            points,
            class_names: self.class_names.clone(),
        };
        data.check()?;
        Ok(data)
    }
}

/// The class a label stands for: ±1 → 0 and 1 when the labels are ±1, else the class
/// number itself.
fn class_label(label: f32, plus_minus: bool) -> Option<i16> {
    if plus_minus {
        return match label {
            -1.0 => Some(0),
            1.0 => Some(1),
            _ => None,
        };
    }
    let whole = label.fract() == 0.0 && (0.0..MAX_CLASSES as f32).contains(&label);
    whole.then_some(label as i16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_classes_or_values() {
        let points = LabelledPoints {
            train: vec![[0.0, 0.0, -1.0], [1.0, 1.0, 1.0]],
            test: vec![[2.0, 2.0, 1.0]],
            class_names: Vec::new(),
        };
        let own = points.to_own(Problem::Classification).unwrap();
        let labels: Vec<i16> = own.points.iter().map(|p| p.label).collect();
        assert_eq!(labels, [0, 1, 1]);
        assert_eq!(own.points[2].set, Set::Test);
        let back = LabelledPoints::of(&own.split(2), &[]);
        assert_eq!(back, points, "the same rows back");
        let numbered = LabelledPoints {
            train: vec![[0.0, 0.0, 0.0], [1.0, 1.0, 4.0]],
            ..LabelledPoints::default()
        };
        assert_eq!(
            numbered
                .to_own(Problem::Classification)
                .unwrap()
                .classes_needed(),
            5
        );
    }

    #[test]
    fn refusals_name_the_point() {
        let bad = |rows: Vec<[f32; 3]>, problem| {
            LabelledPoints {
                train: rows,
                ..LabelledPoints::default()
            }
            .to_own(problem)
            .unwrap_err()
        };
        let mixed = bad(
            vec![[0.0, 0.0, -1.0], [0.0, 0.0, 0.0]],
            Problem::Classification,
        );
        assert!(
            mixed.starts_with("train point 2: label 0 is not a class"),
            "{mixed}"
        );
        assert!(bad(vec![[0.0, 0.0, 2.5]], Problem::Classification).contains("whole number"));
        assert!(bad(vec![[0.0, 0.0, 1.5]], Problem::Regression).contains("[−1, 1]"));
        assert!(bad(vec![[0.0, 9.0, 1.0]], Problem::Regression).contains("outside"));
        assert!(
            bad(vec![[0.0, 0.0, 0.0]; MAX_POINTS + 1], Problem::Regression).contains("at most")
        );
    }
}
