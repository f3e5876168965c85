//! The pictures of what the network computes: every neuron's output over a square grid
//! of the input plane, from one batched forward pass, coloured into RGBA buffers — the
//! big heatmap (100×100) of one chosen node and a small thumbnail of every node.
//!
//! The default colours are the ones people know from the TensorFlow Playground: orange
//! #f59322 for −1, light grey #e8eaeb for 0, blue #0877bd for +1, linearly blended in
//! between (values outside [−1, 1] are clamped). A sigmoid output p is drawn as 2p − 1.
//!
//! With a softmax output, each class has its own colour (classes 0 and 1 are the −1 and
//! +1 colours): an output neuron's picture blends grey toward its class colour by its
//! probability, and the big heatmap of the output shows the winning class at every cell,
//! shaded by confidence: grey where the most probable class has only 1/k (a tie), full
//! colour where it has probability 1.

mod colours;

pub use colours::Colours;
use colours::{colour_classes, colour_row, ColourTable, Shading};

use crate::config::view::Palette;
use crate::data::features::{compute_inputs, Feature};
use crate::math::activation::Activation;
use crate::model::network::{Network, Workspace};

/// Points per side of the grid.
pub const GRID_SIZE: usize = 100;
/// The grid covers [−EXTENT, EXTENT]².
pub const EXTENT: f32 = 6.0;
/// Pixels per side of a node thumbnail: every `GRID_SIZE / THUMBNAIL_SIZE`-th cell.
pub const THUMBNAIL_SIZE: usize = 25;
const THUMBNAIL_STEP: usize = GRID_SIZE / THUMBNAIL_SIZE;
const CELLS: usize = GRID_SIZE * GRID_SIZE;

/// The grid cells a thumbnail samples, in thumbnail pixel order (ascending).
fn thumbnail_cells() -> Vec<usize> {
    let offset = THUMBNAIL_STEP / 2;
    (0..THUMBNAIL_SIZE)
        .flat_map(|row| {
            let cell_row = (row * THUMBNAIL_STEP + offset) * GRID_SIZE;
            (0..THUMBNAIL_SIZE).map(move |column| cell_row + column * THUMBNAIL_STEP + offset)
        })
        .collect()
}

/// The centre (x1, x2) of grid cell (row, column): row 0 is the top (x2 = +6 side),
/// column 0 the left (x1 = −6 side).
pub fn cell_centre(row: usize, column: usize) -> [f32; 2] {
    let step = 2.0 * EXTENT / GRID_SIZE as f32;
    [
        -EXTENT + (column as f32 + 0.5) * step,
        EXTENT - (row as f32 + 0.5) * step,
    ]
}

/// Cells evaluated per forward pass: every layer's outputs for a tile stay in the
/// processor's cache on their way to the next layer.
const TILE: usize = 512;

/// Evaluates networks on the grid and keeps the pixels.
#[derive(Clone, Debug)]
pub struct Heatmap {
    features: Vec<Feature>,
    /// Feature-major `[features][CELLS]`.
    inputs: Vec<f32>,
    /// The same values tile by tile: for each tile, `[features][tile cells]`.
    tiled_inputs: Vec<f32>,
    /// Every neuron's output at every cell, `[neurons][CELLS]`, layer after layer.
    neuron_outputs: Vec<f32>,
    /// The cells each thumbnail samples, in pixel order.
    thumbnail_cells: Vec<usize>,
    /// For each feature, 1 / (its largest magnitude on the grid), for display.
    feature_scales: Vec<f32>,
    workspace: Workspace,
    pixels: Vec<u8>,
    thumbnails: Vec<u8>,
    node: Option<usize>,
    discretize: bool,
    colours: Colours,
    table: ColourTable,
}

impl Default for Heatmap {
    fn default() -> Self {
        Heatmap {
            features: Vec::new(),
            inputs: Vec::new(),
            tiled_inputs: Vec::new(),
            neuron_outputs: Vec::new(),
            thumbnail_cells: thumbnail_cells(),
            feature_scales: Vec::new(),
            workspace: Workspace::default(),
            pixels: vec![0; CELLS * 4],
            thumbnails: Vec::new(),
            node: None,
            discretize: false,
            colours: Colours::of(Palette::Default),
            table: ColourTable::new(Colours::of(Palette::Default)),
        }
    }
}

/// Nodes of a network as the pictures number them: input features first, then every
/// neuron layer by layer, the output neuron last.
pub fn node_count(network: &Network) -> usize {
    network.input_count() + network.layers().iter().map(|l| l.outputs).sum::<usize>()
}

