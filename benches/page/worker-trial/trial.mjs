// greymatter bench: the trial page that answers "Web Worker or the main thread?".
// `?mode=main`: every animation frame trains `epochs` epochs, renders and paints, on
// the main thread (what the page does, less its time budget). `?mode=worker`: a
// worker trains and renders; the main thread only paints the pictures it posted, and
// asks for the next (`epochs` more epochs) as soon as it has painted them. Both draw the same canvases.
// `window.trial.run(frames)` plays for `frames` animation frames and returns the
// frame intervals, how many new pictures were painted and the epochs trained.

import { openCore, makePainter } from './core.mjs';

const params = new URLSearchParams(window.location.search);
const mode = params.get('mode');
const epochs = Number(params.get('epochs'));
const config = JSON.parse(params.get('config'));
const nodes = config.features.length + config.hidden.reduce((sum, n) => sum + n, 0) + 1;
const paint = makePainter(nodes);

async function mainThread() {
  const core = await openCore(config);
  return (onPictures) => {
    onPictures(core.trainAndRender(epochs));
  };
}

async function inWorker() {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  await new Promise((resolve) => {
    worker.onmessage = () => resolve();
    worker.postMessage({ config });
  });
  // One request in flight: the worker trains and renders the next pictures while the
  // main thread waits for its next frame, and it is asked again once they are painted.
  let newest = null;
  worker.onmessage = ({ data }) => {
    newest = data.pictures;
  };
  worker.postMessage({ epochs });
  return (onPictures) => {
    if (!newest) return;
    const pictures = newest;
    newest = null;
    worker.postMessage({ epochs });
    onPictures(pictures);
  };
}

const ready = mode === 'worker' ? inWorker() : mainThread();
window.trial = {
  async run(frames) {
    const tick = await ready;
    const stamps = [];
    let pictures = 0;
    let firstEpoch = null;
    let lastEpoch = 0;
    await new Promise((resolve) => {
      const onFrame = (stamp) => {
        stamps.push(stamp);
        tick((set) => {
          paint(set);
          pictures += 1;
          firstEpoch ??= set.epoch;
          lastEpoch = set.epoch;
        });
        if (stamps.length <= frames) requestAnimationFrame(onFrame);
        else resolve();
      };
      requestAnimationFrame(onFrame);
    });
    const seconds = (stamps[stamps.length - 1] - stamps[0]) / 1000;
    return {
      intervals: stamps.slice(1).map((t, i) => t - stamps[i]),
      picturesPerSecond: pictures / seconds,
      epochsPerSecond: (lastEpoch - (firstEpoch ?? 0)) / seconds,
    };
  },
};
