//! One running playground: the trainer (data + network + settings, trained epoch by
//! epoch), and what looks inside it — one sample's numbers and each layer's health
//! (`inspection`), and why a run diverged (`divergence`).

pub mod divergence;
pub mod inspection;
pub mod trainer;
