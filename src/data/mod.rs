//! What the network learns from: the seeded toy datasets with their train/test split
//! (`dataset`), a person's own points (`own`), read and written as CSV (`csv`), as
//! scripts and documents write them (`labelled`) and in share links (`link`), and the
//! input features computed from each point (`features`); the formula dataset labels
//! points by a formula (`formula_dataset`).

pub mod csv;
pub mod dataset;
pub mod features;
pub mod formula_dataset;
pub mod labelled;
pub mod link;
pub mod own;
