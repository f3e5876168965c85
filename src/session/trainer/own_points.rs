//! A person's own points in a running playground: replacing them (a CSV, the API, a
//! link), drawing and erasing them, with undo and redo. The network is kept through
//! every edit; only a change of the output layer (more classes) resets it.

use super::Trainer;
use crate::config::{Change, Config, ConfigError};
use crate::data::dataset::{Dataset, Problem, Split};
use crate::data::own::{
    next_split_set, quantise, OwnData, OwnPoint, Set, EXTENT, MAX_POINTS, RESOLUTION,
};
use crate::learn::objective::Objective;

/// The most edits that can be undone.
pub const MAX_UNDO: usize = 100;

/// Where drawn points go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawTarget {
    /// All to the training set.
    Train,
    /// All to the test set.
    Test,
    /// Split by the train ratio: each point joins the set that keeps the test share
    /// nearest to 1 − ratio.
    Split,
}

impl DrawTarget {
    /// The target called `name`: "train", "test" or "split".
    pub fn from_name(name: &str) -> Option<DrawTarget> {
        match name {
            "train" => Some(DrawTarget::Train),
            "test" => Some(DrawTarget::Test),
            "split" => Some(DrawTarget::Split),
            _ => None,
        }
    }
}

/// One change a person makes to the own points.
#[derive(Clone, Debug, PartialEq)]
pub enum DataEdit {
    /// Adds points at these (x1, x2), each with `label`: a class index, or a regression
    /// value in [−1, 1].
    Add {
        /// Where the points go, (x1, x2) each.
        positions: Vec<[f32; 2]>,
        /// Their class index, or their regression value.
        label: f32,
        /// Which set they join.
        target: DrawTarget,
    },
    /// Removes the points of the given sets within `radius` of `centre`.
    Erase {
        /// The eraser's middle, (x1, x2).
        centre: [f32; 2],
        /// How far it reaches, in data units.
        radius: f32,
        /// Whether it removes training points.
        train: bool,
        /// Whether it removes test points.
        test: bool,
    },
    /// Removes every point.
    Clear,
}

/// Earlier versions of the own points, and versions undone.
#[derive(Clone, Debug, Default)]
pub struct EditHistory {
    undo: Vec<OwnData>,
    redo: Vec<OwnData>,
}

impl EditHistory {
    /// Keeps `previous` to undo to; forgets what was undone.
    fn record(&mut self, previous: &OwnData) {
        if self.undo.len() == MAX_UNDO {
            self.undo.remove(0);
        }
        self.undo.push(previous.clone());
        self.redo.clear();
    }
}

/// Whether `own` can be trained under `config`: when the dataset is `own` and there are
/// points, the problem must be theirs and the classes at least the ones they use.
pub(super) fn check_fit(own: &OwnData, config: &Config) -> Result<(), ConfigError> {
    if config.dataset != Dataset::Own || own.points.is_empty() {
        return Ok(());
    }
    if own.problem != config.problem {
        return Err(ConfigError::new(
            "problem",
            format!(
                "your own points are {} points, so the problem must stay {}: clear them, or \
                 choose a generated dataset first",
                own.problem.name(),
                own.problem.name()
            ),
        ));
    }
    let needed = own.classes_needed();
    if own.problem == Problem::Classification && config.classes < needed {
        return Err(ConfigError::new(
            "classes",
            format!(
                "your own points use {needed} classes, so classes must be at least {needed}: \
                 erase the points of the higher classes first"
            ),
        ));
    }
    Ok(())
}

impl Trainer {
    /// The own points (kept while another dataset is chosen).
    pub fn own_data(&self) -> &OwnData {
        &self.own
    }

    /// Whether an edit of the own points can be undone, and redone.
    pub fn can_undo_points(&self) -> (bool, bool) {
        (!self.edits.undo.is_empty(), !self.edits.redo.is_empty())
    }

    /// Trains on `data` from now on (the dataset becomes `own`), with `classes` classes
    /// (`None`: the classes the points need). The previous own points can be undone to.
    /// The network is kept unless the output layer changes: the result says which
    /// ([`Change::NewData`] or [`Change::Reset`]). On error nothing changes.
    pub fn set_own_data(
        &mut self,
        data: OwnData,
        classes: Option<usize>,
    ) -> Result<Change, ConfigError> {
        data.check()
            .map_err(|message| ConfigError::new("data", message))?;
        if data.problem != self.config.problem {
            return Err(ConfigError::new(
                "data",
                format!(
                    "these are {} points, but the playground's problem is {}: switch the \
                     problem first",
                    data.problem.name(),
                    self.config.problem.name()
                ),
            ));
        }
        let mut next = self.config.clone();
        next.dataset = Dataset::Own;
        if data.problem == Problem::Classification {
            next.classes = classes.unwrap_or_else(|| data.classes_needed());
            let fitting = Objective::losses_for(next.problem, next.classes);
            if !fitting.contains(&next.loss) {
                // More classes than two need a softmax loss, as the classes control picks.
                next.loss = fitting[0];
            }
        }
        next.validate()?;
        check_fit(&data, &next)?;
        self.edits.record(&self.own);
        Ok(self.switch_to(data, next))
    }

