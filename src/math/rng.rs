//! The seeded random generator behind every random choice of a playground.
//!
//! One algorithm (ChaCha8, portable: the same seed gives the same numbers on every
//! platform and in every browser) and one seed per purpose. Each purpose reads its own
//! ChaCha stream, so drawing new starting weights never changes the data and "reset"
//! can replay exactly the same starting weights, and turning dropout on leaves the
//! shuffling as it was.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Which independent stream of a seed a generator reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Generated data points.
    Data = 1,
    /// Starting weights and biases.
    Weights = 2,
    /// The order of training samples in each epoch.
    Shuffle = 3,
    /// The dropout masks of the training batches.
    Dropout = 4,
}

/// A seeded, reproducible generator.
#[derive(Clone, Debug)]
pub struct SeededRng(ChaCha8Rng);

impl SeededRng {
    /// The generator for `stream` of `seed`.
    pub fn new(seed: u32, stream: Stream) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(u64::from(seed));
        rng.set_stream(stream as u64);
        SeededRng(rng)
    }

    /// Uniform in [low, high).
    pub fn uniform(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * self.0.random::<f32>()
    }

    /// Normal with the given mean and variance (Box–Muller transform).
    pub fn normal(&mut self, mean: f32, variance: f32) -> f32 {
        let u1 = 1.0 - self.0.random::<f64>(); // in (0, 1]: ln is finite
        let u2 = self.0.random::<f64>();
        let standard = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        mean + variance.sqrt() * standard as f32
    }

    /// How far the generator has read its stream (in 32-bit words), to resume from.
    pub fn position(&self) -> u128 {
        self.0.get_word_pos()
    }

    /// Continues from `position` (as [`SeededRng::position`] gave it).
    pub fn set_position(&mut self, position: u128) {
        self.0.set_word_pos(position);
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.0.random_range(0..=i as u32) as usize;
            items.swap(i, j);
        }
    }
}

/// A fresh seed from the platform's entropy source (the browser's
/// `crypto.getRandomValues` on the web).
pub fn fresh_seed() -> u32 {
    let mut bytes = [0u8; 4];
    // Entropy is only used to pick a seed: fall back to a fixed one if the platform has none.
    if getrandom::fill(&mut bytes).is_err() {
        return 1;
    }
    u32::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers_and_streams_differ() {
        let mut a = SeededRng::new(7, Stream::Data);
        let mut b = SeededRng::new(7, Stream::Data);
        let mut c = SeededRng::new(7, Stream::Weights);
        let xs: Vec<f32> = (0..5).map(|_| a.uniform(-1.0, 1.0)).collect();
        let ys: Vec<f32> = (0..5).map(|_| b.uniform(-1.0, 1.0)).collect();
        let zs: Vec<f32> = (0..5).map(|_| c.uniform(-1.0, 1.0)).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn normal_has_roughly_the_asked_moments() {
        let mut rng = SeededRng::new(3, Stream::Data);
        let samples: Vec<f32> = (0..20_000).map(|_| rng.normal(2.0, 4.0)).collect();
        let mean = samples.iter().sum::<f32>() / samples.len() as f32;
        let variance =
            samples.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / samples.len() as f32;
        assert!((mean - 2.0).abs() < 0.05, "mean {mean}");
        assert!((variance - 4.0).abs() < 0.15, "variance {variance}");
    }
}
