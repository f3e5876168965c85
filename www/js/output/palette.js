// The colours of a palette, as the core gives them (`paletteColors(name)`: the ends of
// the value scale −1 / 0 / +1 and one colour per class), and what the page draws with
// them itself: points, dataset thumbnails, unused features, links, swatches (CSS custom
// properties). The heatmaps are coloured by the core with the same colours. A host page
// may set its own colours of −1, 0 and +1 with --gm-negative, --gm-neutral and
// --gm-positive on the element (`hostEnds`); the core then draws with those too. Also
// the theme's colours for what canvases draw besides data.

/** @typedef {{name: string, negative: number[], neutral: number[], positive: number[], classes: string[]}} Colours */

const css = ([r, g, b]) => `rgb(${r}, ${g}, ${b})`;

/** [r, g, b] for a value in [−1, 1] (clamped; NaN counts as 0), blended like the core does. */
export function rgbFor(value, colours) {
  const t = Number.isNaN(value) ? 0 : Math.max(-1, Math.min(1, value));
  const end = t < 0 ? colours.negative : colours.positive;
  const amount = Math.abs(t);
  return colours.neutral.map((channel, i) => Math.round(channel + (end[i] - channel) * amount));
}

/** CSS colour for a value in [−1, 1]. */
export function colourFor(value, colours) {
  return css(rgbFor(value, colours));
}

/**
 * CSS colour of a data point's label: with 3 or more classes (`multiClass`) the colour
 * of its class (a label of −1 is class 0), else the value scale (−1 orange, +1 blue, a
 * real value in between).
 */
export function labelColour(label, colours, multiClass) {
  if (multiClass) return colours.classes[label < 0 ? 0 : Math.round(label)] ?? colourFor(label, colours);
  return colourFor(label, colours);
}

const HOST_ENDS = ['--gm-negative', '--gm-neutral', '--gm-positive'];

/** [r, g, b] of any CSS colour (a 1×1 canvas resolves every syntax the browser knows), or null. */
function rgbOfCss(text) {
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  context.fillStyle = '#010203';
  context.fillStyle = text;
  if (context.fillStyle === '#010203' && text.trim().toLowerCase() !== '#010203') return null; // not a colour
  context.fillRect(0, 0, 1, 1);
  return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
}

/**
 * The host page's own colours of −1, 0 and +1 (--gm-negative, --gm-neutral,
 * --gm-positive on or above the element), each [r, g, b], the palette's where one is not
 * set; null when none is set.
 */
export function hostEnds(element, colours) {
  const style = getComputedStyle(element);
  const read = HOST_ENDS.map((name) => style.getPropertyValue(name).trim());
  if (read.every((text) => text === '')) return null;
  const ends = [colours.negative, colours.neutral, colours.positive];
  return read.map((text, i) => (text && rgbOfCss(text)) || ends[i]);
}

const hex = (rgb) => `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

/** `colours` with other ends (`hostEnds`): classes 0 and 1 follow them, as the core does. */
export function withEnds(colours, [negative, neutral, positive]) {
  const classes = [hex(negative), hex(positive), ...colours.classes.slice(2)];
  return { ...colours, negative, neutral, positive, classes, ends: [negative, neutral, positive] };
}

/** Gives the playground's CSS (swatches, the thumbnails' background) the palette's colours. */
export function showPalette(surface, colours) {
  surface.dataset.palette = colours.name;
  surface.style.setProperty('--negative', css(colours.negative));
  surface.style.setProperty('--neutral', css(colours.neutral));
  surface.style.setProperty('--positive', css(colours.positive));
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
