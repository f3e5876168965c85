// One playground on the page: owns its wasm core (through Engine) and puts the
// parts together — controls, dataset picker, network column, heatmap, loss chart,
// training loop, address bar — keeping them in step with the config and the view
// options. All of its state lives in this object, so several playgrounds could share
// one page. Scripts reach it through api.js.

import { Engine, CoreCrash } from './engine.js';
import { Controls } from './controls.js';
import { DatasetPicker } from './dataset-picker.js';
import { NetworkView } from './network-view.js';
import { NeuronInspector } from './neuron-inspector.js';
import { StepThrough } from './step-through.js';
import { Heatmap } from './heatmap.js';
import { LossChart } from './loss-chart.js';
import { FramePainter, parameterView } from './frame-painter.js';
import { TrainingLoop } from './training-loop.js';
import { MessageArea } from './message.js';
import { bindModelFile, parseModelText } from './model-file.js';
import { applyClassroom } from './classroom.js';
import { showPalette } from './palette.js';
import { DEFAULT_VIEW, mergeView } from './view-state.js';
import { decodeHash, writeHash, sameValue } from './url-state.js';
import { applyEach, datasetAdjustment } from './config-apply.js';
import { recoverAfterCrash, panicForTesting } from './crash-recovery.js';
import {
  tidyConfig, fitPatch, isMultiClass, hasNewData, hasNewNetwork, datasetSwitchNote, MANY_CLASS_DATASET,
} from './config.js';
import { ClassLegend } from './class-legend.js';
import { ConfusionMatrix } from './confusion-matrix.js';

export class PlaygroundPage {
  /** @param {HTMLElement} root the element holding this playground's controls */
  constructor(root) {
    const find = (id) => root.querySelector(`#${id}`);
    Object.assign(this, { root, find });
    this.message = new MessageArea(find('message'));
    this.engine = new Engine({ onRestart: (info) => this.afterRestart(info) });
    const config = (partial) => this.changeFromUi(partial);
    this.controls = new Controls(find, { config, view: (partial) => this.guard(() => this.setView(partial)) });
    this.picker = new DatasetPicker(find('dataset'), (name, classes) => this.engine.call((_, glue) => glue.datasetPreview(name, classes)), config);
    this.legend = new ClassLegend({ values: find('value-legend'), classes: find('class-legend') });
    this.confusion = new ConfusionMatrix({ panel: find('confusion'), table: find('confusion-matrix'), set: find('confusion-set') }, this.engine);
    this.network = new NetworkView(find, {
      config,
      showNode: (node) => this.guard(() => this.showNode(node)),
      read: (offset) => this.engine.call((p) => parameterView(this.engine, p)[offset]),
      write: (target, value) => this.guard(() => this.setParameter(target, value)),
      inspect: (layer, neuron) => this.guard(() => this.inspector.open(layer, neuron)),
    });
    this.inspector = new NeuronInspector(find, this.engine, (layer, neuron) => this.network.describeNeuron(layer, neuron));
    this.stepThrough = new StepThrough(find, this.engine, {
      pause: () => this.pause(),
      applied: () => this.guard(() => this.afterParameterChange()),
      firstNode: (layer) => this.config.features.length + this.config.hidden.slice(0, layer).reduce((sum, n) => sum + n, 0),
      describeLayer: (layer) => (layer === this.config.hidden.length ? 'the output layer' : `hidden layer ${layer + 1}`),
    });
    this.heatmap = new Heatmap(find('heatmap'), { axes: find('heatmap-axes'), caption: find('heatmap-caption') });
    this.chart = new LossChart(find('loss-chart'), find('loss-chart-tip'));
    this.painter = new FramePainter({ engine: this.engine, heatmap: this.heatmap, chart: this.chart, network: this.network, inspector: this.inspector, confusion: this.confusion, find });
    this.loop = new TrainingLoop({
      ready: () => this.ready,
      busy: () => Boolean(this.engine.restarting),
      epochsPerFrame: () => this.view.epochsPerFrame,
      trainEpochs: (epochs) => this.engine.call((p) => p.train(epochs)),
      draw: () => this.showTrained(),
      failed: (error) => this.trainingFailed(error),
      showPlaying: (playing) => this.showPlaying(playing),
    });
    this.started = false;
    this.config = null;
    this.view = { ...DEFAULT_VIEW, hidden: [] };
    this.points = { train: new Float32Array(), test: new Float32Array() };
    this.epochOffset = 0; // epochs trained by a core that crashed and was replaced
    this.lastState = { epoch: 0, trainLoss: NaN, testLoss: NaN, trainMetric: NaN, testMetric: NaN, metric: 'accuracy', divergence: '' };
    this.bindButtons();
    this.ready = this.start();
    this.ready.catch(() => {}); // the failure is shown in #message
  }

