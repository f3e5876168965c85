//! The share link's texts for own points and trained weights:
//! `index.html#dataset=own&…&points=<text>&weights=<text>`.
//!
//! Each text is base64url without padding (`A–Z a–z 0–9 - _`, safe in an address as it
//! is) of a binary payload that starts with a format byte (`P` points, `W` weights)
//! and a version byte, so a link says what it holds and a later greymatter can still
//! read an older link.
//!
//! The two formats, and the code that writes and reads each, are in `points` and
//! `weights`; this file holds what they share: the base64url text around the payload,
//! its format and version bytes, and the refusals of a text that is too long, damaged,
//! of another version or of the other kind.
//!
//! Decoding trusts nothing: the text's length, its alphabet, every count against what
//! is left, the points against [`OwnData::check`](crate::data::own::OwnData::check), every weight finite, nothing left
//! over. Each refusal says what is wrong.

mod base64url;
mod bits;
mod points;
mod weights;

pub use crate::data::own::MAX_CLASS_NAME;
pub use points::{decode_points, encode_points};
pub use weights::{decode_weights, encode_weights, LinkWeights, MAX_LINK_PARAMETERS};

use base64url::Refusal;

/// The longest text `decode_points` and `decode_weights` read; longer ones are refused
/// before any decoding. The longest text greymatter writes is under half of it.
pub const MAX_LINK_TEXT: usize = 640 * 1024;

/// The version of both payloads this build writes and reads.
const VERSION: u8 = 1;

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

#[cfg(test)]
mod tests;
