// One playground: owns its core (through the facade, core.js) and puts the parts
// together — controls, dataset picker, network column, heatmap, loss chart, training
// loop and, when asked, the address bar — keeping them in step with the config and the
// view options. Views get data and report intents; only this module and the painter
// talk to the core. All of its state lives in this object, so any number of
// playgrounds share a page. The custom element (playground-element.js) builds it and
// scripts reach it through api.js.

import { Core, CoreCrash } from '../core/core.js';
import { Controls } from '../controls/controls.js';
import { DatasetPicker } from '../controls/dataset-picker.js';
import { FormulaBox } from '../controls/formula-box.js';
import { MessageArea } from '../controls/message.js';
import { bindExportCode } from '../controls/export-code.js';
import { bindModelFile, parseModelText } from '../controls/model-file.js';
import { bindDataFile, describeImport } from '../controls/data-file.js';
import { bindShareLink } from '../controls/share-link.js';
import { NetworkView } from '../network/network-view.js';
import { NeuronInspector } from '../inspect/neuron-inspector.js';
import { StepThrough } from '../inspect/step-through.js';
import { LayerSees } from '../inspect/layer-sees.js';
import { Heatmap } from '../output/heatmap.js';
import { LossChart } from '../output/loss-chart.js';
import { ClassLegend } from '../output/class-legend.js';
import { ConfusionMatrix } from '../output/confusion-matrix.js';
import { PointEditor } from '../output/point-editor.js';
import { showPalette, inkColours, hostEnds, withEnds } from '../output/palette.js';
import { Schema } from '../state/schema.js';
import { controlNames } from '../state/classroom.js';
import { mergeView } from '../state/view.js';
import { decodeHash, encodeHash, withoutCompare } from '../state/address.js';
import { applyEach, applyChanges, datasetAdjustment } from '../state/apply-each.js';
import { eventLines } from '../state/notices.js';
import { dataRequest, pointRows } from '../state/points.js';
import { tidyConfig, fitPatch, isMultiClass, hasNewData, hasNewNetwork, datasetSwitchNote, MANY_CLASS_DATASET } from '../state/config.js';
import { expandFields } from './fields.js';
import { checkNeuron, wholeNumber } from './arguments.js';
import { showControls } from './layouts.js';
import { FramePainter } from './frame-painter.js';
import { TrainingLoop } from './training-loop.js';
import { recoverAfterCrash, panicForTesting } from './crash-recovery.js';
import { LessonSession, lessonDocument, openLessonDocument } from './lessons.js';

/**
 * The full page, for share links and "open in greymatter": the one next to the element,
 * or greymatter's site when the element comes from the npm package, which has no page
 * (scripts/package.mjs sets GREYMATTER_SITE when it bundles).
 */
export const FULL_PAGE = globalThis.GREYMATTER_SITE ?? new URL('../../index.html', import.meta.url).href;

/** The address bar of the page (only for a playground that keeps it: `sync-url`). */
const addressBar = {
  read: () => window.location.hash,
  write(hash) {
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  },
};

export class Playground {
  /**
   * @param {ShadowRoot|HTMLElement} root holds this playground's markup (template.js)
   * @param {{emit: (type: string, detail: object) => void, syncUrl: boolean,
   *          initial: () => {values: object, view: object, errors: string[], source: string},
   *          styled: Promise<void>, failed?: () => void,
   *          lessons?: () => {key: string|null, src: string|null}}} options
   *   `emit` sends the element's events; `syncUrl` reads and writes the address bar;
   *   otherwise `initial` gives the setup to start from (the element's attributes);
   *   `styled` settles once the stylesheet applies (the first picture waits for it);
   *   `failed` shows only the notice, once the playground could not start;
   *   `lessons` gives the key the session is kept under and the lesson to open (lessons.js)
   */
  constructor(root, { emit, syncUrl, initial, styled, failed = () => {}, lessons = () => ({ key: null, src: null }) }) {
    const find = (id) => root.getElementById(id);
    Object.assign(this, { root, find, emit, syncUrl, initial, styled, failed });
    this.lessonsOf = lessons;
    // A comparison's part of the address (compare/) is not this playground's: its session belongs to the rest.
    this.lessons = new LessonSession(this, { key: null, hash: () => (syncUrl ? withoutCompare(addressBar.read()) : '') });
    this.surface = root.querySelector('.playground'); // carries the palette's CSS colours
    this.message = new MessageArea(find('message'));
    this.core = new Core({ onRestart: (info) => this.afterRestart(info) });
    this.loop = new TrainingLoop({
      ready: () => this.ready,
      busy: () => Boolean(this.core.restarting),
      epochsPerFrame: () => this.view.epochsPerFrame,
      trainEpochs: (epochs) => this.core.train(epochs),
      trainBatches: (batches) => this.core.trainBatches(batches),
      batchProgress: () => this.core.batchProgress(),
      draw: () => this.showTrained(),
      failed: (error) => this.trainingFailed(error),
      showPlaying: (playing) => this.showPlaying(playing),
    });
    this.started = false;
    this.failure = null; // why the playground could not start, once it could not (an Error)
    this.schema = null; // the core's settings schema, once loaded
    this.config = null;
    this.view = null;
    this.shownControls = null; // null: every control; else the set the element's layout or `controls` allow
    this.hostEnds = null; // the host page's own colours of −1, 0 and +1 (--gm-negative, …), if it sets them
    this.points = { train: new Float32Array(), test: new Float32Array() };
    this.classNames = []; // names of the own points' classes, if they have names
    // The loss chart holds rows the core's history lost when it was rebuilt after a crash.
    this.historyFromChart = false;
    this.lastState = { epoch: 0, epochProgress: 0, trainLoss: NaN, testLoss: NaN, trainMetric: NaN, testMetric: NaN, metric: 'accuracy', divergence: '' };
    // Starts once `begin` is called (the element is in a document).
    this.ready = new Promise((resolve) => {
      this.begin = resolve;
    }).then(() => this.start());
    this.ready.catch(() => {}); // the failure is shown in #message and sent as an error event
  }

