// The confusion matrix (#confusion): for classification, a classes × classes table of
// the core's `confusionMatrix(set)` — rows are the true class, columns the predicted
// class, each cell the number of points, shaded by its share of the row in the
// predicted class's colour — for the test points or, by its select, the training
// points. It costs one forward pass over the set, so while training it is refreshed
// at most every REFRESH_MS; a single change (or a pause) refreshes it at once.
// Each cell carries `data-count` and `data-share`, for scripts. The shading is blended
// into the theme's background (`setBackdrop`) so each count can be written in black or
// white, whichever reads better on it (at least 4.5:1, WCAG AA, on any shade).

const REFRESH_MS = 250;

export class ConfusionMatrix {
  /**
   * @param {{panel: HTMLElement, table: HTMLTableElement, set: HTMLSelectElement}} elements
   * @param {(set: 'train'|'test') => number[]} counts the core's confusionMatrix(set), row by row
   */
  constructor({ panel, table, set }, counts) {
    Object.assign(this, { panel, table, set, counts });
    this.lastAt = -Infinity;
    this.key = '';
    this.colours = [];
    this.backdrop = [255, 255, 255];
    set.addEventListener('change', () => this.refresh(true));
  }

  /** The colour the cells are shaded over (the theme's background, any CSS colour); redraws the cells. */
  setBackdrop(cssColour) {
    this.backdrop = opaqueRgb(cssColour, this.backdrop);
    this.refresh(true);
  }

  /**
   * Shows the matrix for a config (hidden for regression) in `classColours` (the core's
   * class colours: class 0 and 1 are the −1 and +1 colours); `now`: refresh at once.
   */
  refresh(now, config = this.config, classColours = this.colours) {
    this.config = config;
    this.colours = classColours;
    if (!config) return;
    const shown = config.problem === 'classification';
    this.panel.hidden = !shown;
    if (!shown) return;
    const at = performance.now();
    if (!now && at - this.lastAt < REFRESH_MS) return;
    this.lastAt = at;
    const set = this.set.value === 'train' ? 'train' : 'test';
    const counts = this.counts(set);
    const classes = Math.round(Math.sqrt(counts.length));
    if (classes * classes !== counts.length || classes < 2) return;
    this.build(classes, set);
    const rows = this.table.tBodies[0].rows;
    for (let truth = 0; truth < classes; truth++) {
      const row = counts.slice(truth * classes, (truth + 1) * classes);
      const total = row.reduce((sum, count) => sum + count, 0);
      row.forEach((count, predicted) => {
        const cell = rows[truth].cells[predicted + 1]; // cell 0 is the row header
        const share = total > 0 ? count / total : 0;
        cell.textContent = String(count);
        cell.dataset.count = String(count);
        cell.dataset.share = String(share);
        const shade = blend(this.colours[predicted] ?? '#888888', share, this.backdrop);
        const lightText = contrast(shade, WHITE) > contrast(shade, BLACK);
        cell.style.background = `rgb(${shade.join(', ')})`;
        cell.style.color = lightText ? '#fff' : '#000';
        cell.classList.toggle('dark', lightText);
        cell.title = `true class ${truth}, predicted class ${predicted}: ${count} of ${total} points (${(share * 100).toFixed(1)}%)`;
      });
    }
  }

  /** (Re)builds the header and the empty cells for `classes` classes. */
  build(classes, set) {
    const key = JSON.stringify([classes, set, this.colours]);
    if (key === this.key) return;
    this.key = key;
    const { table } = this;
    table.caption.textContent = `Confusion matrix of the ${set === 'test' ? 'test' : 'training'} points. Rows: true class; columns: predicted class; shading: share of the row.`;
    const head = document.createElement('tr');
    const corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = 'true ↓ pred. →';
    head.append(corner);
    for (let k = 0; k < classes; k++) head.append(this.header(k, 'col'));
    table.tHead.replaceChildren(head);
    const rows = [];
    for (let truth = 0; truth < classes; truth++) {
      const tr = document.createElement('tr');
      tr.append(this.header(truth, 'row'));
      for (let k = 0; k < classes; k++) {
        const td = document.createElement('td');
        td.dataset.true = String(truth);
        td.dataset.predicted = String(k);
        tr.append(td);
      }
      rows.push(tr);
    }
    table.tBodies[0].replaceChildren(...rows);
  }

  header(k, scope) {
    const th = document.createElement('th');
    th.scope = scope;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = this.colours[k] ?? '#888888';
    th.append(swatch, `class ${k}`);
    return th;
  }
}

const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];

/** `#rrggbb` at opacity 0.85 · `share` over `backdrop` ([r, g, b]), as [r, g, b]. */
function blend(hex, share, backdrop) {
  const value = parseInt(hex.slice(1), 16);
  const colour = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const alpha = Math.round(share * 85) / 100;
  return colour.map((channel, i) => Math.round(backdrop[i] + (channel - backdrop[i]) * alpha));
}

/** WCAG relative luminance of [r, g, b]. */
function luminance(rgb) {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Any CSS colour as [r, g, b], read back from a one-pixel canvas; `fallback` when it is (partly) transparent. */
function opaqueRgb(cssColour, fallback) {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  context.canvas.width = 1;
  context.canvas.height = 1;
  context.fillStyle = cssColour;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return a === 255 ? [r, g, b] : fallback;
}
