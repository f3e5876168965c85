//! One running playground: the trainer (data + network + settings, trained epoch by
//! epoch), and what looks inside it — one sample's numbers (`inspection`), each
//! layer's health (`health`), and why a run diverged (`divergence`) — and the lesson
//! file that carries a whole playground (`lesson`).

pub mod divergence;
pub mod health;
pub mod inspection;
pub mod lesson;
pub mod trainer;
