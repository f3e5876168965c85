//! Reading own points from CSV text: the rows, their labels, the fit to the view and
//! the sets, in that order; the first refusal ends the reading.

use super::labels::LabelColumn;
use super::table::{Column, Table};
use super::{refuse, CsvImport, CsvOptions, Scaling};
use crate::data::dataset::Problem;
use crate::data::own::{quantise, split_by_ratio, OwnData, OwnPoint, Set, EXTENT};

/// The points of a CSV or TSV text, or a refusal that names the line and column and
/// says why. Coordinates must lie in [−6, 6]² and regression values in [−1, 1]; with
/// `fit_to_view`, points outside are scaled in about the origin by one factor (never
/// up). Points without a set get one from [`split_by_ratio`], in file order.
pub fn read_csv(text: &str, options: &CsvOptions) -> Result<CsvImport, String> {
    let table = Table::read(text)?;
    let labels = LabelColumn::read(&table, options.problem)?;
    let x_titles = [table.title_of(Column::X1), table.title_of(Column::X2)];
    let farthest_coordinates: Vec<Far> = (table.rows.iter())
        .map(|row| {
            let axis = usize::from(row.position[1].abs() > row.position[0].abs());
            (row.line, x_titles[axis], row.position[axis])
        })
        .collect();
    let plotted = format!("the plotted range [−{EXTENT}, {EXTENT}]²");
    let fit_to_view = options.fit_to_view;
    let coordinate_factor = fit(
        &farthest_coordinates,
        EXTENT,
        fit_to_view,
        ("point", &plotted),
    )?;
    let label_title = table.title_of(Column::Label);
    let values: Vec<Far> = (table.rows.iter().zip(&labels.values))
        .map(|(row, &value)| (row.line, label_title, value))
        .collect();
    let value_range = ("value", "the value range [−1, 1]");
    let value_factor = fit(&values, 1.0, fit_to_view, value_range)?;
    let sets = assign_sets(&table, options)?;

    let mut points = Vec::with_capacity(table.rows.len());
    for (index, (row, &set)) in table.rows.iter().zip(&sets).enumerate() {
        let [x1, x2] = row
            .position
            .map(|c| (c * coordinate_factor.unwrap_or(1.0)) as f32);
        let label = match options.problem {
            Problem::Classification => Some(labels.classes[index]),
            Problem::Regression => quantise(
                (labels.values[index] * value_factor.unwrap_or(1.0)) as f32,
                1.0,
            ),
        };
        let point = label.and_then(|label| OwnPoint::at(x1, x2, label, set));
        points.push(point.ok_or_else(|| refuse(row.line, x_titles[0], "outside the view"))?);
    }
    let scaled = (coordinate_factor.is_some() || value_factor.is_some()).then(|| Scaling {
        coordinates: coordinate_factor.unwrap_or(1.0) as f32,
        values: value_factor.map(|factor| factor as f32),
    });
    Ok(CsvImport {
        data: OwnData {
            problem: options.problem,
            points,
            class_names: labels.names,
        },
        scaled,
        header: table.header,
        separator: table.separator,
        without_set: table.rows.iter().filter(|row| row.set.is_none()).count(),
        labels: labels.kind,
    })
}

/// A point's farthest value from 0: its line, its column and the value.
type Far<'a> = (usize, &'a str, f64);

/// The factor that brings every value into [−limit, limit]: `None` when all fit, the
/// refusal when some do not and `fit_to_view` is off. `what` names a point and the range.
fn fit(
    values: &[Far],
    limit: f32,
    fit_to_view: bool,
    (what, range): (&str, &str),
) -> Result<Option<f64>, String> {
    let outside = |value: &&Far| quantise(value.2 as f32, limit).is_none();
    let outside: Vec<&Far> = values.iter().filter(outside).collect();
    // The first of the farthest: `max_by` keeps the last of equals, so look from the end.
    let by_size = |a: &&&Far, b: &&&Far| a.2.abs().total_cmp(&b.2.abs());
    let Some(&&(line, column, farthest)) = outside.iter().rev().max_by(by_size) else {
        return Ok(None);
    };
    if fit_to_view {
        return Ok(Some(f64::from(limit) / farthest.abs()));
    }
    let count = outside.len();
    let (noun, verb, them) = match count {
        1 => (what.to_string(), "lies", "it"),
        _ => (format!("{what}s"), "lie", "them"),
    };
    Err(format!(
        "{count} {noun} {verb} outside {range} (the farthest at line {line}: {column} = {farthest}); tick \"fit to view\" to scale {them} in"
    ))
}

/// The set of every row: its own, or one from the train fraction for rows without.
fn assign_sets(table: &Table, options: &CsvOptions) -> Result<Vec<Set>, String> {
    let rows = &table.rows;
    let without = rows.iter().filter(|row| row.set.is_none()).count();
    let mut drawn = split_by_ratio(without, options.train_fraction, options.seed).into_iter();
    let sets: Vec<Set> = (rows.iter())
        .map(|row| row.set.or_else(|| drawn.next()).unwrap_or(Set::Train))
        .collect();
    if sets.contains(&Set::Train) {
        return Ok(sets);
    }
    let (first, last) = (rows[0].line, rows[rows.len() - 1].line);
    let lines = match first == last {
        true => format!("line {first}"),
        false => format!("lines {first}–{last}"),
    };
    Err(format!(
        "{lines}, column {}: every point says test, so none would train; mark some train, or leave their set empty to split by the train ratio",
        table.title_of(Column::Set)
    ))
}
