// The lockstep driver of a comparison (www/js/compare/lockstep.js): two fake runs whose
// steps take different times; neither gets ahead, a round ends when both have stepped,
// a run that stops pauses both with the reason, and reset waits for the round.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lockstep, stopReason } from '../../www/js/compare/lockstep.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A run that trains one epoch per step in `ms` milliseconds, stopping (finished) at `stopAt`. */
function fakeRun(ms, { stopAt = Infinity, log } = {}) {
  const run = {
    state: { epoch: 0, finished: false, stopReason: '', divergence: '' },
    async step() {
      await sleep(ms);
      if (run.state.epoch < stopAt) run.state = { ...run.state, epoch: run.state.epoch + 1 };
      if (run.state.epoch >= stopAt) run.state = { ...run.state, finished: true, stopReason: `stopped after ${stopAt} epochs` };
      log?.push(run.state.epoch);
      return run.state;
    },
    reset() {
      run.state = { ...run.state, epoch: 0, finished: false };
    },
  };
  return run;
}

function driver(runs) {
  const seen = { rounds: [], stopped: [], playing: [] };
  const lockstep = new Lockstep(runs, {
    round: (states) => seen.rounds.push(states.map((state) => state.epoch)),
    stopped: (reason) => seen.stopped.push(reason),
    showPlaying: (playing) => seen.playing.push(playing),
  });
  return { lockstep, seen };
}

test('a step resolves once both runs stepped, however long each takes', async () => {
  const { lockstep, seen } = driver([fakeRun(1), fakeRun(15)]);
  const states = await lockstep.step();
  assert.deepEqual(
    states.map((state) => state.epoch),
    [1, 1],
  );
  await lockstep.step();
  assert.deepEqual(seen.rounds, [
    [1, 1],
    [2, 2],
  ]);
});

test('playing keeps the two at the same epoch after every round, and pause stops after the round', async () => {
  const { lockstep, seen } = driver([fakeRun(2), fakeRun(7)]);
  lockstep.play();
  await sleep(80);
  lockstep.pause();
  await lockstep.under;
  assert.ok(seen.rounds.length >= 3, `${seen.rounds.length} rounds`);
  for (const [a, b] of seen.rounds) assert.equal(a, b);
  const last = seen.rounds.length;
  await sleep(30);
  assert.equal(seen.rounds.length, last, 'no round after pause');
  assert.deepEqual(seen.playing, [true, false]);
});

test('a run that stops pauses both and says which, so neither gets ahead', async () => {
  const { lockstep, seen } = driver([fakeRun(1), fakeRun(1, { stopAt: 3 })]);
  lockstep.play();
  await sleep(60);
  await lockstep.under;
  assert.equal(lockstep.playing, false);
  assert.deepEqual(seen.rounds.at(-1), [3, 3]);
  assert.deepEqual(seen.stopped, ['B stopped at epoch 3: stopped after 3 epochs. A paused with it, so neither gets ahead.']);
});

test('reset waits for the round under way, then puts both at epoch 0', async () => {
  const runs = [fakeRun(10), fakeRun(20)];
  const { lockstep } = driver(runs);
  const step = lockstep.step();
  await lockstep.reset();
  await step;
  assert.deepEqual(
    runs.map((run) => run.state.epoch),
    [0, 0],
  );
});

test('the reasons to stop', () => {
  const go = { epoch: 5, divergence: '', finished: false };
  assert.equal(stopReason([go, go], [1, 1]), null);
  assert.equal(stopReason([go, go], [1, 0]), 'A moved 1 epochs and B 0.');
  assert.equal(
    stopReason([{ ...go, divergence: 'the loss became infinite' }, go], [0, 1]),
    'A stopped at epoch 5: the loss became infinite. B paused with it, so neither gets ahead.',
  );
});
