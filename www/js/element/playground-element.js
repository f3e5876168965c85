// <greymatter-playground>: one playground as a custom element. It owns a shadow root
// (no id, class or style leaks in or out), builds the playground in it (controller.js)
// and exposes the one scripting API (api.js) as its own members (methods.js).
// Attributes mirror the settings (state/attributes.js); `layout` and `controls` choose
// what is shown (layouts.js); `theme` picks light or dark; `autoplay` plays once ready;
// `sync-url` keeps the setup in the page's address bar (the full page does; an embed
// never touches the host's URL). It sends `ready`, `epoch`, `configchange`, `viewchange`,
// `diverge` and `error` events, each a CustomEvent with a plain `detail`. Off screen
// it stops animating and goes on where it was when scrolled back. The settings'
// attributes are known once the core's schema is loaded, so they are watched with a
// MutationObserver rather than `observedAttributes`. An attribute that is one of them
// misspelt (`learning_rate`, or `learningRate`, which HTML lowers) is refused, naming the
// one meant. A playground that could not start shows only its notice saying why.

import { Playground, FULL_PAGE } from './controller.js';
import { publicApi } from './api.js';
import { MEMBERS } from './methods.js';
import { playgroundMarkup } from './template.js';
import { adoptStyles, showStartFailure } from './styles.js';
import { layoutNamed, layoutControls, showRegions, THEMES } from './layouts.js';
import { configAttributes, viewAttributes, readAttributes, attributeText, knownAttributes, misnamedAttributes } from '../state/attributes.js';
import { readControlList } from '../state/classroom.js';
import { basePath, setBasePath } from '../core/assets.js';

/** Attributes of the element itself rather than of the playground's setup. */
const ELEMENT_ATTRIBUTES = ['layout', 'controls', 'theme', 'autoplay', 'data', 'src', 'persist'];
/** Every attribute of its own the element reads, besides the settings' (for telling a slip from the host's own). */
const READ_ATTRIBUTES = [...ELEMENT_ATTRIBUTES, 'config', 'link', 'sync-url'];
/** The key the full page (`sync-url`) keeps its session under unless `persist` names another. */
const PAGE_SESSION = 'page';

/**
 * For greymatter's iframe page (embed-frame.js), called before the element is added:
 * the refusals of its starting setup begin with `source` ("In the embed address: …")
 * and `problems`, lines the frame refused itself, are shown with them. Not part of the
 * element's API (docs/scripting.md), and not on the element.
 */
export let describeInitialSetup;

/**
 * For greymatter's own modules that hold playgrounds (the comparison, compare/): the
 * playground (controller.js) inside `element`, for its schema and share hash. Not part
 * of the element's API, and not on the element.
 */
export let controllerOf;

export class GreymatterPlayground extends HTMLElement {
  #shadow;
  #playground;
  #api;
  #connectedOnce = false;
  #layout = 'full';
  #visibility = null;
  #attributes = new MutationObserver((records) => this.#attributesChanged(records));
  #darkScreen = matchMedia('(prefers-color-scheme: dark)');
  #initialSource = 'In the attributes';
  #initialProblems = [];

  /**
   * The folder greymatter's files are loaded from (pkg/ and css/ below it), for hosts
   * that move them; null (the default): next to greymatter.js. Set it before the first
   * element starts.
   */
  static get basePath() {
    return basePath();
  }

  static set basePath(path) {
    setBasePath(path);
  }

