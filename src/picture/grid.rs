//! The cells of one picture: a square of `size` × `size` cells over [−EXTENT, EXTENT]²,
//! row 0 at the top, and the network's inputs at their centres, tile by tile.

use super::{EXTENT, GRID_SIZE};
use crate::data::features::{compute_inputs, Input};
use crate::math::kernels::stride_for;

/// Cells evaluated per forward pass: every layer's outputs for a tile stay in the
/// processor's cache on their way to the next layer.
pub(super) const TILE: usize = 512;

/// The centre of cell `index` of `size` along one side, from the −EXTENT end:
/// EXTENT · (2·index + 1 − size) / size, an exact product over one rounded division, so
/// that a cell of a coarser grid centred on a cell of the full grid (every 5th of 100
/// at 20 a side) has bit for bit the full grid's coordinate there.
fn centre_along(index: usize, size: usize) -> f32 {
    let offset = (2 * index + 1) as f64 - size as f64;
    (f64::from(EXTENT) * offset / size as f64) as f32
}

/// The centre (x1, x2) of cell (row, column) of a grid `size` cells a side: row 0 is the
/// top (x2 = +EXTENT side), column 0 the left (x1 = −EXTENT side).
pub fn cell_centre_of(size: usize, row: usize, column: usize) -> [f32; 2] {
    [centre_along(column, size), -centre_along(row, size)]
}

/// The centre (x1, x2) of cell (row, column) of the full `GRID_SIZE` grid.
pub fn cell_centre(row: usize, column: usize) -> [f32; 2] {
    cell_centre_of(GRID_SIZE, row, column)
}

/// A picture's grid with the values of its inputs at every cell, ready for forward passes.
#[derive(Clone, Debug, Default)]
pub(super) struct Grid {
    size: usize,
    inputs: Vec<Input>,
    /// Tile after tile, each `[features][stride_for(tile cells)]`, zero padded.
    tiles: Vec<f32>,
}

impl Grid {
    /// Makes this the grid of `size` cells a side for `inputs` (no work if it is).
    pub(super) fn prepare(&mut self, size: usize, inputs: &[Input]) {
        if self.size == size && self.inputs == inputs && !self.tiles.is_empty() {
            return;
        }
        self.size = size;
        self.inputs = inputs.to_vec();
        let centres: Vec<[f32; 2]> = (0..size * size)
            .map(|cell| cell_centre_of(size, cell / size, cell % size))
            .collect();
        self.tiles.clear();
        let mut tile = Vec::new();
        for chunk in centres.chunks(TILE) {
            compute_inputs(inputs, chunk, &mut tile);
            self.tiles.extend_from_slice(&tile);
        }
    }

    /// Cells per side.
    pub(super) fn size(&self) -> usize {
        self.size
    }

    /// Every tile as (its first cell, its cells, its inputs `[features][stride]`).
    pub(super) fn tiles(&self) -> impl Iterator<Item = (usize, usize, &[f32])> {
        let cells = self.size * self.size;
        let features = self.inputs.len();
        let mut rest = self.tiles.as_slice();
        (0..cells).step_by(TILE).map(move |start| {
            let width = TILE.min(cells - start);
            let (tile, after) = rest.split_at(features * stride_for(width));
            rest = after;
            (start, width, tile)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coarse_cells_centred_on_full_cells_share_their_coordinates() {
        // At 20 a side, cell c is centred on cell 5c + 2 of the full grid; at 4, on 25c + 12.
        for (size, step) in [(20, 5), (4, 25)] {
            for c in 0..size {
                let full = step * c + step / 2;
                assert_eq!(cell_centre_of(size, c, c), cell_centre(full, full));
            }
        }
    }

    #[test]
    fn tiles_hold_every_cell_once_padded() {
        let mut grid = Grid::default();
        grid.prepare(
            23,
            &crate::data::features::inputs_of(&[crate::Feature::X1, crate::Feature::X2]),
        );
        let tiles: Vec<_> = grid.tiles().collect();
        assert_eq!(tiles.iter().map(|t| t.1).sum::<usize>(), 23 * 23);
        let (start, width, inputs) = tiles[1];
        assert_eq!((start, width, inputs.len()), (TILE, 17, 2 * 20));
        let [x1, x2] = cell_centre_of(23, TILE / 23, TILE % 23);
        assert_eq!((inputs[0], inputs[20]), (x1, x2));
    }
}
