//! The mathematics every other part builds on, with no knowledge of networks or data:
//! activation functions, losses and weight penalties (each a value and a derivative),
//! the SIMD kernels of the hot paths, and the seeded random generator.

pub mod activation;
pub mod formula;
pub mod kernels;
pub mod loss;
pub mod regularization;
pub mod rng;
