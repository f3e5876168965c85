//! Checking a value against its row: the range of a number, the neuron counts and rates
//! of the hidden layers, formulas; the refusal names the setting and what it accepts.

use super::row::{Kind, Setting};
use crate::config::fields::Fields;
use crate::config::ConfigError;
use crate::given::Given;
use crate::math::formula::Formula;
use std::any::Any;

impl Setting {
    /// Checks `value` (the field the row describes) against the row's range: numbers
    /// and the neuron counts of the hidden layers.
    pub fn check(&self, value: &dyn Any) -> Result<(), ConfigError> {
        let key = self.key;
        match &self.kind {
            Kind::Number(range) => {
                let number = number_in(value);
                if !range.contains(number) {
                    return Err(ConfigError::new(key, range.refusal(key, number)));
                }
            }
            Kind::Counts {
                max_length,
                min,
                max,
            } => {
                let counts = value
                    .downcast_ref::<Vec<usize>>()
                    .map_or(&[][..], Vec::as_slice);
                check_layers(key, counts.len(), *max_length)?;
                if let Some((layer, count)) = counts
                    .iter()
                    .enumerate()
                    .find(|(_, count)| !(min..=max).contains(count))
                {
                    return Err(ConfigError::new(
                        key,
                        format!(
                            "{key} layer {} must have {min} to {max} neurons, got {count}",
                            layer + 1
                        ),
                    ));
                }
            }
            Kind::Rates {
                max_length, range, ..
            } => {
                let rates = value
                    .downcast_ref::<Vec<f64>>()
                    .map_or(&[][..], Vec::as_slice);
                check_layers(key, rates.len(), *max_length)?;
                if let Some((layer, &rate)) = rates
                    .iter()
                    .enumerate()
                    .find(|(_, &rate)| !range.contains(rate))
                {
                    let name = format!("{key} of hidden layer {}", layer + 1);
                    return Err(ConfigError::new(key, range.refusal(&name, rate)));
                }
            }
            Kind::Formula { .. } => {
                let text = value.downcast_ref::<String>().map_or("", String::as_str);
                check_formula(key, text).map_err(|message| ConfigError::new(key, message))?;
            }
            Kind::Formulas { max_length, .. } => {
                let texts = value
                    .downcast_ref::<Vec<String>>()
                    .map_or(&[][..], Vec::as_slice);
                check_formulas(key, texts, *max_length)?;
            }
            Kind::Choice { .. } | Kind::Names { .. } | Kind::Toggle => {}
        }
        Ok(())
    }
}

/// Refuses a per-layer list of `length` entries longer than `max_length` layers.
fn check_layers(key: &str, length: usize, max_length: usize) -> Result<(), ConfigError> {
    if length > max_length {
        return Err(ConfigError::new(
            key,
            format!("{key} allows at most {max_length} layers, got {length}"),
        ));
    }
    Ok(())
}

/// Parses `text` and checks it is finite on the plane; the refusal quotes it and names
/// the column or the point: `datasetFormula "sinn(x1)": at column 1: unknown function 'sinn' …`.
fn check_formula(what: &str, text: &str) -> Result<Formula, String> {
    let formula = Formula::parse(text).map_err(|error| {
        format!(
            "{what} {}: {error}",
            Given::Text(text.to_string()).describe()
        )
    })?;
    formula
        .check_finite()
        .map_err(|message| format!("{what}: {message}"))?;
    Ok(formula)
}

/// Checks a list of formulas: at most `max_length`, each valid, no two the same
/// formula (as their canonical forms say); the refusal names the entry by its index.
fn check_formulas(key: &str, texts: &[String], max_length: usize) -> Result<(), ConfigError> {
    if texts.len() > max_length {
        return Err(ConfigError::new(
            key,
            format!(
                "{key} allows at most {max_length} formulas, got {}",
                texts.len()
            ),
        ));
    }
    let mut canonical = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let formula = check_formula(&format!("{key}[{index}]"), text)
            .map_err(|message| ConfigError::new(key, message))?;
        let written = formula.to_string();
        if let Some(earlier) = canonical.iter().position(|other| *other == written) {
            return Err(ConfigError::new(
                key,
                format!("{key}[{index}] is {written}, the same formula as {key}[{earlier}]"),
            ));
        }
        canonical.push(written);
    }
    Ok(())
}

/// A number field's value as f64 (NaN for a field that holds no number).
fn number_in(value: &dyn Any) -> f64 {
    if let Some(&number) = value.downcast_ref::<f64>() {
        number
    } else if let Some(&number) = value.downcast_ref::<u32>() {
        f64::from(number)
    } else if let Some(&number) = value.downcast_ref::<usize>() {
        number as f64
    } else {
        f64::NAN
    }
}

/// Checks every field of `value` against its row of `rows`.
pub(crate) fn check_rows<T: Fields>(value: &T, rows: &[Setting]) -> Result<(), ConfigError> {
    for row in rows {
        let field = value
            .field(row.key)
            .ok_or_else(|| ConfigError::new(row.key, format!("{} is not a field", row.key)))?;
        row.check(field)?;
    }
    Ok(())
}
