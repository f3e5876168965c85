//! The choices of a setting: one [`Choice`] per name the setting can take, read from the
//! names and labels of the enum the setting holds (so no list of names is written twice).

use crate::config::view::Palette;
use crate::data::dataset::{Dataset, Problem};
use crate::data::features::Feature;
use crate::learn::optimizer::Optimizer;
use crate::learn::schedule::Schedule;
use crate::math::activation::Activation;
use crate::math::loss::Loss;
use crate::math::regularization::Regularization;
use crate::model::initialization::Initialization;
use serde::{Serialize, Serializer};
use std::fmt;

/// One value a choice (or a list of names) can take.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// The name in configs and the address.
    pub value: &'static str,
    /// The words a control shows.
    pub label: &'static str,
    /// For a dataset: the problem it poses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<&'static str>,
    /// For a dataset: the most classes it can have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_classes: Option<usize>,
}

impl Choice {
    fn new(value: &'static str, label: &'static str) -> Self {
        Choice {
            value,
            label,
            problem: None,
            max_classes: None,
        }
    }
}

/// The choices of a setting, made when they are read from the names and labels of the
/// enum the setting holds.
#[derive(Clone, Copy)]
pub struct Choices(pub fn() -> Vec<Choice>);

impl Choices {
    /// The choices, in the order a control lists them.
    pub fn list(&self) -> Vec<Choice> {
        (self.0)()
    }
}

impl fmt::Debug for Choices {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.list()).finish()
    }
}

impl Serialize for Choices {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.list().serialize(serializer)
    }
}

/// The choices of an enum, from `all` its values and their names and labels.
fn choices<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|&item| Choice::new(name(item), label(item)))
        .collect()
}

/// The datasets, each with the problem it poses and its most classes.
pub(super) fn datasets() -> Vec<Choice> {
    Dataset::ALL
        .iter()
        .map(|&dataset| Choice {
            problem: dataset.problem().map(Problem::name),
            max_classes: Some(dataset.max_classes()),
            ..Choice::new(dataset.name(), dataset.label())
        })
        .collect()
}

/// The activation functions.
pub(super) fn activations() -> Vec<Choice> {
    choices(&Activation::ALL, Activation::name, Activation::label)
}

/// The regularization penalties.
pub(super) fn regularizations() -> Vec<Choice> {
    choices(
        &Regularization::ALL,
        Regularization::name,
        Regularization::label,
    )
}

/// The input features.
pub(super) fn features() -> Vec<Choice> {
    choices(&Feature::ALL, Feature::name, Feature::label)
}

/// The problem types.
pub(super) fn problems() -> Vec<Choice> {
    choices(&Problem::ALL, Problem::name, Problem::label)
}

/// The loss functions.
pub(super) fn losses() -> Vec<Choice> {
    choices(&Loss::ALL, Loss::name, Loss::label)
}

/// The starting-weights schemes.
pub(super) fn initializations() -> Vec<Choice> {
    choices(
        &Initialization::ALL,
        Initialization::name,
        Initialization::label,
    )
}

/// The learning-rate schedules.
pub(super) fn schedules() -> Vec<Choice> {
    choices(&Schedule::ALL, Schedule::name, Schedule::label)
}

/// The optimizers.
pub(super) fn optimizers() -> Vec<Choice> {
    choices(&Optimizer::ALL, Optimizer::name, Optimizer::label)
}

/// The colour palettes.
pub(super) fn palettes() -> Vec<Choice> {
    choices(&Palette::ALL, Palette::name, Palette::label)
}
