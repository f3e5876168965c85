// A person's own points through the scripting API (docs/scripting.md, "Your own points"):
// setData with sets or with a ratio, getData giving them back, the network kept,
// refusals that change nothing, and the points surviving a crash of the core.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, stepEpochs } from './helpers.mjs';

const attempt = (page, script) =>
  page.evaluate(async (source) => {
    try {
      await new Function(`return (async () => { ${source} })()`)();
      return null;
    } catch (error) {
      return error.message;
    }
  }, script);

const TWO_BLOBS = {
  train: [
    [-2, -2, -1],
    [-2.5, -1.5, -1],
    [-1.5, -2.5, -1],
    [2, 2, 1],
    [2.5, 1.5, 1],
    [1.5, 2.5, 1],
  ],
  test: [
    [-2, -1, -1],
    [2, 1, 1],
  ],
};

describe('own points from a script', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('setData trains on the points, keeps the network and getData gives them back', async () => {
    await stepEpochs(page, 3);
    const before = await page.evaluate(() => window.playground.exportModel());
    const outcome = await page.evaluate((data) => window.playground.setData(data), TWO_BLOBS);
    assert.equal(outcome, 'newData');
    const after = await page.evaluate(() => ({ model: window.playground.exportModel(), state: window.playground.state, config: window.playground.config }));
    assert.deepEqual(after.model, before, 'the same network');
    assert.equal(after.config.dataset, 'own');
    assert.equal(after.state.epoch, 3);
    assert.deepEqual(await page.evaluate(() => window.playground.getData()), TWO_BLOBS);
    assert.match(page.url(), /dataset=own/);
    const trained = await stepEpochs(page, 30);
    assert.ok(trained.trainMetric >= 0.8, `two blobs are learnt: accuracy ${trained.trainMetric}`);
  });

  it('a list of points is split by the ratio, and more classes reset the output layer', async () => {
    const points = Array.from({ length: 20 }, (_, i) => [i * 0.2 - 2, (i % 3) - 1, i % 3]);
    const outcome = await page.evaluate((rows) => window.playground.setData(rows, { trainRatio: 75 }), points);
    assert.equal(outcome, 'regenerated');
    const data = await page.evaluate(() => window.playground.getData());
    assert.equal(data.train.length, 15);
    assert.equal(data.test.length, 5);
    const { config, state } = await page.evaluate(() => ({ config: window.playground.config, state: window.playground.state }));
    assert.equal(config.classes, 3);
    assert.equal(config.loss, 'softmaxCrossEntropy');
    assert.equal(state.epoch, 0);
  });

  it('refusals name the problem and change nothing', async () => {
    const before = await page.evaluate(() => window.playground.getData());
    assert.match(await attempt(page, 'window.playground.setData({ train: [[0, 0, 2.5]] })'), /train point 1: label 2.5 is not a class/);
    assert.match(await attempt(page, 'window.playground.setData({ train: [[9, 0, 1]] })'), /outside the plotted range/);
    assert.match(await attempt(page, "window.playground.setData({ train: [[0, 'a', 1]] })"), /train point 1 must be \[x1, x2, label\]/);
    assert.match(await attempt(page, 'window.playground.setData({ points: [] })'), /unknown field "points"/);
    assert.match(await page.textContent('#message'), /Could not use these points/);
    assert.deepEqual(await page.evaluate(() => window.playground.getData()), before);
  });

  it('own points come back after a crash of the core', async () => {
    await page.evaluate((data) => window.playground.setData(data), TWO_BLOBS);
    await page.evaluate(() => window.playground._panicForTesting('test crash'));
    assert.deepEqual(await page.evaluate(() => window.playground.getData()), TWO_BLOBS);
    assert.equal((await page.evaluate(() => window.playground.config)).dataset, 'own');
  });
});
