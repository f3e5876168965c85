//! The label column read as classes (names, numbers 0 … 5 or ±1) or as values.

use super::fields::number;
use super::inert::name_of;
use super::refuse;
use super::table::{Column, Row, Table};
use super::Labels;
use crate::data::dataset::{Problem, MAX_CLASSES};
use crate::data::own::check_class_name;
use crate::given::quote;

/// The labels of a table: a class or a value for each row, and the class names.
pub(super) struct LabelColumn {
    /// Classification: the class of each row.
    pub classes: Vec<i16>,
    /// Regression: the value of each row, not yet checked against [−1, 1].
    pub values: Vec<f64>,
    pub names: Vec<String>,
    pub kind: Labels,
}

impl LabelColumn {
    /// The labels of `table` for `problem`, or the refusal of the first that does not fit.
    pub fn read(table: &Table, problem: Problem) -> Result<LabelColumn, String> {
        let title = table.title_of(Column::Label);
        match problem {
            Problem::Classification => read_classes(&table.rows, title, table.decimal_comma()),
            Problem::Regression => {
                let values = read_values(&table.rows, title, table.decimal_comma())?;
                Ok(LabelColumn {
                    classes: Vec::new(),
                    values,
                    names: Vec::new(),
                    kind: Labels::Values,
                })
            }
        }
    }
}

/// Classes from names (numbered in order of first appearance) or from numbers.
fn read_classes(rows: &[Row], title: &str, decimal_comma: bool) -> Result<LabelColumn, String> {
    let first = &rows[0];
    let numbered = number(&first.label, decimal_comma).is_some();
    let mut names: Vec<String> = Vec::new();
    let mut numbers = Vec::with_capacity(rows.len());
    for row in rows {
        let at = |why: String| refuse(row.line, title, why);
        let label = &row.label;
        if label.is_empty() {
            return Err(at("empty; every point needs a label".to_string()));
        }
        let value = number(label, decimal_comma);
        if value.is_some() != numbered {
            let [this, that] = match numbered {
                true => ["a class name", "a class number"],
                false => ["a class number", "a class name"],
            };
            return Err(at(format!(
                "'{label}' is {this}, but line {} has {that} ('{}'); give every point a class name, or every point a class number",
                first.line, first.label
            )));
        }
        match value {
            Some(value) if value.fract() != 0.0 => {
                let why = "is not a class number; for values, switch the problem to regression";
                return Err(at(format!("'{label}' {why}")));
            }
            Some(value) => numbers.push(value),
            None if names.iter().any(|name| name == name_of(label)) => {}
            None if names.len() == MAX_CLASSES => {
                return Err(at(format!(
                    "'{label}' would be a {}th class; greymatter draws at most {MAX_CLASSES} (the classes so far are {})",
                    MAX_CLASSES + 1,
                    names.join(", ")
                )));
            }
            None => {
                let name = name_of(label);
                check_class_name(name)
                    .map_err(|why| at(format!("the class name {} {why}", quote(name))))?;
                names.push(name.to_string());
            }
        }
    }
    let (classes, kind) = if !numbered {
        let class = |row: &Row| {
            let name = name_of(&row.label);
            names.iter().position(|n| n == name).unwrap_or(0) as i16
        };
        (rows.iter().map(class).collect(), Labels::Names)
    } else if numbers.contains(&-1.0) && numbers.iter().all(|&v| v == -1.0 || v == 1.0) {
        let class = |&value: &f64| i16::from(value > 0.0);
        (numbers.iter().map(class).collect(), Labels::PlusMinusOne)
    } else {
        (class_numbers(rows, &numbers, title)?, Labels::Numbers)
    };
    Ok(LabelColumn {
        classes,
        values: Vec::new(),
        names,
        kind,
    })
}

/// Whole `numbers` as classes 0 … 5.
fn class_numbers(rows: &[Row], numbers: &[f64], title: &str) -> Result<Vec<i16>, String> {
    let class = |(row, &value): (&Row, &f64)| {
        if (0.0..MAX_CLASSES as f64).contains(&value) {
            return Ok(value as i16);
        }
        let why = format!(
            "class {} does not exist; classes are numbered 0 to {} (or −1 and 1 for two classes)",
            row.label,
            MAX_CLASSES - 1
        );
        Err(refuse(row.line, title, why))
    };
    rows.iter().zip(numbers).map(class).collect()
}

/// The regression value of each row.
fn read_values(rows: &[Row], title: &str, decimal_comma: bool) -> Result<Vec<f64>, String> {
    let value = |row: &Row| match number(&row.label, decimal_comma) {
        Some(value) => Ok(value),
        None if row.label.is_empty() => {
            Err(refuse(row.line, title, "empty; every point needs a value"))
        }
        None => {
            let why = "is not a number; for class names, switch the problem to classification";
            Err(refuse(row.line, title, format!("'{}' {why}", row.label)))
        }
    };
    rows.iter().map(value).collect()
}