    /// Trains on `own` under `next` (a valid config with dataset `own` that fits it):
    /// same network and epoch unless the output layer changes.
    fn switch_to(&mut self, own: OwnData, next: Config) -> Change {
        let previous = self.config.objective();
        let output_changed = previous.output_count() != next.objective().output_count()
            || previous.output_activation() != next.objective().output_activation();
        self.own = own;
        self.config = next;
        self.prepare_points();
        if output_changed {
            self.reset();
            Change::Reset
        } else {
            self.remeasure();
            Change::NewData
        }
    }

    /// Applies one edit of the own points; `continues` joins it to the edit before (a
    /// stroke of points undoes as one). A generated dataset becomes own points first
    /// (the same points, now editable). Returns how many points were added or removed.
    /// On error nothing changes.
    pub fn edit_points(&mut self, edit: &DataEdit, continues: bool) -> Result<usize, String> {
        let converting = self.config.dataset != Dataset::Own;
        // The points before this edit; for a generated dataset, as they were generated.
        let previous = if converting {
            let split = Split {
                train: self.train.points.clone(),
                test: self.test.points.clone(),
            };
            OwnData::from_split(&split, self.config.problem, self.config.classes)
        } else {
            self.own.clone()
        };
        let mut own = previous.clone();
        if own.points.is_empty() {
            own.problem = self.config.problem;
        }
        let changed = apply_edit(&mut own, edit, &self.config)?;
        if converting || !continues {
            self.edits.record(&previous);
        }
        let next = Config {
            dataset: Dataset::Own,
            ..self.config.clone()
        };
        self.switch_to(own, next);
        Ok(changed)
    }

    /// Goes back to the own points before the last edit; false when there is none.
    /// Refused (nothing changes) when those points no longer fit the settings.
    pub fn undo_points(&mut self) -> Result<bool, ConfigError> {
        self.step_history(true)
    }

    /// Brings back the last undone edit; false when there is none.
    pub fn redo_points(&mut self) -> Result<bool, ConfigError> {
        self.step_history(false)
    }

    fn step_history(&mut self, undo: bool) -> Result<bool, ConfigError> {
        let stack = if undo {
            &self.edits.undo
        } else {
            &self.edits.redo
        };
        let Some(own) = stack.last().cloned() else {
            return Ok(false);
        };
        let mut next = self.config.clone();
        next.dataset = Dataset::Own;
        next.validate()?;
        check_fit(&own, &next)?;
        let current = self.own.clone();
        if undo {
            self.edits.undo.pop();
            self.edits.redo.push(current);
        } else {
            self.edits.redo.pop();
            self.edits.undo.push(current);
        }
        self.switch_to(own, next);
        Ok(true)
    }
}

/// Applies `edit` to `own`; the number of points added or removed.
fn apply_edit(own: &mut OwnData, edit: &DataEdit, config: &Config) -> Result<usize, String> {
    match edit {
        DataEdit::Add {
            positions,
            label,
            target,
        } => {
            let label = stored_label(*label, config)?;
            if own.points.len() + positions.len() > MAX_POINTS {
                return Err(format!(
                    "greymatter holds at most {MAX_POINTS} points and there are {}: erase some first",
                    own.points.len()
                ));
            }
            let fraction = (config.train_ratio / 100.0) as f32;
            let (mut train, mut test) = (own.count(Set::Train), own.count(Set::Test));
            for &[x1, x2] in positions {
                let set = match target {
                    DrawTarget::Train => Set::Train,
                    DrawTarget::Test => Set::Test,
                    DrawTarget::Split => next_split_set(train, test, fraction),
                };
                match set {
                    Set::Train => train += 1,
                    Set::Test => test += 1,
                }
                let point = OwnPoint::at(x1, x2, label, set).ok_or_else(|| {
                    format!(
                        "the point ({x1}, {x2}) lies outside the plotted range [−{EXTENT}, {EXTENT}]²"
                    )
                })?;
                own.points.push(point);
            }
            Ok(positions.len())
        }
        DataEdit::Erase {
            centre,
            radius,
            train,
            test,
        } => {
            if !(radius.is_finite() && *radius >= 0.0 && centre.iter().all(|c| c.is_finite())) {
                return Err("erasing needs a finite centre and a radius of 0 or more".to_string());
            }
            let before = own.points.len();
            own.points.retain(|point| {
                let in_set = match point.set {
                    Set::Train => *train,
                    Set::Test => *test,
                };
                let [x1, x2] = point.coordinates();
                !(in_set && (x1 - centre[0]).hypot(x2 - centre[1]) <= *radius)
            });
            Ok(before - own.points.len())
        }
        DataEdit::Clear => {
            let before = own.points.len();
            own.points.clear();
            Ok(before)
        }
    }
}

/// A drawn point's label as stored: a class of the config, or a value in [−1, 1].
fn stored_label(label: f32, config: &Config) -> Result<i16, String> {
    match config.problem {
        Problem::Classification => {
            let classes = config.classes;
            if label.fract() != 0.0 || !(0.0..classes as f32).contains(&label) {
                return Err(format!(
                    "class {label} does not exist: this playground has classes 0 to {}",
                    classes - 1
                ));
            }
            Ok(label as i16)
        }
        Problem::Regression => quantise(label, 1.0).ok_or_else(|| {
            format!("a value must lie in [−1, 1], got {label} (values are kept to 1/{RESOLUTION})")
        }),
    }
}