  static {
    describeInitialSetup = (element, source, problems = []) => {
      element.#initialSource = source;
      element.#initialProblems = [...problems];
    };
    controllerOf = (element) => element.#playground;
  }

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.append(playgroundMarkup());
    this.#playground = new Playground(this.#shadow, {
      emit: (type, detail) => this.#emit(type, detail),
      syncUrl: this.hasAttribute('sync-url'),
      initial: (schema) => this.#initialSetup(schema),
      styled: adoptStyles(this.#shadow),
      failed: () => showStartFailure(this.#shadow),
      lessons: () => ({ key: this.#sessionKey(), src: this.getAttribute('src') }),
    });
    this.#api = publicApi(this.#playground);
    this.#darkScreen.addEventListener('change', () => this.#showTheme());
  }

  connectedCallback() {
    if (!this.#connectedOnce) {
      this.#connectedOnce = true;
      this.#showElementAttributes();
      this.#attributes.observe(this, { attributes: true, attributeOldValue: true });
      this.#playground.begin();
      this.#playground.ready.then(
        () => {
          this.#showElementAttributes();
          if (this.hasAttribute('data')) this.#loadData();
          this.#emit('ready', { config: this.#api.config, state: this.#api.state });
          if (this.hasAttribute('autoplay')) this.#playground.play();
        },
        () => {},
      );
    }
    this.#visibility = new IntersectionObserver(([entry]) => this.#playground.setOffscreen(!entry.isIntersecting));
    this.#visibility.observe(this);
  }

  disconnectedCallback() {
    this.#visibility?.disconnect();
    this.#visibility = null;
    this.#playground.setOffscreen(true);
  }

