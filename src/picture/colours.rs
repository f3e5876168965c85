//! Colours: the palettes' colours, a fast table for values on the −1…+1 scale, and how each kind
//! of neuron is shaded (signed values, a sigmoid's probability, a softmax class).

use crate::config::view::Palette;
use crate::data::dataset::MAX_CLASSES;
use crate::math::activation::Activation;
use crate::model::network::Network;

impl Palette {
    /// The colours of −1, 0 and +1 as RGB: default orange #f59322, grey #e8eaeb, blue
    /// #0877bd (the TensorFlow Playground's); colour-blind orange #e66100, grey #f7f7f7,
    /// purple #5d3a9b.
    pub fn ends(self) -> [[u8; 3]; 3] {
        match self {
            Palette::Default => [[245, 147, 34], [232, 234, 235], [8, 119, 189]],
            Palette::Colorblind => [[230, 97, 0], [247, 247, 247], [93, 58, 155]],
        }
    }

    /// [`Palette::ends`] as floats, for blending.
    fn ends_f32(self) -> [[f32; 3]; 3] {
        self.ends().map(|rgb| rgb.map(f32::from))
    }

    /// The colour of each class as RGB: class 0 and 1 are the colours of −1 and
    /// +1, the others are told apart from them and from each other (for the colour-blind
    /// palette, from the Okabe–Ito set).
    pub fn class_colours(self) -> [[u8; 3]; MAX_CLASSES] {
        match self {
            Palette::Default => [
                [245, 147, 34],
                [8, 119, 189],
                [44, 160, 44],
                [148, 103, 189],
                [214, 39, 40],
                [23, 162, 184],
            ],
            Palette::Colorblind => [
                [230, 97, 0],
                [93, 58, 155],
                [0, 158, 115],
                [86, 180, 233],
                [204, 121, 167],
                [51, 51, 51],
            ],
        }
    }

    /// Grey blended toward the colour of `class` by `strength` in [0, 1].
    pub fn class_shade(self, class: usize, strength: f32) -> [u8; 4] {
        let neutral = self.ends_f32()[1];
        let colour = self.class_colours()[class.min(MAX_CLASSES - 1)];
        let t = if strength.is_nan() {
            0.0
        } else {
            strength.clamp(0.0, 1.0)
        };
        let channel = |i: usize| (neutral[i] + (colour[i] as f32 - neutral[i]) * t).round() as u8;
        [channel(0), channel(1), channel(2), 255]
    }

    /// The colour of a value: RGBA, fully opaque; NaN is drawn as 0.
    pub fn colour(self, value: f32) -> [u8; 4] {
        let [negative, neutral, positive] = self.ends_f32();
        let v = if value.is_nan() {
            0.0
        } else {
            value.clamp(-1.0, 1.0)
        };
        let (end, t) = if v < 0.0 {
            (negative, -v)
        } else {
            (positive, v)
        };
        let channel = |i: usize| (neutral[i] + (end[i] - neutral[i]) * t).round() as u8;
        [channel(0), channel(1), channel(2), 255]
    }
}

/// 257 colours spanning [−1, 1] in steps of 1/128 (0 exactly in the middle): fast
/// colouring of many values.
#[derive(Clone, Debug)]
pub(super) struct ColourTable {
    palette: Palette,
    table: [[u8; 4]; 257],
}

impl ColourTable {
    pub(super) fn new(palette: Palette) -> Self {
        ColourTable {
            palette,
            table: std::array::from_fn(|i| palette.colour(i as f32 / 128.0 - 1.0)),
        }
    }

    #[inline]
    pub(super) fn get(&self, value: f32) -> [u8; 4] {
        let v = if value.is_nan() { 0.0 } else { value };
        self.table[((v.clamp(-1.0, 1.0) + 1.0) * 128.0 + 0.5) as usize]
    }
}

/// How a neuron's values become colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Shading {
    /// Values on the −1…+1 scale, times a factor (inputs are scaled to fit).
    Signed(f32),
    /// A sigmoid output p, drawn as 2p − 1.
    Probability,
    /// A softmax output: the probability of class k.
    Class(usize),
}

impl Shading {
    /// The shading of neuron `neuron` of layer `layer`.
    pub(super) fn of(network: &Network, layer: usize, neuron: usize) -> Shading {
        let last = layer + 1 == network.layers().len();
        match network.layers()[layer].activation {
            Activation::Sigmoid if last => Shading::Probability,
            Activation::Softmax => Shading::Class(neuron),
            _ => Shading::Signed(1.0),
        }
    }

    #[inline]
    pub(super) fn colour(self, value: f32, discretize: bool, colours: &ColourTable) -> [u8; 4] {
        let signed = match self {
            Shading::Signed(scale) => value * scale,
            Shading::Probability => 2.0 * value - 1.0,
            Shading::Class(class) => {
                let strength = if discretize {
                    (value >= 0.5) as u8 as f32
                } else {
                    value
                };
                return colours.palette.class_shade(class, strength);
            }
        };
        colours.get(if discretize { signed.signum() } else { signed })
    }
}

/// Colours `values` (or their sign, when `discretize`) into RGBA `pixels`.
pub(super) fn colour_row(
    pixels: &mut [u8],
    values: &[f32],
    shading: Shading,
    discretize: bool,
    colours: &ColourTable,
) {
    for (pixel, &value) in pixels.chunks_exact_mut(4).zip(values) {
        pixel.copy_from_slice(&shading.colour(value, discretize, colours));
    }
}

/// Colours the winning class of each column of a softmax layer's outputs `[k][stride]`
/// (the first `pixels.len() / 4` columns), shaded by confidence.
pub(super) fn colour_classes(
    pixels: &mut [u8],
    outputs: &[f32],
    stride: usize,
    discretize: bool,
    palette: Palette,
) {
    let classes = outputs.len() / stride;
    let chance = 1.0 / classes as f32;
    for (column, pixel) in pixels.chunks_exact_mut(4).enumerate() {
        let (mut best, mut top) = (0, outputs[column]);
        for class in 1..classes {
            let p = outputs[class * stride + column];
            if p > top {
                (best, top) = (class, p);
            }
        }
        let strength = if discretize {
            1.0
        } else {
            (top - chance) / (1.0 - chance)
        };
        pixel.copy_from_slice(&palette.class_shade(best, strength));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_ends_and_middle() {
        let palette = Palette::Default;
        assert_eq!(palette.colour(-1.0), [245, 147, 34, 255]);
        assert_eq!(palette.colour(0.0), [232, 234, 235, 255]);
        assert_eq!(palette.colour(1.0), [8, 119, 189, 255]);
        assert_eq!(palette.colour(7.0), palette.colour(1.0));
        assert_eq!(Palette::Colorblind.colour(1.0), [93, 58, 155, 255]);
    }

    #[test]
    fn colour_table_matches_exact_colours_within_one_step() {
        let table = ColourTable::new(Palette::Default);
        for i in 0..=200 {
            let v = i as f32 / 100.0 - 1.0;
            let (a, b) = (table.get(v), Palette::Default.colour(v));
            for c in 0..3 {
                assert!(
                    (a[c] as i32 - b[c] as i32).abs() <= 1,
                    "{v}: {a:?} vs {b:?}"
                );
            }
        }
        assert_eq!(table.get(f32::NAN), Palette::Default.colour(0.0));
    }
}
