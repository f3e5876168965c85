// Own points as CSV: "Load CSV" reads a file, "Paste" takes text, "fit to view" lets
// points outside the plotted range be scaled in rather than refused, and "Export CSV"
// downloads the points trained on now (x1, x2, label, set). The core reads and writes
// the text; this module only moves it between the person and the playground.

import { downloadText } from './download.js';
import { chosenFileText } from '../state/file-text.js';

/**
 * Wires the CSV controls.
 * @param {{fileInput: HTMLInputElement, pasteText: HTMLTextAreaElement, pasteButton: HTMLButtonElement,
 *          fitToView: HTMLInputElement, exportButton: HTMLButtonElement, root: ShadowRoot|HTMLElement}} elements
 * @param {{importCsv: (text: string, options: {fitToView: boolean}) => object, exportCsv: () => string,
 *          report: (error: Error) => void}} playground
 */
export function bindDataFile({ fileInput, pasteText, pasteButton, fitToView, exportButton, root }, playground) {
  const load = (text) => {
    try {
      playground.importCsv(text, { fitToView: fitToView.checked });
      return true;
    } catch {
      return false; // shown in #message by the playground
    }
  };
  fileInput.addEventListener('change', async () => {
    const text = await chosenFileText(fileInput, (error) => playground.report(error));
    if (text !== null) load(text);
  });
  pasteButton.addEventListener('click', () => {
    if (load(pasteText.value)) pasteText.value = '';
  });
  exportButton.addEventListener('click', () => {
    try {
      downloadText(playground.exportCsv(), 'greymatter-points.csv', 'text/csv', root);
    } catch (error) {
      playground.report(error);
    }
  });
}

/** The sentence the page shows after a CSV was read (`report` from the core's importCsv). */
export function describeImport(report) {
  const { train, test, withoutSet, classes, classNames, scaledBy, valuesScaledBy } = report;
  const total = train + test;
  const split = withoutSet > 0 ? `; ${withoutSet} split by the train ratio` : '';
  let text = `Loaded ${total} point${total === 1 ? '' : 's'} (${train} training, ${test} test${split})`;
  if (classes > 0) {
    text += classNames.length > 0 ? `, ${classes} classes: ${classNames.join(', ')}` : `, ${classes} classes`;
  }
  text += '.';
  const round = (factor) => Number(factor.toPrecision(3));
  if (scaledBy) text += ` The points were scaled by ${round(scaledBy)} to fit the plotted range [−6, 6]².`;
  if (valuesScaledBy) text += ` The values were scaled by ${round(valuesScaledBy)} to fit [−1, 1].`;
  return text;
}
