// Copying script-given values into plain data before the core sees them
// (www/js/state/plain-data.js): depth, cycles, throwing getters, Proxies, non-plain
// objects, limits, and the path of the refused value in every message.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { plainData, plainDocument, SETTINGS, DOCUMENT } from '../../www/js/state/plain-data.js';

const nested = (depth) => {
  let value = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('plain data', () => {
  it('copies plain values into fresh objects and arrays, keys in order', () => {
    const value = { b: [1, 'two', null, true, { c: -0.5 }], a: {}, ['__proto__']: 3 };
    const copy = plainData(value, 'the settings');
    assert.deepEqual(JSON.parse(JSON.stringify(copy)), JSON.parse(JSON.stringify(value)));
    assert.deepEqual(Object.keys(copy), ['b', 'a', '__proto__']);
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.notEqual(copy.b, value.b);
    assert.notEqual(copy.b[4], value.b[4]);
  });

  it('copies a value shared by two keys (no cycle) twice', () => {
    const shared = [1, 2];
    assert.deepEqual(plainData({ hidden: shared, other: shared }, 'x'), { hidden: [1, 2], other: [1, 2] });
  });

  it('refuses nesting deeper than the limit, iteratively, naming the path', () => {
    assert.deepEqual(plainData({ weights: nested(7) }, 'the model file', DOCUMENT).weights, nested(7));
    assert.throws(() => plainData({ weights: nested(10_000) }, 'the model file', DOCUMENT), {
      message: 'the model file: weights[0][0][0][0][0][0][0] is nested too deeply: the most is 8 levels of arrays and objects',
    });
    assert.throws(() => plainData(nested(1_000_000), 'the settings', SETTINGS), /nested too deeply: the most is 16 levels/);
  });

  it('refuses a cycle, naming where it points back to', () => {
    const hidden = [4];
    hidden.push(hidden);
    assert.throws(() => plainData({ hidden }, 'the settings'), { message: 'the settings: hidden[1] refers back to hidden (a cycle)' });
    const lesson = { view: {} };
    lesson.view.self = lesson;
    assert.throws(() => plainData(lesson, 'the lesson file', DOCUMENT), /view\.self refers back to \(the whole value\)/);
  });

  it('catches a getter that throws and names it', () => {
    const patch = {
      view: {
        get palette() {
          throw new Error('no palette');
        },
      },
    };
    assert.throws(() => plainData(patch, 'the settings'), { message: 'the settings: reading view.palette threw "no palette"' });
    assert.throws(
      () =>
        plainData(
          {
            get a() {
              throw 42;
            },
          },
          'x',
        ),
      { message: 'x: reading a threw "42"' },
    );
  });

  it('reads a Proxy once through its traps into a plain copy, and reports a trap that throws', () => {
    const proxy = new Proxy({ learningRate: 0.1 }, {});
    const copy = plainData(proxy, 'the settings');
    assert.deepEqual(copy, { learningRate: 0.1 });
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new TypeError('no keys');
        },
      },
    );
    assert.throws(() => plainData({ hidden: hostile }, 'the settings'), { message: 'the settings: listing the keys of hidden threw "no keys"' });
    const { proxy: revoked, revoke } = Proxy.revocable([], {});
    revoke();
    assert.throws(() => plainData({ features: revoked }, 'the settings'), /Array\.isArray\(features\) threw/);
    const lying = new Proxy([], { get: (_, key) => (key === 'length' ? 1e9 : 0) });
    assert.throws(() => plainData({ hidden: lying }, 'the settings'), /holds more than 10,000 values/);
  });

  it('refuses objects that are not plain, functions, symbols and bigints', () => {
    class Layer {}
    const cases = [
      [{ when: new Date() }, 'when is a Date, not plain data'],
      [{ map: new Map() }, 'map is a Map, not plain data'],
      [{ layers: [new Layer()] }, 'layers[0] is a Layer, not plain data'],
      [{ f: () => 1 }, 'f is a function, not plain data'],
      [{ s: Symbol('s') }, 's is a symbol, not plain data'],
      [{ n: 1n }, 'n is a bigint, not plain data'],
      [{ boxed: new Number(1) }, 'boxed is a Number, not plain data'],
    ];
    for (const [value, message] of cases) assert.throws(() => plainData(value, 'x'), { message: `x: ${message}` });
    assert.throws(() => plainData(new Date(), 'x'), { message: 'x: (the whole value) is a Date, not plain data' });
    assert.deepEqual(plainData(Object.assign(Object.create(null), { a: 1 }), 'x'), { a: 1 });
  });

  it('refuses what JSON cannot hold in documents, and leaves it to the core in settings', () => {
    assert.throws(() => plainData({ layers: [{ biases: [NaN] }] }, 'the model file', DOCUMENT), {
      message: 'the model file: layers[0].biases[0] is NaN, not a finite number',
    });
    assert.throws(() => plainData({ epoch: undefined }, 'the lesson file', DOCUMENT), /epoch is undefined/);
    assert.deepEqual(plainData({ learningRate: Infinity, seed: undefined }, 'the settings'), { learningRate: Infinity, seed: undefined });
  });

  it('refuses more values than the limit, before reading them', () => {
    assert.equal(plainData(new Array(9_999).fill(0), 'x').length, 9_999);
    assert.throws(() => plainData(new Array(10_000).fill(0), 'the settings'), {
      message: 'the settings holds more than 10,000 values; the most greymatter takes is that many',
    });
    assert.throws(
      () =>
        plainData(
          Array.from({ length: 100 }, () => new Array(100).fill(0)),
          'x',
        ),
      /more than 10,000 values/,
    );
  });
});

it('a document that is no object goes to the core as it is, for the core to name', () => {
  for (const value of [undefined, null, 3, 'text']) assert.equal(plainDocument(value, 'the model file'), value);
  assert.deepEqual(plainDocument({ a: [1] }, 'the model file'), { a: [1] });
  assert.throws(() => plainDocument({ a: NaN }, 'the model file'), /a/);
});
