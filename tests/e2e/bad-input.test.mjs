// Bad input at every door of the scripting API (README, "Members"): a table of calls a
// script might get wrong, per door. Each row is refused with a message that names the
// problem, leaves the network (exportModel) and the data (getData) as they were, and
// the page trains on afterwards without a page error. The rows are counted per door
// and printed (the README cites the count).

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite } from './helpers.mjs';

const LAYER = 'layer must be a whole number from 0 to 2 (the output)';
const NODE = 'node must be a whole number from 0 to 8 (or null for the output)';
const POINT = 'must be [x1, x2], two finite numbers';

// [door, script (p is window.playground, model a fresh exportModel()), message]. The full
// page's default network: features x1 and x2, hidden layers of 4 and 2, one output (9 nodes).
const ROWS = [
  ['setWeight', 'p.setWeight(NaN, 0, 0, 1)', `${LAYER}, got NaN`],
  ['setWeight', 'p.setWeight("abc", 0, 0, 1)', `${LAYER}, got "abc"`],
  ['setWeight', 'p.setWeight(undefined, 0, 0, 1)', `${LAYER}, got undefined`],
  ['setWeight', 'p.setWeight(2 ** 32, 0, 0, 1)', `${LAYER}, got 4294967296`],
  ['setWeight', 'p.setWeight("1", 0, 0, 1)', `${LAYER}, got "1"`],
  ['setWeight', 'p.setWeight(1.9, 0, 0, 1)', `${LAYER}, got 1.9`],
  ['setWeight', 'p.setWeight(-1, 0, 0, 1)', `${LAYER}, got -1`],
  ['setWeight', 'p.setWeight(3, 0, 0, 1)', `${LAYER}, got 3`],
  ['setWeight', 'p.setWeight(1, 2, 0, 1)', 'neuron must be a whole number from 0 to 1 in layer 1, got 2'],
  ['setWeight', 'p.setWeight(0, 0, 2 ** 32, 1)', 'input must be a whole number from 0 to 1 (layer 0 reads the 2 features), got 4294967296'],
  ['setWeight', 'p.setWeight(2, 0, 2, 1)', 'input must be a whole number from 0 to 1 (layer 2 reads the 2 neurons of layer 1), got 2'],
  ['setWeight', 'p.setWeight(0, 0, 0, NaN)', 'value must be a finite number, got NaN'],
  ['setWeight', 'p.setWeight(0, 0, 0, "1")', 'value must be a finite number, got "1"'],
  ['setBias', 'p.setBias(NaN, 0, 1)', `${LAYER}, got NaN`],
  ['setBias', 'p.setBias("1", 0, 1)', `${LAYER}, got "1"`],
  ['setBias', 'p.setBias(0, 1.5, 1)', 'neuron must be a whole number from 0 to 3 in layer 0, got 1.5'],
  ['setBias', 'p.setBias(2, 2 ** 32, 1)', 'neuron must be a whole number from 0 to 0 in layer 2, got 4294967296'],
  ['setBias', 'p.setBias(0, 0, Infinity)', 'value must be a finite number, got Infinity'],
  ['showNode', 'p.showNode(2 ** 32)', `${NODE}, got 4294967296`],
  ['showNode', 'p.showNode(NaN)', `${NODE}, got NaN`],
  ['showNode', 'p.showNode("2")', `${NODE}, got "2"`],
  ['showNode', 'p.showNode(1.5)', `${NODE}, got 1.5`],
  ['showNode', 'p.showNode(9)', `${NODE}, got 9`],
  ['showNode', 'p.showNode()', `${NODE}, got undefined`],
  ['inspectNeuron', 'p.inspectNeuron(1.9, 0)', `${LAYER}, got 1.9`],
  ['inspectNeuron', 'p.inspectNeuron(0, NaN)', 'neuron must be a whole number from 0 to 3 in layer 0, got NaN'],
  ['predict', 'p.predict("0,0")', 'predict expects an array of [x1, x2] pairs, e.g. [[0, 0], [1, -2]]; got "0,0"'],
  ['predict', 'p.predict([[0, 0], [1, 1], [2, 2], [1, "a"]])', `point 3 ${POINT}; got [1, "a"]`],
  ['predict', 'p.predict([[NaN, 0]])', `point 0 ${POINT}; got [NaN, 0]`],
  ['predict', 'p.predict([[0, 0], [0, Infinity]])', `point 1 ${POINT}; got [0, Infinity]`],
  ['predict', 'p.predict([[0, 0, 0]])', `point 0 ${POINT}; got [0, 0, 0]`],
  ['predict', 'p.predict([0, 0])', `point 0 ${POINT}; got 0`],
  ['predict', 'p.predict(Array.from({ length: 100001 }, () => [0, 0]))', 'predict takes at most 100,000 points per call, got 100,001: split them into several calls'],
  ['importModel', 'p.importModel(null)', 'a model file must be an object with format, version, problem, features and layers; got null'],
  ['importModel', 'p.importModel(undefined)', 'a model file must be an object with format, version, problem, features and layers; got undefined'],
  ['importModel', 'p.importModel([])', 'a model file must be an object with format, version, problem, features and layers; got an array'],
  ['importModel', 'p.importModel({})', 'missing field `format`'],
  ['importModel', 'model.layers[0].dropout = 0.5; p.importModel(model)', 'layer 1 has an unknown field `dropout` (the fields are activation, weights and biases)'],
  ['importModel', 'model.comment = "hi"; p.importModel(model)', 'the model file has an unknown field `comment`'],
  ['importModel', 'model.layers[0].biases[0] = 1e39; p.importModel(model)', 'layer 1: every value must be a finite number'],
  ['importModel', 'model.layers[0].weights = model.layers[0].weights.map(() => [3e38, -3e38]); p.importModel(model)', "the model's loss on the training points is NaN"],
  ['importModel', 'p.importModel("{not json")', 'the model file is not JSON'],
];

