//! The range of a number setting: what it accepts (as written, and as the trainer uses
//! it, in single precision where it does), and the message that refuses a value.

use serde::Serialize;
use std::fmt;

/// The numbers a number setting accepts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    /// The low end.
    pub min: f64,
    /// The high end.
    pub max: f64,
    /// Whether the low end itself is refused.
    pub min_exclusive: bool,
    /// Whether the high end itself is refused.
    pub max_exclusive: bool,
    /// Whether only whole numbers are accepted.
    pub whole: bool,
    /// The values a control offers as a ladder (any value in range is accepted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offered: Option<&'static [f64]>,
    /// How the trainer uses the value: as it is, or as a 32-bit float, which must then
    /// be in range too (0.99999999 is refused where 1 is, since it is 1 in f32).
    pub precision: Precision,
}

/// How the trainer uses a number setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Precision {
    /// As it is, an f64.
    Double,
    /// As its f32 (`value as f32`), and only so: two values with the same f32 are the
    /// same setting, and the page writes the shorter.
    Single,
    /// As an f32 rounded from f64 arithmetic on the value: the learning rate, which the
    /// schedule multiplies by γ^… in f64 before rounding. Its f32 is the rate of epoch 0
    /// and is checked; two values with the same f32 can train differently once the rate
    /// decays, so the value is kept as written.
    Computed,
}

impl Range {
    /// From `min` to `max`, both included.
    pub const fn closed(min: f64, max: f64) -> Self {
        Range {
            min,
            max,
            min_exclusive: false,
            max_exclusive: false,
            whole: false,
            offered: None,
            precision: Precision::Double,
        }
    }

    /// The whole numbers from `min` to `max`.
    pub const fn whole(min: f64, max: f64) -> Self {
        Range {
            whole: true,
            ..Range::closed(min, max)
        }
    }

    /// Greater than `min`, at most `max`.
    pub const fn above(min: f64, max: f64) -> Self {
        Range {
            min_exclusive: true,
            ..Range::closed(min, max)
        }
    }

    /// At least `min`, below `max`.
    pub const fn below(min: f64, max: f64) -> Self {
        Range {
            max_exclusive: true,
            ..Range::closed(min, max)
        }
    }

    /// The same range, with a ladder of values for a control to offer.
    pub const fn offering(self, offered: &'static [f64]) -> Self {
        Range {
            offered: Some(offered),
            ..self
        }
    }

    /// The same range, for a setting the trainer uses as `precision` says.
    pub const fn used_as(self, precision: Precision) -> Self {
        Range { precision, ..self }
    }

    /// The value the trainer uses first for `value`: the nearest f32 unless the setting
    /// is used as it is.
    pub fn used(&self, value: f64) -> f64 {
        match self.precision {
            Precision::Double => value,
            Precision::Single | Precision::Computed => f64::from(value as f32),
        }
    }

    /// Whether `value` is accepted (never NaN or infinite): it is in range, and so is
    /// the value the trainer uses for it.
    pub fn contains(&self, value: f64) -> bool {
        self.holds(value) && self.holds(self.used(value))
    }

    /// Whether `value` itself is in range.
    fn holds(&self, value: f64) -> bool {
        let above_min = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        let below_max = if self.max_exclusive {
            value < self.max
        } else {
            value <= self.max
        };
        value.is_finite() && above_min && below_max && (!self.whole || value.fract() == 0.0)
    }

    /// The message refusing `value` for `key`.
    pub fn refusal(&self, key: &str, value: f64) -> String {
        let (min, max) = (self.min, self.max);
        let allowed = match (self.whole, self.min_exclusive, self.max_exclusive) {
            (true, _, _) => format!("a whole number from {min} to {max}"),
            (false, false, false) => format!("between {min} and {max}"),
            (false, true, false) => format!("greater than {min} and at most {max}"),
            (false, false, true) => format!("at least {min} and below {max}"),
            (false, true, true) => format!("greater than {min} and below {max}"),
        };
        let message = format!("{key} must be {allowed}, got {}", shown(value));
        if self.holds(value) && !self.contains(value) {
            // In range as written, out of it as trained.
            return format!(
                "{message} (that is {} in single precision, the precision greymatter \
                 trains in)",
                shown(self.used(value) as f32)
            );
        }
        message
    }

    /// What the range accepts, in words.
    pub(super) fn expectation(&self) -> String {
        let (min, max) = (self.min, self.max);
        match (self.whole, self.min_exclusive, self.max_exclusive) {
            (true, _, _) => format!("a whole number from {min} to {max}"),
            (false, false, false) => format!("a number from {min} to {max}"),
            (false, true, false) => format!("a number greater than {min} and at most {max}"),
            (false, false, true) => format!("a number from {min} up to (not including) {max}"),
            (false, true, true) => format!("a number greater than {min} and below {max}"),
        }
    }
}

/// A number as the page writes it (as JavaScript's `String(number)` does, in its
/// shortest form): with an exponent below 1e-6 and from 1e21, so that 1e-320 is not 320
/// digits long.
fn shown<T: Into<f64> + Copy + fmt::Display + fmt::LowerExp>(number: T) -> String {
    let value = number.into();
    let size = value.abs();
    if value.is_infinite() {
        // As JavaScript writes it, where the value came from ("inf" is Rust's word).
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if size != 0.0 && size < 1e-6 {
        format!("{number:e}")
    } else if size >= 1e21 && size.is_finite() {
        format!("{number:e}").replace('e', "e+")
    } else {
        format!("{number}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::schema::{setting, Setting};

    #[test]
    fn an_infinite_value_is_named_as_javascript_writes_it() {
        let rate = setting("learningRate").and_then(Setting::range).unwrap();
        assert_eq!(
            rate.refusal("learningRate", f64::INFINITY),
            "learningRate must be greater than 0 and at most 10, got Infinity"
        );
        assert_eq!(
            rate.refusal("learningRate", f64::NEG_INFINITY),
            "learningRate must be greater than 0 and at most 10, got -Infinity"
        );
        assert_eq!(shown(f64::NAN), "NaN");
    }
}
