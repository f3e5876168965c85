// The plane's pixel mapping and the drawing strokes (www/js/output/plane.js), and the
// sentence saying where drawn points go (www/js/output/point-editor.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXTENT, toPixel, toData, strokeSteps, anyWithin } from '../../www/js/output/plane.js';
import { targetSentence, SPACING } from '../../www/js/output/point-editor.js';

const close = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} is not ${b}`);

test("pixels and data coordinates are each other's inverse, x₂ pointing up", () => {
  assert.deepEqual(toPixel(-EXTENT, EXTENT, 400, 400), [0, 0]);
  assert.deepEqual(toPixel(EXTENT, -EXTENT, 400, 400), [400, 400]);
  assert.deepEqual(toPixel(0, 0, 400, 300), [200, 150]);
  assert.deepEqual(toData(100, 300, 400, 400), [-3, -3]);
  for (const [x1, x2] of [
    [1.5, -2.25],
    [-5.9, 5.9],
    [0, 3],
  ]) {
    const [x, y] = toPixel(x1, x2, 333, 333);
    const [b1, b2] = toData(x, y, 333, 333);
    close(b1, x1, 'x1');
    close(b2, x2, 'x2');
  }
});

test('a pointer outside the picture draws on its edge', () => {
  assert.deepEqual(toData(-20, 500, 400, 400), [-EXTENT, -EXTENT]);
});

test('a stroke puts a point every spacing along its path, carrying the rest over', () => {
  const first = strokeSteps([0, 0], [0.5, 0], 0.2);
  assert.equal(first.positions.length, 4);
  close(first.positions[0], 0.2, 'first');
  close(first.positions[2], 0.4, 'second');
  close(first.carry, 0.1, 'carry');
  const next = strokeSteps([0.5, 0], [0.65, 0], 0.2, first.carry);
  assert.equal(next.positions.length, 2, 'one more point 0.1 further on');
  close(next.positions[0], 0.6, 'carried point');
  const short = strokeSteps([0, 0], [0.05, 0], 0.2, 0.1);
  assert.deepEqual(short.positions, []);
  close(short.carry, 0.15, 'short moves add up');
  const diagonal = strokeSteps([0, 0], [3, 4], 1);
  assert.equal(diagonal.positions.length / 2, 5);
  close(diagonal.positions[8], 3, 'ends on the pointer');
  close(diagonal.positions[9], 4, 'ends on the pointer');
});

test("a stroke across the whole plane stays within the core's point limit", () => {
  const { positions } = strokeSteps([-EXTENT, -EXTENT], [EXTENT, EXTENT], SPACING);
  assert.ok(positions.length / 2 < 100);
});

test('the eraser knows whether anything is under it', () => {
  const flat = [1, 1, -1, -2, 0, 1];
  assert.equal(anyWithin(flat, 1.3, 1, 0.4), true);
  assert.equal(anyWithin(flat, 0, 0, 0.4), false);
  assert.equal(anyWithin([], 0, 0, 0.4), false);
});

test('the sentence says where new points go', () => {
  assert.equal(targetSentence('train', 50), 'New points go to the training set.');
  assert.equal(targetSentence('test', 50), 'New points go to the test set.');
  assert.equal(targetSentence('split', 50), 'New points are split 50 : 50 by the train ratio.');
  assert.equal(targetSentence('split', 80), 'New points are split 80 : 20 by the train ratio.');
});
