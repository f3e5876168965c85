// The scripting interface of one playground (README, "Scripting greymatter"): the
// element's methods, `window.playground` on the full page and the iframe embed's
// messages are all this one object. A thin, frozen facade over the playground
// (controller.js), so scripts see only the documented members. Indices and points
// are checked here (arguments.js) before anything reaches the core. Once the
// playground could not start, every member throws (or rejects with) why.

import { checkNeuron, checkPoints, finiteNumber, wholeNumber } from './arguments.js';

function plainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** @param {import('./controller.js').Playground} page */
export function publicApi(page) {
  const alive =
    (work) =>
    (...args) => {
      page.requireAlive();
      return work(...args);
    };
  const started =
    (work) =>
    (...args) => {
      page.requireStarted();
      return work(...args);
    };
  // Throws like setConfig: the message is shown on the page too.
  const shown = (work) =>
    started((...args) => {
      try {
        return work(...args);
      } catch (error) {
        page.report(error);
        throw error;
      }
    });
  return Object.freeze({
    /** Resolves once the core is loaded and the first picture is drawn. */
    get ready() {
      return page.ready;
    },
    /** greymatter's version ("0.1.0"), as its core says; null until ready. */
    get version() {
      return alive(() => (page.started ? page.core.version() : null))();
    },
    play: alive(() => page.play()),
    pause: alive(() => page.pause()),
    get playing() {
      return alive(() => page.playing)();
    },
    step: async () => alive(() => page.step())(),
    reset: started(() => page.reset()),
    get state() {
      return alive(() => page.state)();
    },
    get config() {
      return alive(() => (page.config ? structuredClone(page.config) : null))();
    },
    setConfig: started((partial) => {
      if (!plainObject(partial)) {
        throw new Error('setConfig expects an object such as {learningRate: 0.01}');
      }
      return page.setConfig(partial);
    }),
    get view() {
      return alive(() => structuredClone(page.view))();
    },
    setView: shown((partial) => {
      if (!plainObject(partial)) throw new Error('setView expects an object such as {discretize: true}');
      page.setView(partial);
    }),
    showNode: shown((node) => {
      if (node !== null) wholeNumber('node', node, page.networkShape().nodes - 1, ' (or null for the output)');
      page.pinNode(node);
    }),
    setWeight: shown((layer, neuron, input, value) => {
      checkNeuron(page.networkShape(), layer, neuron, input);
      page.setParameter({ kind: 'weight', layer, neuron, input }, finiteNumber('value', value));
    }),
    setBias: shown((layer, neuron, value) => {
      checkNeuron(page.networkShape(), layer, neuron);
      page.setParameter({ kind: 'bias', layer, neuron }, finiteNumber('value', value));
    }),
    inspectNeuron: shown((layer, neuron) => page.inspectNeuron(layer, neuron)),
    predict: started((points) => {
      if (checkPoints(points).length === 0) return [];
      return page.predict(Float32Array.from(points.flat()));
    }),
    confusionMatrix: started((set = 'test') => {
      if (set !== 'test' && set !== 'train') throw new Error(`confusionMatrix takes 'test' or 'train', got ${JSON.stringify(set)}`);
      return page.confusionMatrix(set);
    }),
    lastDropout: started(() => page.lastDropout()),
    layerHistograms: started(() => page.layerHistograms()),
    layerPlane: started((layer, first, second) => page.layerPlane(layer, first, second)),
    getData: started(() => page.getData()),
    setData: started((data, options) => page.setData(data, options)),
    importCsv: started((text, options) => page.importCsv(text, options)),
    exportCsv: started(() => page.exportCsv()),
    shareLink: started((options = {}) => {
      if (!plainObject(options)) throw new Error('shareLink expects an object such as {weights: true}');
      return page.shareLink({ weights: Boolean(options.weights) });
    }),
    exportModel: started(() => page.exportModel()),
    /** A Promise of the run as a script: {target, fileName, code}; rejects naming what the target cannot express. */
    exportCode: started((target) => page.exportCode(target)),
    importModel: started((model) => page.importModel(model)),
    /** The whole run as a lesson file object (docs/lesson-file.md). */
    saveLesson: started(() => page.lessonDocument()),
    /** Opens a lesson file object or its JSON text; throws (and changes nothing) on refusal. */
    openLesson: started((lesson) => page.openLessonDocument(lesson)),
    /** Test hook: makes the core panic with `message`; resolves after the page recovered. */
    _panicForTesting: (message) => page.panicForTesting(message),
    /** Test hook: saves the kept session now if anything changed; resolves once written. */
    _saveSessionForTesting: () => page.lessons.flush(),
  });
}
