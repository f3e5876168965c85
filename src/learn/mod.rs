//! How a network learns: what it is asked to do (`objective`: the output layer, the
//! targets, the predicted class), the cost and gradient of one mini-batch
//! (`training`), the update rules (`optimizer`) and the learning rate over the epochs
//! (`schedule`).

pub mod objective;
pub mod optimizer;
pub mod schedule;
pub mod training;
