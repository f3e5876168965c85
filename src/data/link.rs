//! The share link's texts for own points and trained weights:
//! `index.html#dataset=own&…&points=<text>&weights=<text>`.
//!
//! Each text is base64url without padding (`A–Z a–z 0–9 - _`, safe in an address as it
//! is) of a raw-deflated binary payload. Every payload starts with a format byte
//! (`P` points, `W` weights) and a version byte, so a link says what it holds and a
//! later greymatter can read an older link.
//!
//! # Points, version 1
//! | bytes | what |
//! |---|---|
//! | 2 | `P`, then the version, 1 |
//! | 1 | the problem: 0 classification, 1 regression |
//! | 1 | k, the number of class names (at most [`MAX_CLASSES`]) |
//! | k × (1 + length) | each name: its length in bytes (at most [`MAX_CLASS_NAME`]), then UTF-8 |
//! | 1–3 | n, the number of points (at most [`MAX_POINTS`]), a varint |
//! | n × 1–3 | x1 of each point less x1 of the one before (0 for the first), zig-zag varint |
//! | n × 1–3 | x2 likewise |
//! | n or 2n | the labels: a class byte each, or a regression value as i16 little-endian |
//! | ⌈n / 8⌉ | the sets: bit i mod 8 of byte i / 8 is 1 when point i tests |
//!
//! Coordinates and values are the stored thousandths of [`OwnPoint`]. A varint holds 7
//! bits a byte, low bits first, the top bit set on every byte but the last; zig-zag
//! maps 0, −1, 1, −2, … to 0, 1, 2, 3, …. Drawn strokes step little from point to point,
//! so most deltas take one or two bytes and deflate finds the rest alike: 1,000 drawn
//! points deflate to about 2.8 KB this way, against 4.4 KB as plain i16 rows.
//!
//! # Weights, version 1
//! | bytes | what |
//! |---|---|
//! | 2 | `W`, then the version, 1 |
//! | 4 | the epoch, u32 little-endian |
//! | 4 | m, the number of parameters (at most [`MAX_LINK_PARAMETERS`]), u32 little-endian |
//! | 4m | each f32's bits little-endian, by byte: every first byte, then every second, … |
//!
//! The parameters are the network's buffer in its own order (see
//! [`crate::model::network`]), bit for bit. Shuffling puts the sign-and-exponent bytes
//! together, which deflate squeezes better (about 5% on a network of 6,000 parameters).
//!
//! Decoding trusts nothing: the text's length, its alphabet, the inflated size, every
//! count against what is left, the points against [`OwnData::check`], every weight
//! finite, nothing left over. Each refusal says what is wrong.

use crate::config::limits::{MAX_HIDDEN_LAYERS, MAX_NEURONS_PER_LAYER, MAX_WEIGHTS};
use crate::data::dataset::{Problem, MAX_CLASSES};
use crate::data::own::{OwnData, OwnPoint, Set, MAX_POINTS};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// The longest text `decode_points` and `decode_weights` read; longer ones are refused
/// before any decoding. The longest text greymatter writes is well under half of it.
pub const MAX_LINK_TEXT: usize = 128 * 1024;
/// The most bytes of one class name a link carries; longer names are cut (at a
/// character boundary) when encoding.
pub const MAX_CLASS_NAME: usize = 40;
/// The most parameters any network greymatter builds has: at most
/// [`MAX_WEIGHTS`] weights, plus one bias for each of at most
/// [`MAX_HIDDEN_LAYERS`] × [`MAX_NEURONS_PER_LAYER`] hidden neurons and
/// [`MAX_CLASSES`] output neurons.
pub const MAX_LINK_PARAMETERS: usize =
    MAX_WEIGHTS + MAX_HIDDEN_LAYERS * MAX_NEURONS_PER_LAYER + MAX_CLASSES;

