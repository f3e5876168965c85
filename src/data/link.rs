//! The share link's texts for own points and trained weights:
//! `index.html#dataset=own&…&points=<text>&weights=<text>`.
//!
//! Each text is base64url without padding (`A–Z a–z 0–9 - _`, safe in an address as it
//! is) of a binary payload that starts with a format byte (`P` points, `W` weights)
//! and a version byte, so a link says what it holds and a later greymatter can still
//! read an older link.
//!
//! # Points, version 1
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
//!
//! # Weights, version 1
//! | bytes | what |
//! |---|---|
//! | 1 + 1 | `W`, then the version, 1 |
//! | 4 | the epoch, u32 little-endian (a playground takes at most [`MAX_EPOCH`](crate::config::limits::MAX_EPOCH)) |
//! | 4 | m, the number of parameters (at most [`MAX_LINK_PARAMETERS`]), u32 little-endian |
//! | 4m | the bits of each f32, little-endian |
//!
//! The parameters are the network's buffer in its own order (see
//! [`crate::model::network`]), bit for bit. Trained weights are close to random bits:
//! deflate saved nothing on a 105-parameter network and 5% on 6,000 parameters.
//!
//! Decoding trusts nothing: the text's length, its alphabet, every count against what
//! is left, the points against [`OwnData::check`], every weight finite, nothing left
//! over. Each refusal says what is wrong.

mod base64url;
mod bits;

use crate::config::limits::{MAX_HIDDEN_LAYERS, MAX_NEURONS_PER_LAYER, MAX_WEIGHTS};
use crate::data::dataset::{Problem, MAX_CLASSES};
pub use crate::data::own::MAX_CLASS_NAME;
use crate::data::own::{OwnData, OwnPoint, Set, MAX_POINTS};
use base64url::Refusal;
use bits::{best_parameter, BitReader, BitWriter};

/// The longest text `decode_points` and `decode_weights` read; longer ones are refused
/// before any decoding. The longest text greymatter writes is under half of it.
pub const MAX_LINK_TEXT: usize = 640 * 1024;
/// The most parameters any network greymatter builds has: at most
/// [`MAX_WEIGHTS`] weights, plus one bias for each of at most
/// [`MAX_HIDDEN_LAYERS`] × [`MAX_NEURONS_PER_LAYER`] hidden neurons and
/// [`MAX_CLASSES`] output neurons.
pub const MAX_LINK_PARAMETERS: usize =
    MAX_WEIGHTS + MAX_HIDDEN_LAYERS * MAX_NEURONS_PER_LAYER + MAX_CLASSES;

/// The version of both payloads this build writes and reads.
const VERSION: u8 = 1;
/// The bits of a class label, and the label written for a class out of range.
const CLASS_BITS: u32 = 3;
/// The bits of a regression value + 1000, and the value written for one out of range.
const VALUE_BITS: u32 = 11;

/// Weights read back from a link.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkWeights {
    /// The network's parameter buffer, bit for bit as it was encoded.
    pub parameters: Vec<f32>,
    /// The epoch the network had reached.
    pub epoch: u32,
}

/// Which of the two texts a payload is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Points,
    Weights,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Points => "points",
            Kind::Weights => "weights",
        }
    }

    fn format(self) -> u8 {
        match self {
            Kind::Points => b'P',
            Kind::Weights => b'W',
        }
    }
}

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

/// The `weights=` text of a network's `parameters` at `epoch`, bit for bit.
///
/// More than [`MAX_LINK_PARAMETERS`] parameters, or one that is not finite, make a
/// text that decoding refuses.
pub fn encode_weights(parameters: &[f32], epoch: u32) -> String {
    let mut payload = vec![Kind::Weights.format(), VERSION];
    payload.extend_from_slice(&epoch.to_le_bytes());
    let count = u32::try_from(parameters.len()).unwrap_or(u32::MAX);
    payload.extend_from_slice(&count.to_le_bytes());
    for parameter in parameters {
        payload.extend_from_slice(&parameter.to_bits().to_le_bytes());
    }
    base64url::encode(&payload)
}

