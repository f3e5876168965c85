//! The table of settings: one row per setting, the place to add or change one.
//!
//! A row gives the key (as JSON and the address spell it), a short label for its
//! control, what a change does to a running playground ([`Effect`]), its [`Kind`] with
//! the range or the choices, and, with `.hides(…)`, the words for what a classroom's
//! `<key>_hide=true` hides. The default is not written here: it is read from
//! [`Config::default`](crate::config::Config) (and
//! [`ViewOptions::default`](crate::config::view::ViewOptions)) when the schema is
//! serialised. A new config setting also needs its field in `Config` (`config/mod.rs`);
//! rules that tie settings together are hand-written in `config/validation.rs`.

use super::choices::{
    activations, datasets, features, initializations, losses, optimizers, palettes, problems,
    regularizations, schedules, Choice, Choices,
};
use super::range::{Precision, Range};
use super::row::{Effect, Kind, Setting};
use crate::config::limits::*;
use crate::data::dataset::MAX_CLASSES;
use crate::data::features::Feature;
use crate::math::formula;

/// A number setting that accepts `range`.
const fn number(range: Range) -> Kind {
    Kind::Number(range)
}

/// A setting that holds one of `choices` (a list in `choices.rs`).
const fn choice(choices: fn() -> Vec<Choice>) -> Kind {
    Kind::Choice {
        choices: Choices(choices),
    }
}

// The ladders of values a control offers (any value in range is accepted).
const LEARNING_RATES: &[f64] = &[
    0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];
const REGULARIZATION_RATES: &[f64] = &[0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];
const DROPOUT_RATES: &[f64] = &[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const CLASSES: &[f64] = &[2.0, 3.0, 4.0, 5.0, 6.0];
const SPEEDS: &[f64] = &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];
/// Any whole number a u32 holds (seeds, epochs).
const ANY_U32: Range = Range::whole(0.0, u32::MAX as f64);
/// [0, 1): the decay rates of momentum, RMSProp and Adam, which the optimizer uses as
/// f32 (so 0.99999999, which is 1 in f32, is refused).
const DECAY: Range = Range::below(0.0, 1.0).used_as(Precision::Single);

use Effect::*;

