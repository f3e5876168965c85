//! One running playground: the trainer (data + network + settings, trained epoch by
//! epoch), and what looks inside it — one sample's numbers (`inspection`), each
//! layer's health (`health`), and why a run diverged (`divergence`).

pub mod divergence;
pub mod health;
pub mod inspection;
pub mod trainer;
