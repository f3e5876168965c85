// Turns the medians of a comparison run into the table (system × 4 columns),
// the ratios of greymatter against every peer, and the verdict on each goal.

export const COLUMNS = [
  { net: '2-8-8-1', metric: 'train', title: '2-8-8-1 train samples/s', short: '2-8-8-1 train' },
  { net: '2-8-8-1', metric: 'grid', title: '2-8-8-1 all-neuron grids/s', short: '2-8-8-1 grid' },
  { net: '2-64-64-64-1', metric: 'train', title: '2-64-64-64-1 train samples/s', short: '2-64-64-64-1 train' },
  { net: '2-64-64-64-1', metric: 'grid', title: '2-64-64-64-1 all-neuron grids/s', short: '2-64-64-64-1 grid' },
];

/** 521k, 11.9k, 72M, 111, 3.0: three figures at most, like the table. */
export function formatRate(value) {
  if (value == null || !Number.isFinite(value)) return '—';
  const scaled = (v, unit) => (v >= 10 ? `${Math.round(v)}${unit}` : `${v.toFixed(1)}${unit}`);
  if (value >= 1e9) return scaled(value / 1e9, 'G');
  if (value >= 1e6) return scaled(value / 1e6, 'M');
  if (value >= 1e4) return value >= 1e5 ? `${Math.round(value / 1e3)}k` : `${(value / 1e3).toFixed(1)}k`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  if (value >= 10) return `${Math.round(value)}`;
  return value.toFixed(1);
}

export function formatRatio(value) {
  if (value == null || !Number.isFinite(value)) return '—';
  if (value >= 100) return `${Math.round(value)}×`;
  if (value >= 10) return `${value.toFixed(1)}×`;
  return `${value.toFixed(2)}×`;
}

function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * `rows`: `[{ id, label, cells: { 'net/metric': value | null }, note }]`, greymatter
 * first, the limit row last. Returns the markdown text of the table.
 */
export function resultsTable(rows) {
  return markdownTable(
    ['system', ...COLUMNS.map((c) => c.title)],
    rows.map((row) => [row.label, ...COLUMNS.map((c) => formatRate(row.cells[`${c.net}/${c.metric}`]))]),
  );
}

/** greymatter ÷ each peer, per column. */
export function ratioTable(greymatter, peers) {
  return markdownTable(
    ['greymatter ÷', ...COLUMNS.map((c) => c.short)],
    peers.map((peer) => [
      peer.label,
      ...COLUMNS.map((c) => {
        const key = `${c.net}/${c.metric}`;
        return formatRatio(greymatter.cells[key] / peer.cells[key]);
      }),
    ]),
  );
}

/**
 * The goals of the performance issue, each `{ goal, ratio, target, met, detail }`
 * (`met` null when it could not be measured).
 */
export function goals(greymatter, peers, limitRow) {
  const key = (net, metric) => `${net}/${metric}`;
  const fastestPeer = (net, metric) => {
    let best = null;
    for (const peer of peers) {
      const value = peer.cells[key(net, metric)];
      if (value != null && (best == null || value > best.value)) best = { value, label: peer.label };
    }
    return best;
  };
  const against = (goal, net, metric, target, reference) => {
    const mine = greymatter.cells[key(net, metric)];
    if (mine == null || reference == null) {
      return { goal, target, ratio: null, met: null, detail: mine == null ? (greymatter.notes?.[net] ?? 'greymatter not measured') : 'no peer measured' };
    }
    const ratio = mine / reference.value;
    return { goal, target, ratio, met: ratio >= target, detail: `${formatRate(mine)} vs ${formatRate(reference.value)} (${reference.label})` };
  };
  const tfWasm = peers.find((p) => p.id === 'tfjs-wasm');
  const tfWasmGrid = tfWasm?.cells[key('2-64-64-64-1', 'grid')];
  // The goals of the display-rate work (docs/performance.md).
  const list = [
    against('training ≥ 15× the fastest JS peer, 2-8-8-1', '2-8-8-1', 'train', 15, fastestPeer('2-8-8-1', 'train')),
    against('training ≥ 25× the fastest JS peer, 2-64-64-64-1', '2-64-64-64-1', 'train', 25, fastestPeer('2-64-64-64-1', 'train')),
    against('all-neuron grid ≥ 10× the fastest JS peer, 2-8-8-1', '2-8-8-1', 'grid', 10, fastestPeer('2-8-8-1', 'grid')),
    against(
      'all-neuron grid ≥ 2.5× TensorFlow.js wasm, 2-64-64-64-1',
      '2-64-64-64-1',
      'grid',
      2.5,
      tfWasmGrid == null ? null : { value: tfWasmGrid, label: tfWasm.label },
    ),
  ];
  for (const [metric, target] of [
    ['train', 0.6],
    ['grid', 0.7],
  ]) {
    const name = metric === 'train' ? 'training' : 'all-neuron grid';
    const share = against(
      `2-64-64-64-1 ${name} at ≥ ${target * 100}% of the f32 limit`,
      '2-64-64-64-1',
      metric,
      target,
      limitRow ? { value: limitRow.cells[key('2-64-64-64-1', metric)], label: 'the f32 limit' } : null,
    );
    if (share.ratio != null) share.detail = `${(share.ratio * 100).toFixed(1)}% of the limit (${share.detail})`;
    list.push(share);
  }
  return list;
}

export function goalLines(list) {
  return list
    .map(({ goal, ratio, target, met, detail }) => {
      const verdict = met == null ? 'NOT MEASURED' : met ? 'met' : 'MISSED';
      const shown = ratio == null ? '' : target < 1 ? ` ${(ratio * 100).toFixed(1)}%` : ` ${formatRatio(ratio)}`;
      return `- ${goal}:${shown} → ${verdict} (${detail})`;
    })
    .join('\n');
}
