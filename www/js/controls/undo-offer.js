// "Undo" offered in a playground's notice for a while after something was thrown away
// (lessons.js: "Start fresh"). The offer is pinned in the notice (message.js), so the
// lines a change brings meanwhile do not take it away; it goes when its time is up,
// when used, or when a new offer replaces it.

export class UndoOffer {
  /** @param {import('./message.js').MessageArea} message */
  constructor(message) {
    this.message = message;
    this.timer = null;
    this.offered = false;
  }

  /** Shows `text` and an Undo button (id `id`) that runs `undo`, for `ms` milliseconds. */
  offer(text, { id, ms, undo }) {
    this.withdraw();
    const button = this.message.element.ownerDocument.createElement('button');
    button.type = 'button';
    button.id = id;
    button.className = 'message-action';
    button.textContent = 'Undo';
    button.addEventListener('click', () => {
      this.withdraw();
      undo();
    });
    this.message.pin(`${text} `, button);
    this.offered = true;
    this.timer = setTimeout(() => this.withdraw(), ms);
  }

  withdraw() {
    clearTimeout(this.timer);
    if (this.offered) this.message.unpin();
    this.offered = false;
  }
}
