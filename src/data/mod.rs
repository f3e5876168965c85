//! What the network learns from: the seeded toy datasets with their train/test split
//! (`dataset`), a person's own points (`own`) and the share link's compact text for
//! them and for trained weights (`link`), and the input features computed from each
//! point (`features`).

pub mod dataset;
pub mod features;
pub mod link;
pub mod own;
