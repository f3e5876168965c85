//! The pictures of what the network computes: every neuron's output over a square grid
//! of the input plane, from batched forward passes, coloured into RGBA buffers — the
//! big heatmap of one chosen node and a thumbnail of every node. Each picture is
//! computed at the resolution it is shown at (the page says which, in device pixels),
//! at most the full `GRID_SIZE` grid: its own grid's cell centres, so a cell it shares
//! with the full grid has exactly the full grid's value. While training plays (`set_live`)
//! the big heatmap is computed at fewer cells when its forward pass would cost more than
//! `LIVE_BUDGET` multiply-adds (`live_size`); paused, it is computed at the size asked.
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
mod grid;

pub use colours::Colours;
use colours::{colour_classes, colour_row, ColourTable, Shading};
use grid::Grid;
pub use grid::{cell_centre, cell_centre_of};

use crate::config::view::Palette;
use crate::data::features::Input;
use crate::math::activation::Activation;
use crate::math::kernels::stride_for;
use crate::model::network::{Network, Workspace};

/// Cells per side of the full grid, the finest any picture is computed at.
pub const GRID_SIZE: usize = 100;
/// The grid covers [−EXTENT, EXTENT]².
pub const EXTENT: f32 = 6.0;
/// Cells per side of a node thumbnail until the page says how large it is shown.
pub const THUMBNAIL_SIZE: usize = 20;
/// Multiply-adds the big heatmap's forward pass may cost a render while training plays:
/// it is computed at the most cells a side that fit (`live_size`). Networks of up to
/// 5,000 weights (the default, the TensorFlow Playground's largest) keep the full grid;
/// 7 inputs and 10 hidden layers of 32 (9,472 weights) get 72 a side. At the rate of the
/// full pass at 16×57 in the browser (32 ms for 492 M on a quiet machine, 80–100 ms on a
/// busy 2-core one) the budget is a pass of 3–10 ms.
pub const LIVE_BUDGET: usize = 50_000_000;
/// The fewest cells a side the big heatmap is computed at while playing, whatever its
/// cost: a point on the heatmap is 1/65 of its width across, so a cell here is 1.3 points
/// wide; at the 31 the budget alone would give 16×57 it would be 2, and the boundaries
/// between the points turn to steps. 7 inputs and 16 hidden layers of 57 (49,191 weights,
/// 31 a side by the budget) get this, a quarter of the full grid's pass (its render
/// measured 100 → 36 ms a frame on a busy 2-core machine).
pub const LIVE_MIN_SIZE: usize = 50;
const CELLS: usize = GRID_SIZE * GRID_SIZE;

/// Evaluates networks on the grids and keeps the pixels.
#[derive(Clone, Debug)]
pub struct Heatmap {
    /// The big heatmap's grid (`evaluate` uses it at the full size).
    big: Grid,
    /// The thumbnails' grid.
    small: Grid,
    /// Cells per side each picture is asked for (the next render).
    heatmap_size: usize,
    thumbnail_size: usize,
    /// Training plays: the big heatmap is kept within `LIVE_BUDGET`.
    live: bool,
    /// Cells per side of `pixels` and of each thumbnail in `thumbnails`.
    drawn_sizes: [usize; 2],
    /// Every neuron's output at every grid cell, `[neurons][CELLS]`, layer after layer.
    neuron_outputs: Vec<f32>,
    /// For `scaled_inputs`, 1 / (the largest magnitude on the full grid), for display.
    scaled_inputs: Vec<Input>,
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
            big: Grid::default(),
            small: Grid::default(),
            heatmap_size: GRID_SIZE,
            thumbnail_size: THUMBNAIL_SIZE,
            live: false,
            drawn_sizes: [GRID_SIZE, THUMBNAIL_SIZE],
            neuron_outputs: Vec::new(),
            scaled_inputs: Vec::new(),
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

/// `size` cells a side, within 1 ..= `GRID_SIZE`.
fn picture_size(size: usize) -> usize {
    size.clamp(1, GRID_SIZE)
}

/// Cells a side of the big heatmap while training plays, when it is asked at `asked` and
/// costs `cost` multiply-adds a cell: the most whose pass fits `LIVE_BUDGET`, at least
/// `LIVE_MIN_SIZE`, never more than `asked`.
pub fn live_size(asked: usize, cost: usize) -> usize {
    match LIVE_BUDGET.checked_div(cost) {
        Some(cells) => cells.isqrt().max(LIVE_MIN_SIZE).min(asked),
        None => asked,
    }
}

/// Multiply-adds per cell of the forward pass that gives `shown`: every weight for the
/// class map (`None`), the layers up to a neuron's, none for an input feature.
fn cost_per_cell(network: &Network, shown: Option<Result<(usize, usize), usize>>) -> usize {
    let layers = match shown {
        None => network.layers().len(),
        Some(Ok((layer, _))) => layer + 1,
        Some(Err(_)) => 0,
    };
    network.layers()[..layers]
        .iter()
        .map(|shape| shape.inputs * shape.outputs)
        .sum()
}

impl Heatmap {
    /// The display scale of every input, from its largest magnitude on the full grid
    /// (the same at every picture size).
    fn prepare_scales(&mut self, inputs: &[Input]) {
        if self.scaled_inputs == inputs {
            return;
        }
        self.scaled_inputs = inputs.to_vec();
        self.feature_scales = inputs
            .iter()
            .map(|feature| {
                let largest = (0..CELLS).fold(0.0f32, |m, cell| {
                    let [x1, x2] = cell_centre(cell / GRID_SIZE, cell % GRID_SIZE);
                    m.max(feature.value(x1, x2).abs())
                });
                if largest > 0.0 {
                    1.0 / largest
                } else {
                    1.0
                }
            })
            .collect();
    }

