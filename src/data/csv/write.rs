//! Writing own points as CSV text that [`read_csv`](super::read_csv) reads back as the
//! same points.

use super::inert::inert;
use crate::data::dataset::Problem;
use crate::data::own::{OwnData, RESOLUTION};
use std::fmt::Write;

/// `data` as CSV: the header `x1,x2,label,set`, then one line a point in order.
/// Coordinates and values are written exactly, with at most 3 decimals; classes by
/// their names (made inert, see `inert`) when `class_names` names every class used,
/// else by their numbers.
pub fn write_csv(data: &OwnData) -> String {
    let names = &data.class_names;
    let named = data.problem == Problem::Classification
        && !names.is_empty()
        && data.points.iter().all(|p| (p.label as usize) < names.len());
    let mut text = String::with_capacity(24 * (data.points.len() + 1));
    text.push_str("x1,x2,label,set\n");
    for point in &data.points {
        let [x1, x2] = point.position.map(decimal);
        let label = match data.problem {
            Problem::Regression => decimal(point.label),
            Problem::Classification if named => quoted(&inert(&names[point.label as usize])),
            Problem::Classification => point.label.to_string(),
        };
        let _ = writeln!(text, "{x1},{x2},{label},{}", point.set.name());
    }
    text
}

/// A value stored in thousandths as a decimal: 1500 → "1.5", −250 → "-0.25", 0 → "0".
fn decimal(units: i16) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let per_unit = RESOLUTION as u16;
    let (whole, fraction) = (
        units.unsigned_abs() / per_unit,
        units.unsigned_abs() % per_unit,
    );
    match fraction {
        0 => format!("{sign}{whole}"),
        _ => format!(
            "{sign}{whole}.{}",
            format!("{fraction:03}").trim_end_matches('0')
        ),
    }
}

/// A class name as a field: in double quotes (each `"` doubled) when it holds a comma
/// or a quote or starts or ends with a blank, else as it is.
fn quoted(name: &str) -> String {
    if name.contains([',', '"']) || name.trim() != name {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact_and_short() {
        let written: Vec<String> = [1500, -250, 0, 6000, -6000, 1, -999, 1234]
            .map(decimal)
            .into();
        assert_eq!(
            written,
            ["1.5", "-0.25", "0", "6", "-6", "0.001", "-0.999", "1.234"]
        );
    }

    #[test]
    fn names_are_quoted_only_when_they_must_be() {
        assert_eq!(quoted("red"), "red");
        assert_eq!(quoted("dark red"), "dark red");
        assert_eq!(quoted("red, dark"), "\"red, dark\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quoted(" red"), "\" red\"");
    }
}