  /** Builds the controls from the schema and the views that show the run. */
  buildViews(schema) {
    const { find } = this;
    const config = (partial) => this.changeFromUi(partial);
    expandFields(this.root, schema);
    this.controls = new Controls(this.root, schema, { config, view: (partial) => this.guard(() => this.setView(partial)) });
    this.picker = new DatasetPicker(
      find('dataset'),
      schema,
      (name, classes, { datasetFormula, problem }) =>
        name === 'formula' ? this.core.formulaPreview(datasetFormula, problem, classes) : this.core.datasetPreview(name, classes),
      config,
    );
    this.datasetFormula = new FormulaBox(
      { form: find('formula-dataset-form'), input: find('formula-dataset-text'), error: find('formula-dataset-error') },
      { check: (text) => this.core.formulaText(text), use: (datasetFormula) => config({ dataset: 'formula', datasetFormula }) },
    );
    this.legend = new ClassLegend({ values: find('value-legend'), classes: find('class-legend') });
    this.confusion = new ConfusionMatrix({ panel: find('confusion'), table: find('confusion-matrix'), set: find('confusion-set') }, (set) =>
      this.core.confusionMatrix(set),
    );
    this.network = new NetworkView(find, schema, {
      config,
      showNode: (node) => this.guard(() => this.showNode(node)),
      read: (offset) => this.core.parameterAt(offset),
      write: (target, value) => this.guard(() => this.setParameter(target, value)),
      inspect: (layer, neuron, how) => this.guard(() => this.inspectOrPick(layer, neuron, how)),
      checkFormula: (text) => this.core.formulaText(text),
    });
    this.inspector = new NeuronInspector(find, {
      neuron: (layer, neuron, index, set) => this.core.inspectNeuron(layer, neuron, index, set),
      setSize: (set) => this.setSize(set),
      costAlong: (layer, neuron, input, range, steps) => this.core.costAlongWeight(layer, neuron, input, range, steps),
      describe: (layer, neuron) => this.network.describeNeuron(layer, neuron),
      describeParameter: (target) => this.network.describeTarget(target),
      write: (target, value) => this.guard(() => this.setParameter(target, value)),
    });
    this.stepThrough = new StepThrough(find, {
      sample: (index) => ({ ...this.core.inspectSample(index, 'train'), lossName: this.config.loss }),
      setSize: () => this.setSize('train'),
      apply: (index) => this.guard(() => this.applySampleStep(index)),
      pause: () => this.pause(),
      firstNode: (layer) => this.network.nodeOf(layer, 0),
      describeLayer: (layer) => (layer === this.config.hidden.length ? 'the output layer' : `hidden layer ${layer + 1}`),
    });
    this.layerSees = new LayerSees(find, {
      plane: (layer, first, second) => this.core.layerPlane(layer, first, second),
      sizes: () => [...this.config.hidden],
      colours: () => this.colours(),
      multiClass: () => isMultiClass(this.config),
    });
    this.heatmap = new Heatmap(find('heatmap'), { axes: find('heatmap-axes'), caption: find('heatmap-caption') });
    this.chart = new LossChart(find('loss-chart'), find('loss-chart-tip'));
    this.painter = new FramePainter({
      core: this.core,
      heatmap: this.heatmap,
      chart: this.chart,
      network: this.network,
      inspector: this.inspector,
      confusion: this.confusion,
      layerSees: this.layerSees,
      find,
    });
    this.buildPointEditor();
    this.bindButtons();
  }