  bindButtons() {
    const { find } = this;
    find('play-pause').addEventListener('click', () => this.loop.toggle());
    find('step').addEventListener('click', () => this.step().catch(() => {}));
    find('reset').addEventListener('click', () => this.guard(() => this.reset()));
    const newSeed = (key) => () => this.changeFromUi(() => ({ [key]: this.engine.call((_, glue) => glue.randomSeed()) }));
    find('new-data').addEventListener('click', newSeed('dataSeed'));
    find('new-weights').addEventListener('click', newSeed('seed'));
    bindModelFile({ exportButton: find('export-model'), fileInput: find('import-model') }, {
      exportModel: () => this.exportModel(),
      importModel: (text) => this.importModel(text),
      report: (error) => this.report(error),
    });
  }

  async start() {
    try {
      await this.engine.load();
      this.network.setLimits(this.engine.call((_, glue) => glue.limits()));
      const defaults = this.engine.call((_, glue) => glue.defaultConfig());
      const { values, view, errors } = decodeHash(window.location.hash);
      try {
        this.engine.create({ ...defaults, ...this.engine.call((_, glue) => fitPatch(values, defaults, glue.lossesFor)) });
      } catch (error) {
        if (error instanceof CoreCrash) throw error;
        // Something in the address is refused: apply what can be applied, key by key.
        this.engine.create(defaults);
        errors.push(...applyEach(this.engine, values).errors);
      }
      this.started = true;
      this.view = view;
      this.showView();
      this.afterChange('regenerated');
      errors.push(...datasetAdjustment(values, this.config, errors));
      this.message.show(errors.map((error) => `In the address: ${error}`));
      window.addEventListener('hashchange', () => this.onHashChange());
    } catch (error) {
      this.message.show(`greymatter could not start: ${error.message}`);
      throw error;
    }
  }

  // ---- config and view ------------------------------------------------------

  /** Applies `partial`; on refusal shows the reason, puts the controls back and throws. */
  setConfig(partial) {
    const previous = this.config;
    let outcome;
    let patch = partial;
    try {
      patch = this.engine.call((_, glue) => fitPatch(partial, this.config, glue.lossesFor));
      outcome = this.engine.call((p) => p.setConfig(patch));
    } catch (error) {
      this.report(error);
      this.controls.show(this.config);
      this.network.show(this.config, this.view);
      throw error;
    }
    this.message.clear();
    this.afterChange(outcome);
    if (patch.dataset !== partial.dataset && patch.dataset === MANY_CLASS_DATASET && isMultiClass(this.config)) {
      const note = datasetSwitchNote(previous.dataset, this.config);
      this.message.show(`${note[0].toUpperCase()}${note.slice(1)}.`);
    }
    return outcome;
  }

  /** A change from a control: `partial` may be a function making it (run once started). */
  changeFromUi(partial) {
    if (this.started) this.guard(() => this.setConfig(typeof partial === 'function' ? partial() : partial));
  }

  /** Changes view options (epochsPerFrame, showTestData, discretize, palette, hidden, hideText); refusals throw. */
  setView(partial) {
    this.view = mergeView(this.view, partial);
    this.showView();
    this.afterChange('kept');
  }