/// The version of both payloads this build writes and reads.
const VERSION: u8 = 1;
/// Deflate's strongest ordinary level (the payloads are small: speed does not matter).
const LEVEL: u8 = 9;
/// The most bytes a varint of this format takes: 21 bits, enough for any difference
/// of two i16 after zig-zag (at most 131,071).
const VARINT_BYTES: usize = 3;
/// The largest points payload: header, names, count, and each point at its widest.
const MAX_POINTS_PAYLOAD: usize = 4
    + MAX_CLASSES * (1 + MAX_CLASS_NAME)
    + VARINT_BYTES
    + MAX_POINTS * (2 * VARINT_BYTES + 2)
    + MAX_POINTS.div_ceil(8);
/// The largest weights payload.
const MAX_WEIGHTS_PAYLOAD: usize = 10 + 4 * MAX_LINK_PARAMETERS;

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

    fn payload_limit(self) -> usize {
        match self {
            Kind::Points => MAX_POINTS_PAYLOAD,
            Kind::Weights => MAX_WEIGHTS_PAYLOAD,
        }
    }
}

/// The `points=` text of `data`.
///
/// For data that passes [`OwnData::check`], [`decode_points`] gives back the same
/// data, except that a class name longer than [`MAX_CLASS_NAME`] bytes is cut short.
/// Data that fails the check makes a text that decoding refuses.
pub fn encode_points(data: &OwnData) -> String {
    let count = data.points.len();
    let mut payload = vec![Kind::Points.format(), VERSION];
    payload.push(match data.problem {
        Problem::Classification => 0,
        Problem::Regression => 1,
    });
    payload.push(data.class_names.len().min(usize::from(u8::MAX)) as u8);
    for name in data.class_names.iter().take(usize::from(u8::MAX)) {
        let name = cut(name, MAX_CLASS_NAME);
        payload.push(name.len() as u8);
        payload.extend_from_slice(name.as_bytes());
    }
    write_varint(&mut payload, u32::try_from(count).unwrap_or(u32::MAX));
    for axis in 0..2 {
        let mut previous = 0;
        for point in &data.points {
            let coordinate = i32::from(point.position[axis]);
            write_varint(&mut payload, zigzag(coordinate - previous));
            previous = coordinate;
        }
    }
    for point in &data.points {
        match data.problem {
            // A class out of range stays out of range (255), so decoding refuses it.
            Problem::Classification => payload.push(u8::try_from(point.label).unwrap_or(u8::MAX)),
            Problem::Regression => payload.extend_from_slice(&point.label.to_le_bytes()),
        }
    }
    let mut sets = vec![0u8; count.div_ceil(8)];
    for (index, point) in data.points.iter().enumerate() {
        if point.set == Set::Test {
            sets[index / 8] |= 1 << (index % 8);
        }
    }
    payload.extend_from_slice(&sets);
    pack(&payload)
}

/// The own points of a `points=` text, or what is wrong with it.
pub fn decode_points(text: &str) -> Result<OwnData, String> {
    let payload = unpack(text, Kind::Points)?;
    let mut reader = Reader::new(&payload);
    let (problem, class_names) = read_problem_and_names(&mut reader)?;
    let count = match reader.varint() {
        Ok(count) => count as usize,
        Err(Damage::Short) => return Err(cut_short("no number of points")),
        Err(Damage::Long) => return Err("the link's number of points is damaged".to_string()),
    };
    if count > MAX_POINTS {
        return Err(format!(
            "the link holds {count} points; greymatter holds at most {MAX_POINTS}, \
             training and test together"
        ));
    }
    let positions = read_positions(&mut reader, count)?;
    let labels = read_labels(&mut reader, count, problem)?;
    let sets = read_sets(&mut reader, count)?;
    reader.finish("points")?;
    let points = (0..count)
        .map(|index| OwnPoint {
            position: positions[index],
            label: labels[index],
            set: sets[index],
        })
        .collect();
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

fn read_problem_and_names(reader: &mut Reader) -> Result<(Problem, Vec<String>), String> {
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
        let bytes = reader.take(length).ok_or_else(in_names)?;
        let name = String::from_utf8(bytes.to_vec())
            .map_err(|_| format!("the link's class name {number} is not UTF-8 text"))?;
        class_names.push(name);
    }
    Ok((problem, class_names))
}