  bindButtons() {
    const { find } = this;
    find('play-pause').addEventListener('click', () => this.loop.toggle());
    find('step').addEventListener('click', () => this.step().catch(() => {}));
    find('reset').addEventListener('click', () => this.guard(() => this.reset()));
    const newSeed = (key) => () => this.changeFromUi(() => ({ [key]: this.core.randomSeed() }));
    find('new-data').addEventListener('click', newSeed('dataSeed'));
    find('new-weights').addEventListener('click', newSeed('seed'));
    bindModelFile(
      { exportButton: find('export-model'), fileInput: find('import-model'), root: this.root },
      {
        exportModel: () => this.exportModel(),
        importModel: (text) => this.importModel(text),
        report: (error) => this.report(error, '', 'model'),
      },
    );
    bindExportCode(
      {
        button: find('export-code'),
        panel: find('export-code-panel'),
        target: find('export-code-target'),
        text: find('export-code-text'),
        copy: find('copy-code'),
        download: find('download-code'),
        note: find('export-code-note'),
        root: this.root,
      },
      { exportCode: (target) => this.exportCode(target) },
    );
    this.lessons.bind({
      saveButton: find('save-lesson'),
      fileInput: find('open-lesson'),
      freshButton: find('start-fresh'),
      host: this.root.host ?? this.root,
      root: this.root,
    });
    bindDataFile(
      {
        fileInput: find('load-csv'),
        pasteText: find('csv-text'),
        pasteButton: find('use-csv'),
        fitToView: find('fit-to-view'),
        exportButton: find('export-csv'),
        root: this.root,
      },
      {
        importCsv: (text, options) => this.importCsv(text, options),
        exportCsv: () => this.exportCsv(),
        report: (error) => this.report(error, '', 'data'),
      },
    );
    bindShareLink(
      { weights: find('share-weights'), copy: find('copy-link'), field: find('share-link'), note: find('share-note') },
      { shareLink: (options) => this.shareLink(options), report: (error) => this.report(error) },
    );
  }

  async start() {
    try {
      // Both settle before a failure is said, the core's first: the notice needs its look, and one reason is given.
      const loaded = await Promise.allSettled([this.core.load(), this.styled]);
      const missing = loaded.find((outcome) => outcome.status === 'rejected');
      if (missing) throw missing.reason;
      this.schema = new Schema(this.core.configSchema());
      this.view = this.schema.defaultView();
      this.buildViews(this.schema);
      this.showInk();
      this.network.setLimits(this.core.limits());
      const defaults = this.core.defaultConfig();
      // As opened: the page writes its own setup into the address bar before the kept session is looked at.
      const address = this.syncUrl ? addressBar.read() : '';
      const { values, view, documents, errors, source } = this.syncUrl
        ? { ...decodeHash(address, this.schema), source: 'In the address' }
        : this.initial(this.schema);
      try {
        this.core.create({ ...defaults, ...fitPatch(values, defaults, (p, k) => this.core.lossesFor(p, k), this.schema) });
      } catch (error) {
        if (error instanceof CoreCrash) throw error;
        // Something in the setup is refused: apply what can be applied, key by key.
        this.core.create(defaults);
        errors.push(...this.applyEach(values).errors);
      }
      errors.push(...this.applyDocuments(documents));
      this.started = true;
      this.view = view;
      this.showView();
      this.afterChange('regenerated');
      errors.push(...datasetAdjustment(values, this.config, this.schema, errors));
      this.showRefusals(errors, source);
      if (this.syncUrl) window.addEventListener('hashchange', () => this.onHashChange());
      // Read now, not when constructed: an element made by a script gets its attributes after that.
      const { key, src } = this.lessonsOf();
      this.lessons.key = key;
      await this.lessons.begin(src, withoutCompare(address));
    } catch (error) {
      throw this.failedToStart(error);
    }
  }

  /**
   * Says why the playground could not start — in its notice, alone in the element, and as
   * an `error` event — and keeps it for every later scripting call; returns it.
   */
  failedToStart(thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    this.failure = new Error(`greymatter could not start: ${error.message}`, { cause: error });
    this.message.show(`greymatter could not start: ${error.problem ?? error.message}`, error.hint);
    this.failed();
    this.emit('error', { message: this.failure.message, source: 'start' });
    return this.failure;
  }

