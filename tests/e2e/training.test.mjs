// Training from the page: play moves the epoch counter and brings the loss down,
// pause stops it, step trains exactly one epoch, reset goes back to epoch 0 and the
// same starting weights while "New weights" draws new ones; the learning rate (on the
// usual ladder) changes without a reset, a change of shape or data resets.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepEpochs, openOncePerSuite } from './helpers.mjs';

const epochShown = (page) => page.evaluate(() => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent));

describe('training', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('play moves the epoch counter and the loss falls; pause stops it', async () => {
    const start = await page.evaluate(() => window.playground.state);
    assert.equal(start.epoch, 0);
    await page.click('#play-pause');
    await page.waitForFunction(() => /pause/i.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('play-pause').textContent));
    await page.waitForFunction(() => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent) >= 60);
    await page.click('#play-pause');
    await page.waitForFunction(() => /play/i.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('play-pause').textContent));
    const later = await page.evaluate(() => window.playground.state);
    assert.ok(later.epoch >= 60);
    assert.ok(later.trainLoss < start.trainLoss, `loss ${later.trainLoss} did not fall below ${start.trainLoss}`);
    assert.equal(await epochShown(page), later.epoch);
    // Paused: two animation frames later nothing has moved.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, later.epoch);
    assert.notEqual(await page.textContent('#train-loss'), '–');
  });

  it('step trains exactly one epoch and draws it', async () => {
    const before = await page.evaluate(() => window.playground.state);
    const after = await stepEpochs(page, 1);
    assert.equal(after.epoch, before.epoch + 1);
    assert.equal(await epochShown(page), before.epoch + 1);
    await page.click('#step');
    await page.waitForFunction((n) => window.playground.state.epoch === n, before.epoch + 2);
  });

  it('reset goes back to epoch 0 and the same starting network', async () => {
    const probe = [
      [0, 0],
      [2, -3],
      [-4, 1],
    ];
    await page.click('#reset');
    await page.waitForFunction(() => window.playground.state.epoch === 0);
    const first = await page.evaluate((p) => window.playground.predict(p), probe);
    await stepEpochs(page, 5);
    const trained = await page.evaluate((p) => window.playground.predict(p), probe);
    assert.notDeepEqual(trained, first);
    await page.evaluate(() => window.playground.reset());
    assert.deepEqual(await page.evaluate((p) => window.playground.predict(p), probe), first);
    assert.equal(await epochShown(page), 0);
    assert.deepEqual(page.problems, []);
  });

  it('"New weights" starts from different random weights; Reset keeps the same ones', async () => {
    const probe = [
      [0, 0],
      [2, -3],
      [-4, 1],
    ];
    await page.click('#reset');
    const start = await page.evaluate((p) => window.playground.predict(p), probe);
    const seed = (await page.evaluate(() => window.playground.config)).seed;
    await stepEpochs(page, 3);
    await page.click('#new-weights');
    await page.waitForFunction((s) => window.playground.config.seed !== s, seed);
    const fresh = await page.evaluate((p) => window.playground.predict(p), probe);
    assert.notDeepEqual(fresh, start);
    assert.equal(await epochShown(page), 0);
    await stepEpochs(page, 3);
    await page.click('#reset');
    await page.waitForFunction(() => window.playground.state.epoch === 0);
    assert.deepEqual(await page.evaluate((p) => window.playground.predict(p), probe), fresh);
  });

  it('the learning rate ladder runs from 0.00001 to 10 and changing it keeps the network', async () => {
    const ladder = await page.$$eval('#learning-rate option', (list) => list.map((o) => o.value));
    assert.deepEqual(ladder, ['0.00001', '0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3', '10']);
    const probe = [[1, 2]];
    const state = await stepEpochs(page, 4);
    const outputs = await page.evaluate((p) => window.playground.predict(p), probe);
    await page.selectOption('#learning-rate', '0.3');
    await page.waitForFunction(() => window.playground.config.learningRate === 0.3);
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, state.epoch);
    assert.deepEqual(await page.evaluate((p) => window.playground.predict(p), probe), outputs);
    for (const [id, value] of [
      ['#regularization', 'l2'],
      ['#regularization-rate', '0.01'],
    ]) {
      await page.selectOption(id, value);
      await page.waitForFunction((v) => window.location.hash.includes(`=${v}&`), value);
      assert.equal((await page.evaluate(() => window.playground.state)).epoch, state.epoch, `${id} reset the network`);
    }
  });

  it('changing the shape of the network or the data resets it', async () => {
    const changes = [
      () => page.selectOption('#activation', 'relu'),
      () => page.click('.add-neuron[data-layer="1"]'),
      () => page.click('#feature-sinX1'),
      () => page.click('#dataset-xor'),
      () => page.fill('#noise', '10'),
    ];
    for (const change of changes) {
      await stepEpochs(page, 2);
      await change();
      await page.waitForFunction(() => window.playground.state.epoch === 0);
      assert.equal(await epochShown(page), 0);
    }
    assert.deepEqual(page.problems, []);
  });
});
