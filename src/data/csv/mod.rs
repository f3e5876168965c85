//! Own points as CSV or TSV text: what a person pastes or loads, and what they save.
//!
//! ```text
//! x1,x2,label,set
//! 1.5,-2.25,red,train
//! -0.5,3,blue,test
//! ```
//! Columns `x1`, `x2`, `label` and an optional `set` (`train` or `test`), separated by
//! commas, tabs or semicolons (with a semicolon, `1,5` also reads as 1.5), with or
//! without a header; with one, the columns may come in any order. Blank lines and
//! lines starting with `#` are passed over. Labels are class names, class numbers
//! 0 … 5 or ±1 for classification, values for regression. Reading is a pure function:
//! it gives the points or a refusal that names the line and the column and says why.
//! A class name that a spreadsheet would run as a formula is written with a `'` in
//! front, which reading takes off again (see `inert`).

mod fields;
mod inert;
mod labels;
mod read;
mod table;
mod write;

use crate::data::dataset::Problem;
use crate::data::own::OwnData;

pub use read::read_csv;
pub use write::write_csv;

/// The longest text [`read_csv`] reads, in bytes (1 MiB: 5000 points take about 150 KiB).
pub const MAX_CSV_BYTES: usize = 1 << 20;

/// How [`read_csv`] reads a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CsvOptions {
    /// Whether labels are classes or values.
    pub problem: Problem,
    /// Scale points that lie outside the plotted range in, instead of refusing them.
    pub fit_to_view: bool,
    /// The share, in [0, 1], of the points without a set that train.
    pub train_fraction: f32,
    /// Seed of the choice of those training points.
    pub seed: u32,
}

/// What [`read_csv`] read.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// The points, in file order.
    pub data: OwnData,
    /// The factors applied to fit the view, or `None` when everything fitted.
    pub scaled: Option<Scaling>,
    /// Whether the first row was a header.
    pub header: bool,
    /// The separator: `','`, `'\t'` or `';'`.
    pub separator: char,
    /// How many points had no set and got one from the train fraction.
    pub without_set: usize,
    /// How the labels were read.
    pub labels: Labels,
}

/// How the labels of a file were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Labels {
    /// Class names, numbered in order of first appearance (kept in `class_names`).
    Names,
    /// Class numbers 0 … 5.
    Numbers,
    /// −1 and +1 (at least one −1): class 0 and class 1.
    PlusMinusOne,
    /// Regression values.
    Values,
}

/// The factors [`read_csv`] multiplied by so that every point fits the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scaling {
    /// The factor applied to x1 and x2 (about the origin), 1 when they fitted.
    pub coordinates: f32,
    /// The factor applied to regression values, or `None` when they fitted.
    pub values: Option<f32>,
}

/// "line 17, column label: why": how every refusal of a row begins.
fn refuse(line: usize, column: &str, why: impl std::fmt::Display) -> String {
    format!("line {line}, column {column}: {why}")
}
