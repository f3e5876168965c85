//! Learning-rate schedules: the learning rate α_e used during epoch e (counting from 0),
//! from the configured rate α, a decay factor γ and a period k (in epochs):
//!
//! | schedule | α_e |
//! |---|---|
//! | constant | α |
//! | step | α·γ^⌊e/k⌋ (multiplied by γ every k epochs) |
//! | exponential | α·γ^(e/k) (smoothly, by γ over every k epochs) |

use serde::{Deserialize, Serialize};

/// How the learning rate changes over the epochs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Schedule {
    /// The same rate every epoch.
    Constant,
    /// The rate drops by the decay factor every period.
    Step,
    /// The rate decays smoothly by the decay factor over each period.
    Exponential,
}

impl Schedule {
    /// Every schedule, in the order the page lists them.
    pub const ALL: [Schedule; 3] = [Schedule::Constant, Schedule::Step, Schedule::Exponential];

    /// The name used in configs and share links.
    pub fn name(self) -> &'static str {
        match self {
            Schedule::Constant => "constant",
            Schedule::Step => "step",
            Schedule::Exponential => "exponential",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Schedule::Constant => "Constant",
            Schedule::Step => "Step decay",
            Schedule::Exponential => "Exponential",
        }
    }

    /// α_e for `epoch` (from 0), given α, γ and the period k.
    pub fn rate(self, learning_rate: f64, decay: f64, period: u32, epoch: u32) -> f64 {
        let periods = f64::from(epoch) / f64::from(period.max(1));
        match self {
            Schedule::Constant => learning_rate,
            Schedule::Step => learning_rate * decay.powf(periods.floor()),
            Schedule::Exponential => learning_rate * decay.powf(periods),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_by_epoch() {
        // α = 0.1, γ = 0.5, k = 10.
        let rate = |schedule: Schedule, epoch| schedule.rate(0.1, 0.5, 10, epoch);
        assert_eq!(rate(Schedule::Constant, 35), 0.1);
        assert_eq!(rate(Schedule::Step, 9), 0.1);
        assert_eq!(rate(Schedule::Step, 10), 0.05);
        assert_eq!(rate(Schedule::Step, 35), 0.0125);
        assert!((rate(Schedule::Exponential, 5) - 0.1 * 0.5f64.sqrt()).abs() < 1e-12);
        assert!((rate(Schedule::Exponential, 20) - 0.025).abs() < 1e-12);
    }
}
