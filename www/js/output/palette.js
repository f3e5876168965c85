// The two colour sets of the playground: the familiar orange / grey / blue, and a
// colour-blind-safe orange / white / purple. The core colours the heatmaps with the
// same ends (setPalette); this module colours what the page draws itself (points,
// dataset thumbnails) and switches the CSS colours through `data-palette`.

export const PALETTES = {
  default: { negative: [245, 147, 34], neutral: [232, 234, 235], positive: [8, 119, 189] },
  colorblind: { negative: [230, 97, 0], neutral: [247, 247, 247], positive: [93, 58, 155] },
};

export const PALETTE_NAMES = Object.keys(PALETTES);

/** [r, g, b] for a value in [−1, 1] (clamped; NaN counts as 0), blended like the core does. */
export function rgbFor(value, name = 'default') {
  const palette = PALETTES[name] ?? PALETTES.default;
  const t = Number.isNaN(value) ? 0 : Math.max(-1, Math.min(1, value));
  const end = t < 0 ? palette.negative : palette.positive;
  const amount = Math.abs(t);
  return palette.neutral.map((channel, i) => Math.round(channel + (end[i] - channel) * amount));
}

/** CSS colour for a value in [−1, 1]. */
export function colourFor(value, name = 'default') {
  const [r, g, b] = rgbFor(value, name);
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The colours the canvases draw with besides the data — the loss chart's lines, the cost
 * plot, the diagram's outlines — read from the playground's CSS custom properties, so
 * they follow the theme.
 */
export function inkColours(element) {
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    chartTrain: read('--chart-train'),
    chartTest: read('--chart-test'),
    chartMark: read('--chart-mark'),
    plotLine: read('--plot-line'),
    plotDot: read('--plot-dot'),
    highlight: read('--highlight'),
    biasLine: read('--bias-line'),
    biasZero: read('--bias-zero'),
  };
}

/** Switches the page's CSS colours (links, swatches, biases) to palette `name`. */
export function showPalette(root, name) {
  root.dataset.palette = name;
}

/**
 * CSS colour of a data point's label: with `classColours` (3 or more classes, from the
 * core's classColors) the colour of its class (a label of −1 is class 0), else the
 * value scale (−1 orange, +1 blue, a real value in between).
 */
export function labelColour(label, palette, classColours) {
  if (classColours) return classColours[label < 0 ? 0 : Math.round(label)] ?? colourFor(label, palette);
  return colourFor(label, palette);
}
