// <greymatter-compare>: two runs raced side by side. It holds two playgrounds, A (the
// pinned run) and B, built from the same setup — the same data, dataSeed and seed, so
// the same starting weights where the network has the same shape — and B changes what
// the `b` attribute (or a link's compare part, or a person through B's controls) says.
// A lockstep driver (lockstep.js) trains both with one play / pause / step / reset so
// neither gets ahead; one chart shows both loss curves (compare-chart.js); a line
// names every setting where B differs (state/compare.js, labels from the schema).
// With `sync-url` the page's address holds A's setup and the compare part, so the
// comparison round-trips through a link. Scripts reach the two playgrounds as `.a` and
// `.b`; it sends `ready`, `epoch`, `configchange` and `error` events (docs/embedding.md).

import { controllerOf } from '../element/playground-element.js';
import { adoptStyles } from '../element/styles.js';
import { THEMES } from '../element/layouts.js';
import { FULL_PAGE } from '../element/controller.js';
import { parseConfigAttribute } from '../state/attributes.js';
import { decodeHash } from '../state/address.js';
import { decodeCompare, differences, differenceLine, encodeCompare } from '../state/compare.js';
import { Lockstep } from './lockstep.js';
import { CompareChart } from './compare-chart.js';
import { compareMarkup } from './compare-markup.js';

/** The attributes handed on to both playgrounds as they are. */
const SHARED_ATTRIBUTES = ['config', 'link', 'theme'];

/** The run of the lockstep driver for playground element `element`. */
const runOf = (element) => ({
  step: () => element.step(),
  reset: () => element.reset(),
  get state() {
    return element.state;
  },
});

