// The element's layouts: which regions of the playground (`data-region` in the
// template) each one shows, and which controls it offers unless the `controls`
// attribute names them. A region holding controls (the settings, the data column, the
// output options) also appears when a control inside it is asked for, so
// `layout="compact" controls="learning-rate"` shows the learning rate and nothing else
// to change. The classroom flags and `controls` hide single controls (`showControls`).
// Also the names of its themes.

/** Regions that hold controls: shown whenever one of their controls is. */
const CONTROL_REGIONS = new Set(['settings', 'data', 'output-options', 'lessons']);

/** Every layout: its regions (`'*'`: all) and the controls it offers (`'*'`: all). */
export const LAYOUTS = {
  full: { regions: '*', controls: '*' },
  compact: {
    regions: ['playback', 'diagram', 'output', 'numbers', 'chart', 'heatmap', 'legend'],
    controls: ['playButton', 'stepButton', 'resetButton'],
  },
  boundary: { regions: ['playback', 'output', 'heatmap'], controls: ['playButton'] },
  network: { regions: ['diagram'], controls: [] },
  // One of the two runs of a comparison (compare/): trained by its driver, so no playback.
  compare: { regions: ['output', 'numbers', 'heatmap', 'legend'], controls: [] },
};

export const LAYOUT_NAMES = Object.keys(LAYOUTS);

/** The element's `theme` values: light, dark, or the screen's (`auto`). */
export const THEMES = ['light', 'dark', 'auto'];

/** The layout called `name`; throws a readable Error for one that does not exist. */
export function layoutNamed(name) {
  const layout = LAYOUTS[name];
  if (!Object.hasOwn(LAYOUTS, name)) {
    throw new Error(`layout must be one of ${LAYOUT_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
  }
  return layout;
}

/** The controls `layout` offers when the `controls` attribute says nothing: a list, or null for all. */
export function layoutControls(name) {
  const { controls } = layoutNamed(name);
  return controls === '*' ? null : [...controls];
}

/**
 * Hides every `[data-control]` element under `root` whose control is in `hidden`, and
 * the page text (`data-control="text"`) when `hideText`; shows the others.
 */
export function showControls(root, { hidden, hideText }) {
  const names = new Set(hidden);
  for (const element of root.querySelectorAll('[data-control]')) {
    const name = element.dataset.control;
    element.hidden = name === 'text' ? hideText : names.has(name);
  }
}

/**
 * Shows the regions under `root` that `layout` has (the `open` region — the link to
 * the full page — only when `open` is true), and the control regions that hold a shown
 * control; hides the rest with the class `region-off`.
 */
export function showRegions(root, name, { open }) {
  const { regions } = layoutNamed(name);
  for (const element of root.querySelectorAll('[data-region]')) {
    const region = element.dataset.region;
    let shown = region === 'open' ? open : regions === '*' || regions.includes(region);
    if (!shown && CONTROL_REGIONS.has(region)) {
      shown = [...element.querySelectorAll('[data-control]')].some((control) => !control.hidden);
    }
    element.classList.toggle('region-off', !shown);
  }
  // The columns' grid follows how many of them are shown.
  const columns = root.querySelector('.columns');
  columns.dataset.count = String([...columns.children].filter((column) => !column.classList.contains('region-off')).length);
}
