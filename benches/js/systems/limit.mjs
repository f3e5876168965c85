// The f32 limit as measured loops: the one assembled in fma-limit.mjs (always), and
// greymatter's own `peakMultiplyAdd` when its package was built with the feature
// `bench`. Both are timed like the other systems; the limit used for the table is the
// faster of the two. A relaxed-SIMD FMA loop is timed too when this Node accepts it
// (with --experimental-wasm-relaxed-simd): shown for information only, since
// greymatter's simd128 build cannot use fused multiply-add.

import { CHAINS, FLOPS_PER_ITERATION, loadPeak } from '../fma-limit.mjs';

/** flops per iteration of greymatter's peakMultiplyAdd (documented in src/wasm/). */
const GREYMATTER_FLOPS_PER_ITERATION = 64;

export function limitLoops(greymatterModule) {
  const loops = [
    {
      id: 'limit-mul-add',
      label: `f32x4 mul+add loop, benches/js/fma-limit.mjs (${CHAINS} chains, ${FLOPS_PER_ITERATION} flops per iteration)`,
      flopsPerIteration: FLOPS_PER_ITERATION,
      peak: loadPeak(false),
    },
  ];
  if (typeof greymatterModule.peakMultiplyAdd === 'function') {
    loops.push({
      id: 'limit-greymatter',
      label: `greymatter peakMultiplyAdd (f32x4 mul+add, ${GREYMATTER_FLOPS_PER_ITERATION} flops per iteration)`,
      flopsPerIteration: GREYMATTER_FLOPS_PER_ITERATION,
      peak: (iterations) => greymatterModule.peakMultiplyAdd(iterations),
    });
  }
  const fused = loadPeak(true);
  if (fused) {
    loops.push({
      id: 'limit-relaxed-fma',
      label: `f32x4.relaxed_madd loop (true FMA, relaxed SIMD; information only, ${FLOPS_PER_ITERATION} flops per iteration)`,
      flopsPerIteration: FLOPS_PER_ITERATION,
      peak: fused,
      informationOnly: true,
    });
  }
  for (const loop of loops) loop.iterations = calibrate(loop.peak);
  return loops;
}

/** Iterations per call that take about 20 ms. */
function calibrate(peak) {
  let iterations = 1 << 14;
  for (;;) {
    const start = performance.now();
    peak(iterations);
    if (performance.now() - start >= 20 || iterations >= 1 << 30) return iterations;
    iterations *= 2;
  }
}
