//! The `points=` text: a person's own points, packed as bits.
//!
//! # Version 1
//! A stream of bits, the low bit of each byte first; numbers low bit first.
//!
//! | bits | what |
//! |---|---|
//! | 8 + 8 | `P`, then the version, 1 |
//! | 8 | the problem: 0 classification, 1 regression |
//! | 8 | k, the number of class names (at most [`MAX_CLASSES`]) |
//! | k × (8 + 8 × length) | each name: its length in bytes, then its UTF-8 |
//! | 16 | n, the number of points (at most [`MAX_POINTS`]) |
//! | 4 + n × Rice | x1: a Rice parameter, then each point's x1 delta |
//! | 4 + n × Rice | x2 likewise |
//! | 4 + runs × … | the labels: a Rice parameter, then runs (see below) |
//! | n | the sets: 1 for a test point, 0 for a training point |
//! | 0–7 | zeros to the end of the last byte |
//!
//! A name has at most [`MAX_CLASS_NAME`] bytes (as at every door; never cut). A delta is a point's coordinate less
//! the one before's (less 0 for the first), zig-zag. A run is the points that follow
//! one another with the same label, until all n are covered: its length − 1 in the Rice
//! code, then its label, a class in 3 bits or a regression value + 1000 in 11 bits.
//!
//! Coordinates and values are the stored thousandths of [`OwnPoint`]. Zig-zag maps
//! 0, −1, 1, −2, … to 0, 1, 2, 3, …; the Rice code (see `bits`) writes a small number in
//! few bits, with the parameter the encoder finds shortest for each column. Drawn
//! strokes step little from point to point and keep one label for many points, so 1,000
//! drawn points take about 2.4 KB, where plain i16 rows would take 6 KB.
//!
//! No compression library is needed. Deflating varint deltas instead (miniz_oxide) came
//! out 12% longer for shaky drawn strokes, a third shorter only for points on an exact
//! grid, and added about 30 KB to the gzipped package, against 8 KB for this code.

use super::base64url;
use super::bits::{best_parameter, BitReader, BitWriter};
use super::{unpack, Kind, VERSION};
use crate::data::dataset::{Problem, MAX_CLASSES};
use crate::data::own::{OwnData, OwnPoint, Set, MAX_CLASS_NAME, MAX_POINTS};

/// The bits of a class label, and the label written for a class out of range.
pub(super) const CLASS_BITS: u32 = 3;
/// The bits of a regression value + 1000, and the value written for one out of range.
pub(super) const VALUE_BITS: u32 = 11;

/// The `points=` text of `data`.
///
/// For data that passes [`OwnData::check`], [`decode_points`] gives back the same
/// data, class names whole. Data that fails the check makes a text that decoding
/// refuses (a name's length is written as at most 255, over [`MAX_CLASS_NAME`]).
pub fn encode_points(data: &OwnData) -> String {
    let mut writer = BitWriter::default();
    for byte in [Kind::Points.format(), VERSION] {
        writer.bits(byte.into(), 8);
    }
    writer.bits(u32::from(data.problem == Problem::Regression), 8);
    let names = &data.class_names[..data.class_names.len().min(255)];
    writer.bits(names.len() as u32, 8);
    for name in names {
        writer.bits(name.len().min(255) as u32, 8);
        name.bytes().for_each(|byte| writer.bits(byte.into(), 8));
    }
    writer.bits(data.points.len().min(0xffff) as u32, 16);
    for axis in 0..2 {
        let mut previous = 0;
        let deltas: Vec<u32> = (data.points.iter())
            .map(|point| {
                let coordinate = i32::from(point.position[axis]);
                let delta = zigzag(coordinate - previous);
                previous = coordinate;
                delta
            })
            .collect();
        write_rice_column(&mut writer, &deltas);
    }
    write_label_runs(&mut writer, data);
    for point in &data.points {
        writer.bits(u32::from(point.set == Set::Test), 1);
    }
    base64url::encode(&writer.finish())
}

/// A Rice parameter, then `values` in that code.
fn write_rice_column(writer: &mut BitWriter, values: &[u32]) {
    let k = best_parameter(values);
    writer.bits(k, 4);
    values.iter().for_each(|&value| writer.rice(value, k));
}

/// The labels as runs: a Rice parameter, then each run's length − 1 and its label.
fn write_label_runs(writer: &mut BitWriter, data: &OwnData) {
    let mut runs: Vec<(u32, i16)> = Vec::new();
    for point in &data.points {
        match runs.last_mut() {
            Some((length, label)) if *label == point.label => *length += 1,
            _ => runs.push((0, point.label)),
        }
    }
    let lengths: Vec<u32> = runs.iter().map(|&(length, _)| length).collect();
    let k = best_parameter(&lengths);
    writer.bits(k, 4);
    for (length, label) in runs {
        writer.rice(length, k);
        // A label out of range is written as the largest the field holds, which is out
        // of range too, so decoding refuses it.
        match data.problem {
            Problem::Classification => {
                let class = u32::try_from(label).map_or(7, |class| class.min(7));
                writer.bits(class, CLASS_BITS);
            }
            Problem::Regression => {
                let value = u32::try_from(i32::from(label) + 1000).unwrap_or(2047);
                writer.bits(value.min(2047), VALUE_BITS);
            }
        }
    }
}