    /// Computes the big heatmap at `heatmap` cells a side and the thumbnails at
    /// `thumbnail`, from the next render on; each is kept within 1 ..= `GRID_SIZE`.
    pub fn set_sizes(&mut self, heatmap: usize, thumbnail: usize) {
        self.heatmap_size = picture_size(heatmap);
        self.thumbnail_size = picture_size(thumbnail);
    }

    /// Whether training plays: from the next render on, the big heatmap is computed
    /// within `LIVE_BUDGET` (`live_size`); not live, at the size asked.
    pub fn set_live(&mut self, live: bool) {
        self.live = live;
    }

    /// Cells per side of the big heatmap's pixels (as of the last render).
    pub fn heatmap_size(&self) -> usize {
        self.drawn_sizes[0]
    }

    /// Cells per side of every thumbnail's pixels (as of the last render).
    pub fn thumbnail_size(&self) -> usize {
        self.drawn_sizes[1]
    }

    /// Evaluates every neuron of `network` (whose inputs are `inputs`) at every cell
    /// of the full grid, without colouring: batched forward passes over tiles of cells,
    /// each neuron's outputs gathered into one row of `[neurons][CELLS]`.
    pub fn evaluate(&mut self, network: &Network, inputs: &[Input]) {
        self.big.prepare(GRID_SIZE, inputs);
        let neurons: usize = network.layers().iter().map(|l| l.outputs).sum();
        self.neuron_outputs.resize(neurons * CELLS, 0.0);
        for (start, width, inputs) in self.big.tiles() {
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

    /// Colours every node's thumbnail and the big heatmap (the chosen node), each on
    /// its own grid: the thumbnails from forward passes through the whole network, the
    /// big heatmap through the layers up to its node only. Without a chosen node the
    /// big heatmap shows the output: its one neuron, or the winning class of a softmax
    /// output.
    pub fn render(&mut self, network: &Network, inputs: &[Input]) {
        self.prepare_scales(inputs);
        let nodes = node_count(network);
        let last_layer = network.layers().len() - 1;
        let picked = self.node.filter(|&n| n < nodes);
        let class_map =
            picked.is_none() && network.layers()[last_layer].activation == Activation::Softmax;
        // No node picked: the output, which for softmax is the class map, not one neuron.
        let chosen = picked.or((!class_map).then_some(nodes - 1));
        let discretize = self.discretize && (class_map || chosen == Some(nodes - 1));
        let shown = chosen.map(|node| neuron_at(network, node));
        let heatmap_size = if self.live {
            live_size(self.heatmap_size, cost_per_cell(network, shown))
        } else {
            self.heatmap_size
        };
        self.big.prepare(heatmap_size, inputs);
        self.small.prepare(self.thumbnail_size, inputs);
        self.drawn_sizes = [self.big.size(), self.small.size()];
        let Heatmap {
            big,
            small,
            workspace,
            pixels,
            thumbnails,
            feature_scales,
            table,
            colours,
            ..
        } = self;
        // Every node's thumbnail, tile by tile of the thumbnails' grid.
        let thumbnail_bytes = small.size() * small.size() * 4;
        thumbnails.resize(nodes * thumbnail_bytes, 0);
        for (start, width, tile) in small.tiles() {
            let stride = stride_for(width);
            let mut pictures = thumbnails
                .chunks_exact_mut(thumbnail_bytes)
                .map(|picture| &mut picture[start * 4..(start + width) * 4]);
            for (feature, &scale) in feature_scales.iter().enumerate() {
                let row = &tile[feature * stride..][..width];
                let picture = pictures.next().expect("one thumbnail per node");
                colour_row(picture, row, Shading::Signed(scale), false, table);
            }
            network.forward(tile, width, workspace);
            for (layer, shape) in network.layers().iter().enumerate() {
                for neuron in 0..shape.outputs {
                    let row = workspace.neuron_outputs(layer, neuron);
                    let shading = Shading::of(network, layer, neuron);
                    let picture = pictures.next().expect("one thumbnail per node");
                    colour_row(picture, row, shading, false, table);
                }
            }
        }
        // The big heatmap: an input's values, one neuron's outputs or the class map.
        pixels.resize(big.size() * big.size() * 4, 0);
        for (start, width, tile) in big.tiles() {
            let pixels = &mut pixels[start * 4..(start + width) * 4];
            match shown {
                Some(Err(feature)) => {
                    let row = &tile[feature * stride_for(width)..][..width];
                    let shading = Shading::Signed(feature_scales[feature]);
                    colour_row(pixels, row, shading, false, table);
                }
                Some(Ok((layer, neuron))) => {
                    network.forward_layers(tile, width, layer + 1, workspace);
                    let row = workspace.neuron_outputs(layer, neuron);
                    let shading = Shading::of(network, layer, neuron);
                    colour_row(pixels, row, shading, discretize, table);
                }
                None => {
                    network.forward(tile, width, workspace);
                    let probabilities = workspace.activations(last_layer);
                    colour_classes(
                        pixels,
                        probabilities,
                        workspace.stride(),
                        discretize,
                        colours,
                    );
                }
            }
        }
    }

    /// RGBA bytes of the big heatmap, `heatmap_size()` rows of as many pixels, top row first.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// RGBA bytes of every node's thumbnail, node after node, each `thumbnail_size()`²
    /// pixels in the heatmap's orientation.
    pub fn thumbnails(&self) -> &[u8] {
        &self.thumbnails
    }

    /// Every neuron's output at every cell of the full grid from the last `evaluate`,
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

/// Node `node` as an input feature (`Err`) or (layer, neuron).
fn neuron_at(network: &Network, node: usize) -> Result<(usize, usize), usize> {
    let mut first = network.input_count();
    if node < first {
        return Err(node);
    }
    for (layer, shape) in network.layers().iter().enumerate() {
        if node < first + shape.outputs {
            return Ok((layer, node - first));
        }
        first += shape.outputs;
    }
    unreachable!("node {node} is past the network's nodes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::features::{compute_inputs, inputs_of, Feature};
    use crate::math::rng::{SeededRng, Stream};
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
        let features = inputs_of(&[Feature::X1, Feature::X2, Feature::SinX1]);
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
        let features = inputs_of(&[Feature::X1, Feature::X2]);
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
            // The thumbnails' 20×20 cells are centred on every 5th cell of the full grid.
            let thumbnail = &rendered.thumbnails()[node * THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4..];
            for pixel in 0..THUMBNAIL_SIZE * THUMBNAIL_SIZE {
                let cell =
                    (pixel / THUMBNAIL_SIZE * 5 + 2) * GRID_SIZE + pixel % THUMBNAIL_SIZE * 5 + 2;
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
        let features = inputs_of(&[Feature::X1, Feature::X2]);
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
        heatmap.render(&network, &inputs_of(&[Feature::X1, Feature::X2]));
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
        heatmap.render(&network, &inputs_of(&[Feature::X1, Feature::X2]));
        let top = &heatmap.pixels()[..4];
        let bottom = &heatmap.pixels()[(CELLS - 1) * 4..][..4];
        assert!(top[2] > top[0] && bottom[0] > bottom[2]);
    }

    /// A 2-5-4-1 tanh network on x1, x2 and x1·x2.
    fn small_network() -> (Network, Vec<Input>) {
        let shape = |inputs, outputs| LayerShape {
            inputs,
            outputs,
            activation: Activation::Tanh,
        };
        let shapes = vec![shape(3, 5), shape(5, 4), shape(4, 1)];
        let network =
            Initialization::Uniform.network(shapes, &mut SeededRng::new(3, Stream::Weights));
        (
            network,
            inputs_of(&[Feature::X1, Feature::X2, Feature::X1TimesX2]),
        )
    }

    /// Every node's value at every cell of the full grid, `[nodes][CELLS]`: the inputs'
    /// scaled values, then `evaluate`'s neuron outputs.
    /// The network's output at the cell centres of a grid `size` cells a side, in one
    /// untiled pass.
    fn outputs_at_own_centres(network: &Network, features: &[Input], size: usize) -> Vec<f32> {
        let centres: Vec<[f32; 2]> = (0..size * size)
            .map(|cell| cell_centre_of(size, cell / size, cell % size))
            .collect();
        let mut inputs = Vec::new();
        compute_inputs(features, &centres, &mut inputs);
        let mut workspace = Workspace::default();
        network.forward(&inputs, size * size, &mut workspace);
        workspace.output().to_vec()
    }

    fn full_resolution(network: &Network, features: &[Input]) -> (Vec<f32>, Vec<Shading>) {
        let mut heatmap = Heatmap::default();
        heatmap.prepare_scales(features);
        heatmap.evaluate(network, features);
        let mut values = Vec::new();
        let mut shadings = Vec::new();
        for (feature, &scale) in features.iter().zip(&heatmap.feature_scales) {
            values.extend((0..CELLS).map(|cell| {
                let [x1, x2] = cell_centre(cell / GRID_SIZE, cell % GRID_SIZE);
                feature.value(x1, x2)
            }));
            shadings.push(Shading::Signed(scale));
        }
        values.extend_from_slice(heatmap.neuron_outputs());
        for (layer, shape) in network.layers().iter().enumerate() {
            shadings.extend((0..shape.outputs).map(|neuron| Shading::of(network, layer, neuron)));
        }
        (values, shadings)
    }

    #[test]
    fn lower_resolution_pictures_are_the_full_grid_at_the_same_cells() {
        let (network, features) = small_network();
        let (values, shadings) = full_resolution(&network, &features);
        let table = ColourTable::new(Colours::of(Palette::Default));
        let nodes = node_count(&network);
        let mut heatmap = Heatmap::default();
        // 20 and 4 cells a side are centred on every 5th and every 25th full-grid cell.
        for (size, step) in [(20, 5), (4, 25), (GRID_SIZE, 1)] {
            heatmap.set_sizes(size, size);
            for node in 0..nodes {
                heatmap.set_node(Some(node));
                heatmap.render(&network, &features);
                assert_eq!(
                    (heatmap.heatmap_size(), heatmap.thumbnail_size()),
                    (size, size)
                );
                let thumbnail = &heatmap.thumbnails()[node * size * size * 4..][..size * size * 4];
                for pixel in 0..size * size {
                    let (row, column) = (pixel / size, pixel % size);
                    let cell = (row * step + step / 2) * GRID_SIZE + column * step + step / 2;
                    let colour = shadings[node].colour(values[node * CELLS + cell], false, &table);
                    assert_eq!(
                        &thumbnail[pixel * 4..][..4],
                        colour,
                        "thumbnail {node} at {size}"
                    );
                    assert_eq!(
                        &heatmap.pixels()[pixel * 4..][..4],
                        colour,
                        "heatmap {node} at {size}"
                    );
                }
            }
        }
    }

    #[test]
    fn any_picture_size_is_the_network_at_its_own_cell_centres() {
        let (network, features) = small_network();
        let table = ColourTable::new(Colours::of(Palette::Default));
        let mut heatmap = Heatmap::default();
        heatmap.set_sizes(37, 13);
        heatmap.render(&network, &features);
        for (size, pixels) in [
            (37, heatmap.pixels()),
            (13, &heatmap.thumbnails()[12 * 13 * 13 * 4..]),
        ] {
            let shading = Shading::of(&network, 2, 0);
            for (cell, &value) in outputs_at_own_centres(&network, &features, size)
                .iter()
                .enumerate()
            {
                assert_eq!(
                    &pixels[cell * 4..][..4],
                    shading.colour(value, false, &table)
                );
            }
        }
    }

    #[test]
    fn sizes_stay_within_one_cell_and_the_full_grid() {
        let (network, features) = small_network();
        let mut heatmap = Heatmap::default();
        heatmap.set_sizes(0, 5000);
        heatmap.render(&network, &features);
        assert_eq!(
            (heatmap.heatmap_size(), heatmap.thumbnail_size()),
            (1, GRID_SIZE)
        );
        assert_eq!(heatmap.pixels().len(), 4);
        assert_eq!(heatmap.thumbnails().len(), 13 * CELLS * 4);
    }

    /// 7 inputs and `layers` hidden tanh layers of `width`, one output.
    fn deep_network(layers: usize, width: usize) -> (Network, Vec<Input>) {
        let shape = |inputs, outputs| LayerShape {
            inputs,
            outputs,
            activation: Activation::Tanh,
        };
        let mut shapes = vec![shape(7, width)];
        shapes.extend((1..layers).map(|_| shape(width, width)));
        shapes.push(shape(width, 1));
        let network =
            Initialization::Xavier.network(shapes, &mut SeededRng::new(4, Stream::Weights));
        (network, inputs_of(&Feature::ALL))
    }

    /// The big heatmap's cells a side after a render of `node` at the full grid.
    fn rendered_size(heatmap: &mut Heatmap, network: &Network, features: &[Input]) -> usize {
        heatmap.set_sizes(GRID_SIZE, 30);
        heatmap.render(network, features);
        assert_eq!(heatmap.pixels().len(), heatmap.heatmap_size().pow(2) * 4);
        heatmap.heatmap_size()
    }

    #[test]
    fn while_playing_a_big_network_is_computed_within_the_budget() {
        let (network, features) = deep_network(10, 32);
        assert_eq!(cost_per_cell(&network, None), 9_472);
        let mut heatmap = Heatmap::default();
        heatmap.set_live(true);
        let size = rendered_size(&mut heatmap, &network, &features);
        assert!(size < GRID_SIZE && size > LIVE_MIN_SIZE, "{size} a side");
        assert!(size * size * 9_472 <= LIVE_BUDGET);
        assert!(
            (size + 1).pow(2) * 9_472 > LIVE_BUDGET,
            "{size} is not the most"
        );
        // The largest network the page allows: the floor.
        let (largest, features) = deep_network(16, 57);
        assert_eq!(
            rendered_size(&mut heatmap, &largest, &features),
            LIVE_MIN_SIZE
        );
        // Paused, the size asked; the thumbnails the size asked either way.
        heatmap.set_live(false);
        assert_eq!(rendered_size(&mut heatmap, &largest, &features), GRID_SIZE);
        assert_eq!(heatmap.thumbnail_size(), 30);
    }

    #[test]
    fn while_playing_small_networks_keep_the_size_asked() {
        let mut heatmap = Heatmap::default();
        heatmap.set_live(true);
        // The TensorFlow Playground's largest, and a smaller size asked.
        let (network, features) = deep_network(6, 8);
        assert_eq!(rendered_size(&mut heatmap, &network, &features), GRID_SIZE);
        heatmap.set_sizes(20, 30);
        heatmap.render(&network, &features);
        assert_eq!(heatmap.heatmap_size(), 20);
        // A big network asked for fewer cells than the budget allows.
        let (big, features) = deep_network(16, 57);
        heatmap.set_sizes(LIVE_MIN_SIZE - 10, 30);
        heatmap.render(&big, &features);
        assert_eq!(heatmap.heatmap_size(), LIVE_MIN_SIZE - 10);
    }

    #[test]
    fn the_budget_counts_the_layers_up_to_the_node_shown() {
        let (network, features) = deep_network(10, 32);
        let mut heatmap = Heatmap::default();
        heatmap.set_live(true);
        let output = rendered_size(&mut heatmap, &network, &features);
        // A neuron of hidden layer 7 costs 7·32 + 6·32² multiply-adds a cell.
        heatmap.set_node(Some(7 + 6 * 32));
        let middle = rendered_size(&mut heatmap, &network, &features);
        assert_eq!(middle, live_size(GRID_SIZE, 7 * 32 + 6 * 32 * 32));
        assert!(
            output < middle && middle < GRID_SIZE,
            "{output} and {middle}"
        );
        // The first hidden layer and an input: the full grid.
        for node in [7, 3] {
            heatmap.set_node(Some(node));
            assert_eq!(rendered_size(&mut heatmap, &network, &features), GRID_SIZE);
        }
    }

    #[test]
    fn a_picture_reduced_while_playing_is_the_network_at_its_own_cell_centres() {
        let (network, features) = deep_network(10, 32);
        let table = ColourTable::new(Colours::of(Palette::Default));
        let mut heatmap = Heatmap::default();
        heatmap.set_live(true);
        let size = rendered_size(&mut heatmap, &network, &features);
        assert!(size < GRID_SIZE);
        let shading = Shading::of(&network, 10, 0);
        for (cell, &value) in outputs_at_own_centres(&network, &features, size)
            .iter()
            .enumerate()
        {
            assert_eq!(
                &heatmap.pixels()[cell * 4..][..4],
                shading.colour(value, false, &table),
                "cell {cell}"
            );
        }
        // The same as asking for that size while paused.
        let live = heatmap.pixels().to_vec();
        heatmap.set_live(false);
        heatmap.set_sizes(size, 30);
        heatmap.render(&network, &features);
        assert_eq!(heatmap.pixels(), live);
    }
}