/// The parameters and epoch of a `weights=` text, or what is wrong with it. Whether
/// they fit a network is for the caller to check (the count says nothing of shape).
pub fn decode_weights(text: &str) -> Result<LinkWeights, String> {
    let payload = unpack(text, Kind::Weights)?;
    let word = |at: usize| {
        let bytes = payload.get(at..at + 4)?;
        Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    };
    let (Some(epoch), Some(count)) = (word(0), word(4)) else {
        return Err(
            "the link's weights are cut short: no epoch and number of parameters".to_string(),
        );
    };
    let count = count as usize;
    if count > MAX_LINK_PARAMETERS {
        return Err(format!(
            "the link's weights hold {count} parameters; the largest network greymatter \
             builds has {MAX_LINK_PARAMETERS}"
        ));
    }
    let values = &payload[8..];
    if values.len() != 4 * count {
        return Err(match values.len() < 4 * count {
            true => format!(
                "the link's weights are cut short: {} of {count} parameters",
                values.len() / 4
            ),
            false => format!(
                "the link's weights go on for {} bytes after their {count} parameters",
                values.len() - 4 * count
            ),
        });
    }
    let parameters: Vec<f32> = values
        .chunks_exact(4)
        .map(|bytes| f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
        .collect();
    if let Some(index) = parameters.iter().position(|value| !value.is_finite()) {
        return Err(format!(
            "the link's weights are not finite at parameter {} of {count} ({})",
            index + 1,
            parameters[index]
        ));
    }
    Ok(LinkWeights { parameters, epoch })
}

/// The payload of a `kind` text after its format and version bytes.
fn unpack(text: &str, kind: Kind) -> Result<Vec<u8>, String> {
    let key = kind.key();
    if text.len() > MAX_LINK_TEXT && text.chars().count() > MAX_LINK_TEXT {
        return Err(format!(
            "the link's {key} are {} characters long; greymatter reads at most {MAX_LINK_TEXT}",
            text.chars().count()
        ));
    }
    if text.is_empty() {
        return Err(format!("the link's {key} are empty"));
    }
    let payload = base64url::decode(text).map_err(|refusal| match refusal {
        Refusal::Character(position, bad) => {
            format!("{key}= is not base64url: {bad:?} at character {position}")
        }
        Refusal::Length | Refusal::Ending => {
            format!("{key}= is cut short or damaged: it does not end as base64url does")
        }
    })?;
    let other = match kind {
        Kind::Points => Kind::Weights,
        Kind::Weights => Kind::Points,
    };
    match payload.first() {
        Some(&format) if format == kind.format() => {}
        Some(&format) if format == other.format() => {
            return Err(format!(
                "{key}= holds {}, not {key}: the link's texts are swapped",
                other.key()
            ))
        }
        _ => return Err(format!("the link's {key} are not greymatter {key}")),
    }
    match payload.get(1) {
        Some(&VERSION) => {}
        Some(version) => {
            return Err(format!(
                "the link's {key} are version {version}; this greymatter reads version {VERSION}"
            ))
        }
        None => return Err(format!("the link's {key} are cut short: no version")),
    }
    let mut payload = payload;
    payload.drain(..2);
    Ok(payload)
}

fn zigzag(value: i32) -> u32 {
    ((value << 1) ^ (value >> 31)) as u32
}

fn unzigzag(value: u32) -> i32 {
    (value >> 1) as i32 ^ -((value & 1) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A points payload's text: `P`, version, `problem` and no names, then `write`.
    fn points_text(problem: u32, write: impl FnOnce(&mut BitWriter)) -> String {
        let mut writer = BitWriter::default();
        for (value, bits) in [(u32::from(b'P'), 8), (1, 8), (problem, 8)] {
            writer.bits(value, bits);
        }
        write(&mut writer);
        base64url::encode(&writer.finish())
    }

    /// The refusal of a payload of `count` points with plain fields after the count:
    /// the x1 deltas as given (Rice parameter 0 escapes every one of them), x2 all 0,
    /// one run per point with its label in `label_bits`, every point in training.
    fn refused(problem: u32, count: u32, x1: &[u32], labels: &[u32], label_bits: u32) -> String {
        decode_points(&points_text(problem, |writer| {
            writer.bits(0, 8);
            writer.bits(count, 16);
            writer.bits(0, 4);
            x1.iter().for_each(|&delta| writer.rice(delta, 0));
            writer.bits(0, 4);
            (0..count).for_each(|_| writer.rice(0, 0));
            writer.bits(0, 4);
            for &label in labels {
                writer.rice(0, 0);
                writer.bits(label, label_bits);
            }
            writer.bits(0, count);
        }))
        .unwrap_err()
    }

    /// No names and two points, both at (0, 0), up to the labels' Rice parameter 0.
    fn two_points_at_the_origin(writer: &mut BitWriter) {
        writer.bits(0, 8);
        writer.bits(2, 16);
        writer.bits(0, 4 + 2 + 4 + 2 + 4);
    }

    #[test]
    fn damaged_headers_are_refused_with_what_is_wrong() {
        let header = |problem, write: &dyn Fn(&mut BitWriter)| {
            decode_points(&points_text(problem, write)).unwrap_err()
        };
        assert!(header(3, &|_| {}).contains("problem 3, which greymatter does not know"));
        assert_eq!(
            header(0, &|_| {}),
            "the link's points are cut short: no class names"
        );
        assert_eq!(
            header(0, &|w| w.bits(7, 8)),
            "the link's points name 7 classes; greymatter draws at most 6"
        );
        assert_eq!(
            header(0, &|w| w.bits(1 | 41 << 8, 16)),
            "the link's class name 1 is 41 bytes long; the most is 40"
        );
        assert_eq!(
            header(0, &|w| w.bits(1 | 3 << 8 | u32::from(b'a') << 16, 24)),
            "the link's points are cut short: in the class names"
        );
        assert_eq!(
            header(0, &|w| w.bits(1 | 1 << 8 | 0xff << 16, 24)),
            "the link's class name 1 is not UTF-8 text"
        );
        assert_eq!(
            header(0, &|w| w.bits(0, 8)),
            "the link's points are cut short: no number of points"
        );
        assert_eq!(
            header(0, &|w| w.bits(5001 << 8, 24)),
            "the link holds 5001 points; greymatter holds at most 5000, training and test together"
        );
        assert_eq!(
            header(0, &|w| w.bits(1000 << 8, 24)),
            "the link's points are cut short: x1 for 0 of 1000 points"
        );
    }

    #[test]
    fn damaged_points_are_refused_with_what_is_wrong() {
        let message = refused(0, 1, &[zigzag(7000)], &[0], CLASS_BITS);
        assert_eq!(
            message,
            "the link's points: point 1 lies outside the plotted range [−6, 6]²"
        );
        assert_eq!(
            refused(0, 2, &[zigzag(30_000), zigzag(10_000)], &[0, 0], CLASS_BITS),
            "the link's point 2 lies outside the plotted range"
        );
        let message = refused(0, 3, &[0, 0, 0], &[1, 6, 0], CLASS_BITS);
        assert!(
            message.starts_with("the link's points: point 2: class 6"),
            "{message}"
        );
        let message = refused(1, 1, &[0], &[2001], VALUE_BITS);
        assert!(
            message.contains("point 1: the value 1.001 lies outside"),
            "{message}"
        );
        let two_of_four = points_text(0, |writer| {
            writer.bits(0, 8);
            writer.bits(4, 16);
            // With parameter 15 each value takes 16 bits: the padding cannot make a third.
            writer.bits(15, 4);
            writer.rice(0, 15);
            writer.rice(0, 15);
        });
        assert_eq!(
            decode_points(&two_of_four).unwrap_err(),
            "the link's points are cut short: x1 for 2 of 4 points"
        );
        // The sets' two bits read as a second run, whose 11-bit value is cut short.
        assert_eq!(
            refused(1, 2, &[0, 0], &[1000], VALUE_BITS),
            "the link's points are cut short: labels for 1 of 2 points"
        );
        let one_run_too_long = points_text(0, |writer| {
            two_points_at_the_origin(writer);
            writer.rice(2, 0);
            writer.bits(0, CLASS_BITS);
        });
        assert_eq!(
            decode_points(&one_run_too_long).unwrap_err(),
            "the link's points are damaged: a run of 3 labels from point 1 goes past the \
             last of 2 points"
        );
    }

    #[test]
    fn a_payload_ends_where_its_sets_end() {
        let two_points = |sets: u32, set_bits: u32, extra_bits: u32| {
            decode_points(&points_text(1, |writer| {
                two_points_at_the_origin(writer);
                writer.rice(1, 0);
                writer.bits(1000, VALUE_BITS);
                writer.bits(sets, set_bits);
                writer.bits(1 << (extra_bits.max(1) - 1), extra_bits);
            }))
        };
        let data = two_points(0b10, 2, 0).unwrap();
        assert_eq!(data.points[0].set, Set::Train);
        assert_eq!(data.points[1].set, Set::Test);
        assert_eq!(data.points[1].label, 0);
        assert_eq!(
            two_points(0, 2, 1).unwrap_err(),
            "the link's points are damaged: stray bits after their end"
        );
        assert_eq!(
            two_points(0, 2, 17).unwrap_err(),
            "the link's points go on for 2 bytes after their end"
        );
    }
}
