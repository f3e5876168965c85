//! greymatter: a neural-network playground whose core runs as WebAssembly in the browser.
//!
//! Everything but `wasm` is plain Rust with no browser dependency, so the math is
//! tested and benchmarked natively; `wasm` is the thin boundary the page talks to.
#![warn(missing_docs)]

pub mod activation;
pub mod config;
pub mod dataset;
pub mod divergence;
pub mod features;
pub mod grid;
pub mod initialization;
pub mod inspection;
pub mod kernels;
pub mod loss;
pub mod model;
pub mod network;
pub mod objective;
pub mod optimizer;
pub mod regularization;
pub mod rng;
pub mod schedule;
pub mod trainer;
pub mod training;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use activation::Activation;
pub use config::{Change, Config, ConfigError};
pub use dataset::{Dataset, Point, Problem};
pub use features::Feature;
pub use grid::Heatmap;
pub use initialization::Initialization;
pub use loss::Loss;
pub use model::ModelFile;
pub use network::{LayerShape, Network, OutputGradient, Workspace};
pub use objective::Objective;
pub use optimizer::Optimizer;
pub use regularization::Regularization;
pub use schedule::Schedule;
pub use trainer::Trainer;
