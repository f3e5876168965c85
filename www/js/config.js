// Small facts about greymatter's config that the page needs for its controls:
// which datasets belong to which problem, the feature names in display order, and
// tidy numbers (the core keeps rates as 32-bit floats, so 0.03 can come back as
// 0.029999999329447746; the page shows and shares the short form).

export const DATASETS = {
  classification: [
    { value: 'circle', label: 'Circle' },
    { value: 'xor', label: 'Exclusive or' },
    { value: 'gauss', label: 'Gaussian' },
    { value: 'spiral', label: 'Spiral' },
  ],
  regression: [
    { value: 'plane', label: 'Plane' },
    { value: 'multigauss', label: 'Multi Gaussian' },
  ],
};

export const FEATURES = [
  { value: 'x1', label: 'x₁' },
  { value: 'x2', label: 'x₂' },
  { value: 'x1Squared', label: 'x₁²' },
  { value: 'x2Squared', label: 'x₂²' },
  { value: 'x1x2', label: 'x₁x₂' },
  { value: 'sinX1', label: 'sin(x₁)' },
  { value: 'sinX2', label: 'sin(x₂)' },
];

/** Shortest decimal that is the same 32-bit float as `x` (integers untouched). */
export function tidyNumber(x) {
  if (typeof x !== 'number' || Number.isInteger(x) || !Number.isFinite(x)) return x;
  const target = Math.fround(x);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return x;
}

/** A copy of `config` with every float in its short form. */
export function tidyConfig(config) {
  const tidy = {};
  for (const [key, value] of Object.entries(config)) {
    tidy[key] = Array.isArray(value) ? value.map(tidyNumber) : tidyNumber(value);
  }
  return tidy;
}

/**
 * When `partial` switches the problem but names no dataset and the current one does
 * not belong to the new problem, adds the new problem's first dataset.
 */
export function withFittingDataset(partial, current) {
  const problem = partial.problem;
  if (!(problem in DATASETS) || 'dataset' in partial) return partial;
  const fits = DATASETS[problem].some((d) => d.value === current.dataset);
  return fits ? partial : { ...partial, dataset: DATASETS[problem][0].value };
}

/**
 * Sums up two `setConfig` outcomes: "kept" < "newData" (new points, same network) and
 * "reset" (same points, new network) < "regenerated" (both new).
 */
export function combineOutcomes(a, b) {
  if (a === b || b === 'kept') return a;
  if (a === 'kept') return b;
  return 'regenerated';
}

/** Whether an outcome brought new points. */
export function hasNewData(outcome) {
  return outcome === 'newData' || outcome === 'regenerated';
}

/** Whether an outcome rebuilt the network (epoch back to 0). */
export function hasNewNetwork(outcome) {
  return outcome === 'reset' || outcome === 'regenerated';
}
