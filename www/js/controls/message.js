// The notice area under the top bar (#message): refused settings, problems in a
// shared address, crashes of the core. Hidden when there is nothing to say. However
// many lines it is given, it shows a few (state/notices.js), then how many more, and
// offers the longer list in a closed "Show all" box, so the playground stays on screen.

import { LISTED_LINES, summarize } from '../state/notices.js';

export class MessageArea {
  /** @param {HTMLElement} element */
  constructor(element) {
    this.element = element;
    /** @type {string[]} every line given, uncut (what `add` appends to) */
    this.lines = [];
  }

  /** Shows one or more lines, replacing what was there. */
  show(...lines) {
    const given = lines.flat().filter(Boolean);
    if (given.length === 0) return this.clear();
    this.lines = given;
    const notice = summarize(given);
    this.element.replaceChildren(notice.lines.join('\n'));
    if (notice.more) {
      this.element.append(`\n${notice.more}`);
      const details = this.element.ownerDocument.createElement('details');
      const summary = this.element.ownerDocument.createElement('summary');
      summary.textContent = given.length > LISTED_LINES ? `Show the first ${LISTED_LINES}` : 'Show all';
      details.append(summary, notice.listed.join('\n'));
      details.className = 'message-all';
      this.element.append(details);
    }
    this.element.hidden = false;
  }

  /** Adds lines under what is shown (or shows them, when nothing is). */
  add(...lines) {
    this.show(this.element.hidden ? [] : this.lines, ...lines);
  }

  clear() {
    this.lines = [];
    this.element.textContent = '';
    this.element.hidden = true;
  }

  /** Every line given, joined. */
  get text() {
    return this.lines.join('\n');
  }
}