/// The config rows, in the order the address bar writes them.
///
/// `used_as` marks the numbers the trainer takes as f32 (see the trainer's
/// `optimizer_settings` and `step_settings`): the regularization rate and the
/// optimizer's μ, ρ, β₁, β₂, ε as `value as f32`, the learning rate through the schedule
/// (α·γ^… in f64, then `as f32`). The others are used as they are: `decayRate` in that
/// f64 product, `stopAtLoss` compared in f64 with the loss; `noise` and `trainRatio`
/// become the f32 fractions `value / 100`, which no rounding takes out of their closed
/// ranges.
#[rustfmt::skip]
pub(super) static SETTINGS: &[Setting] = &[
    Setting::config("dataset", "Dataset", Regenerated, choice(datasets))
        .hides("the dataset picker"),
    Setting::config("noise", "Noise", Regenerated, number(Range::closed(0.0, MAX_NOISE)))
        .hides("the noise"),
    Setting::config("trainRatio", "Ratio of training to test data", Regenerated,
        number(Range::closed(TRAIN_RATIO.0, TRAIN_RATIO.1)))
        .hides("the ratio of training data"),
    Setting::config("batchSize", "Batch size", Kept,
        number(Range::whole(1.0, MAX_BATCH_SIZE as f64)))
        .hides("the batch size"),
    Setting::config("learningRate", "Learning rate", Kept,
        number(Range::above(0.0, MAX_LEARNING_RATE).offering(LEARNING_RATES)
            .used_as(Precision::Computed)))
        .hides("the learning rate"),
    Setting::config("activation", "Activation", Reset, choice(activations))
        .hides("the activation"),
    Setting::config("layerActivations", "Activation of each hidden layer", Reset,
        Kind::Names {
            min_length: 0,
            max_length: MAX_HIDDEN_LAYERS,
            unique: false,
            choices: Choices(activations),
            items: "activations, one per hidden layer",
        }),
    Setting::config("regularization", "Regularization", Kept, choice(regularizations))
        .hides("the regularization"),
    Setting::config("regularizationRate", "Regularization rate", Kept,
        number(Range::closed(0.0, MAX_REGULARIZATION_RATE).offering(REGULARIZATION_RATES)
            .used_as(Precision::Single)))
        .hides("the regularization rate"),
    Setting::config("dropout", "Dropout rate of each hidden layer", Kept,
        Kind::Rates {
            max_length: MAX_HIDDEN_LAYERS,
            range: Range::closed(0.0, MAX_DROPOUT).offering(DROPOUT_RATES)
                .used_as(Precision::Single),
            items: "dropout rates, one per hidden layer",
        })
        .hides("the dropout rates"),
    Setting::config("hidden", "Hidden layers", Reset,
        Kind::Counts { max_length: MAX_HIDDEN_LAYERS, min: 1, max: MAX_NEURONS_PER_LAYER })
        .hides("the layer and neuron buttons"),
    Setting::config("features", "Inputs", Reset,
        Kind::Names {
            min_length: 1,
            max_length: Feature::ALL.len(),
            unique: true,
            choices: Choices(features),
            items: "inputs",
        }),
    Setting::config("customFeatures", "Formula inputs", Reset,
        Kind::Formulas { max_length: MAX_CUSTOM_FEATURES, max_chars: formula::MAX_LENGTH })
        .hides("the formula inputs"),
    Setting::config("problem", "Problem type", Regenerated, choice(problems))
        .hides("the problem type"),
    Setting::config("classes", "Classes", Regenerated,
        number(Range::whole(2.0, MAX_CLASSES as f64).offering(CLASSES)))
        .hides("the number of classes"),
    Setting::config("loss", "Loss", ResetIfOutputLayerChanges, choice(losses))
        .hides("the loss"),
    Setting::config("initialization", "Starting weights", Reset, choice(initializations))
        .hides("the starting-weights scheme"),
    Setting::config("schedule", "Rate schedule", Kept, choice(schedules))
        .hides("the learning-rate schedule"),
    Setting::config("decayRate", "Decay γ", Kept, number(Range::above(0.0, 1.0)))
        .hides("the schedule's decay γ"),
    Setting::config("decayEpochs", "every k epochs", Kept,
        number(Range::whole(1.0, MAX_DECAY_EPOCHS as f64)))
        .hides("the schedule's period"),
    Setting::config("stopAfter", "Stop after (epochs, 0 = never)", Kept, number(ANY_U32))
        .hides("the stop-after epochs"),
    Setting::config("stopAtLoss", "Stop at loss", Kept, number(Range::closed(0.0, 1000.0)))
        .hides("the stop-at-loss threshold"),
    Setting::config("optimizer", "Optimizer", Kept, choice(optimizers))
        .hides("the optimizer"),
    Setting::config("momentum", "Momentum μ", Kept, number(DECAY))
        .hides("the momentum μ"),
    Setting::config("rmsDecay", "Decay ρ", Kept, number(DECAY))
        .hides("the RMSProp decay ρ"),
    Setting::config("beta1", "β₁", Kept, number(DECAY))
        .hides("Adam's β₁"),
    Setting::config("beta2", "β₂", Kept, number(DECAY))
        .hides("Adam's β₂"),
    Setting::config("epsilon", "ε", Kept,
        number(Range::above(0.0, 1.0).used_as(Precision::Single)))
        .hides("the ε of RMSProp and Adam"),
    Setting::config("seed", "Seed", Reset, number(ANY_U32)),
    Setting::config("dataSeed", "Data seed", NewData, number(ANY_U32)),
    Setting::config("samples", "Samples", Regenerated,
        number(Range::whole(MIN_SAMPLES as f64, MAX_SAMPLES as f64))),
    Setting::config("datasetFormula", "f(x₁, x₂)", Regenerated,
        Kind::Formula { max_chars: formula::MAX_LENGTH })
        .hides("the dataset formula"),
];

/// The view option rows, in the order the address bar writes them.
#[rustfmt::skip]
pub(super) static VIEW: &[Setting] = &[
    Setting::view("epochsPerFrame", "Speed",
        number(Range::whole(1.0, MAX_EPOCHS_PER_FRAME as f64).offering(SPEEDS)))
        .hides("the speed (epochs per frame)"),
    Setting::view("showTestData", "Show test data", Kind::Toggle)
        .hides("the show-test-data toggle"),
    Setting::view("gradientLinks", "Colour links by the gradient ∂J/∂w instead of the weight",
        Kind::Toggle)
        .hides("the gradient-links toggle"),
    Setting::view("discretize", "Discretize output", Kind::Toggle)
        .hides("the discretize toggle"),
    Setting::view("palette", "Colour-blind-safe colours", choice(palettes))
        .hides("the colour-blind toggle"),
];
