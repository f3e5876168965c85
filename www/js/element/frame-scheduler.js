// One animation-frame loop for every playground on the page. Each frame it runs the
// training loops that asked for it, and splits the frame's time among them, so a page
// with several playing embeds still draws at the display's rate: a loop's share is
// what a 60 Hz frame leaves for scripts, divided by the number of loops in that frame.
// Shared by design (like the compiled core): it is the page's clock, and holds no
// playground's state beyond the set of loops waiting for the next frame.

const FRAME_MS = 1000 / 60;
/** Left to the browser in every frame: style, layout, painting and compositing. */
const SPARE_MS = 5;

const waiting = new Set();
let request = 0;

function onFrame() {
  request = 0;
  const loops = [...waiting];
  waiting.clear();
  const share = (FRAME_MS - SPARE_MS) / Math.max(1, loops.length);
  for (const loop of loops) loop.onFrame(share);
}

/** Runs `loop.onFrame(budgetMs)` in the next animation frame (once, however often asked). */
export function requestFrame(loop) {
  waiting.add(loop);
  if (!request) request = requestAnimationFrame(onFrame);
}

/** Takes `loop` off the next frame. */
export function cancelFrame(loop) {
  waiting.delete(loop);
  if (waiting.size === 0 && request) {
    cancelAnimationFrame(request);
    request = 0;
  }
}