  /** Passes the view options on to the core and the page (also after a restart of the core). */
  showView() {
    const { view } = this;
    this.engine.call((p) => {
      p.setPalette(view.palette);
      p.setDiscretize(view.discretize);
    });
    showPalette(this.root, view.palette);
    applyClassroom(this.root, view);
    this.controls.showView(view);
  }

  onHashChange() {
    this.guard(() => {
      const { values, view, errors } = decodeHash(window.location.hash);
      const changed = {};
      for (const [key, value] of Object.entries(values)) {
        if (!sameValue(value, this.config[key])) changed[key] = value;
      }
      const result = applyEach(this.engine, changed);
      this.view = view;
      this.showView();
      this.afterChange(result.outcome);
      const refused = [...errors, ...result.errors];
      refused.push(...datasetAdjustment(values, this.config, refused));
      this.message.show(refused.map((error) => `In the address: ${error}`));
    });
  }

  /** Brings controls, address bar, points, chart and pictures up to date after a change. */
  afterChange(outcome) {
    this.config = tidyConfig(this.engine.call((p) => p.config()));
    this.engine.rememberConfig(this.config);
    const { problem, classes } = this.config;
    this.controls.show(this.config, this.engine.call((_, glue) => glue.lossesFor(problem, classes)));
    this.picker.show(this.config, this.view.palette, this.classColours());
    this.legend.show(this.config, this.classColours());
    this.confusion.refresh(false, this.config, this.classColours());
    if (this.network.show(this.config, this.view)) {
      this.showNode(null, false);
      this.inspector.close();
      this.stepThrough.close();
    }
    writeHash(this.config, this.view);
    if (hasNewData(outcome)) this.loadPoints();
    if (hasNewNetwork(outcome)) {
      this.epochOffset = 0;
      this.chart.clear();
    }
    this.loop.forgetTimings();
    this.recordLoss(outcome !== 'kept');
    this.engine.snapshot(this.lastState.epoch);
    this.redraw(true);
    this.stepThrough.refresh();
  }

  loadPoints() {
    this.points = this.engine.call((p) => ({ train: p.trainPoints(), test: p.testPoints() }));
  }

  // ---- the diagram: looking at a neuron, editing a weight ------------------

  /** Shows node `node` in the big heatmap (null: the output, or the class map for softmax); `draw`: redraw now. */
  showNode(node, draw = true) {
    const { nodes, outputs } = this.engine.call((p) => ({ nodes: p.nodeCount(), outputs: p.outputCount }));
    this.engine.call((p) => (node === null ? p.setHeatmapNode() : p.setHeatmapNode(node)));
    const output = node === null || (outputs === 1 && node === nodes - 1);
    this.heatmap.showCaption(output ? '' : `Showing ${this.network.describeNode(node)}`);
    if (draw && this.started && this.config) this.redraw(false);
  }

  /** Keeps node `node` in the big heatmap, as a tap on it would (null: the output); throws if there is no such node. */
  pinNode(node) {
    if (node !== null) this.engine.call((p) => p.setHeatmapNode(node));
    this.network.pin(node);
  }

  /** Sets one weight or bias (a diagram target) to `value`; takes effect at once. */
  setParameter(target, value) {
    this.engine.call((p) => {
      if (target.kind === 'bias') p.setBias(target.layer, target.neuron, value);
      else p.setWeight(target.layer, target.neuron, target.input, value);
    });
    this.afterParameterChange();
    this.stepThrough.refresh();
  }

  /** Shows the network after its weights changed in place (same epoch). */
  afterParameterChange() {
    this.message.clear();
    this.recordLoss(true);
    this.engine.snapshot(this.lastState.epoch);
    this.redraw(true);
  }

  // ---- training -----------------------------------------------------------

  play() {
    this.loop.play();
  }

  pause() {
    this.loop.pause();
  }

  /** Trains one step (epochsPerFrame epochs, pausing first); resolves with the state once it is drawn. */
  async step() {
    await this.loop.step(() => this.engine.restarting);
    return this.state;
  }

  reset() {
    this.pause();
    this.engine.call((p) => p.reset());
    this.afterChange('reset');
  }

