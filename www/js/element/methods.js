// The scripting methods, declared once (docs/scripting.md, docs/api.md): one row per
// member of the API, in the order the iframe names them. A row says what the member is
// called, its arguments and result (TypeScript types), whether it is read rather than
// called, whether it waits for a frame (a Promise resolved once the page has drawn),
// its one-line doc, how it is guarded, and its implementation over the playground
// (controller.js) with the checks of its arguments. Made from it: the API object
// (api.js), the element's members (playground-element.js), the iframe's call list
// (embed-protocol.js), the `GreymatterApi` declarations (www/greymatter.d.ts) and the
// reference docs/api.md (both written by scripts/types.mjs). DOM-free.
//
// Guards (api.js): `none`; `alive`, throws once the playground could not start;
// `started`, also throws until the core is up; `shown`, as `started` and a refusal is
// shown on the page too, as setConfig's is.

import { checkNeuron, checkPoints, finiteNumber, wholeNumber } from './arguments.js';

function plainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `'neuron?: number'` → `{name: 'neuron', type: 'number', optional: true}`. */
function argument(text) {
  const cut = text.indexOf(':');
  const name = text.slice(0, cut).trim();
  const optional = name.endsWith('?');
  return { name: optional ? name.slice(0, -1) : name, type: text.slice(cut + 1).trim(), optional };
}

/** A read-only member: `run(page)` gives its value. */
function read(name, result, { guard = 'alive', frame = false, doc, run }) {
  return Object.freeze({ name, readOnly: true, args: [], result, frame, guard, doc, run });
}

/** A method: `run(page, ...args)` does it; `args` as TypeScript parameters (`'layer: number'`). */
function method(name, args, result, { guard = 'started', frame = false, doc, run }) {
  return Object.freeze({ name, readOnly: false, args: Object.freeze(args.map(argument)), result, frame, guard, doc, run });
}

