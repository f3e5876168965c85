// The shape checks of points handed over by scripts (www/js/state/points.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataRequest, flatRows, pointRows, MAX_POINTS } from '../../www/js/state/points.js';

test('rows become flat arrays and back', () => {
  const flat = flatRows(
    [
      [1, 2, -1],
      [0.5, -3, 1],
    ],
    'point',
  );
  assert.deepEqual(Array.from(flat), [1, 2, -1, 0.5, -3, 1]);
  assert.deepEqual(pointRows(flat), [
    [1, 2, -1],
    [0.5, -3, 1],
  ]);
});

test('a bad row is named with its number', () => {
  assert.throws(
    () =>
      flatRows(
        [
          [1, 2, 1],
          [1, 'x', 1],
        ],
        'train point',
      ),
    /train point 2 must be \[x1, x2, label\]/,
  );
  assert.throws(() => flatRows([[1, 2]], 'point'), /point 1 must be/);
  assert.throws(() => flatRows([[1, NaN, 0]], 'point'), /finite numbers; got \[1, NaN, 0\]$/);
  assert.throws(() => flatRows({ length: 3 }, 'point'), /must be an array/);
  assert.throws(() => flatRows(new Array(MAX_POINTS + 1).fill([0, 0, 0]), 'point'), /at most 5000/);
});

test('setData takes sets, or a list with a ratio', () => {
  const sets = dataRequest({ train: [[0, 0, 1]], test: [[1, 1, -1]], classNames: ['cat', 'dog'] });
  assert.equal(sets.train.length, 3);
  assert.deepEqual(sets.classNames, ['cat', 'dog']);
  const list = dataRequest(
    [
      [0, 0, 1],
      [1, 1, 0],
    ],
    { trainRatio: 50 },
  );
  assert.equal(list.points.length, 6);
  assert.equal(list.trainRatio, 50);
  assert.throws(() => dataRequest({ train: [], extra: 1 }), /unknown field "extra"/);
  assert.throws(() => dataRequest([], { trainRatio: 120 }), /percentage/);
  assert.throws(() => dataRequest([], { trainRatio: NaN }), /got NaN$/);
  assert.throws(() => dataRequest([], { ratio: 1 }), /no option "ratio"/);
  assert.throws(() => dataRequest({ train: [] }, { trainRatio: 10 }), /split already/);
  assert.throws(() => dataRequest(null), /setData expects/);
  assert.throws(() => dataRequest({ train: [], classNames: 'cat' }), /classNames must be a list of names/);
  // How long a name may be is the core's to say, at every door alike.
  assert.deepEqual(dataRequest({ train: [], classNames: ['é'.repeat(30)] }).classNames, ['é'.repeat(30)]);
});