  /** Shows what the frame's training did: numbers, chart, pictures. */
  showTrained() {
    this.recordLoss(false);
    if (this.lastState.divergence) {
      // The core undid the frame that blew up: keep the picture, explain.
      this.pause();
      this.message.show(this.lastState.divergence);
    } else if (this.lastState.finished) {
      this.pause();
      this.message.show(`Training stopped after ${this.lastState.epoch} epochs, as "stop after" asks: `
        + 'raise it, or set it to 0 to train on.');
    }
    this.chart.push(this.lastState.epoch, this.lastState.trainLoss, this.lastState.testLoss);
    this.engine.snapshot(this.lastState.epoch);
    // While playing (or in a step's first frames), the links follow a share per frame; a finished step shows them all.
    this.redraw(this.loop.idle);
  }

  /** Says whether to keep playing after `error` was thrown by a frame. */
  trainingFailed(error) {
    if (error instanceof CoreCrash) return true;
    this.message.show(error.message);
    return false;
  }

  /** Reads the numbers from the core; `push` also adds them to the loss chart. */
  recordLoss(push) {
    const numbers = this.engine.call((p) => ({
      epoch: p.epoch, trainLoss: p.trainLoss, testLoss: p.testLoss,
      trainMetric: p.trainMetric, testMetric: p.testMetric, metric: p.metricName, divergence: p.divergence,
      finished: p.finished, currentLearningRate: p.currentLearningRate,
    }));
    this.lastState = { ...numbers, epoch: numbers.epoch + this.epochOffset };
    if (push) this.chart.push(this.lastState.epoch, numbers.trainLoss, numbers.testLoss);
  }

  get state() {
    return { ...this.lastState };
  }

  get playing() {
    return this.loop.playing;
  }

  redraw(forceDiagram) {
    const classColours = this.config && isMultiClass(this.config) ? this.classColours() : null;
    this.painter.paint({ points: this.points, view: this.view, state: this.lastState, classColours }, forceDiagram);
  }

  /** The core's class colours for the current palette (class 0 and 1 are the −1 and +1 colours). */
  classColours() {
    const palette = this.view.palette;
    if (this.colourCache?.palette !== palette) {
      this.colourCache = { palette, colours: Array.from(this.engine.call((_, glue) => glue.classColors(palette))) };
    }
    return this.colourCache.colours;
  }

  showPlaying(playing) {
    const button = this.find('play-pause');
    const label = playing ? 'Pause' : 'Play';
    button.textContent = label;
    button.setAttribute('aria-label', label);
    button.classList.toggle('playing', playing);
    this.network.showTraining(playing);
    if (playing) this.stepThrough.close(); // stepping through needs training paused
    if (!playing && this.started && !this.engine.restarting) this.guard(() => this.redraw(true));
  }

  // ---- model --------------------------------------------------------------

  /**
   * Outputs of the network for `flat` = [x1, x2, x1, x2, …]: one number per point, or
   * an array of class probabilities per point for a softmax output.
   */
  predict(flat) {
    const { values, count } = this.engine.call((p) => ({ values: p.predict(flat), count: p.outputCount }));
    const outputs = Array.from(values);
    if (count === 1) return outputs;
    return Array.from({ length: outputs.length / count }, (_, point) => outputs.slice(point * count, (point + 1) * count));
  }

  /** Counts per true class (rows) and predicted class (columns) of the test or training points. */
  confusionMatrix(set) {
    const { counts, classes } = this.engine.call((p) => ({ counts: p.confusionMatrix(set), classes: p.config().classes }));
    if (counts.length === 0) throw new Error('a confusion matrix needs a classification problem');
    return Array.from({ length: classes }, (_, row) => Array.from(counts.slice(row * classes, (row + 1) * classes)));
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

  afterRestart(info) {
    recoverAfterCrash(this, info);
  }

  /** Test hook: makes the core panic; resolves once the page has recovered. */
  panicForTesting(text) {
    return panicForTesting(this, text);
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
