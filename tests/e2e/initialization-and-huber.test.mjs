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

  it('zeros: every weight starts at 0, training moves them, and every neuron of a layer stays the same', async () => {
    // Sigmoid, not the default tanh: tanh(0) = 0, so from zero weights and biases the
    // hidden neurons output 0, every weight's gradient is 0 and nothing would move
    // even without training. sigmoid(0) = ½ gives the output weights a gradient at once
    // and, through them, the hidden weights from the second epoch on.
    await page.selectOption('#initialization', 'zeros');
    await page.selectOption('#activation', 'sigmoid');
    await page.waitForFunction(() => {
      const { initialization, activation } = window.playground.config;
      return initialization === 'zeros' && activation === 'sigmoid';
    });
    const start = await page.evaluate(() => window.playground.exportModel());
    assert.ok(
      start.layers.every((layer) => layer.weights.flat().every((w) => w === 0)),
      'every starting weight is 0',
    );
    await stepEpochs(page, 20);
    const model = await page.evaluate(() => window.playground.exportModel());
    model.layers.forEach((layer, index) => {
      assert.ok(
        layer.weights.flat().some((w) => w !== 0),
        `training moved the weights of layer ${index + 1}`,
      );
    });
    for (const rows of hiddenRows(model)) {
      for (const row of rows) assert.deepEqual(row, rows[0], 'every neuron of a layer has the same weights');
    }
    await page.selectOption('#activation', 'tanh');
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
