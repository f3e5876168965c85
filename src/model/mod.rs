//! The network as data: dense layers in one contiguous f32 buffer with batched forward
//! and backward passes (`network`, their scratch buffers in `workspace`), how its
//! starting weights are drawn (`initialization`), the model file that saves and loads it
//! (`model_file`), and the dropout masks of training (`dropout`).

pub mod dropout;
pub mod initialization;
pub mod model_file;
pub mod network;
mod workspace;
