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
mod tests;
