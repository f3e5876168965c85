// Model files on the person's disk: "Export model" downloads the network as a
// greymatter-model JSON file, "Import model" reads one back (the playground checks
// it and loads it; training can continue from there).

import { downloadText } from './download.js';
import { readDocumentText } from '../state/document.js';
import { chosenFileText } from '../state/file-text.js';

/** Reads the text of a model file; too large, not JSON or nested too deeply is refused with the reason. */
export function parseModelText(text) {
  return readDocumentText(text, 'the model file');
}

/** Offers `model` as a download named greymatter-model.json. */
export function downloadModel(model, root) {
  downloadJson(model, 'greymatter-model.json', root);
}

/** Offers `value` as a JSON file named `name`. */
export function downloadJson(value, name, root) {
  downloadText(`${JSON.stringify(value, null, 2)}\n`, name, 'application/json', root);
}

/**
 * Wires the export button and the file input.
 * @param {{exportButton: HTMLButtonElement, fileInput: HTMLInputElement, root: ShadowRoot|HTMLElement}} elements
 * @param {{exportModel: () => object, importModel: (text: string) => void,
 *          report: (error: Error) => void}} playground
 */
export function bindModelFile({ exportButton, fileInput, root }, playground) {
  exportButton.addEventListener('click', () => {
    try {
      downloadModel(playground.exportModel(), root);
    } catch (error) {
      playground.report(error);
    }
  });
  fileInput.addEventListener('change', async () => {
    const text = await chosenFileText(fileInput, (error) => playground.report(error));
    if (text === null) return;
    try {
      playground.importModel(text);
    } catch {
      // Shown in #message by the playground.
    }
  });
}