impl Heatmap {
    fn prepare_inputs(&mut self, features: &[Feature]) {
        if self.features == features && !self.inputs.is_empty() {
            return;
        }
        self.features = features.to_vec();
        let centres: Vec<[f32; 2]> = (0..CELLS)
            .map(|cell| cell_centre(cell / GRID_SIZE, cell % GRID_SIZE))
            .collect();
        compute_inputs(features, &centres, &mut self.inputs);
        self.tiled_inputs.clear();
        for start in (0..CELLS).step_by(TILE) {
            let width = TILE.min(CELLS - start);
            for row in self.inputs.chunks_exact(CELLS) {
                self.tiled_inputs
                    .extend_from_slice(&row[start..start + width]);
            }
        }
        self.feature_scales = self
            .inputs
            .chunks_exact(CELLS)
            .map(|row| {
                let largest = row.iter().fold(0.0f32, |m, v| m.max(v.abs()));
                if largest > 0.0 {
                    1.0 / largest
                } else {
                    1.0
                }
            })
            .collect();
    }

    /// Evaluates every neuron of `network` (whose inputs are `features`) at every grid
    /// cell, without colouring: batched forward passes over tiles of cells, each
    /// neuron's outputs gathered into one row of `[neurons][CELLS]`.
    pub fn evaluate(&mut self, network: &Network, features: &[Feature]) {
        self.prepare_inputs(features);
        let neurons: usize = network.layers().iter().map(|l| l.outputs).sum();
        self.neuron_outputs.resize(neurons * CELLS, 0.0);
        let mut tile_inputs = self.tiled_inputs.as_slice();
        for start in (0..CELLS).step_by(TILE) {
            let width = TILE.min(CELLS - start);
            let (inputs, rest) = tile_inputs.split_at(features.len() * width);
            tile_inputs = rest;
            network.forward(inputs, width, &mut self.workspace);
            let mut rows = self.neuron_outputs.chunks_exact_mut(CELLS);
            for (layer, shape) in network.layers().iter().enumerate() {
                for neuron in 0..shape.outputs {
                    let row = rows.next().expect("one row per neuron");
                    row[start..start + width]
                        .copy_from_slice(self.workspace.neuron_outputs(layer, neuron));
                }
            }
        }
    }

    /// Evaluates the grid and colours the big heatmap (the chosen node) and every
    /// node's thumbnail, straight from each tile's outputs (nothing else is kept).
    /// Without a chosen node the big heatmap shows the output: its one neuron, or the
    /// winning class of a softmax output.
    pub fn render(&mut self, network: &Network, features: &[Feature]) {
        self.prepare_inputs(features);
        let nodes = node_count(network);
        let inputs = network.input_count();
        let last_layer = network.layers().len() - 1;
        let picked = self.node.filter(|&n| n < nodes);
        let class_map =
            picked.is_none() && network.layers()[last_layer].activation == Activation::Softmax;
        // No node picked: the output, which for softmax is the class map, not one neuron.
        let chosen = picked.or((!class_map).then_some(nodes - 1));
        let discretize = self.discretize && (class_map || chosen == Some(nodes - 1));
        let thumbnail_bytes = THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4;
        let samples = &self.thumbnail_cells;
        self.thumbnails.resize(nodes * thumbnail_bytes, 0);
        // Input nodes: their values are the grid's inputs.
        for feature in 0..inputs {
            let row = &self.inputs[feature * CELLS..][..CELLS];
            let shading = Shading::Signed(self.feature_scales[feature]);
            let thumbnail = &mut self.thumbnails[feature * thumbnail_bytes..][..thumbnail_bytes];
            for (pixel, &cell) in thumbnail.chunks_exact_mut(4).zip(samples) {
                pixel.copy_from_slice(&shading.colour(row[cell], false, &self.table));
            }
            if Some(feature) == chosen {
                colour_row(&mut self.pixels, row, shading, false, &self.table);
            }
        }
        // Neurons: tile by tile.
        let mut tile_inputs = self.tiled_inputs.as_slice();
        for start in (0..CELLS).step_by(TILE) {
            let width = TILE.min(CELLS - start);
            let (tile, rest) = tile_inputs.split_at(features.len() * width);
            tile_inputs = rest;
            network.forward(tile, width, &mut self.workspace);
            let first = samples.partition_point(|&cell| cell < start);
            let last = samples.partition_point(|&cell| cell < start + width);
            let mut node = inputs;
            for (layer, shape) in network.layers().iter().enumerate() {
                for neuron in 0..shape.outputs {
                    let row = self.workspace.neuron_outputs(layer, neuron);
                    let shading = Shading::of(network, layer, neuron);
                    let thumbnail =
                        &mut self.thumbnails[node * thumbnail_bytes..][..thumbnail_bytes];
                    let pixels = thumbnail[first * 4..last * 4].chunks_exact_mut(4);
                    for (pixel, &cell) in pixels.zip(&samples[first..last]) {
                        pixel.copy_from_slice(&shading.colour(
                            row[cell - start],
                            false,
                            &self.table,
                        ));
                    }
                    if Some(node) == chosen {
                        let pixels = &mut self.pixels[start * 4..(start + width) * 4];
                        colour_row(pixels, row, shading, discretize, &self.table);
                    }
                    node += 1;
                }
            }
            if class_map {
                colour_classes(
                    &mut self.pixels[start * 4..(start + width) * 4],
                    self.workspace.activations(last_layer),
                    self.workspace.stride(),
                    discretize,
                    &self.colours,
                );
            }
        }
    }