export class GreymatterCompare extends HTMLElement {
  #shadow;
  #parts;
  #chart;
  #lockstep;
  #a = document.createElement('greymatter-playground');
  #b = document.createElement('greymatter-playground');
  #ready = null;
  #styled;
  #schema = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    for (const run of [this.#a, this.#b]) {
      run.setAttribute('layout', 'compare');
      run.setAttribute('persist', 'off');
    }
    this.#parts = compareMarkup(this.#shadow, this.#a, this.#b);
    this.#chart = new CompareChart(this.#parts.chart);
    this.#lockstep = new Lockstep([runOf(this.#a), runOf(this.#b)], {
      round: (states) => this.#afterRound(states),
      stopped: (reason) => this.#say(reason, 'training'),
      showPlaying: (playing) => this.#showPlaying(playing),
    });
    this.#parts.play.addEventListener('click', () => this.#lockstep.toggle());
    this.#parts.step.addEventListener('click', () => this.step().catch((error) => this.#say(error.message, 'training')));
    this.#parts.reset.addEventListener('click', () => this.reset());
    this.#styled = adoptStyles(this.#shadow, ['compareCss']);
  }

  static observedAttributes = ['theme', 'b', 'controls'];

  /**
   * A changed `theme` applies to the comparison and both runs; a changed `b` to B, as
   * setConfig would; a changed `controls` to B's settings.
   */
  attributeChangedCallback(name, before, after) {
    if (!this.#parts || before === after) return;
    if (name === 'b') {
      if (this.#schema && after !== null) this.#changeB(after);
      return;
    }
    if (name === 'controls') {
      if (this.#schema) this.#showControlsOfB();
      return;
    }
    for (const run of [this.#a, this.#b]) {
      if (after === null) run.removeAttribute(name);
      else run.setAttribute(name, after);
    }
    this.#showTheme();
  }

  connectedCallback() {
    if (this.#ready) return;
    for (const name of SHARED_ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) for (const run of [this.#a, this.#b]) run.setAttribute(name, value);
    }
    this.#showTheme();
    this.#ready = Promise.all([this.#a.ready, this.#b.ready, this.#styled]).then(() => this.#start());
    this.#ready.catch((error) => this.#say(error.message, 'start'));
  }

  /** Once both are up: B's differences from `b` and the link's compare part, both at A's speed. */
  #start() {
    this.#schema = controllerOf(this.#a).schema;
    for (const run of [this.#a, this.#b]) {
      run.addEventListener('configchange', () => this.#afterChange());
      run.addEventListener('viewchange', () => this.#afterChange());
    }
    const { values, errors } = this.#setupOfB();
    this.#b.setView({ epochsPerFrame: this.#a.view.epochsPerFrame });
    if (Object.keys(values).length > 0) {
      try {
        this.#b.setConfig(values);
      } catch (error) {
        errors.push(`b: ${error.message}`);
      }
    }
    this.#showControlsOfB();
    this.#afterChange();
    for (const line of errors) this.#say(`In the attributes: ${line}`, 'setup', true);
    this.dispatchEvent(new CustomEvent('ready', { detail: this.#detail() }));
    if (this.hasAttribute('autoplay')) this.play();
  }

  /**
   * The controls under B: the ones `controls` names (as a playground's `controls`), or
   * without it every training setting a classroom can hide.
   */
  #showControlsOfB() {
    const asked = this.getAttribute('controls');
    const every = this.#schema
      .hideableRows()
      .filter((row) => this.#schema.isConfigKey(row.key))
      .map((row) => row.key);
    this.#b.setAttribute('controls', asked ?? every.join(','));
  }

  /** B's settings asked for by the attributes: the `link`'s compare part, then `b` (a JSON object). */
  #setupOfB() {
    const errors = [];
    let values = {};
    const link = this.getAttribute('link');
    if (link !== null) {
      const compare = decodeCompare(decodeHash(link.includes('#') ? link.slice(link.indexOf('#')) : link, this.#schema).compare, this.#schema);
      values = compare.values;
      errors.push(...compare.errors.map((line) => `link: compare: ${line}`));
    }
    const b = this.getAttribute('b');
    if (b !== null) {
      try {
        values = { ...values, ...parseConfigAttribute(b, 'b') };
      } catch (error) {
        errors.push(error.message);
      }
    }
    return { values, errors };
  }

  /** Applies the text of a changed `b` attribute to B; a refusal is said and changes nothing. */
  #changeB(text) {
    try {
      this.#b.setConfig(parseConfigAttribute(text, 'b'));
      this.#parts.message.hidden = true;
    } catch (error) {
      this.#say(`In the attribute b: ${error.message}`, 'attribute');
    }
  }

  /** After a change of either run: the differences line, the chart from both histories, the address. */
  #afterChange() {
    if (!this.#schema) return;
    const [a, b] = [this.#a.config, this.#b.config];
    this.#parts.differences.textContent = differenceLine(a, b, this.#schema);
    [this.#a, this.#b].forEach((run, index) => this.#chart.load(index, run.saveLesson().history ?? []));
    this.#showEpochs();
    this.#chart.draw();
    if (this.hasAttribute('sync-url')) {
      const hash = `#${this.#shareHash()}`;
      if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    }
    this.dispatchEvent(new CustomEvent('configchange', { detail: { a, b, differences: this.differences } }));
  }

  #afterRound(states) {
    states.forEach((state, index) => this.#chart.push(index, state.epoch, state.trainLoss, state.testLoss));
    this.#chart.draw();
    this.#showEpochs();
    this.dispatchEvent(new CustomEvent('epoch', { detail: { a: states[0], b: states[1] } }));
  }

  #showEpochs() {
    this.#parts.epochA.textContent = String(this.#a.state.epoch);
    this.#parts.epochB.textContent = String(this.#b.state.epoch);
  }

  #showPlaying(playing) {
    const { play } = this.#parts;
    const label = playing ? 'Pause both' : 'Play both';
    play.textContent = label;
    play.setAttribute('aria-label', label);
    play.classList.toggle('playing', playing);
  }

  #showTheme() {
    const theme = this.getAttribute('theme');
    const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.#parts.surface.dataset.theme = THEMES.includes(theme) && dark ? 'dark' : 'light';
  }

  /** Shows `message` in the notice area (`append`: under what it says) and sends it as an `error` event. */
  #say(message, source, append = false) {
    const area = this.#parts.message;
    if (append && !area.hidden) area.append(document.createElement('br'), message);
    else area.textContent = message;
    area.hidden = false;
    this.dispatchEvent(new CustomEvent('error', { detail: { message, source } }));
  }

  #detail() {
    return { a: { config: this.#a.config, state: this.#a.state }, b: { config: this.#b.config, state: this.#b.state }, differences: this.differences };
  }

  /** A's address followed by the compare part (no leading `#`). */
  #shareHash() {
    return `${controllerOf(this.#a).shareHash()}&${encodeCompare(this.#a.config, this.#b.config, this.#schema)}`;
  }

  // ---- the scripting API (docs/embedding.md, "Comparing two runs") ----------

  /** Resolves once both playgrounds are up and B's settings applied. */
  get ready() {
    return this.#ready ?? new Promise(() => {});
  }

  /** The pinned run's playground. */
  get a() {
    return this.#a;
  }

  /** The changed run's playground. */
  get b() {
    return this.#b;
  }

  get playing() {
    return this.#lockstep.playing;
  }

  /** What B changes: `[{key, label, a, b}]`, the values in words. */
  get differences() {
    return this.#schema ? differences(this.#a.config, this.#b.config, this.#schema) : [];
  }

  /** The chart's curves: `{a: [[epoch, trainLoss, testLoss], …], b: […]}`. */
  get curves() {
    return { a: structuredClone(this.#chart.curves[0]), b: structuredClone(this.#chart.curves[1]) };
  }

  play() {
    this.ready.then(
      () => this.#lockstep.play(),
      () => {},
    );
  }

  pause() {
    this.#lockstep.pause();
  }

  /** One step of both; resolves with `{a, b}` (their states) once both show it. */
  async step() {
    await this.ready;
    const [a, b] = await this.#lockstep.step();
    return { a, b };
  }

  /** Both back to their starting weights, epoch 0. */
  async reset() {
    await this.ready;
    await this.#lockstep.reset();
  }

  /**
   * Pins `lesson` (a lesson file object, e.g. another playground's saveLesson()) as A
   * and opens B as its copy — the same weights, epoch and history — with `changes` (B's
   * config keys) applied. A refused change throws, leaving B as A.
   */
  async pin(lesson, changes = {}) {
    await this.ready;
    this.pause();
    await this.#lockstep.under; // the round under way ends first
    this.#a.openLesson(lesson);
    this.#b.openLesson(lesson);
    this.#b.setView({ epochsPerFrame: this.#a.view.epochsPerFrame });
    if (Object.keys(changes).length > 0) this.#b.setConfig(changes);
  }

  /** The full page's address of this comparison. */
  shareLink() {
    if (!this.#schema) throw new Error('greymatter is still loading: await ready first');
    return `${FULL_PAGE}#${this.#shareHash()}`;
  }
}
