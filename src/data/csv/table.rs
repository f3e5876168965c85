//! The rows of a CSV text: its lines, the header (or the usual column order) and each
//! row's coordinates, label text and set.

use super::fields::{number, numbered_lines, separator_of, split_fields};
use super::{refuse, MAX_CSV_BYTES};
use crate::data::own::{Set, MAX_POINTS};

/// A column greymatter reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    X1,
    X2,
    Label,
    Set,
}

/// What a header may call the columns.
const COLUMNS: &str = "the columns are x1 (or x), x2 (or y), label (or class, value, target) and optionally set (or split)";

impl Column {
    /// In the order a file without a header lists them.
    const ALL: [Column; 4] = [Column::X1, Column::X2, Column::Label, Column::Set];

    /// The names a header may give it, ignoring case; the first is the usual one.
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::X1 => &["x1", "x"],
            Column::X2 => &["x2", "y"],
            Column::Label => &["label", "class", "value", "target"],
            Column::Set => &["set", "split"],
        }
    }

    fn named(name: &str) -> Option<Column> {
        let known = |column: &Column| column.names().iter().any(|n| n.eq_ignore_ascii_case(name));
        Column::ALL.into_iter().find(known)
    }
}

/// One row as read, before its label is understood.
pub(super) struct Row {
    /// The person's line number.
    pub line: usize,
    pub position: [f64; 2],
    pub label: String,
    /// `None` when the row has no set column or leaves it empty.
    pub set: Option<Set>,
}

/// The rows of a text, with what messages call its columns.
pub(super) struct Table {
    pub rows: Vec<Row>,
    pub header: bool,
    pub separator: char,
    columns: Vec<Column>,
    /// The header's words, or the usual names without a header.
    titles: Vec<String>,
}