/** Runs `script` in the page; returns the error's message, or null if it did not throw. */
const attempt = (page, script) => page.evaluate((source) => {
  const p = window.playground;
  const model = p.exportModel();
  try {
    new Function('p', 'model', source)(p, model);
    return null;
  } catch (error) {
    return error.message;
  }
}, script);

const snapshot = (page) => page.evaluate(() => ({
  model: window.playground.exportModel(), data: window.playground.getData(), config: window.playground.config,
}));

describe('bad input at every door of the scripting API', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));
  before(() => page.evaluate(() => window.playground.pause()));

  it('counts the rows per door', (t) => {
    const counts = {};
    for (const [door] of ROWS) counts[door] = (counts[door] ?? 0) + 1;
    t.diagnostic(`bad-input rows: ${Object.entries(counts).map(([door, n]) => `${door} ${n}`).join(', ')}; ${ROWS.length} in all`);
    assert.ok(ROWS.length >= 40);
  });

  for (const [door, script, message] of ROWS) {
    it(`${door}: ${script} is refused, changes nothing, and the page trains on`, async () => {
      const epoch = await page.evaluate(() => window.playground.state.epoch);
      const unchanged = await snapshot(page);
      const got = await attempt(page, script);
      assert.ok(got?.includes(message), `${JSON.stringify(got)} should say ${JSON.stringify(message)}`);
      assert.deepEqual(await snapshot(page), unchanged);
      const next = await page.evaluate(async () => {
        await window.playground.step();
        return window.playground.state.epoch;
      });
      assert.equal(next, epoch + 1, 'one step trains one epoch');
      assert.deepEqual(page.problems, []);
    });
  }

  it('predict([]) is []; a model as text with a byte order mark is read as the file input reads it', async () => {
    assert.deepEqual(await page.evaluate(() => window.playground.predict([])), []);
    const same = await page.evaluate(() => {
      const p = window.playground;
      const model = p.exportModel();
      model.layers[0].biases[0] = 0.5;
      p.importModel(`\uFEFF${JSON.stringify(model)}`);
      return p.exportModel().layers[0].biases[0];
    });
    assert.equal(same, 0.5);
    assert.deepEqual(page.problems, []);
  });

  it('setConfig({hidden}) with per-layer activations cuts them to the new layers, as the − button does', async () => {
    const config = await page.evaluate(() => {
      const p = window.playground;
      p.setConfig({ hidden: [4, 2], layerActivations: ['relu', 'sigmoid'] });
      p.setConfig({ hidden: [3] });
      return p.config;
    });
    assert.deepEqual([config.hidden, config.layerActivations], [[3], ['relu']]);
    await page.evaluate(() => window.playground.setConfig({ hidden: [4, 2], layerActivations: [] }));
    assert.deepEqual(page.problems, []);
  });
});