/** Every public member of the scripting API, in order. Test hooks are not here (api.js adds them). */
export const MEMBERS = Object.freeze([
  read('ready', 'Promise<void>', {
    guard: 'none',
    frame: true,
    doc: 'Resolves once the core is loaded, the setup applied and the first picture drawn; rejects, saying why, if the playground could not start.',
    run: (page) => page.ready,
  }),
  read('version', 'string | null', {
    doc: 'greymatter\'s version ("0.1.0"), as its core says; null until ready.',
    run: (page) => (page.started ? page.core.version() : null),
  }),
  method('play', [], 'void', {
    guard: 'alive',
    doc: 'Starts training, `view.epochsPerFrame` epochs per animation frame; may be called before ready.',
    run: (page) => page.play(),
  }),
  method('pause', [], 'void', {
    guard: 'alive',
    doc: 'Stops training after the current frame.',
    run: (page) => page.pause(),
  }),
  read('playing', 'boolean', {
    doc: 'True while it plays; training also pauses by itself when the loss diverges.',
    run: (page) => page.playing,
  }),
  method('step', [], 'Promise<GreymatterState>', {
    guard: 'alive',
    frame: true,
    doc: 'Pauses, trains `view.epochsPerFrame` epochs and resolves with the state once drawn.',
    run: (page) => page.step(),
  }),
  method('reset', [], 'void', {
    doc: 'Pauses and puts the network back to the starting weights of its seed: epoch 0, the data kept.',
    run: (page) => page.reset(),
  }),
  read('state', 'GreymatterState', {
    doc: 'The numbers of the run: epoch, losses, accuracy or R², divergence and stop (a fresh object).',
    run: (page) => page.state,
  }),
  read('config', 'GreymatterConfig', {
    doc: 'The full config (a copy).',
    run: (page) => (page.config ? structuredClone(page.config) : null),
  }),
  method('setConfig', ['partial: ConfigPatch'], 'Outcome', {
    doc: 'Changes the keys given; throws an Error naming the field on refusal (nothing changes).',
    run: (page, partial) => {
      if (!plainObject(partial)) {
        throw new Error('setConfig expects an object such as {learningRate: 0.01}');
      }
      return page.setConfig(partial);
    },
  }),
  read('view', 'GreymatterView', {
    doc: 'The view options (a copy).',
    run: (page) => structuredClone(page.view),
  }),
  method('setView', ['partial: ViewPatch'], 'void', {
    guard: 'shown',
    doc: "Changes the view options given, as the page's controls do; throws (and shows) a refusal, changing nothing.",
    run: (page, partial) => {
      if (!plainObject(partial)) throw new Error('setView expects an object such as {discretize: true}');
      page.setView(partial);
    },
  }),
  method('showNode', ['node: number | null'], 'void', {
    guard: 'shown',
    doc: 'Shows node `node` in the big heatmap (null: the output).',
    run: (page, node) => {
      if (node !== null) wholeNumber('node', node, page.networkShape().nodes - 1, ' (or null for the output)');
      page.pinNode(node);
    },
  }),
  method('setWeight', ['layer: number', 'neuron: number', 'input: number', 'value: number'], 'void', {
    guard: 'shown',
    doc: 'Sets one weight, `layers[layer].weights[neuron][input]` as in the model file; it takes effect at once.',
    run: (page, layer, neuron, input, value) => {
      checkNeuron(page.networkShape(), layer, neuron, input);
      page.setParameter({ kind: 'weight', layer, neuron, input }, finiteNumber('value', value));
    },
  }),
  method('setBias', ['layer: number', 'neuron: number', 'value: number'], 'void', {
    guard: 'shown',
    doc: 'Sets one bias, `layers[layer].biases[neuron]` as in the model file; it takes effect at once.',
    run: (page, layer, neuron, value) => {
      checkNeuron(page.networkShape(), layer, neuron);
      page.setParameter({ kind: 'bias', layer, neuron }, finiteNumber('value', value));
    },
  }),
  method('inspectNeuron', ['layer: number | null', 'neuron?: number'], 'void', {
    guard: 'shown',
    doc: 'Opens the neuron inspector on a neuron (layers as in setWeight; null closes it).',
    run: (page, layer, neuron) => page.inspectNeuron(layer, neuron),
  }),
  method('predict', ['points: ReadonlyArray<readonly [number, number]>'], 'number[] | number[][]', {
    doc: 'One output per point, or k class probabilities per point for a softmax output.',
    run: (page, points) => {
      if (checkPoints(points).length === 0) return [];
      return page.predict(Float32Array.from(points.flat()));
    },
  }),
  method('confusionMatrix', ["set?: 'train' | 'test'"], 'number[][]', {
    doc: "Counts per true class (rows) and predicted class (columns), of the test points unless `set` is 'train'.",
    run: (page, set = 'test') => {
      if (set !== 'test' && set !== 'train') throw new Error(`confusionMatrix takes 'test' or 'train', got ${JSON.stringify(set)}`);
      return page.confusionMatrix(set);
    },
  }),
  method('lastDropout', [], 'GreymatterDropout | null', {
    doc: 'The dropout of the last trained batch: per hidden layer, masks[neuron][sample] (0 dropped, keptScale kept); null when none.',
    run: (page) => page.lastDropout(),
  }),
  method('layerHistograms', [], 'GreymatterLayerHistograms[]', {
    doc: 'Per hidden layer: histograms (20 bins) of its weights and of its activations over the training points, without dropout.',
    run: (page) => page.layerHistograms(),
  }),
  method('layerPlane', ['layer: number', 'first: number', 'second: number'], 'GreymatterLayerPlane', {
    doc: "The input plane's grid lines and the training points as two neurons of a hidden layer see them (layers and neurons from 0).",
    run: (page, layer, first, second) => page.layerPlane(layer, first, second),
  }),
  method('getData', [], 'GreymatterData', {
    doc: 'The points trained on now (a copy).',
    run: (page) => page.getData(),
  }),
  method('setData', ['data: GreymatterData | ReadonlyArray<PointRow>', 'options?: { trainRatio?: number }'], "'newData' | 'regenerated'", {
    doc: 'Trains on own points: by set, or one list split by `trainRatio` percent; throws (and changes nothing) on refusal.',
    run: (page, data, options) => page.setData(data, options),
  }),
  method('importCsv', ['text: string', 'options?: { fitToView?: boolean }'], 'CsvReport', {
    doc: 'Trains on the points of a CSV/TSV text; refusals name the line and the column (nothing changes).',
    run: (page, text, options) => page.importCsv(text, options),
  }),
  method('exportCsv', [], 'string', {
    doc: 'The points trained on now as CSV text: x1,x2,label,set.',
    run: (page) => page.exportCsv(),
  }),
  method('shareLink', ['options?: { weights?: boolean }'], 'string', {
    doc: "The full page's address for this setup (own points included; the trained weights and epoch with `weights`).",
    run: (page, options = {}) => {
      if (!plainObject(options)) throw new Error('shareLink expects an object such as {weights: true}');
      return page.shareLink({ weights: Boolean(options.weights) });
    },
  }),
  method('exportModel', [], 'GreymatterModel', {
    doc: 'The current network as a model object, ready for `JSON.stringify`.',
    run: (page) => page.exportModel(),
  }),
  method('exportCode', ["target: 'numpy' | 'pytorch' | 'tfjs'"], 'Promise<{ target: string; fileName: string; code: string }>', {
    doc: 'The run as a script that rebuilds and trains it further; rejects naming a setting the target cannot express.',
    run: (page, target) => page.exportCode(target),
  }),
  method('importModel', ['model: GreymatterModel | string'], 'void', {
    doc: 'Loads a model object or its JSON text; throws (and changes nothing) on refusal.',
    run: (page, model) => page.importModel(model),
  }),
  method('saveLesson', [], 'GreymatterLesson', {
    doc: 'The whole run as a lesson file object (docs/lesson-file.md).',
    run: (page) => page.lessonDocument(),
  }),
  method('openLesson', ['lesson: GreymatterLesson | string'], 'void', {
    doc: 'Opens a lesson file object or its JSON text; throws (and changes nothing) on refusal.',
    run: (page, lesson) => page.openLessonDocument(lesson),
  }),
]);
