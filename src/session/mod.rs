//! One running playground: the trainer (data + network + settings, trained epoch by
//! epoch), and what looks inside it — one sample's numbers (`inspection`), each
//! layer's health (`health`), the histograms of its weights and activations
//! (`histograms`), what a layer sees of the plane (`layer_plane`), and why a run
//! diverged (`divergence`) — and the lesson
//! file that carries a whole playground (`lesson`).

pub mod divergence;
pub mod health;
pub mod histograms;
pub mod inspection;
pub mod layer_plane;
pub mod lesson;
pub mod trainer;
