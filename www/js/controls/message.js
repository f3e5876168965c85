// The notice area under the top bar (#message): refused settings, problems in a
// shared address, crashes of the core. Hidden when there is nothing to say.

export class MessageArea {
  /** @param {HTMLElement} element */
  constructor(element) {
    this.element = element;
  }

  /** Shows one or more lines, replacing what was there. */
  show(...lines) {
    const text = lines.flat().filter(Boolean).join('\n');
    if (!text) return this.clear();
    this.element.textContent = text;
    this.element.hidden = false;
  }

  /** Adds lines under what is shown (or shows them, when nothing is). */
  add(...lines) {
    this.show(this.element.hidden ? [] : this.text, ...lines);
  }

  clear() {
    this.element.textContent = '';
    this.element.hidden = true;
  }

  get text() {
    return this.element.textContent;
  }
}
