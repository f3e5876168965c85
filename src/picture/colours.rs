//! Colours: the palettes' colours (or a host page's own), a fast table for values on the −1…+1 scale, and how each kind
//! of neuron is shaded (signed values, a sigmoid's probability, a softmax class).

use crate::config::view::Palette;
use crate::data::dataset::MAX_CLASSES;
use crate::math::activation::Activation;
use crate::model::network::Network;

/// The colours every picture is drawn with: the colours of −1, 0 and +1, and one per
/// class (classes 0 and 1 are the colours of −1 and +1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colours {
    /// RGB of −1, 0 and +1.
    pub ends: [[u8; 3]; 3],
    /// RGB of each class.
    pub classes: [[u8; 3]; MAX_CLASSES],
}

impl Colours {
    /// A palette's colours. Default: orange #f59322, grey #e8eaeb, blue #0877bd (the
    /// TensorFlow Playground's), then green, purple, red and teal for classes 2–5;
    /// colour-blind: orange #e66100, grey #f7f7f7, purple #5d3a9b, then colours of the
    /// Okabe–Ito set.
    pub fn of(palette: Palette) -> Self {
        match palette {
            Palette::Default => Colours {
                ends: [[245, 147, 34], [232, 234, 235], [8, 119, 189]],
                classes: [
                    [245, 147, 34],
                    [8, 119, 189],
                    [44, 160, 44],
                    [148, 103, 189],
                    [214, 39, 40],
                    [23, 162, 184],
                ],
            },
            Palette::Colorblind => Colours {
                ends: [[230, 97, 0], [247, 247, 247], [93, 58, 155]],
                classes: [
                    [230, 97, 0],
                    [93, 58, 155],
                    [0, 158, 115],
                    [86, 180, 233],
                    [204, 121, 167],
                    [51, 51, 51],
                ],
            },
        }
    }

    /// These colours with other ends (a host page's own −1, 0 and +1); classes 0 and 1
    /// follow the ends, the other classes stay.
    pub fn with_ends(self, ends: [[u8; 3]; 3]) -> Self {
        let mut classes = self.classes;
        classes[0] = ends[0];
        classes[1] = ends[2];
        Colours { ends, classes }
    }

    /// [`Colours::ends`] as floats, for blending.
    fn ends_f32(&self) -> [[f32; 3]; 3] {
        self.ends.map(|rgb| rgb.map(f32::from))
    }

    /// Grey blended toward the colour of `class` by `strength` in [0, 1].
    pub fn class_shade(&self, class: usize, strength: f32) -> [u8; 4] {
        let neutral = self.ends_f32()[1];
        let colour = self.classes[class.min(MAX_CLASSES - 1)];
        let t = if strength.is_nan() {
            0.0
        } else {
            strength.clamp(0.0, 1.0)
        };
        let channel = |i: usize| (neutral[i] + (colour[i] as f32 - neutral[i]) * t).round() as u8;
        [channel(0), channel(1), channel(2), 255]
    }

    /// The colour of a value: RGBA, fully opaque; NaN is drawn as 0.
    pub fn colour(&self, value: f32) -> [u8; 4] {
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
    colours: Colours,
    table: [[u8; 4]; 257],
}

impl ColourTable {
    pub(super) fn new(colours: Colours) -> Self {
        ColourTable {
            colours,
            table: std::array::from_fn(|i| colours.colour(i as f32 / 128.0 - 1.0)),
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
                return colours.colours.class_shade(class, strength);
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
    colours: &Colours,
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
        pixel.copy_from_slice(&colours.class_shade(best, strength));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_ends_and_middle() {
        let colours = Colours::of(Palette::Default);
        assert_eq!(colours.colour(-1.0), [245, 147, 34, 255]);
        assert_eq!(colours.colour(0.0), [232, 234, 235, 255]);
        assert_eq!(colours.colour(1.0), [8, 119, 189, 255]);
        assert_eq!(colours.colour(7.0), colours.colour(1.0));
        assert_eq!(
            Colours::of(Palette::Colorblind).colour(1.0),
            [93, 58, 155, 255]
        );
    }

    #[test]
    fn a_host_pages_ends_colour_values_and_the_first_two_classes() {
        let ends = [[200, 0, 0], [255, 255, 255], [0, 0, 200]];
        let colours = Colours::of(Palette::Default).with_ends(ends);
        assert_eq!(colours.colour(-1.0), [200, 0, 0, 255]);
        assert_eq!(colours.colour(0.0), [255, 255, 255, 255]);
        assert_eq!(colours.classes[1], [0, 0, 200]);
        assert_eq!(colours.classes[2], Colours::of(Palette::Default).classes[2]);
    }

    #[test]
    fn colour_table_matches_exact_colours_within_one_step() {
        let table = ColourTable::new(Colours::of(Palette::Default));
        for i in 0..=200 {
            let v = i as f32 / 100.0 - 1.0;
            let (a, b) = (table.get(v), Colours::of(Palette::Default).colour(v));
            for c in 0..3 {
                assert!(
                    (a[c] as i32 - b[c] as i32).abs() <= 1,
                    "{v}: {a:?} vs {b:?}"
                );
            }
        }
        assert_eq!(
            table.get(f32::NAN),
            Colours::of(Palette::Default).colour(0.0)
        );
    }
}
