// Where the starting weights come from (the Playground's uniform ±0.5, Xavier, He, and
// zeros to show why not), and the Huber loss, picked from their controls.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, stepEpochs } from './helpers.mjs';

const hiddenRows = (model) => model.layers.slice(0, -1).map((layer) => layer.weights);

describe('starting weights and the Huber loss', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('Xavier draws new starting weights within its range and learns', async () => {
    await page.selectOption('#initialization', 'xavier');
    await page.waitForFunction(() => window.playground.config.initialization === 'xavier');
    assert.match(new URL(page.url()).hash, /initialization=xavier/);
    const model = await page.evaluate(() => window.playground.exportModel());
    // First layer: 2 inputs, 4 neurons: r = √(6/6) = 1; biases start at 0.
    const first = model.layers[0];
    assert.ok(first.weights.flat().every((w) => Math.abs(w) <= 1));
    assert.ok(first.biases.every((b) => b === 0));
    const start = await page.evaluate(() => window.playground.state.trainLoss);
    const later = await stepEpochs(page, 40);
    assert.ok(later.trainLoss < start);
  });

  it('zeros: every neuron of a layer stays the same however long it trains', async () => {
    await page.selectOption('#initialization', 'zeros');
    await page.waitForFunction(() => window.playground.config.initialization === 'zeros');
    await stepEpochs(page, 20);
    const model = await page.evaluate(() => window.playground.exportModel());
    for (const rows of hiddenRows(model)) {
      for (const row of rows) assert.deepEqual(row, rows[0]);
    }
  });

  it('the Huber loss can be picked and drives the loss down', async () => {
    await page.selectOption('#initialization', 'uniform');
    await page.selectOption('#loss', 'huber');
    await page.waitForFunction(() => window.playground.config.loss === 'huber');
    assert.match(new URL(page.url()).hash, /loss=huber/);
    const start = await page.evaluate(() => window.playground.state.trainLoss);
    const later = await stepEpochs(page, 40);
    assert.ok(later.trainLoss < start, `${later.trainLoss} ≥ ${start}`);
    assert.deepEqual(page.problems, []);
  });
});
