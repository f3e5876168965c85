//! greymatter: a neural-network playground whose core runs as WebAssembly in the browser.
//!
//! Everything but `wasm` is plain Rust with no browser dependency, so the math is
//! tested and benchmarked natively; `wasm` is the thin boundary the page talks to.
//!
//! The modules, each depending only on those listed before it, with one exception:
//! `data` reads its size limits from [`config::limits`] (plain constants), so the
//! points it accepts are bounded as a config's are.
//! - [`given`]: a value as a script or a file gave it, read with refusals that name the
//!   field and quote it;
//! - [`version`]: greymatter's version and the version check of a versioned document;
//! - [`math`]: activations, losses, regularization, formulas over x1 and x2, the SIMD
//!   kernels, the seeded generator;
//! - [`data`]: the generated datasets, the input features, a person's own points, CSV and
//!   the share link's codec;
//! - [`model`]: the network, its starting weights, dropout, the model file;
//! - [`learn`]: the objective (output layer and targets), one training step, optimizers
//!   and learning-rate schedules;
//! - [`config`]: the settings, their schema table (one row per setting), validation
//!   and limits, and the view options;
//! - [`session`]: the trainer (data + network + epochs), evaluation, editing,
//!   inspection, layer health, why a run diverged, histograms, lesson files;
//! - [`picture`]: every neuron over the input plane, coloured into RGBA;
//! - `wasm` (wasm32 only): the `Playground` handle and the free functions JS calls.
#![warn(missing_docs)]

pub mod config;
pub mod data;
pub mod given;
pub mod learn;
pub mod math;
pub mod model;
pub mod picture;
pub mod session;
pub mod version;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use config::{Change, Config, ConfigError};
pub use data::dataset::{Dataset, Point, Problem};
pub use data::features::Feature;
pub use data::own::{OwnData, OwnPoint, Set};
pub use learn::objective::Objective;
pub use learn::optimizer::Optimizer;
pub use learn::schedule::Schedule;
pub use math::activation::Activation;
pub use math::loss::Loss;
pub use math::regularization::Regularization;
pub use model::initialization::Initialization;
pub use model::model_file::ModelFile;
pub use model::network::{LayerShape, Network, OutputGradient, Workspace};
pub use picture::Heatmap;
pub use session::trainer::{DataEdit, DrawTarget, Trainer};