  /** Shows the lines of a setup that were refused, each prefixed with where they came from. */
  showRefusals(errors, source) {
    const lines = errors.map((error) => `${source}: ${error}`);
    this.message.show(lines);
    for (const message of eventLines(lines)) this.emit('error', { message, source: 'setup' });
  }

  /** Applies `values` key by key (see state/apply-each.js). */
  applyEach(values) {
    return applyEach(this.coreFunctions(), values, this.schema);
  }

  /** The core as state/apply-each.js uses it. */
  coreFunctions() {
    return {
      config: () => this.core.config(),
      setConfig: (patch) => this.core.setConfig(patch),
      lossesFor: (problem, classes) => this.core.lossesFor(problem, classes),
      isCrash: (error) => error instanceof CoreCrash,
    };
  }

  // ---- config and view ------------------------------------------------------

  /** Applies `partial`; on refusal shows the reason, puts the controls back and throws. */
  setConfig(partial) {
    const previous = this.config;
    let outcome;
    let patch = partial;
    try {
      patch = fitPatch(partial, this.config, (problem, classes) => this.core.lossesFor(problem, classes), this.schema);
      outcome = this.core.setConfig(patch);
    } catch (error) {
      this.report(error, '', 'setting');
      this.controls.show(this.config);
      this.network.show(this.config, this.networkView(), this.colours());
      throw error;
    }
    this.message.clear();
    this.afterChange(outcome);
    if (patch.dataset !== partial.dataset && patch.dataset === MANY_CLASS_DATASET && isMultiClass(this.config)) {
      const note = datasetSwitchNote(previous.dataset, this.config, this.schema);
      this.message.show(`${note[0].toUpperCase()}${note.slice(1)}.`);
    }
    return outcome;
  }

  /**
   * Applies a setup from outside a person's hands (an edited address, changed
   * attributes): key by key, every refusal reported with `source`, the rest applied.
   */
  applySetup(setup, source) {
    const { values, view, errors = [] } = setup;
    const result = applyChanges(this.coreFunctions(), values, this.schema);
    const before = this.core.linkPoints();
    const documentErrors = this.applyDocuments(setup.documents);
    const weightsGiven = setup.documents?.weights !== undefined && documentErrors.every((line) => !line.startsWith('weights'));
    if (weightsGiven || this.core.linkPoints() !== before) result.outcome = 'regenerated';
    if (view) this.view = view;
    this.showView();
    this.afterChange(result.outcome);
    const refused = [...errors, ...result.errors, ...documentErrors];
    refused.push(...datasetAdjustment(values, this.config, this.schema, refused));
    this.showRefusals(refused, source);
    return result.outcome;
  }

  /** A change from a control: `partial` may be a function making it (run once started). */
  changeFromUi(partial) {
    if (this.started) this.guard(() => this.setConfig(typeof partial === 'function' ? partial() : partial));
  }

  /** Changes view options (epochsPerFrame, showTestData, discretize, palette, hidden, hideText); refusals throw. */
  setView(partial) {
    this.view = mergeView(this.view, partial, this.schema);
    this.showView();
    this.afterChange('kept', { configChanged: false });
  }

  /** Which controls the element shows at most (its layout or `controls` attribute); null for all. */
  setShownControls(names) {
    this.shownControls = names ? new Set(names) : null;
    if (this.started) this.showView();
  }

  /** The classroom flags plus the controls the element leaves out. */
  hiddenControls() {
    const hidden = new Set(this.view.hidden);
    if (!this.lessons.persisting) hidden.add('startFresh'); // nothing kept, nothing to forget
    if (this.shownControls) {
      for (const name of controlNames(this.schema)) if (!this.shownControls.has(name)) hidden.add(name);
    }
    return [...hidden];
  }

  /** Gives the canvases the theme's colours (after the stylesheet arrives and when the theme changes). */
  showInk() {
    const ends = hostEnds(this.surface, this.core.paletteColours(this.view?.palette ?? 'default'));
    if (JSON.stringify(ends) !== JSON.stringify(this.hostEnds)) {
      this.hostEnds = ends;
      if (this.started) {
        this.showView();
        this.redraw(true);
      }
    }
    const ink = inkColours(this.surface);
    this.chart.setInk(ink);
    this.network.setInk(ink);
    this.inspector.setInk(ink);
    this.painter.setInk(ink);
    this.layerSees.setInk(ink);
    this.confusion.setBackdrop(getComputedStyle(this.surface).backgroundColor);
  }