    /// RGBA bytes of the big heatmap, `GRID_SIZE` rows of `GRID_SIZE` pixels, top row first.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// RGBA bytes of every node's thumbnail, node after node, each `THUMBNAIL_SIZE`²
    /// pixels in the heatmap's orientation.
    pub fn thumbnails(&self) -> &[u8] {
        &self.thumbnails
    }

    /// Every neuron's output at every grid cell from the last evaluation,
    /// `[neurons][cells]`, layer after layer (the output neuron last).
    pub fn neuron_outputs(&self) -> &[f32] {
        &self.neuron_outputs
    }

    /// Which node the big heatmap shows; `None` for the output.
    pub fn set_node(&mut self, node: Option<usize>) {
        self.node = node;
    }

    /// Whether the big heatmap shows only the sign of the output.
    pub fn set_discretize(&mut self, discretize: bool) {
        self.discretize = discretize;
    }

    /// The colours of every picture.
    pub fn set_colours(&mut self, colours: Colours) {
        self.colours = colours;
        self.table = ColourTable::new(colours);
    }

    /// The colours pictures are drawn with.
    pub fn colours(&self) -> Colours {
        self.colours
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::initialization::Initialization;
    use crate::model::network::LayerShape;
    use crate::Activation;

    #[test]
    fn cells_cover_the_plane_top_left_first() {
        let [x1, x2] = cell_centre(0, 0);
        assert!((x1 + 5.94).abs() < 1e-5 && (x2 - 5.94).abs() < 1e-5);
        let [x1, x2] = cell_centre(GRID_SIZE - 1, GRID_SIZE - 1);
        assert!((x1 - 5.94).abs() < 1e-5 && (x2 + 5.94).abs() < 1e-5);
    }

    #[test]
    fn tiled_evaluation_gives_every_neuron_at_every_cell() {
        use crate::math::rng::{SeededRng, Stream};
        let shapes = vec![
            LayerShape {
                inputs: 3,
                outputs: 5,
                activation: Activation::Tanh,
            },
            LayerShape {
                inputs: 5,
                outputs: 1,
                activation: Activation::Tanh,
            },
        ];
        let network =
            Initialization::Uniform.network(shapes, &mut SeededRng::new(5, Stream::Weights));
        let features = [Feature::X1, Feature::X2, Feature::SinX1];
        let mut heatmap = Heatmap::default();
        heatmap.evaluate(&network, &features);
        // The same cells in one untiled pass.
        let centres: Vec<[f32; 2]> = (0..CELLS)
            .map(|cell| cell_centre(cell / GRID_SIZE, cell % GRID_SIZE))
            .collect();
        let mut inputs = Vec::new();
        compute_inputs(&features, &centres, &mut inputs);
        let mut workspace = Workspace::default();
        network.forward(&inputs, CELLS, &mut workspace);
        let hidden = &heatmap.neuron_outputs()[..5 * CELLS];
        assert_eq!(hidden, &workspace.activations(0)[..5 * CELLS]);
        assert_eq!(&heatmap.neuron_outputs()[5 * CELLS..], workspace.output());
    }

    #[test]
    fn render_colours_the_same_values_evaluate_computes() {
        use crate::math::rng::{SeededRng, Stream};
        let shapes = vec![
            LayerShape {
                inputs: 2,
                outputs: 6,
                activation: Activation::Tanh,
            },
            LayerShape {
                inputs: 6,
                outputs: 1,
                activation: Activation::Tanh,
            },
        ];
        let network =
            Initialization::Uniform.network(shapes, &mut SeededRng::new(8, Stream::Weights));
        let features = [Feature::X1, Feature::X2];
        let mut evaluated = Heatmap::default();
        evaluated.evaluate(&network, &features);
        let table = ColourTable::new(Colours::of(Palette::Default));
        let mut rendered = Heatmap::default();
        for (node, discretize) in [(4, false), (8, true)] {
            rendered.set_node(Some(node));
            rendered.set_discretize(discretize);
            rendered.render(&network, &features);
            let values = &evaluated.neuron_outputs()[(node - 2) * CELLS..][..CELLS];
            for (cell, &value) in values.iter().enumerate() {
                let v = if discretize { value.signum() } else { value };
                assert_eq!(&rendered.pixels()[cell * 4..][..4], table.get(v));
            }
            let thumbnail = &rendered.thumbnails()[node * THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4..];
            for (pixel, &cell) in thumbnail_cells().iter().enumerate() {
                assert_eq!(&thumbnail[pixel * 4..][..4], table.get(values[cell]));
            }
        }
    }

    #[test]
    fn softmax_output_shows_the_winning_class_shaded_by_confidence() {
        // Three classes from x1 alone: z = (−x1, 0, x1): class 0 wins on the left, class
        // 2 on the right, and near x1 = 0 all three tie (grey).
        let mut network = Network::zeroed(vec![LayerShape {
            inputs: 2,
            outputs: 3,
            activation: Activation::Softmax,
        }]);
        network.parameters_mut()[..6].copy_from_slice(&[-1.0, 0.0, 0.0, 0.0, 1.0, 0.0]);
        let features = [Feature::X1, Feature::X2];
        let mut heatmap = Heatmap::default();
        heatmap.render(&network, &features);
        let palette = Colours::of(Palette::Default);
        let at = |heatmap: &Heatmap, column: usize| heatmap.pixels()[column * 4..][..4].to_vec();
        let colour = |class: usize| palette.classes[class];
        let left = at(&heatmap, 0);
        // x1 = −5.94: p0 = e^5.94 / (e^5.94 + 1 + e^−5.94) ≈ 0.9974.
        let strength = (0.997_38 - 1.0 / 3.0) / (2.0 / 3.0);
        assert_eq!(left, palette.class_shade(0, strength));
        assert!((left[0] as i32 - colour(0)[0] as i32).abs() <= 2);
        assert_eq!(
            at(&heatmap, GRID_SIZE - 1),
            palette.class_shade(2, strength)
        );
        // The middle columns (x1 = ±0.06) are nearly grey.
        let middle = at(&heatmap, GRID_SIZE / 2);
        assert!((middle[0] as i32 - 232).abs() <= 6, "{middle:?}");
        // Discretized: full class colours.
        heatmap.set_discretize(true);
        heatmap.render(&network, &features);
        assert_eq!(at(&heatmap, 0), palette.class_shade(0, 1.0));
        // The thumbnail of output neuron 2 (node 4) blends toward class 2's colour.
        let thumbnail = &heatmap.thumbnails()[4 * THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4..];
        let right = &thumbnail[(THUMBNAIL_SIZE - 1) * 4..][..4];
        assert!(
            (right[1] as i32 - colour(2)[1] as i32).abs() <= 3,
            "{right:?}"
        );
    }

    #[test]
    fn thumbnails_for_every_node_and_a_chosen_big_node() {
        // Output = x1 (linear, weight 1): orange on the left, blue on the right.
        let mut network = Network::zeroed(vec![LayerShape {
            inputs: 2,
            outputs: 1,
            activation: Activation::Linear,
        }]);
        network.parameters_mut()[0] = 1.0;
        let mut heatmap = Heatmap::default();
        heatmap.render(&network, &[Feature::X1, Feature::X2]);
        assert_eq!(
            heatmap.thumbnails().len(),
            3 * THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4
        );
        let left = &heatmap.pixels()[..4];
        let right = &heatmap.pixels()[(GRID_SIZE - 1) * 4..][..4];
        assert_eq!(left, Colours::of(Palette::Default).colour(-1.0));
        assert_eq!(right, Colours::of(Palette::Default).colour(1.0));
        // Node 1 is the input x2: blue at the top, orange at the bottom.
        heatmap.set_node(Some(1));
        heatmap.render(&network, &[Feature::X1, Feature::X2]);
        let top = &heatmap.pixels()[..4];
        let bottom = &heatmap.pixels()[(CELLS - 1) * 4..][..4];
        assert!(top[2] > top[0] && bottom[0] > bottom[2]);
    }
}
