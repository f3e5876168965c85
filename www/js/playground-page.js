// One playground on the page: owns its wasm core (through Engine), its controls,
// heatmap, loss chart, network diagram and address-bar state, and runs the
// requestAnimationFrame training loop. All of its state lives in this object, so
// several playgrounds could share one page. Scripts reach it through api.js.

import { Engine, CoreCrash } from './engine.js';
import { Controls } from './controls.js';
import { LayerControls } from './layer-controls.js';
import { Heatmap } from './heatmap.js';
import { LossChart } from './loss-chart.js';
import { NetworkDiagram } from './network-diagram.js';
import { MessageArea } from './message.js';
import { bindModelFile } from './model-file.js';
import { decodeHash, writeHash, sameValue, CONFIG_KEYS } from './url-state.js';
import { tidyConfig, withFittingDataset, outcomeRank } from './config.js';

const EPOCHS_PER_FRAME = 1;
const DIAGRAM_INTERVAL_MS = 100;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export class PlaygroundPage {
  /** @param {HTMLElement} root the element holding this playground's controls */
  constructor(root) {
    const find = (id) => root.querySelector(`#${id}`);
    this.find = find;
    this.message = new MessageArea(find('message'));
    this.engine = new Engine({ onRestart: (info) => this.afterRestart(info) });
    this.heatmap = new Heatmap(find('heatmap'));
    this.chart = new LossChart(find('loss-chart'));
    this.diagram = new NetworkDiagram(find('network'));
    const fromUi = (partial) => this.changeFromUi(partial);
    this.controls = new Controls(find, fromUi);
    this.layers = new LayerControls({
      row: find('layer-controls'),
      addLayer: find('add-layer'),
      removeLayer: find('remove-layer'),
      countLabel: find('layer-count-label'),
    }, fromUi);
    this.playing = false;
    this.frameRequest = 0;
    this.started = false;
    this.config = null;
    this.points = { train: new Float32Array(), test: new Float32Array() };
    this.epochOffset = 0; // epochs trained by a core that crashed and was replaced
    this.lastState = { epoch: 0, trainLoss: NaN, testLoss: NaN };
    this.diagramDrawnAt = -Infinity;
    this.onFrame = this.onFrame.bind(this);
    this.bindButtons();
    this.ready = this.start();
    this.ready.catch(() => {}); // the failure is shown in #message
  }

  bindButtons() {
    const { find } = this;
    find('play-pause').addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    find('step').addEventListener('click', () => this.step().catch(() => {}));
    find('reset').addEventListener('click', () => this.guard(() => this.reset()));
    find('show-test-data').addEventListener('change', () => this.guard(() => this.redraw(false)));
    find('new-data').addEventListener('click', () => this.guard(() => this.setConfig({ dataSeed: this.randomSeed() })));
    find('new-weights').addEventListener('click', () => this.guard(() => this.setConfig({ seed: this.randomSeed() })));
    bindModelFile({ exportButton: find('export-model'), fileInput: find('import-model') }, {
      exportModel: () => this.exportModel(),
      importModel: (text) => this.importModel(text),
      report: (error) => this.report(error),
    });
  }

  async start() {
    try {
      await this.engine.load();
      const defaults = this.engine.call((_, glue) => glue.defaultConfig());
      const { values, errors } = decodeHash(window.location.hash);
      try {
        this.engine.create({ ...defaults, ...withFittingDataset(values, defaults) });
      } catch (error) {
        if (error instanceof CoreCrash) throw error;
        // Something in the address is refused: apply what can be applied, key by key.
        this.engine.create(defaults);
        errors.push(...this.applyEach(values).errors);
      }
      this.started = true;
      this.afterChange('regenerated');
      this.message.show(errors.map((error) => `In the address: ${error}`));
      window.addEventListener('hashchange', () => this.onHashChange());
    } catch (error) {
      this.message.show(`greymatter could not start: ${error.message}`);
      throw error;
    }
  }

  // ---- config -------------------------------------------------------------

  /** Applies `partial`; on refusal shows the reason, puts the controls back and throws. */
  setConfig(partial) {
    const current = this.config;
    let outcome;
    try {
      outcome = this.engine.call((p) => p.setConfig(withFittingDataset(partial, current)));
    } catch (error) {
      this.report(error);
      this.controls.show(this.config);
      this.layers.show(this.config.hidden);
      throw error;
    }
    this.message.clear();
    this.afterChange(outcome);
    return outcome;
  }

  changeFromUi(partial) {
    if (this.started) this.guard(() => this.setConfig(partial));
  }

  /** Applies `values` one key at a time (problem first); returns the refusals and the largest outcome. */
  applyEach(values) {
    const keys = Object.keys(values).sort((a, b) => order(a) - order(b));
    const errors = [];
    let outcome = 'kept';
    for (const key of keys) {
      try {
        const current = this.engine.call((p) => p.config());
        const result = this.engine.call((p) => p.setConfig(withFittingDataset({ [key]: values[key] }, current)));
        if (outcomeRank(result) > outcomeRank(outcome)) outcome = result;
      } catch (error) {
        if (error instanceof CoreCrash) throw error;
        errors.push(error.message);
      }
    }
    return { errors, outcome };
  }

  onHashChange() {
    this.guard(() => {
      const { values, errors } = decodeHash(window.location.hash);
      const changed = {};
      for (const [key, value] of Object.entries(values)) {
        if (!sameValue(value, this.config[key])) changed[key] = value;
      }
      const result = this.applyEach(changed);
      this.afterChange(result.outcome);
      this.message.show([...errors, ...result.errors].map((error) => `In the address: ${error}`));
    });
  }

  /** Brings controls, address bar, points, chart and pictures up to date after a change. */
  afterChange(outcome) {
    this.config = tidyConfig(this.engine.call((p) => p.config()));
    this.engine.rememberConfig(this.config);
    this.controls.show(this.config);
    this.layers.show(this.config.hidden);
    writeHash(this.config);
    if (outcome === 'regenerated') this.loadPoints();
    if (outcome !== 'kept') {
      this.epochOffset = 0;
      this.chart.clear();
      this.recordLoss();
    }
    this.engine.snapshot(this.lastState.epoch);
    this.redraw(true);
  }

  loadPoints() {
    this.points = this.engine.call((p) => ({ train: p.trainPoints(), test: p.testPoints() }));
  }

  randomSeed() {
    return this.engine.call((_, glue) => glue.randomSeed());
  }

  // ---- training -----------------------------------------------------------

  play() {
    if (this.playing) return;
    this.playing = true;
    this.showPlaying();
    this.ready.then(() => this.scheduleFrame(), () => this.pause());
  }

  pause() {
    this.playing = false;
    if (this.frameRequest) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    this.showPlaying();
  }

  /** Trains one epoch (pausing first); resolves with the state once it is drawn. */
  async step() {
    await this.ready;
    this.pause();
    await this.engine.restarting;
    this.trainEpochs(1);
    await nextFrame();
    return this.state;
  }

  reset() {
    this.pause();
    this.engine.call((p) => p.reset());
    this.afterChange('reset');
  }

  scheduleFrame() {
    if (this.playing && !this.frameRequest) this.frameRequest = requestAnimationFrame(this.onFrame);
  }

  onFrame() {
    this.frameRequest = 0;
    if (!this.playing) return;
    if (!this.engine.restarting) {
      try {
        this.trainEpochs(EPOCHS_PER_FRAME);
      } catch (error) {
        if (!(error instanceof CoreCrash)) {
          this.message.show(error.message);
          this.pause();
          return;
        }
      }
    }
    this.scheduleFrame();
  }

  trainEpochs(epochs) {
    this.engine.call((p) => p.train(epochs));
    this.recordLoss();
    this.engine.snapshot(this.lastState.epoch);
    this.redraw(false);
  }

  recordLoss() {
    const { epoch, trainLoss, testLoss } = this.engine.call((p) => ({
      epoch: p.epoch, trainLoss: p.trainLoss, testLoss: p.testLoss,
    }));
    this.lastState = { epoch: epoch + this.epochOffset, trainLoss, testLoss };
    this.chart.push(this.lastState.epoch, trainLoss, testLoss);
  }

  get state() {
    return { ...this.lastState };
  }

  // ---- drawing ------------------------------------------------------------

  redraw(forceDiagram) {
    const { engine } = this;
    engine.call((p) => {
      p.render();
      const size = p.gridSize();
      const pointer = p.heatmapPtr();
      const length = p.heatmapLen();
      // Built right before use: any call into the core may move wasm memory.
      this.heatmap.paintGrid(new Uint8ClampedArray(engine.memory.buffer, pointer, length), size);
    });
    this.heatmap.draw({ ...this.points, showTest: this.find('show-test-data').checked });
    this.showNumbers();
    this.chart.draw();
    const now = performance.now();
    if (forceDiagram || now - this.diagramDrawnAt >= DIAGRAM_INTERVAL_MS) {
      this.diagram.draw(this.exportModel());
      this.diagramDrawnAt = now;
    }
  }

  showNumbers() {
    const { epoch, trainLoss, testLoss } = this.lastState;
    this.find('epoch').textContent = String(epoch);
    this.find('train-loss').textContent = formatLoss(trainLoss);
    this.find('test-loss').textContent = formatLoss(testLoss);
  }

  showPlaying() {
    const button = this.find('play-pause');
    const label = this.playing ? 'Pause' : 'Play';
    button.textContent = label;
    button.setAttribute('aria-label', label);
    button.classList.toggle('playing', this.playing);
  }

  // ---- model --------------------------------------------------------------

  predict(points) {
    if (!Array.isArray(points) || points.some((point) => !Array.isArray(point) || point.length !== 2)) {
      throw new Error('predict expects an array of [x1, x2] pairs, e.g. [[0, 0], [1, -2]]');
    }
    const flat = Float32Array.from(points.flat());
    return Array.from(this.engine.call((p) => p.predict(flat)));
  }

  exportModel() {
    return this.engine.call((p) => p.exportModel());
  }

  /** Loads a model (object or JSON text); on refusal shows the reason and throws. */
  importModel(input) {
    let model = input;
    try {
      if (typeof input === 'string') model = parseModelText(input);
      this.engine.call((p) => p.importModel(model));
    } catch (error) {
      this.report(error, 'Could not import the model: ');
      throw error;
    }
    this.message.clear();
    this.afterChange('regenerated');
  }

  // ---- crashes ------------------------------------------------------------

  afterRestart({ panicMessage, restored, lost, detail }) {
    const stopped = `greymatter's core stopped: ${panicMessage}`;
    try {
      this.loadPoints();
      if (restored) this.epochOffset = this.engine.lastGood.epoch;
      this.afterChange(restored ? 'kept' : 'regenerated');
      this.message.show(restored
        ? `${stopped} — restored the last good network`
        : `${stopped} — could not restore the last network (${detail}); started again from the default settings`);
    } catch (error) {
      this.pause();
      this.message.show(`${stopped} — and it could not be restarted (${lost ? detail : error.message}); please reload the page`);
    }
  }

  /** Test hook: makes the core panic; resolves once the page has recovered. */
  async panicForTesting(text) {
    await this.ready;
    try {
      this.engine.call((_, glue) => glue.panicForTesting(String(text)));
    } catch (error) {
      if (!(error instanceof CoreCrash)) throw error;
      await error.restarted;
      return;
    }
    throw new Error('panicForTesting returned without a panic');
  }

  /** Runs `work` for a button or the address bar; a failure is shown, not thrown. */
  guard(work) {
    try {
      return work();
    } catch (error) {
      this.report(error);
      return undefined;
    }
  }

  /** Shows `error` in #message once (a crash is announced by afterRestart instead). */
  report(error, prefix = '') {
    if (error instanceof CoreCrash || error.shown) return;
    this.message.show(prefix + error.message);
    error.shown = true;
  }

  requireStarted() {
    if (!this.started) throw new Error('greymatter is still loading: await playground.ready first');
  }
}

function order(key) {
  return key === 'problem' ? -2 : key === 'dataset' ? -1 : CONFIG_KEYS.indexOf(key);
}

function formatLoss(loss) {
  return Number.isFinite(loss) ? loss.toFixed(3) : '–';
}

function parseModelText(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the file is not JSON (${error.message})`);
  }
}
