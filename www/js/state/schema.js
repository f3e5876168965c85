// The settings schema, as the core exports it (`configSchema()`): one row per config
// key and per view option — its key, kind (`choice`, `number`, `counts`, `rates`, `names`, `formula`, `formulas`,
// `toggle`), range or choices, default, what a change does, whether a classroom may
// hide its control (and the words for that), and the label of its control. The
// address codec, the controls, the classroom flags and the element's attributes all
// read it, so a setting is named once, in the core. DOM-free.

export class Schema {
  /** @param {{settings: object[], view: object[], limits: object}} raw the core's configSchema() */
  constructor(raw) {
    this.settings = raw.settings;
    this.view = raw.view;
    this.limits = raw.limits;
    this.rows = new Map([...raw.settings, ...raw.view].map((row) => [row.key, row]));
    /** Config keys, in the order the address bar writes them. */
    this.configKeys = raw.settings.map((row) => row.key);
    /** View options, in the order the address bar writes them after the config. */
    this.viewKeys = raw.view.map((row) => row.key);
    Object.freeze(this);
  }

  /** The row of config key or view option `key` (undefined for none). */
  row(key) {
    return this.rows.get(key);
  }

  isConfigKey(key) {
    return this.configKeys.includes(key);
  }

  isViewKey(key) {
    return this.viewKeys.includes(key);
  }

  /** The default of every config key. */
  defaultConfig() {
    return Object.fromEntries(this.settings.map((row) => [row.key, structuredClone(row.default)]));
  }

  /** The default view: every view option, no control hidden, the page text shown. */
  defaultView() {
    return { ...Object.fromEntries(this.view.map((row) => [row.key, row.default])), hidden: [], hideText: false };
  }

  /** The names a choice or list of names can take. */
  values(key) {
    return (this.row(key)?.choices ?? []).map((choice) => choice.value);
  }

  /** The label of choice `value` of `key` (the value itself for one the schema does not know). */
  label(key, value) {
    return this.row(key)?.choices?.find((choice) => choice.value === value)?.label ?? String(value);
  }

  /** The datasets of `problem`, as choices ({value, label, problem, maxClasses}). */
  datasetsOf(problem) {
    // Own points (no problem of their own) fit either.
    return this.row('dataset').choices.filter((choice) => choice.problem === problem || choice.problem === undefined);
  }

  /** The rows whose controls a classroom may hide, config keys first. */
  hideableRows() {
    return [...this.settings, ...this.view].filter((row) => row.hideable);
  }
}