  /** The view options as the diagram needs them: every hidden control, the element's included. */
  networkView() {
    return { ...this.view, hidden: this.hiddenControls() };
  }

  /** Passes the view options on to the core and the page (also after a restart of the core). */
  showView() {
    const { view } = this;
    const colours = this.colours();
    if (colours.ends) this.core.setPaletteEnds(view.palette, colours.ends.flat());
    else this.core.setPalette(view.palette);
    this.core.setDiscretize(view.discretize);
    showPalette(this.surface, colours);
    showControls(this.root, { hidden: this.hiddenControls(), hideText: view.hideText });
    if (this.find('point-editor').hidden) this.pointEditor.setActive(false);
    this.controls.showView(view);
  }

  onHashChange() {
    this.guard(() => this.applySetup(decodeHash(addressBar.read(), this.schema, this.view), 'In the address'));
  }

  /**
   * Puts in place the own points and the trained weights a link carries (`points=` and
   * `weights=` texts; each left alone when absent or already so); returns one line per
   * refused text.
   */
  applyDocuments({ points, weights } = {}) {
    const errors = [];
    const apply = (name, work) => {
      try {
        work();
      } catch (error) {
        if (error instanceof CoreCrash) throw error;
        errors.push(`${name}: ${error.message}`);
      }
    };
    if (points !== undefined && points !== this.core.linkPoints()) apply('points', () => this.core.setLinkPoints(points));
    if (weights !== undefined) apply('weights', () => this.core.setLinkWeights(weights));
    return errors;
  }

  /**
   * The setup as an address (`dataset=…&…`, no `#`): the share link's hash, with the
   * own points when they are the dataset, and the trained weights and epoch when
   * `weights` is true.
   */
  shareHash({ weights = false } = {}) {
    const documents = { points: this.core.linkPoints(), weights: weights ? this.core.linkWeights() : undefined };
    return encodeHash(this.config, this.view, this.schema, documents);
  }

  /** The full page's address for this setup (see shareHash). */
  shareLink(options) {
    return `${FULL_PAGE}#${this.shareHash(options)}`;
  }

  /**
   * Brings controls, address bar, points, chart and pictures up to date after a change;
   * sends `configchange` unless only the view changed.
   */
  afterChange(outcome, { configChanged = true } = {}) {
    this.config = tidyConfig(this.core.config(), this.schema);
    const { problem, classes } = this.config;
    this.controls.show(this.config, this.core.lossesFor(problem, classes));
    const colours = this.colours();
    this.picker.show(this.config, colours);
    this.datasetFormula.show(this.config.datasetFormula);
    this.legend.show(this.config, colours.classes);
    this.confusion.refresh(false, this.config, colours.classes);
    if (this.network.show(this.config, this.networkView(), colours)) {
      this.showNode(null, false);
      this.inspector.close();
      this.stepThrough.close();
      this.layerSees.reshape();
    }
    if (this.syncUrl) addressBar.write(`#${this.shareHash()}`);
    if (hasNewData(outcome)) this.loadPoints();
    this.pointEditor.show(this.config, colours, this.classNames);
    if (hasNewNetwork(outcome)) {
      this.historyFromChart = false;
      this.chart.clear();
    }
    this.loop.forgetTimings();
    this.recordLoss(outcome !== 'kept');
    this.core.remember(this.config, this.lastState.epoch);
    this.redraw(true);
    this.stepThrough.refresh();
    if (configChanged) this.emit('configchange', { config: structuredClone(this.config), outcome });
    else this.emit('viewchange', { view: structuredClone(this.view) });
    this.lessons.changed();
  }

  loadPoints() {
    this.points = this.core.points();
    this.classNames = this.core.classNames();
    const own = this.config?.dataset === 'own';
    this.core.rememberPoints(own ? { ...this.points, classNames: this.classNames } : null);
    if (own) {
      const { train, test } = this.points;
      const both = new Float32Array(train.length + test.length);
      both.set(train);
      both.set(test, train.length);
      this.picker.showOwn(both);
    }
  }

  // ---- own points -----------------------------------------------------------

  /** The "Draw points" mode of the big heatmap (output/point-editor.js): gestures become edits. */
  buildPointEditor() {
    this.pointEditor = new PointEditor(this.find, this.root, {
      edit: (change) => this.editPoints(change),
      history: () => this.core.pointsHistory(),
      points: () => this.points,
      showsTest: () => this.pointEditor.showsTest(this.view.showTestData),
      playing: () => this.playing,
      pause: () => this.pause(),
      play: () => this.play(),
      redraw: () => this.started && this.guard(() => this.redraw(false)),
    });
  }

