// greymatter bench: the Web Worker of the trial. Trains and renders one playground
// whenever the page asks for the next pictures, and posts them back (transferred).

import { openCore } from './core.mjs';

let core = null;
self.onmessage = async ({ data }) => {
  if (data.config) {
    core = await openCore(data.config);
    self.postMessage({ ready: true });
    return;
  }
  const pictures = core.trainAndRender(data.epochs);
  self.postMessage({ pictures }, [pictures.heatmap.buffer, pictures.thumbnails.buffer]);
};
