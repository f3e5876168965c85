// greymatter bench: the work both designs share — train some epochs on one playground
// and render its pictures — and the drawing of those pictures onto the trial page.

/** Builds a playground for `config` from the wasm package and returns its step and pictures. */
export async function openCore(config) {
  const glue = await import('/www/pkg/greymatter.js');
  const exports = await glue.default();
  const playground = new glue.Playground(config);
  return {
    /** Trains `epochs` epochs and renders every picture; returns copies of the pixels. */
    trainAndRender(epochs) {
      playground.train(epochs);
      playground.render();
      const bytes = (ptr, len) => new Uint8ClampedArray(exports.memory.buffer, ptr, len).slice();
      return {
        epoch: playground.epoch,
        grid: playground.gridSize(),
        heatmap: bytes(playground.heatmapPtr(), playground.heatmapLen()),
        thumbnailSize: playground.thumbnailSize(),
        thumbnails: bytes(playground.thumbnailsPtr(), playground.thumbnailsLen()),
      };
    },
  };
}

/** Canvases for the heatmap and `count` thumbnails, and a function that paints a picture set on them. */
export function makePainter(count) {
  const heatmap = document.getElementById('heatmap');
  const grid = document.createElement('canvas');
  const thumbs = [];
  for (let i = 0; i < count; i++) thumbs.push(document.createElement('canvas'));
  document.getElementById('thumbs').replaceChildren(...thumbs);
  const contexts = thumbs.map((canvas) => canvas.getContext('2d'));
  return (pictures) => {
    const size = pictures.grid;
    grid.width = size;
    grid.height = size;
    grid.getContext('2d').putImageData(new ImageData(pictures.heatmap, size, size), 0, 0);
    heatmap.getContext('2d').drawImage(grid, 0, 0, heatmap.width, heatmap.height);
    const side = pictures.thumbnailSize;
    const each = side * side * 4;
    contexts.forEach((context, node) => {
      if (context.canvas.width !== side) {
        context.canvas.width = side;
        context.canvas.height = side;
      }
      context.putImageData(new ImageData(pictures.thumbnails.subarray(node * each, (node + 1) * each), side, side), 0, 0);
    });
  };
}