/// The positions of `count` points: all x1 deltas, then all x2 deltas.
fn read_positions(reader: &mut Reader, count: usize) -> Result<Vec<[i16; 2]>, String> {
    let mut positions = vec![[0i16; 2]; count];
    for (axis, name) in ["x1", "x2"].into_iter().enumerate() {
        let mut coordinate = 0i32;
        for (index, position) in positions.iter_mut().enumerate() {
            coordinate += match reader.varint() {
                Ok(delta) => unzigzag(delta),
                Err(Damage::Short) => return Err(cut_short_at(name, index, count)),
                Err(Damage::Long) => {
                    return Err(format!(
                        "the link's points are damaged: {name} of point {}",
                        index + 1
                    ))
                }
            };
            // In range for i16, so the next delta cannot overflow the sum either.
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

fn read_labels(reader: &mut Reader, count: usize, problem: Problem) -> Result<Vec<i16>, String> {
    let width = match problem {
        Problem::Classification => 1,
        Problem::Regression => 2,
    };
    let bytes = reader
        .take(count * width)
        .ok_or_else(|| cut_short_at("labels", reader.remaining() / width, count))?;
    Ok(match problem {
        Problem::Classification => bytes.iter().map(|&class| i16::from(class)).collect(),
        Problem::Regression => bytes
            .chunks_exact(2)
            .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
            .collect(),
    })
}

fn read_sets(reader: &mut Reader, count: usize) -> Result<Vec<Set>, String> {
    let bits = reader
        .take(count.div_ceil(8))
        .ok_or_else(|| cut_short_at("sets", reader.remaining() * 8, count))?;
    if !count.is_multiple_of(8) && bits[count / 8] >> (count % 8) != 0 {
        return Err(
            "the link's points are damaged: their sets mark points past the last".to_string(),
        );
    }
    Ok((0..count)
        .map(|index| match bits[index / 8] >> (index % 8) & 1 {
            1 => Set::Test,
            _ => Set::Train,
        })
        .collect())
}

/// The `weights=` text of a network's `parameters` at `epoch`, bit for bit.
///
/// More than [`MAX_LINK_PARAMETERS`] parameters, or one that is not finite, make a
/// text that decoding refuses.
pub fn encode_weights(parameters: &[f32], epoch: u32) -> String {
    let count = parameters.len();
    let mut payload = vec![Kind::Weights.format(), VERSION];
    payload.extend_from_slice(&epoch.to_le_bytes());
    payload.extend_from_slice(&u32::try_from(count).unwrap_or(u32::MAX).to_le_bytes());
    let start = payload.len();
    payload.resize(start + 4 * count, 0);
    for (index, parameter) in parameters.iter().enumerate() {
        for (byte, value) in parameter.to_bits().to_le_bytes().into_iter().enumerate() {
            payload[start + byte * count + index] = value;
        }
    }
    pack(&payload)
}

/// The parameters and epoch of a `weights=` text, or what is wrong with it. Whether
/// they fit a network is for the caller to check (the count says nothing of shape).
pub fn decode_weights(text: &str) -> Result<LinkWeights, String> {
    let payload = unpack(text, Kind::Weights)?;
    let mut reader = Reader::new(&payload);
    let header = reader
        .take(8)
        .ok_or("the link's weights are cut short: no epoch and number of parameters")?;
    let epoch = u32::from_le_bytes([header[0], header[1], header[2], header[3]]);
    let count = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
    if count > MAX_LINK_PARAMETERS {
        return Err(format!(
            "the link's weights hold {count} parameters; the largest network greymatter \
             builds has {MAX_LINK_PARAMETERS}"
        ));
    }
    let planes = reader.take(4 * count).ok_or_else(|| {
        format!(
            "the link's weights are cut short: {} of the {} bytes of {count} parameters",
            reader.remaining(),
            4 * count
        )
    })?;
    reader.finish("weights")?;
    let parameters: Vec<f32> = (0..count)
        .map(|index| {
            let bytes = [0, 1, 2, 3].map(|byte| planes[byte * count + index]);
            f32::from_bits(u32::from_le_bytes(bytes))
        })
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

/// base64url (no padding) of the raw deflate of `payload`.
fn pack(payload: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(payload, LEVEL))
}

/// The payload of a `kind` text after its format and version bytes.
fn unpack(text: &str, kind: Kind) -> Result<Vec<u8>, String> {
    let key = kind.key();
    check_text(text, key)?;
    let deflated = URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| format!("{key}= is cut short or damaged: its end is not base64url"))?;
    let mut payload = inflate(&deflated, kind)?;
    let found = [Kind::Points, Kind::Weights]
        .into_iter()
        .find(|other| payload.first() == Some(&other.format()));
    match found {
        Some(found) if found == kind => {}
        Some(found) => {
            return Err(format!(
                "{key}= holds {}, not {key}: the link's texts are swapped",
                found.key()
            ))
        }
        None => return Err(format!("the link's {key} are not greymatter {key}")),
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
    payload.drain(..2);
    Ok(payload)
}

/// Refuses a text that is too long, empty, or not all base64url characters.
fn check_text(text: &str, key: &str) -> Result<(), String> {
    if text.len() > MAX_LINK_TEXT && text.chars().count() > MAX_LINK_TEXT {
        return Err(format!(
            "the link's {key} are {} characters long; greymatter reads at most {MAX_LINK_TEXT}",
            text.chars().count()
        ));
    }
    if text.is_empty() {
        return Err(format!("the link's {key} are empty"));
    }
    let base64url = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    match text.chars().enumerate().find(|&(_, c)| !base64url(c)) {
        Some((position, bad)) => Err(format!(
            "{key}= is not base64url: {bad:?} at character {}",
            position + 1
        )),
        None => Ok(()),
    }
}

/// The raw inflate of `deflated`, refused past the largest payload of `kind`.
fn inflate(deflated: &[u8], kind: Kind) -> Result<Vec<u8>, String> {
    let (key, limit) = (kind.key(), kind.payload_limit());
    decompress_to_vec_with_limit(deflated, limit).map_err(|wrong| match wrong.status {
        TINFLStatus::HasMoreOutput => format!(
            "the link's {key} unpack to more than {limit} bytes, more than any greymatter writes"
        ),
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            format!("the link's {key} are cut short: the compressed data stops early")
        }
        _ => format!("the link's {key} are damaged: they do not unpack"),
    })
}

/// The longest start of `name` of at most `most` bytes that ends on a character.
fn cut(name: &str, most: usize) -> &str {
    let mut end = name.len().min(most);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

fn zigzag(value: i32) -> u32 {
    ((value << 1) ^ (value >> 31)) as u32
}

fn unzigzag(value: u32) -> i32 {
    (value >> 1) as i32 ^ -((value & 1) as i32)
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Why a varint could not be read.
enum Damage {
    /// The bytes ran out.
    Short,
    /// More than [`VARINT_BYTES`] bytes.
    Long,
}

/// Reads a payload front to back, never past its end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    fn remaining(&self) -> usize {
        self.bytes.len()
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|bytes| bytes[0])
    }

    /// The next `count` bytes, or `None` (reading nothing) when fewer are left.
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        if count > self.bytes.len() {
            return None;
        }
        let (taken, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Some(taken)
    }

    fn varint(&mut self) -> Result<u32, Damage> {
        let mut value = 0;
        for shift in 0..VARINT_BYTES {
            let byte = self.byte().ok_or(Damage::Short)?;
            value |= u32::from(byte & 0x7f) << (7 * shift);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Damage::Long)
    }

    /// Refuses bytes left over after the last field of the link's `key`.
    fn finish(&self, key: &str) -> Result<(), String> {
        match self.bytes.len() {
            0 => Ok(()),
            extra => Err(format!(
                "the link's {key} go on for {extra} bytes after their end"
            )),
        }
    }
}
