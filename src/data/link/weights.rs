//! The `weights=` text: a network's parameters, bit for bit.
//!
//! # Version 1
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

use super::base64url;
use super::{unpack, Kind, VERSION};
use crate::config::limits::{MAX_HIDDEN_LAYERS, MAX_NEURONS_PER_LAYER, MAX_WEIGHTS};
use crate::data::dataset::MAX_CLASSES;

/// The most parameters any network greymatter builds has: at most
/// [`MAX_WEIGHTS`] weights, plus one bias for each of at most
/// [`MAX_HIDDEN_LAYERS`] × [`MAX_NEURONS_PER_LAYER`] hidden neurons and
/// [`MAX_CLASSES`] output neurons.
pub const MAX_LINK_PARAMETERS: usize =
    MAX_WEIGHTS + MAX_HIDDEN_LAYERS * MAX_NEURONS_PER_LAYER + MAX_CLASSES;

/// Weights read back from a link.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkWeights {
    /// The network's parameter buffer, bit for bit as it was encoded.
    pub parameters: Vec<f32>,
    /// The epoch the network had reached.
    pub epoch: u32,
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
