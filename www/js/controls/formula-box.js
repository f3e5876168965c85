// A text box for a formula over x1 and x2 (`sin(3*x1)`), with its button: the formula
// inputs of the features column and the formula dataset's f(x1, x2). The core reads
// the formula (`check`); a refusal — where and what, "at column 1: unknown function
// 'sinn' …" — is shown under the box and nothing changes; else `use` takes it.

export class FormulaBox {
  /**
   * @param {{form: HTMLFormElement, input: HTMLInputElement, error: HTMLElement}} elements
   * @param {{check: (text: string) => string, use: (text: string) => void, clear?: boolean}} hooks
   *   `check` throws the core's refusal of a formula; `use` takes it; `clear` empties
   *   the box once it is taken
   */
  constructor({ form, input, error }, { check, use, clear = false }) {
    Object.assign(this, { input, error });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      try {
        check(text);
      } catch (refusal) {
        this.showError(refusal.message);
        return;
      }
      this.showError('');
      use(text);
      if (clear) input.value = '';
    });
    input.addEventListener('input', () => this.showError(''));
  }

  /** Shows `text` in the box unless a person is writing in it. */
  show(text) {
    if (this.input.getRootNode().activeElement !== this.input) this.input.value = text;
  }

  showError(message) {
    this.error.textContent = message;
    this.error.hidden = message === '';
    this.input.setAttribute('aria-invalid', String(message !== ''));
  }
}
