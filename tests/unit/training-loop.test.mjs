// The training loop's frame budget: an epoch longer than a frame is trained in batches
// over several frames, each frame's training call staying near the budget, and the
// owed epochs are counted as they complete. A fake core burns real time per batch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrainingLoop } from '../../www/js/element/training-loop.js';

const burn = (ms) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/**
 * A core whose epochs have `perEpoch` batches of `batchMs` each; records every call's
 * length. With `measure`, batch calls then measure the epoch's losses for that many
 * batches' worth, showing the epoch full, and end the call that counts it.
 */
function fakeOwner({ perEpoch, batchMs, stopAfter = Infinity, measure = 0 }) {
  const core = { epoch: 0, done: 0, measured: 0, calls: [], asked: [], askedEpochs: [] };
  const timed = (run) => {
    const start = performance.now();
    const result = run();
    core.calls.push(performance.now() - start);
    return result;
  };
  const batches = (count) => {
    let trained = 0;
    while (trained < count && core.epoch < stopAfter) {
      burn(batchMs);
      trained += 1;
      core.done += 1;
      if (core.done === perEpoch) Object.assign(core, { done: 0, epoch: core.epoch + 1 });
    }
    return trained;
  };
  const sliced = (count) => {
    let used = 0;
    while (used < count && core.epoch < stopAfter) {
      burn(batchMs);
      used += 1;
      if (core.done < perEpoch) {
        core.done += 1;
      } else if (++core.measured === measure) {
        Object.assign(core, { done: 0, measured: 0, epoch: core.epoch + 1 });
        break;
      }
    }
    return used;
  };
  return {
    core,
    // As at the wasm boundary, the counts reach the core as u32s (ToInt32: modulo 2³²).
    trainEpochs: (epochs) =>
      timed(() => {
        core.askedEpochs.push(epochs);
        epochs >>>= 0;
        const before = core.epoch;
        while (core.epoch < before + epochs && core.epoch < stopAfter) batches(perEpoch - core.done);
        return core.epoch - before;
      }),
    trainBatches: (count) =>
      timed(() => {
        core.asked.push(count);
        count >>>= 0;
        return measure ? sliced(count) : batches(count);
      }),
    batchProgress: () => ({ perEpoch, done: core.done, epoch: core.epoch }),
  };
}

test('an epoch longer than the budget is trained in batches, each frame near the budget', () => {
  // 40 batches of 1 ms: an epoch of 40 ms against a 10 ms budget.
  const owner = fakeOwner({ perEpoch: 40, batchMs: 1 });
  const loop = new TrainingLoop(owner);
  loop.owed = 3;
  let frames = 0;
  while (loop.owed > 0 && frames < 200) {
    loop.trainWithin(10);
    frames += 1;
  }
  // Time measured on a busy machine only ever grows, so the calls asked for stay small.
  assert.deepEqual(owner.core.askedEpochs, [], 'no whole epoch in one call');
  assert.ok(Math.max(...owner.core.asked) <= 10, `batches asked per call: ${owner.core.asked}`);
  assert.equal(loop.owed, 0);
  assert.equal(owner.core.epoch, 3, 'exactly the owed epochs, completed');
  assert.equal(owner.core.done, 0);
  assert.ok(frames >= 12, `${frames} frames for 120 ms of training`);
});

test('an epoch within the budget is trained whole', () => {
  const owner = fakeOwner({ perEpoch: 4, batchMs: 0.5 });
  const loop = new TrainingLoop(owner);
  loop.owed = 6;
  for (let frame = 0; frame < 20 && loop.owed > 0; frame += 1) loop.trainWithin(12);
  assert.equal(owner.core.epoch, 6);
  // After the first measurements, whole-epoch calls do the work: few calls in all.
  assert.ok(owner.core.askedEpochs.length > 0, 'whole-epoch calls');
});

test('an epoch left under way is finished first, and a stop ends what is owed', () => {
  const owner = fakeOwner({ perEpoch: 30, batchMs: 1, stopAfter: 2 });
  const loop = new TrainingLoop(owner);
  loop.owed = 5;
  for (let frame = 0; frame < 100 && loop.owed > 0; frame += 1) loop.trainWithin(8);
  assert.equal(loop.owed, 0, 'training stopped: nothing more is owed');
  assert.equal(owner.core.epoch, 2);
});

test('an epoch whose losses are measured over several calls counts once they are, and nothing past what is owed is trained', () => {
  // 20 batches, then 8 batches' worth of measuring, of 1 ms each, against a 5 ms budget.
  const owner = fakeOwner({ perEpoch: 20, batchMs: 1, measure: 8 });
  const loop = new TrainingLoop(owner);
  loop.owed = 2;
  let frames = 0;
  while (loop.owed > 0 && frames < 200) {
    loop.trainWithin(5);
    frames += 1;
    if (owner.core.done === 20) assert.ok(loop.owed > 0, 'an epoch being measured is still owed');
  }
  assert.equal(loop.owed, 0);
  assert.deepEqual([owner.core.epoch, owner.core.done, owner.core.measured], [2, 0, 0], 'exactly the owed epochs');
  assert.ok(Math.max(...owner.core.asked) <= 5, `batches asked per call: ${owner.core.asked}`);
  // Measuring calls ask for a budget's worth, not one batch at a time.
  assert.ok(owner.core.asked.length < 2 * 28, `${owner.core.asked.length} calls`);
});

test('calls too short for the clock never ask the core for more batches than it can count', (t) => {
  // A tiny network on a coarse clock: every call takes "0 ms", so no batch time is ever
  // measured. The core's argument is a u32 (wasm-bindgen wraps larger numbers), so a
  // request past 2³² − 1 would reach it as a small number, or 0.
  const now = 1000;
  t.mock.method(performance, 'now', () => now);
  const owner = fakeOwner({ perEpoch: 25, batchMs: 0, measure: 3 });
  const loop = new TrainingLoop(owner);
  for (let step = 1; step <= 40; step += 1) {
    loop.owed = 1;
    for (let call = 0; call < 1000 && loop.owed > 0; call += 1) loop.trainWithin(5);
    assert.equal(owner.core.epoch, step, `step ${step} trained its epoch`);
  }
  const largest = Math.max(...owner.core.asked);
  assert.ok(Number.isInteger(largest) && largest <= 0xffff_ffff, `batches asked in one call: up to ${largest}`);
});
