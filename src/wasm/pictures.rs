//! The pictures: the big heatmap and every node's thumbnail, read by JS as views of
//! wasm memory.

use super::crossing::js_error;
use super::{palette_named, Playground};
use crate::picture::{node_count, Colours, GRID_SIZE};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Evaluates every neuron on the grid in one pass and refreshes the heatmap and
    /// the thumbnails.
    pub fn render(&mut self) {
        self.heatmap
            .render(self.trainer.network(), self.trainer.inputs());
    }

    /// The all-neuron grid pass of `render` without colouring (for benchmarks).
    #[wasm_bindgen(js_name = evaluateGrid)]
    pub fn evaluate_grid(&mut self) {
        self.heatmap
            .evaluate(self.trainer.network(), self.trainer.inputs());
    }

    /// Nodes with a picture: input features, every neuron, the output last.
    #[wasm_bindgen(js_name = nodeCount)]
    pub fn node_count(&self) -> usize {
        node_count(self.trainer.network())
    }

    /// Computes the big heatmap at `heatmap` cells a side and every thumbnail at
    /// `thumbnail` (the device pixels each is shown at), from the next render on; each
    /// is kept within 1 ..= `gridSize()`.
    #[wasm_bindgen(js_name = setPictureSizes)]
    pub fn set_picture_sizes(&mut self, heatmap: usize, thumbnail: usize) {
        self.heatmap.set_sizes(heatmap, thumbnail);
    }

    /// Whether training plays, from the next render on: the big heatmap is then computed
    /// at the most cells a side whose forward pass fits the core's work budget (at least
    /// its floor, at most the size asked); not live, at the size asked.
    #[wasm_bindgen(js_name = setHeatmapLive)]
    pub fn set_heatmap_live(&mut self, live: bool) {
        self.heatmap.set_live(live);
    }

    /// Pixels per side of a node thumbnail (as of the last render).
    #[wasm_bindgen(js_name = thumbnailSize)]
    pub fn thumbnail_size(&self) -> usize {
        self.heatmap.thumbnail_size()
    }

    /// Pixels per side of the big heatmap (as of the last render).
    #[wasm_bindgen(js_name = heatmapSize)]
    pub fn heatmap_size(&self) -> usize {
        self.heatmap.heatmap_size()
    }

    /// Address of every node's RGBA thumbnail, node after node.
    #[wasm_bindgen(js_name = thumbnailsPtr)]
    pub fn thumbnails_ptr(&self) -> *const u8 {
        self.heatmap.thumbnails().as_ptr()
    }

    /// Length in bytes of all thumbnails.
    #[wasm_bindgen(js_name = thumbnailsLen)]
    pub fn thumbnails_len(&self) -> usize {
        self.heatmap.thumbnails().len()
    }

    /// Which node the big heatmap shows (at the next render); no node (or the single
    /// output neuron) for the output view, which for a softmax output is the winning
    /// class shaded by confidence.
    #[wasm_bindgen(js_name = setHeatmapNode)]
    pub fn set_heatmap_node(&mut self, node: Option<usize>) -> Result<(), JsValue> {
        let nodes = self.node_count();
        let Some(node) = node else {
            self.heatmap.set_node(None);
            return Ok(());
        };
        if node >= nodes {
            return Err(js_error(format!(
                "node {node} does not exist: the network has {nodes} nodes"
            )));
        }
        let single_output = self.output_count() == 1 && node + 1 == nodes;
        self.heatmap
            .set_node(if single_output { None } else { Some(node) });
        Ok(())
    }

    /// Whether the big heatmap shows only the sign of the output.
    #[wasm_bindgen(js_name = setDiscretize)]
    pub fn set_discretize(&mut self, discretize: bool) {
        self.heatmap.set_discretize(discretize);
    }

    /// Draws every picture in the palette called `name` ("default" or "colorblind").
    #[wasm_bindgen(js_name = setPalette)]
    pub fn set_palette(&mut self, name: &str) -> Result<(), JsValue> {
        self.heatmap.set_colours(Colours::of(palette_named(name)?));
        Ok(())
    }

    /// Draws every picture in the palette called `name` with a host page's own colours
    /// of −1, 0 and +1 (`ends`: 9 bytes, r g b of each); classes 0 and 1 follow them.
    #[wasm_bindgen(js_name = setPaletteEnds)]
    pub fn set_palette_ends(&mut self, name: &str, ends: &[u8]) -> Result<(), JsValue> {
        let [r0, g0, b0, r1, g1, b1, r2, g2, b2] = ends else {
            return Err(js_error(format!(
                "the colours of -1, 0 and +1 are 9 numbers (r, g, b of each), got {}",
                ends.len()
            )));
        };
        let ends = [[*r0, *g0, *b0], [*r1, *g1, *b1], [*r2, *g2, *b2]];
        self.heatmap
            .set_colours(Colours::of(palette_named(name)?).with_ends(ends));
        Ok(())
    }

    /// Address of the RGBA heatmap in wasm memory.
    #[wasm_bindgen(js_name = heatmapPtr)]
    pub fn heatmap_ptr(&self) -> *const u8 {
        self.heatmap.pixels().as_ptr()
    }

    /// Length in bytes of the RGBA heatmap (heatmapSize² × 4).
    #[wasm_bindgen(js_name = heatmapLen)]
    pub fn heatmap_len(&self) -> usize {
        self.heatmap.pixels().len()
    }

    /// Cells per side of the full grid, the finest any picture is computed at.
    #[wasm_bindgen(js_name = gridSize)]
    pub fn grid_size(&self) -> usize {
        GRID_SIZE
    }
}
