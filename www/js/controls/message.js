// The notice area under the top bar (#message): refused settings, problems in a
// shared address, crashes of the core. Hidden when there is nothing to say. However
// many lines it is given, it shows a few (state/notices.js), then how many more, and
// offers the longer list in a closed "Show all" box, so the playground stays on screen.
// An offer (undo-offer.js) is pinned under the lines: it stays while they change.

import { LISTED_LINES, summarize } from '../state/notices.js';

export class MessageArea {
  /** @param {HTMLElement} element */
  constructor(element) {
    this.element = element;
    /** @type {string[]} every line given, uncut (what `add` appends to) */
    this.lines = [];
    /** @type {Node[]} shown after the lines until unpinned (an offer such as Undo) */
    this.pinned = [];
  }

  /** Shows one or more lines, replacing what was there (pinned nodes stay). */
  show(...lines) {
    this.lines = lines.flat().filter(Boolean);
    this.render();
  }

  /** Adds lines under what is shown (or shows them, when nothing is). */
  add(...lines) {
    this.show(this.element.hidden ? [] : this.lines, ...lines);
  }

  /** Takes the lines away (pinned nodes stay). */
  clear() {
    this.lines = [];
    this.render();
  }

  /** Keeps `nodes` shown after whatever lines come and go, until `unpin`. */
  pin(...nodes) {
    this.pinned = nodes;
    this.render();
  }

  unpin() {
    this.pinned = [];
    this.render();
  }

  render() {
    const given = this.lines;
    this.element.textContent = '';
    if (given.length > 0) {
      const notice = summarize(given);
      this.element.append(notice.lines.join('\n'));
      if (notice.more) {
        this.element.append(`\n${notice.more}`);
        const details = this.element.ownerDocument.createElement('details');
        const summary = this.element.ownerDocument.createElement('summary');
        summary.textContent = given.length > LISTED_LINES ? `Show the first ${LISTED_LINES}` : 'Show all';
        details.append(summary, notice.listed.join('\n'));
        details.className = 'message-all';
        this.element.append(details);
      }
    }
    if (this.pinned.length > 0) this.element.append(given.length > 0 ? '\n' : '', ...this.pinned);
    this.element.hidden = given.length === 0 && this.pinned.length === 0;
  }

  /** Every line given, joined. */
  get text() {
    return this.lines.join('\n');
  }
}