  /** Applies attribute changes: the element's own at once, the settings once the core is up. */
  #attributesChanged(records) {
    const playground = this.#playground;
    const changed = new Map();
    for (const { attributeName: name, oldValue } of records) {
      if (!changed.has(name)) changed.set(name, oldValue);
    }
    let own = false;
    const misnamed = [];
    for (const [name, before] of changed) {
      const after = this.getAttribute(name);
      if (before === after) continue;
      if (name === 'data') {
        if (playground.started && after) this.#loadData();
      } else if (name === 'src' && after && playground.started) {
        playground.lessons.openSource(after);
      } else if (ELEMENT_ATTRIBUTES.includes(name)) {
        own ||= !['autoplay', 'data', 'src', 'persist'].includes(name);
      } else if ((name === 'style' || name === 'class') && playground.started) {
        playground.showInk(); // the host's --gm-* colours may have changed
      } else if (playground.started) {
        // Before the core is up, the start reads every attribute as it is then.
        const slips = after === null ? [] : this.#misnamed([name], playground.schema);
        misnamed.push(...slips);
        if (slips.length === 0) {
          playground.guard(() => {
            const setup = readAttributes(after === null ? {} : { [name]: after }, playground.schema, playground.view);
            if (after === null) this.#removed(name, setup);
            playground.applySetup(setup, `In the attribute ${name}`);
          });
        }
      }
    }
    if (own) this.#showElementAttributes();
    if (misnamed.length) playground.showRefusals(misnamed, 'In the attributes');
  }

  /** A line for each of `names` that is an attribute the element reads, misspelt. */
  #misnamed(names, schema) {
    return misnamedAttributes(names, knownAttributes(schema, READ_ATTRIBUTES));
  }

  /**
   * Trains on the CSV file the `data` attribute points at (relative to the page); a
   * failed download or a refused file is said inside the element, and nothing changes.
   */
  async #loadData() {
    const url = this.getAttribute('data');
    const playground = this.#playground;
    let text;
    try {
      const response = await fetch(new URL(url, document.baseURI));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      text = await response.text();
    } catch (error) {
      playground.report(new Error(`could not download ${url}: ${error.message}`), 'In the attribute data: ', 'attribute');
      return;
    }
    if (this.getAttribute('data') !== url) return; // changed again meanwhile
    playground.guard(() => playground.importCsv(text));
  }

  /** A removed attribute gives its key back its default. */
  #removed(name, setup) {
    const { schema } = this.#playground;
    const configKey = configAttributes(schema).get(name);
    const viewKey = viewAttributes(schema).get(name);
    if (configKey) setup.values[configKey] = schema.defaultConfig()[configKey];
    else if (viewKey) setup.view[viewKey] = schema.defaultView()[viewKey];
  }

  /**
   * Where this element keeps its session (lessons.js): the full page's under "page"
   * unless `persist="off"`, any other element only under the key its `persist` names.
   */
  #sessionKey() {
    const persist = this.getAttribute('persist')?.trim();
    if (persist === 'off') return null;
    if (persist) return persist;
    return this.hasAttribute('sync-url') ? PAGE_SESSION : null;
  }

  /** The setup the attributes ask for, read when the core is up. */
  #initialSetup(schema) {
    const attributes = {};
    for (const { name, value } of this.attributes) attributes[name] = value;
    const setup = readAttributes(attributes, schema);
    const misnamed = this.#misnamed(Object.keys(attributes), schema);
    return { ...setup, errors: [...this.#initialProblems, ...misnamed, ...setup.errors], source: this.#initialSource };
  }

  /**
   * Applies layout, controls (once the schema is known) and theme; a refused value is
   * shown once the playground is up (this runs again then) and the last good one stays.
   */
  #showElementAttributes() {
    const playground = this.#playground;
    const errors = [];
    const layout = this.getAttribute('layout') ?? 'full';
    try {
      layoutNamed(layout);
      this.#layout = layout;
    } catch (error) {
      errors.push(error.message);
    }
    let shown = layoutControls(this.#layout);
    if (this.hasAttribute('controls') && playground.schema) {
      const list = readControlList(this.getAttribute('controls'), playground.schema);
      shown = list.names;
      errors.push(...list.errors);
    }
    playground.setShownControls(shown);
    showRegions(this.#shadow, this.#layout, { open: !this.hasAttribute('sync-url') });
    this.#shadow.querySelector('.playground').dataset.layout = this.#layout;
    const theme = this.getAttribute('theme') ?? 'light';
    if (!THEMES.includes(theme)) errors.push(`theme must be one of ${THEMES.join(', ')}, got ${JSON.stringify(theme)}`);
    this.#showTheme();
    if (!playground.started) return;
    for (const message of errors) playground.report(new Error(message), '', 'attribute', { append: true });
  }

  #showTheme() {
    const theme = this.getAttribute('theme');
    const dark = theme === 'dark' || (theme === 'auto' && this.#darkScreen.matches);
    this.#shadow.querySelector('.playground').dataset.theme = dark ? 'dark' : 'light';
    if (this.#playground.started) this.#playground.showInk();
  }

  #emit(type, detail) {
    if (type === 'configchange' || type === 'viewchange') this.#afterChange();
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Keeps the attributes an author set in agreement with the setup, and the link to the full page. */
  #afterChange() {
    const { config, view, schema } = this.#playground;
    if (!config) return;
    // The author's own changes still waiting are kept; the ones reflecting makes are not changes.
    const waiting = this.#attributes.takeRecords();
    for (const [name, key] of configAttributes(schema)) this.#reflect(name, attributeText(key, config[key], schema));
    for (const [name, key] of viewAttributes(schema)) this.#reflect(name, attributeText(key, view[key], schema), view[key]);
    this.#attributes.takeRecords();
    if (waiting.length) queueMicrotask(() => this.#attributesChanged(waiting));
    const open = this.#shadow.getElementById('open-full');
    open.href = `${FULL_PAGE}#${this.#playground.shareHash()}`;
    showRegions(this.#shadow, this.#layout, { open: !this.hasAttribute('sync-url') });
  }

  #reflect(name, text, value) {
    if (!this.hasAttribute(name)) return;
    const now = this.getAttribute(name);
    const sameToggle = typeof value === 'boolean' && value && now === '';
    if (now !== text && !sameToggle) this.setAttribute(name, text);
  }

  // ---- the scripting API (docs/scripting.md) --------------------------------

  /** The frozen scripting API object (`window.playground` on the full page). */
  get api() {
    return this.#api;
  }

  // Every member of the API (methods.js) is the element's own too: a getter for a
  // read-only one, a method for the others, each passing on to the API object.
  static {
    for (const { name, readOnly } of MEMBERS) {
      if (Object.hasOwn(GreymatterPlayground.prototype, name)) throw new Error(`the scripting member ${name} is already a member of the element`);
      const forward = readOnly
        ? {
            get [name]() {
              return this.#api[name];
            },
          }
        : {
            [name](...args) {
              return this.#api[name](...args);
            },
          };
      Object.defineProperty(GreymatterPlayground.prototype, name, { ...Object.getOwnPropertyDescriptor(forward, name), enumerable: false });
    }
  }
}
