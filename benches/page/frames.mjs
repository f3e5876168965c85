// Measures the greymatter page while it plays, from inside the page: the time between
// animation frames (requestAnimationFrame timestamps, what a person sees as
// smoothness), the epochs trained per frame, and the page's own measures of the parts
// of a frame ("greymatter:train", "greymatter:render", "greymatter:thumbnails", …,
// see www/js/frame-marks.js), summed per frame.

/**
 * Plays the open playground for `warmup` frames, then records `frames` frames.
 * Runs in the page (pass it to page.evaluate).
 */
export function recordFrames({ warmup, frames }) {
  return new Promise((resolve, reject) => {
    const parts = new Map(); // name → [ms of each measured frame]
    let current = null; // name → ms within the frame being recorded
    const observer = new PerformanceObserver((list) => {
      if (!current) return;
      for (const entry of list.getEntries()) {
        if (!entry.name.startsWith('greymatter:')) continue;
        const name = entry.name.slice('greymatter:'.length);
        current.set(name, (current.get(name) ?? 0) + entry.duration);
      }
    });
    observer.observe({ type: 'measure' });
    const stamps = [];
    const epochs = [];
    let seen = 0;
    const onFrame = (stamp) => {
      seen += 1;
      if (seen > warmup) {
        stamps.push(stamp);
        epochs.push(window.playground.state.epoch);
        if (current) {
          for (const [name, ms] of current) {
            if (!parts.has(name)) parts.set(name, []);
            parts.get(name).push(ms);
          }
        }
        current = new Map();
      }
      if (stamps.length <= frames) {
        requestAnimationFrame(onFrame);
        return;
      }
      observer.disconnect();
      window.playground.pause();
      resolve({
        intervals: stamps.slice(1).map((t, i) => t - stamps[i]),
        epochSteps: epochs.slice(1).map((e, i) => e - epochs[i]),
        parts: Object.fromEntries(parts),
      });
    };
    window.playground.ready.then(() => {
      window.playground.play();
      requestAnimationFrame(onFrame);
    }, reject);
  });
}

/** Installs, before the page's scripts run, a note of when `window.playground.ready` resolves. */
export function noteReadyTime() {
  Object.defineProperty(window, 'playground', {
    configurable: true,
    set(value) {
      Object.defineProperty(window, 'playground', { value, writable: true, configurable: true });
      value.ready.then(() => {
        window.greymatterReadyAt = performance.now();
      });
    },
  });
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values) => quantile(values, 0.5);
export const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
