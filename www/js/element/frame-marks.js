// Names the parts of a frame on the browser's performance timeline, so a profiler or
// a benchmark (a PerformanceObserver for "measure" entries) can see where a frame's
// time goes: "greymatter:train", "greymatter:render", "greymatter:thumbnails", … Each
// measure is taken off the timeline's buffer again at once, so a page that plays for
// hours keeps no growing list; observers still receive every one.

const PREFIX = 'greymatter:';

/** Runs `work()` and records how long it took as the measure `greymatter:<name>`. */
export function measured(name, work) {
  const start = performance.now();
  try {
    return work();
  } finally {
    const label = PREFIX + name;
    performance.measure(label, { start, end: performance.now() });
    performance.clearMeasures(label);
  }
}
