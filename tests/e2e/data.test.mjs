// The data column, as a person uses it: dataset thumbnails to click (classification
// and, after switching the problem type, regression), the noise and ratio sliders,
// the batch-size slider and box, and "Regenerate" (new points, the same network).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepEpochs, heatmapPixels, openOncePerSuite } from './helpers.mjs';

const PROBE = [
  [0, 0],
  [2, -3],
  [-4, 1],
];
const predict = (page) => page.evaluate((probe) => window.playground.predict(probe), PROBE);
const config = (page) => page.evaluate(() => window.playground.config);

/** Orange-ish and blue-ish pixels of a dataset thumbnail. */
const thumbnailColours = (page, name) =>
  page.$eval(`#dataset-${name} canvas`, (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > data[i + 2] + 60) orange++;
      if (data[i + 2] > data[i] + 60) blue++;
    }
    return { orange, blue };
  });

describe('the data column', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('shows a thumbnail of each classification dataset; clicking one picks it', async () => {
    const names = await page.$$eval('#dataset button', (list) => list.map((b) => b.dataset.dataset));
    assert.deepEqual(names, ['circle', 'xor', 'gauss', 'spiral', 'formula', 'own']);
    for (const name of names.filter((name) => name !== 'own')) {
      const { orange, blue } = await thumbnailColours(page, name);
      assert.ok(orange > 20 && blue > 20, `${name} thumbnail: ${orange} orange, ${blue} blue pixels`);
    }
    const own = await thumbnailColours(page, 'own');
    assert.equal(own.orange + own.blue, 0, 'no own points yet: an empty tile');
    const before = await heatmapPixels(page);
    await page.click('#dataset-gauss');
    await page.waitForFunction(() => window.playground.config.dataset === 'gauss');
    assert.equal(await page.getAttribute('#dataset-gauss', 'aria-checked'), 'true');
    assert.equal(await page.getAttribute('#dataset-circle', 'aria-checked'), 'false');
    assert.notEqual((await heatmapPixels(page)).hash, before.hash);
    assert.match(page.url(), /dataset=gauss/);
  });

  it('the problem type switches to the regression datasets and back', async () => {
    await page.selectOption('#problem', 'regression');
    await page.waitForFunction(() => window.playground.config.problem === 'regression');
    const names = await page.$$eval('#dataset button', (list) => list.map((b) => b.dataset.dataset));
    assert.deepEqual(names, ['plane', 'multigauss', 'formula', 'own']);
    assert.equal(await page.getAttribute('#dataset-plane', 'aria-checked'), 'true');
    await page.click('#dataset-multigauss');
    await page.waitForFunction(() => window.playground.config.dataset === 'multigauss');
    await page.selectOption('#problem', 'classification');
    await page.waitForFunction(() => window.playground.config.dataset === 'circle');
    assert.equal(await page.isHidden('#message'), true);
  });

  it('the noise and ratio sliders make new data and show their value', async () => {
    const before = await heatmapPixels(page);
    await page.fill('#noise', '35');
    await page.waitForFunction(() => window.playground.config.noise === 35);
    assert.equal(await page.textContent('#noise-value'), '35');
    await page.fill('#train-ratio', '80');
    await page.waitForFunction(() => window.playground.config.trainRatio === 80);
    assert.equal(await page.textContent('#train-ratio-value'), '80');
    assert.notEqual((await heatmapPixels(page)).hash, before.hash);
    assert.match(page.url(), /noise=35&trainRatio=80/);
  });

  it('batch size: a slider from 1 to 30 and a box for larger batches; neither resets', async () => {
    await stepEpochs(page, 3);
    assert.equal(await page.getAttribute('#batch-size-slider', 'max'), '30');
    await page.fill('#batch-size-slider', '25');
    await page.waitForFunction(() => window.playground.config.batchSize === 25);
    assert.equal(await page.inputValue('#batch-size'), '25');
    await page.fill('#batch-size', '200');
    await page.press('#batch-size', 'Tab');
    await page.waitForFunction(() => window.playground.config.batchSize === 200);
    assert.equal(await page.inputValue('#batch-size-slider'), '30', 'the slider stays at its end');
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, 3);
  });

  it('"Regenerate" draws new points and keeps the network and the epoch', async () => {
    await stepEpochs(page, 2);
    const before = await config(page);
    const outputs = await predict(page);
    const epoch = (await page.evaluate(() => window.playground.state)).epoch;
    const pixels = await heatmapPixels(page);
    await page.click('#new-data');
    await page.waitForFunction((seed) => window.playground.config.dataSeed !== seed, before.dataSeed);
    const after = await config(page);
    assert.equal(after.seed, before.seed);
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, epoch);
    assert.deepEqual(await predict(page), outputs, 'the same network');
    assert.notEqual((await heatmapPixels(page)).hash, pixels.hash, 'the points moved');
    assert.match(page.url(), new RegExp(`dataSeed=${after.dataSeed}`));
    assert.equal(await page.textContent('#data-seed'), String(after.dataSeed));
    assert.deepEqual(page.problems, []);
  });
});
