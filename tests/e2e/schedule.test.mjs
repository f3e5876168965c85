// Learning-rate schedules and "stop after N epochs", as a person sets them: a step
// decay halves the rate on time, and training pauses by itself at the set epoch.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite } from './helpers.mjs';

const setNumber = async (page, id, value) => {
  await page.fill(`#${id}`, String(value));
  await page.press(`#${id}`, 'Enter');
};

describe('schedules and stopping', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('a step decay shows its settings and halves the rate every k epochs', async () => {
    assert.equal(await page.isVisible('#decay-rate'), false, 'no decay settings for a constant rate');
    await page.selectOption('#schedule', 'step');
    await page.waitForFunction(() => window.playground.config.schedule === 'step');
    assert.ok(await page.isVisible('#decay-rate'));
    await setNumber(page, 'decay-epochs', 5);
    await page.waitForFunction(() => window.playground.config.decayEpochs === 5);
    assert.match(new URL(page.url()).hash, /schedule=step&decayRate=0\.5&decayEpochs=5/);
    const rate = async () => (await page.evaluate(() => window.playground.state)).currentLearningRate;
    assert.ok(Math.abs(await rate() - 0.03) < 1e-12);
    for (let i = 0; i < 5; i++) await page.evaluate(() => window.playground.step());
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, 5);
    assert.ok(Math.abs(await rate() - 0.015) < 1e-12, 'halved after 5 epochs');
  });

  it('stop after N epochs pauses training there with a notice', async () => {
    await setNumber(page, 'stop-after', 12);
    await page.waitForFunction(() => window.playground.config.stopAfter === 12);
    await page.click('#play-pause');
    await page.waitForFunction(() => !window.playground.playing);
    const state = await page.evaluate(() => window.playground.state);
    assert.equal(state.epoch, 12);
    assert.match(await page.textContent('#message'), /stopped after 12 epochs/);
    assert.deepEqual(page.problems, []);
  });
});
