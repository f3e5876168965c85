// Model files: exportModel → importModel keeps the network's predictions and
// training continues from it; the Export / Import buttons do the same through files;
// a broken model is refused without touching the current network.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPlayground, stepEpochs, openOncePerSuite } from './helpers.mjs';

const PROBE = [
  [0, 0],
  [3, -1],
  [-2, 4],
  [5.5, 5.5],
  [-1, -1],
];
const predict = (page) => page.evaluate((probe) => window.playground.predict(probe), PROBE);

describe('model files', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('exportModel → importModel keeps predictions, and training continues', async () => {
    await stepEpochs(page, 30);
    const model = await page.evaluate(() => window.playground.exportModel());
    assert.equal(model.format, 'greymatter-model');
    assert.equal(model.version, 1);
    assert.deepEqual(model.features, ['x1', 'x2']);
    assert.equal(model.layers.length, 3);
    const trained = await predict(page);

    await page.evaluate(() => window.playground.setConfig({ hidden: [3], activation: 'relu' }));
    assert.notDeepEqual(await predict(page), trained);

    await page.evaluate((m) => window.playground.importModel(m), model);
    assert.deepEqual(await predict(page), trained);
    const config = await page.evaluate(() => window.playground.config);
    assert.deepEqual(config.hidden, [4, 2]);
    assert.equal(config.activation, 'tanh');
    assert.match(page.url(), /hidden=4,2/);
    const state = await stepEpochs(page, 10);
    assert.equal(state.epoch, 10);
    assert.ok(Number.isFinite(state.trainLoss));
    assert.notDeepEqual(await predict(page), trained);
  });

  it('a model given as JSON text loads on a fresh page', async () => {
    const text = await page.evaluate(() => JSON.stringify(window.playground.exportModel()));
    const expected = await predict(page);
    const other = await openPlayground(session);
    await other.evaluate((t) => window.playground.importModel(t), text);
    assert.deepEqual(await predict(other), expected);
    await other.context().close();
  });

  it('a broken model is refused and the network stays', async () => {
    const before = await predict(page);
    const messages = await page.evaluate(() => {
      const attempts = ['{not json', { format: 'greymatter-model', version: 1, layers: 'none' }];
      return attempts.map((attempt) => {
        try {
          window.playground.importModel(attempt);
          return null;
        } catch (error) {
          return error.message;
        }
      });
    });
    assert.ok(
      messages.every((m) => typeof m === 'string' && m.length > 0),
      String(messages),
    );
    assert.match(await page.textContent('#message'), /model/i);
    assert.deepEqual(await predict(page), before);
  });

  it('the Export and Import buttons round-trip through a file', async () => {
    const expected = await predict(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-model')]);
    const file = await download.path();
    const model = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(model.format, 'greymatter-model');

    await page.click('#new-weights');
    await page.waitForFunction(() => window.playground.config.seed !== 1);
    const fresh = await predict(page);
    assert.notDeepEqual(fresh, expected);
    await page.setInputFiles('#import-model', file);
    // The file is read asynchronously: wait until the imported network answers.
    await page.waitForFunction(
      ([probe, before]) => {
        const outputs = window.playground.predict(probe);
        return outputs.some((value, index) => value !== before[index]);
      },
      [PROBE, fresh],
    );
    assert.equal(await page.evaluate(() => window.playground.state.epoch), 0);
    assert.equal(await page.evaluate(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('message').hidden), true);
    assert.deepEqual(await predict(page), expected);
    assert.deepEqual(page.problems, []);
  });
});
