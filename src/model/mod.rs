//! The network as data: dense layers in one contiguous f32 buffer with batched forward
//! and backward passes (`network`), how its starting weights are drawn
//! (`initialization`), and the model file that saves and loads it (`model_file`).

pub mod initialization;
pub mod model_file;
pub mod network;