/// The own points of a `points=` text, or what is wrong with it.
pub fn decode_points(text: &str) -> Result<OwnData, String> {
    let payload = unpack(text, Kind::Points)?;
    let mut reader = BitReader::new(&payload);
    let (problem, class_names) = read_problem_and_names(&mut reader)?;
    let count = reader
        .bits(16)
        .ok_or_else(|| cut_short("no number of points"))? as usize;
    if count > MAX_POINTS {
        return Err(format!(
            "the link holds {count} points; greymatter holds at most {MAX_POINTS}, \
             training and test together"
        ));
    }
    let positions = read_positions(&mut reader, count)?;
    let labels = read_label_runs(&mut reader, count, problem)?;
    let mut points = Vec::with_capacity(count);
    for (index, (position, label)) in positions.into_iter().zip(labels).enumerate() {
        let set = match reader.bits(1) {
            Some(1) => Set::Test,
            Some(_) => Set::Train,
            None => return Err(cut_short_at("sets", index, count)),
        };
        points.push(OwnPoint {
            position,
            label,
            set,
        });
    }
    if !reader.at_end() {
        return Err(match reader.remaining() / 8 {
            0 => "the link's points are damaged: stray bits after their end".to_string(),
            extra => format!("the link's points go on for {extra} bytes after their end"),
        });
    }
    let data = OwnData {
        problem,
        points,
        class_names,
    };
    data.check()
        .map_err(|wrong| format!("the link's points: {wrong}"))?;
    Ok(data)
}

fn cut_short(what: &str) -> String {
    format!("the link's points are cut short: {what}")
}

fn cut_short_at(what: &str, done: usize, count: usize) -> String {
    cut_short(&format!("{what} for {done} of {count} points"))
}

fn read_problem_and_names(reader: &mut BitReader) -> Result<(Problem, Vec<String>), String> {
    let problem = match reader.byte().ok_or_else(|| cut_short("no problem"))? {
        0 => Problem::Classification,
        1 => Problem::Regression,
        other => {
            return Err(format!(
                "the link's points are for problem {other}, which greymatter does not know \
                 (0 classification, 1 regression)"
            ))
        }
    };
    let names = usize::from(reader.byte().ok_or_else(|| cut_short("no class names"))?);
    if names > MAX_CLASSES {
        return Err(format!(
            "the link's points name {names} classes; greymatter draws at most {MAX_CLASSES}"
        ));
    }
    let mut class_names = Vec::with_capacity(names);
    for number in 1..=names {
        let in_names = || cut_short("in the class names");
        let length = usize::from(reader.byte().ok_or_else(in_names)?);
        if length > MAX_CLASS_NAME {
            return Err(format!(
                "the link's class name {number} is {length} bytes long; the most is \
                 {MAX_CLASS_NAME}"
            ));
        }
        let bytes = reader.bytes(length).ok_or_else(in_names)?;
        let name = String::from_utf8(bytes)
            .map_err(|_| format!("the link's class name {number} is not UTF-8 text"))?;
        class_names.push(name);
    }
    Ok((problem, class_names))
}

/// The positions of `count` points: the x1 column, then the x2 column.
fn read_positions(reader: &mut BitReader, count: usize) -> Result<Vec<[i16; 2]>, String> {
    let mut positions = vec![[0i16; 2]; count];
    for (axis, name) in ["x1", "x2"].into_iter().enumerate() {
        let k = reader.bits(4).ok_or_else(|| cut_short_at(name, 0, count))?;
        let mut coordinate = 0i32;
        for (index, position) in positions.iter_mut().enumerate() {
            let delta = reader
                .rice(k)
                .ok_or_else(|| cut_short_at(name, index, count))?;
            // The sum stays an i16, so adding a delta of at most 19 bits cannot overflow.
            coordinate += unzigzag(delta);
            position[axis] = i16::try_from(coordinate).map_err(|_| {
                format!(
                    "the link's point {} lies outside the plotted range",
                    index + 1
                )
            })?;
        }
    }
    Ok(positions)
}

/// The labels of `count` points, from their runs.
fn read_label_runs(
    reader: &mut BitReader,
    count: usize,
    problem: Problem,
) -> Result<Vec<i16>, String> {
    let mut labels = Vec::with_capacity(count);
    let short = |done| cut_short_at("labels", done, count);
    let k = reader.bits(4).ok_or_else(|| short(0))?;
    while labels.len() < count {
        let length = reader.rice(k).ok_or_else(|| short(labels.len()))? as usize + 1;
        if labels.len() + length > count {
            return Err(format!(
                "the link's points are damaged: a run of {length} labels from point {} \
                 goes past the last of {count} points",
                labels.len() + 1
            ));
        }
        let label = match problem {
            Problem::Classification => reader.bits(CLASS_BITS).map(|class| class as i16),
            Problem::Regression => reader.bits(VALUE_BITS).map(|value| value as i16 - 1000),
        };
        let label = label.ok_or_else(|| short(labels.len()))?;
        labels.resize(labels.len() + length, label);
    }
    Ok(labels)
}

pub(super) fn zigzag(value: i32) -> u32 {
    ((value << 1) ^ (value >> 31)) as u32
}

fn unzigzag(value: u32) -> i32 {
    (value >> 1) as i32 ^ -((value & 1) as i32)
}