  /** The points trained on: `{train: [[x1, x2, label], …], test: […]}` (and `classNames` when named). */
  getData() {
    const data = { train: pointRows(this.points.train), test: pointRows(this.points.test) };
    if (this.classNames.length > 0) data.classNames = [...this.classNames];
    return data;
  }

  /** Trains on own points (see state/points.js for what `data` may be); on refusal shows the reason and throws. */
  setData(data, options) {
    try {
      return this.afterPointsChange(this.core.setData(dataRequest(data, options)));
    } catch (error) {
      this.report(error, 'Could not use these points: ', 'data');
      throw error;
    }
  }

  /**
   * Trains on the points of a CSV or TSV text (`fitToView`: scale points outside the
   * plotted range in); says what was read. On refusal shows the reason and throws.
   */
  importCsv(text, { fitToView = false } = {}) {
    let report;
    try {
      if (typeof text !== 'string') throw new Error('importCsv expects the CSV text as a string');
      report = this.core.importCsv(text, Boolean(fitToView));
    } catch (error) {
      this.report(error, 'Could not read the CSV: ', 'data');
      throw error;
    }
    this.afterPointsChange(report.change);
    this.message.show(describeImport(report));
    return report;
  }

  /** The points trained on now as CSV text. */
  exportCsv() {
    return this.core.exportCsv();
  }

  /**
   * Brings the page up to date after the points changed through `change` ("newData",
   * or "reset" when the output layer changed with them); returns the outcome.
   */
  afterPointsChange(change) {
    const outcome = change === 'reset' ? 'regenerated' : 'newData';
    this.message.clear();
    this.afterChange(outcome);
    return outcome;
  }

  /** Runs one edit of the points (a function of the core); refusals are shown and thrown. */
  editPoints(edit) {
    try {
      const result = edit(this.core);
      this.afterPointsChange('newData');
      return result;
    } catch (error) {
      this.report(error, '', 'data');
      throw error;
    }
  }

  /** How many points the `train` or `test` set has ([x1, x2, label] each, as loaded). */
  setSize(set) {
    return this.points[set === 'test' ? 'test' : 'train'].length / 3;
  }

  // ---- the diagram: looking at a neuron, editing a weight ------------------

  /** Shows node `node` in the big heatmap (null: the output, or the class map for softmax); `draw`: redraw now. */
  showNode(node, draw = true) {
    const { nodes, outputs } = this.core.shape();
    this.core.setHeatmapNode(node);
    const output = node === null || (outputs === 1 && node === nodes - 1);
    this.heatmap.showCaption(output ? '' : `Showing ${this.network.describeNode(node)}`);
    if (draw && this.started && this.config) this.redraw(false);
  }

  /** Keeps node `node` in the big heatmap, as a tap on it would (null: the output); throws if there is no such node. */
  pinNode(node) {
    if (node !== null) this.core.setHeatmapNode(node);
    this.network.pin(node);
  }

  /**
   * A click (or Enter) on a neuron of the diagram: while "what this layer sees" is open,
   * a hidden neuron is picked for it; otherwise the inspector opens on the neuron.
   */
  inspectOrPick(layer, neuron, how) {
    if (this.layerSees.isOpen && layer < this.config.hidden.length) this.layerSees.pick(layer, neuron);
    else this.inspector.open(layer, neuron, how);
  }

  /** Sets one weight or bias (a diagram target) to `value`; takes effect at once. */
  setParameter(target, value) {
    this.core.setParameter(target, value);
    this.afterParameterChange();
    this.stepThrough.refresh();
  }

  /**
   * Opens the neuron inspector on neuron `neuron` of layer `layer` (counted as setWeight
   * counts them: 0 is the first hidden layer, the last the output), as a click on it
   * does; `null` closes it. Throws for a neuron the network does not have.
   */
  inspectNeuron(layer, neuron) {
    if (layer === null) {
      this.inspector.close();
      return;
    }
    checkNeuron(this.networkShape(), layer, neuron);
    this.inspector.open(layer, neuron);
  }

  /** The network's shape for checking indices: features (`inputs`), neurons per layer (`sizes`, the output last), pictured `nodes`. */
  networkShape() {
    const { nodes, outputs } = this.core.shape();
    return { inputs: this.config.features.length, sizes: [...this.config.hidden, outputs], nodes };
  }

  /** One optimizer step on training sample `index` alone (the step-through's Apply). */
  applySampleStep(index) {
    this.core.stepOnSample(index);
    this.afterParameterChange();
  }

