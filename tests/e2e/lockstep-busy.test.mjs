// Promises that must hold on a busy page: `await el.step()` trains exactly the epochs it
// says, and a comparison's two runs never get ahead of each other — with other embeds
// playing beside a <greymatter-compare>, "Play both" pressed the moment it is ready,
// and on a CPU slowed on purpose (the DevTools protocol's CPU throttling). Calls to the
// core too short for the browser's coarse clock once made the training loop ask for
// more batches than the core's u32 argument holds (tests/unit/training-loop.test.mjs):
// a step then resolved having trained nothing, and the compare stopped with "A moved 1
// epochs and B 0".

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage } from './helpers.mjs';

const ROUNDS = 40;

/** Opens the host page, slowed `rate` times (1: as it is); resolves once the comparison is ready. */
async function openBusyPage(session, rate) {
  const page = await openPage(session, `${session.hostUrl}compare-beside-embeds.html`);
  if (rate > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  await page.evaluate(() => {
    const race = document.querySelector('#race');
    // Every round's epochs, recorded from the moment the comparison is ready.
    window.rounds = [];
    race.addEventListener('epoch', ({ detail }) => window.rounds.push([detail.a.epoch, detail.b.epoch]));
    return race.ready;
  });
  return page;
}

/** Presses "Play both" and waits until `rounds` more rounds were drawn, or the comparison stopped; then pauses. */
async function playRounds(page, rounds) {
  await page.evaluate(() => {
    window.roundsBefore = window.rounds.length;
    document.querySelector('#race').shadowRoot.getElementById('compare-play').click();
  });
  await page.waitForFunction((wanted) => {
    const race = document.querySelector('#race');
    return window.rounds.length - window.roundsBefore >= wanted || !race.shadowRoot.getElementById('compare-message').hidden;
  }, rounds);
  return page.evaluate(() => {
    const race = document.querySelector('#race');
    race.pause();
    const message = race.shadowRoot.getElementById('compare-message');
    return { rounds: window.rounds.slice(window.roundsBefore), message: message.hidden ? '' : message.textContent };
  });
}

/** Every round moved A and B by one epoch each. */
function assertLevelRounds({ rounds, message }, what) {
  assert.equal(message, '', `${what}: the comparison said nothing`);
  rounds.forEach(([a, b], index) => {
    assert.equal(a, b, `${what}: round ${index + 1} shows A and B at the same epoch`);
    if (index > 0) assert.equal(a, rounds[index - 1][0] + 1, `${what}: round ${index + 1} moved both by one epoch`);
  });
}

describe('the lockstep and step() on a busy page', () => {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => session?.close());

  it('with three embeds playing beside it, "Play both" at once keeps A and B level, also after "Reset both"', async () => {
    const page = await openBusyPage(session, 1);
    assertLevelRounds(await playRounds(page, ROUNDS), 'the first play');
    await page.evaluate(() => document.querySelector('#race').reset());
    assertLevelRounds(await playRounds(page, ROUNDS), 'after Reset both');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('on a CPU slowed 4×, each step() of a playing embed trains exactly one epoch, and the rounds stay level', async () => {
    const page = await openBusyPage(session, 4);
    const epochs = await page.evaluate(async () => {
      const moved = [];
      for (const element of document.querySelectorAll('greymatter-playground')) {
        for (let i = 0; i < 3; i++) {
          const before = element.state.epoch;
          const after = (await element.step()).epoch;
          moved.push(after - before);
        }
      }
      return moved;
    });
    assert.deepEqual(
      epochs,
      epochs.map(() => 1),
      'every step() moved its embed by one epoch',
    );
    assertLevelRounds(await playRounds(page, ROUNDS / 4), 'slowed');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