impl Table {
    /// The rows of `text`, or the refusal of its length, its header, its number of
    /// points or its first row that cannot be read.
    pub fn read(text: &str) -> Result<Table, String> {
        if text.len() > MAX_CSV_BYTES {
            return Err(format!(
                "the text is {} bytes long; greymatter reads at most {MAX_CSV_BYTES} bytes (1 MiB)",
                text.len()
            ));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<(usize, &str)> = numbered_lines(text)
            .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .collect();
        let Some(&(first_line, first)) = lines.first() else {
            return Err("there are no points: no line has x1, x2 and a label".to_string());
        };
        let separator = separator_of(first);
        let first_fields = split_fields(first, separator)
            .map_err(|(index, why)| refuse(first_line, &(index + 1).to_string(), why))?;
        let header =
            (first_fields.iter().take(2)).all(|field| number(field, separator == ';').is_none());
        let mut table = match header {
            true => Table::from_header(first_line, first_fields, separator)?,
            false => Table::positional(first_fields.len(), separator),
        };
        let body = &lines[usize::from(header)..];
        if body.is_empty() {
            return Err(format!(
                "line {first_line}: a header but no points below it"
            ));
        }
        if body.len() > MAX_POINTS {
            return Err(format!(
                "{} points is more than greymatter holds: at most {MAX_POINTS}, training and test together (point {} is at line {})",
                body.len(),
                MAX_POINTS + 1,
                body[MAX_POINTS].0
            ));
        }
        table.rows = body
            .iter()
            .map(|&(line, text)| table.read_row(line, text))
            .collect::<Result<_, _>>()?;
        Ok(table)
    }

    /// Whether `1,5` means 1.5: in a file separated by semicolons.
    pub fn decimal_comma(&self) -> bool {
        self.separator == ';'
    }

    /// What messages call `column`.
    pub fn title_of(&self, column: Column) -> &str {
        match self.columns.iter().position(|&c| c == column) {
            Some(index) => &self.titles[index],
            None => column.names()[0],
        }
    }

    /// The title of the column at `index`, or its number past the last column.
    fn title(&self, index: usize) -> String {
        let number = || (index + 1).to_string();
        self.titles.get(index).cloned().unwrap_or_else(number)
    }

    /// x1, x2, label, and set when the first row has four fields or more.
    fn positional(fields: usize, separator: char) -> Table {
        let columns = Column::ALL[..if fields >= 4 { 4 } else { 3 }].to_vec();
        let titles = columns.iter().map(|c| c.names()[0].to_string()).collect();
        Table {
            rows: Vec::new(),
            header: false,
            separator,
            columns,
            titles,
        }
    }

    fn from_header(line: usize, names: Vec<String>, separator: char) -> Result<Table, String> {
        let mut columns = Vec::with_capacity(names.len());
        for (index, name) in names.iter().enumerate() {
            let column = match Column::named(name) {
                Some(column) => column,
                None if name.is_empty() => {
                    let why = format!("the column has no name; {COLUMNS}");
                    return Err(refuse(line, &(index + 1).to_string(), why));
                }
                None => {
                    let why = format!("greymatter reads no such column; {COLUMNS}");
                    return Err(refuse(line, name, why));
                }
            };
            if let Some(earlier) = columns.iter().position(|&c| c == column) {
                let usual = column.names()[0];
                let why = format!("{usual} again (column {} is {usual} already)", earlier + 1);
                return Err(refuse(line, name, why));
            }
            columns.push(column);
        }
        if let Some(missing) = Column::ALL[..3].iter().find(|c| !columns.contains(c)) {
            let (last, others) = missing.names().split_last().unwrap_or((&"", &[]));
            let why = format!(
                "missing from the header (name it {} or {last})",
                others.join(", ")
            );
            return Err(refuse(line, missing.names()[0], why));
        }
        Ok(Table {
            rows: Vec::new(),
            header: true,
            separator,
            columns,
            titles: names,
        })
    }

    fn read_row(&self, line: usize, text: &str) -> Result<Row, String> {
        let at = |index: usize, why: String| refuse(line, &self.title(index), why);
        let fields =
            split_fields(text, self.separator).map_err(|(index, why)| at(index, why.into()))?;
        let (count, expected) = (fields.len(), self.columns.len());
        let columns = || self.titles.join(", ");
        if count < expected {
            let (plural, hint) = match count {
                1 => (
                    "",
                    " (are the fields separated by commas, tabs or semicolons?)",
                ),
                _ => ("s", ""),
            };
            let why = format!(
                "missing: the row has {count} field{plural}, the columns are {}{hint}",
                columns()
            );
            return Err(at(count, why));
        }
        if count > expected {
            let why = format!(
                "the row has {count} fields, more than the {expected} columns ({})",
                columns()
            );
            return Err(at(expected, why));
        }
        let mut row = Row {
            line,
            position: [0.0; 2],
            label: String::new(),
            set: None,
        };
        for (index, (field, &column)) in fields.into_iter().zip(&self.columns).enumerate() {
            match column {
                Column::X1 | Column::X2 => {
                    let axis = usize::from(column == Column::X2);
                    let value = coordinate(&field, self.decimal_comma());
                    row.position[axis] = value.map_err(|why| at(index, why))?;
                }
                Column::Label => row.label = field,
                Column::Set if field.is_empty() => {}
                Column::Set => {
                    let set = Set::from_name(&field.to_ascii_lowercase());
                    let why = "is not a set: write train or test, or leave it empty to split by the train ratio";
                    row.set = Some(set.ok_or_else(|| at(index, format!("'{field}' {why}")))?);
                }
            }
        }
        Ok(row)
    }
}

fn coordinate(field: &str, decimal_comma: bool) -> Result<f64, String> {
    match number(field, decimal_comma) {
        Some(value) => Ok(value),
        None if field.is_empty() => Err("empty; every point needs x1, x2 and a label".to_string()),
        None => Err(format!(
            "'{field}' is not a number (write decimals such as -1.5, 2e-3 or .5)"
        )),
    }
}
