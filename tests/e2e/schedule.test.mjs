// Learning-rate schedules and the stop conditions, as a person sets them: a step decay
// halves the rate on time, training pauses by itself at the set epoch ("stop after")
// and once the training loss reaches a threshold ("stop at loss").

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
    assert.ok(Math.abs((await rate()) - 0.03) < 1e-12);
    for (let i = 0; i < 5; i++) await page.evaluate(() => window.playground.step());
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, 5);
    assert.ok(Math.abs((await rate()) - 0.015) < 1e-12, 'halved after 5 epochs');
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

  it('stop at loss pauses at the first epoch whose training loss is at or below it, and says so', async () => {
    await setNumber(page, 'stop-after', 0);
    await page.evaluate(() => window.playground.setConfig({ dataset: 'gauss', learningRate: 0.1 }));
    await setNumber(page, 'stop-at-loss', 0.05);
    await page.waitForFunction(() => window.playground.config.stopAtLoss === 0.05);
    assert.match(new URL(page.url()).hash, /stopAfter=0&stopAtLoss=0\.05&/);
    await page.click('#play-pause');
    await page.waitForFunction(() => !window.playground.playing);
    const state = await page.evaluate(() => window.playground.state);
    assert.ok(state.finished);
    assert.ok(state.trainLoss <= 0.05, `stopped at training loss ${state.trainLoss}`);
    assert.match(
      await page.textContent('#message'),
      new RegExp(`stopped at epoch ${state.epoch}: the training loss .* reached the stop-at-loss threshold 0.05`),
    );
    // One epoch earlier the loss was still above the threshold: the same run, epoch by epoch.
    const earlier = await page.evaluate(async (epoch) => {
      window.playground.setConfig({ stopAtLoss: 0 });
      window.playground.reset();
      for (let i = 1; i < epoch; i++) await window.playground.step();
      return window.playground.state.trainLoss;
    }, state.epoch);
    assert.ok(earlier > 0.05, `epoch ${state.epoch - 1} had training loss ${earlier}`);
    assert.deepEqual(page.problems, []);
  });
});