  /** Shows the network after its weights changed in place (same epoch). */
  afterParameterChange() {
    this.message.clear();
    this.recordLoss(true);
    this.core.snapshot(this.lastState.epoch);
    this.redraw(true);
    this.lessons.changed();
  }

  // ---- training -----------------------------------------------------------

  play() {
    this.loop.play();
  }

  pause() {
    this.loop.pause();
  }

  /** Off screen (true) the playground stops animating; shown again it goes on where it was. */
  setOffscreen(offscreen) {
    this.loop.suspend(offscreen);
  }

  /** Trains one step (epochsPerFrame epochs, pausing first); resolves with the state once it is drawn. */
  async step() {
    await this.loop.step(() => this.core.restarting);
    return this.state;
  }

  reset() {
    this.pause();
    this.core.reset();
    this.afterChange('reset');
  }

  /** Shows what the frame's training did: numbers, chart, pictures; sends `epoch` (and `diverge`). */
  showTrained() {
    const shownEpoch = this.lastState.epoch; // as last read: before this frame's training
    this.recordLoss(false);
    const { lastState: state } = this;
    if (state.divergence) {
      // The core undid the frame that blew up: keep the picture, explain.
      this.pause();
      this.message.show(state.divergence);
      this.emit('diverge', { message: state.divergence, epoch: state.epoch });
    } else if (state.finished) {
      this.pause();
      this.message.show(state.stopReason);
    }
    this.chart.push(state.epoch, state.trainLoss, state.testLoss);
    this.core.snapshot(state.epoch);
    this.lessons.trained();
    // While playing (or in a step's first frames), the links follow a share per frame; a finished step shows them all.
    this.redraw(this.loop.idle);
    if (state.epoch !== shownEpoch) {
      const { epoch, trainLoss, testLoss, trainMetric, testMetric, metric } = state;
      this.emit('epoch', { epoch, trainLoss, testLoss, trainMetric, testMetric, metric });
    }
  }

  /** Says whether to keep playing after `error` was thrown by a frame. */
  trainingFailed(error) {
    if (error instanceof CoreCrash) return true;
    this.report(error, '', 'training');
    return false;
  }

  /** Reads the numbers from the core; `push` also adds them to the loss chart. */
  recordLoss(push) {
    const numbers = this.core.numbers();
    this.lastState = numbers;
    if (push) this.chart.push(this.lastState.epoch, numbers.trainLoss, numbers.testLoss);
  }

  get state() {
    return { ...this.lastState };
  }

  get playing() {
    return this.loop.playing;
  }

  redraw(forceDiagram) {
    const multiClass = Boolean(this.config && isMultiClass(this.config));
    const view = { ...this.view, showTestData: this.pointEditor.showsTest(this.view.showTestData) };
    const page = { points: this.points, view, state: this.lastState, colours: this.colours(), multiClass, playing: this.playing };
    this.painter.paint(page, forceDiagram);
    this.showEpochProgress(this.lastState.epochProgress);
  }

  /** Shows how far the epoch under way is ("· 40 %" beside the epoch), hidden between epochs. */
  showEpochProgress(progress) {
    const output = this.find('epoch-progress');
    const text = progress > 0 ? `· ${Math.floor(progress * 100)} %` : '';
    if (output.textContent !== text) output.textContent = text;
    output.hidden = text === '';
  }

  /**
   * The colours of the current palette (output/palette.js), with the host page's own
   * ends if it sets them; the same object while neither changes.
   */
  colours() {
    const name = this.view.palette;
    if (this.colourCache?.name !== name || this.colourCache.hostEnds !== this.hostEnds) {
      const colours = this.core.paletteColours(name);
      this.colourCache = { ...(this.hostEnds ? withEnds(colours, this.hostEnds) : colours), hostEnds: this.hostEnds };
    }
    return this.colourCache;
  }

  showPlaying(playing) {
    const button = this.find('play-pause');
    const label = playing ? 'Pause' : 'Play';
    button.textContent = label;
    button.setAttribute('aria-label', label);
    button.classList.toggle('playing', playing);
    this.network.showTraining(playing);
    if (playing) this.stepThrough.close(); // stepping through needs training paused
    // Paused: redrawn at once, the big heatmap at its full size if playing reduced it.
    if (!playing && this.started && !this.core.restarting) this.guard(() => this.redraw(true));
  }

  // ---- model --------------------------------------------------------------

