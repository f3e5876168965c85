// "Export as code": the button opens a panel with a target picker, the script for the
// run as it is now (read only, scrollable), Copy (clipboard) and Download (a file named
// for its target). The writers (js/export/) are loaded the first time it opens.

import { downloadText } from './download.js';

/**
 * Wires the panel.
 * @param {{button: HTMLButtonElement, panel: HTMLElement, target: HTMLSelectElement,
 *          text: HTMLElement, copy: HTMLButtonElement, download: HTMLButtonElement,
 *          note: HTMLElement, root: ShadowRoot|HTMLElement}} elements
 * @param {{exportCode: (target: string) => Promise<{target: string, fileName: string, code: string}>}} playground
 */
export function bindExportCode({ button, panel, target, text, copy, download, note, root }, playground) {
  let current = null;
  const say = (words) => {
    note.textContent = words;
  };
  const show = async () => {
    current = null;
    copy.disabled = download.disabled = true;
    try {
      current = await playground.exportCode(target.value);
      text.textContent = current.code;
      copy.disabled = download.disabled = false;
      say(`${current.fileName}: ${current.code.split('\n').length} lines.`);
    } catch (error) {
      text.textContent = '';
      say(error.message);
    }
  };
  button.addEventListener('click', async () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) return;
    if (target.options.length === 0) {
      const { TARGETS } = await import('../export/index.js');
      for (const [name, { label }] of Object.entries(TARGETS)) {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = label;
        target.append(option);
      }
    }
    await show();
  });
  target.addEventListener('change', show);
  copy.addEventListener('click', async () => {
    if (!current) return;
    try {
      await navigator.clipboard.writeText(current.code);
      say(`Copied ${current.fileName} (${current.code.split('\n').length} lines).`);
    } catch {
      root.ownerDocument?.getSelection?.()?.selectAllChildren(text);
      say('The clipboard is not allowed here: the script is selected, copy it by hand.');
    }
  });
  download.addEventListener('click', () => {
    if (current) downloadText(current.code, current.fileName, 'text/plain', root);
  });
}
