// Checking what scripts pass to the API (www/js/element/arguments.js): wasm-bindgen
// would turn NaN, "abc", 2**32, "1" and 1.9 into indices 0 or 1, so they are refused
// here with the range allowed and the value given.

import { describe as suite, it } from 'node:test';
import assert from 'node:assert/strict';
import { describe, wholeNumber, checkNeuron, checkPoints, MAX_PREDICT_POINTS } from '../../www/js/element/arguments.js';

// Two features, hidden layers of 4 and 2, one output.
const shape = { inputs: 2, sizes: [4, 2, 1] };

suite('checking API arguments', () => {
  it('describes values as a person reads them (NaN is NaN, not null)', () => {
    assert.equal(describe(NaN), 'NaN');
    assert.equal(describe(-Infinity), '-Infinity');
    assert.equal(describe(undefined), 'undefined');
    assert.equal(describe('1'), '"1"');
    assert.equal(describe([1, 'a']), '[1, "a"]');
    assert.equal(describe([[NaN]]), '[[NaN]]');
    assert.equal(describe({ a: 1 }), 'an object');
    assert.equal(describe(2n ** 70n), '1180591620717411303424n');
  });

  it('refuses every index that is not a whole number in range, naming the range', () => {
    for (const bad of [NaN, 'abc', undefined, 2 ** 32, '1', 1.9, -1, 3, null, Infinity]) {
      assert.throws(() => checkNeuron(shape, bad, 0, 0), { message: `layer must be a whole number from 0 to 2 (the output), got ${describe(bad)}` });
    }
    assert.throws(() => checkNeuron(shape, 1.9, 0), { message: 'layer must be a whole number from 0 to 2 (the output), got 1.9' });
    assert.throws(() => checkNeuron(shape, 1, 2), { message: 'neuron must be a whole number from 0 to 1 in layer 1, got 2' });
    assert.throws(() => checkNeuron(shape, 0, 0, 2), /^Error: input must be a whole number from 0 to 1 \(layer 0 reads the 2 features\), got 2$/);
    assert.throws(() => checkNeuron(shape, 2, 0, 2), /from 0 to 1 \(layer 2 reads the 2 neurons of layer 1\), got 2/);
    assert.throws(() => wholeNumber('node', 2 ** 32, 8), { message: 'node must be a whole number from 0 to 8, got 4294967296' });
    assert.doesNotThrow(() => checkNeuron(shape, 2, 0, 1));
    assert.doesNotThrow(() => checkNeuron(shape, 0, 3));
  });

  it('refuses points that are not pairs of finite numbers, naming the first', () => {
    assert.deepEqual(checkPoints([]), []);
    assert.throws(
      () =>
        checkPoints([
          [0, 0],
          [1, 1],
          [2, 2],
          [1, 'a'],
        ]),
      { message: 'point 3 must be [x1, x2], two finite numbers; got [1, "a"]' },
    );
    assert.throws(() => checkPoints([[NaN, 0]]), { message: 'point 0 must be [x1, x2], two finite numbers; got [NaN, 0]' });
    assert.throws(() => checkPoints([[0, Infinity]]), /point 0 .* got \[0, Infinity\]/);
    assert.throws(() => checkPoints([[0, 0, 0]]), /point 0 must be/);
    assert.throws(() => checkPoints('0,0'), /predict expects an array of \[x1, x2\] pairs.*; got "0,0"/);
    const many = Array.from({ length: MAX_PREDICT_POINTS + 1 }, () => [0, 0]);
    assert.throws(() => checkPoints(many), { message: 'predict takes at most 100,000 points per call, got 100,001: split them into several calls' });
    assert.equal(checkPoints(many.slice(1)).length, MAX_PREDICT_POINTS);
  });
});