  /**
   * Outputs of the network for `flat` = [x1, x2, x1, x2, …]: one number per point, or
   * an array of class probabilities per point for a softmax output.
   */
  predict(flat) {
    const { values, count } = this.core.predict(flat);
    if (count === 1) return values;
    return Array.from({ length: values.length / count }, (_, point) => values.slice(point * count, (point + 1) * count));
  }

  /** Each hidden layer's histograms of its weights and of its activations over the training points (the core's). */
  layerHistograms() {
    return this.core.layerHistograms();
  }

  /**
   * The input plane's grid lines and the training points as neurons `first` and `second`
   * of hidden layer `layer` (all from 0) see them, the core's layerPlane(); throws for a
   * pick that makes no plane, saying why.
   */
  layerPlane(layer, first, second) {
    const hidden = this.config.hidden;
    if (hidden.length === 0) throw new Error('layerPlane needs a hidden layer: the network has none');
    wholeNumber('layer', layer, hidden.length - 1, ' (the last hidden layer)');
    if (hidden[layer] >= 2) {
      wholeNumber('first', first, hidden[layer] - 1, ` in hidden layer ${layer}`);
      wholeNumber('second', second, hidden[layer] - 1, ` in hidden layer ${layer}`);
    }
    return this.core.layerPlane(layer, first, second);
  }

  /** Counts per true class (rows) and predicted class (columns) of the test or training points. */
  confusionMatrix(set) {
    const counts = this.core.confusionMatrix(set);
    if (counts.length === 0) throw new Error('a confusion matrix needs a classification problem');
    const { classes } = this.config;
    return Array.from({ length: classes }, (_, row) => counts.slice(row * classes, (row + 1) * classes));
  }

  /** The dropout of the last trained batch (the core's lastDropout()), or null. */
  lastDropout() {
    return this.core.lastDropout();
  }

  exportModel() {
    return this.core.exportModel();
  }

  /**
   * The run as a script for `target` ("numpy", "pytorch", "tfjs"): a Promise of
   * `{target, fileName, code}`; the writers are loaded when first asked for.
   */
  async exportCode(target) {
    const { exportCode } = await import('../export/index.js');
    return exportCode(this.core.exportRun(), this.core.defaultConfig(), target);
  }

  /** Loads a model (object or JSON text); on refusal shows the reason and throws. */
  importModel(input) {
    let model = input;
    try {
      if (typeof input === 'string') model = parseModelText(input);
      this.core.importModel(model);
    } catch (error) {
      this.report(error, 'Could not import the model: ', 'model');
      throw error;
    }
    this.message.clear();
    this.afterChange('regenerated');
  }

  // ---- lesson files and the kept session (lessons.js) ----------------------

  /** The whole run as a lesson file object (docs/lesson-file.md). */
  lessonDocument() {
    return lessonDocument(this);
  }

  /** Opens a lesson file object or its JSON text; on refusal shows the reason, changes nothing and throws. */
  openLessonDocument(lesson) {
    openLessonDocument(this, lesson);
  }

  /** Back to the default settings and view, own points and training forgotten ("Start fresh"). */
  resetToDefaults() {
    this.pause();
    this.core.create(this.core.defaultConfig());
    this.historyFromChart = false;
    this.view = this.schema.defaultView();
    this.message.clear();
    this.showView();
    this.network.pin(null);
    this.afterChange('regenerated');
  }

  // ---- crashes ------------------------------------------------------------

  afterRestart(info) {
    recoverAfterCrash(this, info);
    this.lessons.afterCrash(info);
  }

  /** Test hook: makes the core panic; resolves once the page has recovered. */
  panicForTesting(text) {
    return panicForTesting(this, text);
  }

  /** Runs `work` for a button, a control or the address bar; a failure is shown, not thrown. */
  guard(work) {
    try {
      return work();
    } catch (error) {
      this.report(error);
      return undefined;
    }
  }

  /**
   * Shows `error` in #message once and sends it as an `error` event (a crash is
   * announced by afterRestart instead). `source` says where it came from; `append`
   * keeps what the notice already says (several refusals of one setup).
   */
  report(error, prefix = '', source = 'setting', { append = false } = {}) {
    if (error instanceof CoreCrash || error.shown) return;
    const message = prefix + error.message;
    if (append) this.message.add(message);
    else this.message.show(message);
    error.shown = true;
    this.emit('error', { message, source });
  }

  /** Throws why the playground could not start, once it could not: every scripting call then says so. */
  requireAlive() {
    if (this.failure) throw new Error(this.failure.message, { cause: this.failure.cause });
  }

  requireStarted() {
    this.requireAlive();
    if (!this.started) throw new Error('greymatter is still loading: await ready first');
  }
}
