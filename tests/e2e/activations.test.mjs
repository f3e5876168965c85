// The activations a first course meets after tanh and relu — leaky relu, elu, swish
// (z·σ(z)), gelu, softplus, mish (z·tanh(softplus z)) and sine — picked from the activation control: each one trains,
// lands in the address and in the exported model.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, stepEpochs } from './helpers.mjs';

describe('more activations', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  for (const name of ['leakyRelu', 'elu', 'swish', 'gelu', 'softplus', 'mish', 'sine']) {
    it(`${name} can be picked, trains, and is shared and exported`, async () => {
      await page.selectOption('#activation', name);
      await page.waitForFunction((n) => window.playground.config.activation === n, name);
      assert.match(new URL(page.url()).hash, new RegExp(`activation=${name}(&|$)`));
      const start = await page.evaluate(() => window.playground.state);
      assert.equal(start.epoch, 0, 'a new activation starts a new network');
      const later = await stepEpochs(page, 30);
      assert.ok(later.trainLoss < start.trainLoss, `${name}: ${later.trainLoss} ≥ ${start.trainLoss}`);
      const model = await page.evaluate(() => window.playground.exportModel());
      const hidden = model.layers.slice(0, -1).map((layer) => layer.activation);
      assert.deepEqual(
        hidden,
        hidden.map(() => name),
      );
      assert.deepEqual(page.problems, []);
    });
  }
});
