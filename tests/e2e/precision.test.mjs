// A value in range as written but not as greymatter trains it (in 32-bit floats,
// 0.99999999 is 1 and 1e-320 is 0) is refused wherever it comes from — the address, a
// script, a control — with the reason, and nothing changes; every address the page
// writes, it accepts again.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, openOncePerSuite, stepEpochs } from './helpers.mjs';

const MESSAGE = /momentum must be at least 0 and below 1, got 0\.99999999 \(that is 1 in single precision, the precision greymatter trains in\)/;

describe('values greymatter would round out of range', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('the address #momentum=0.99999999 reports the refusal and keeps the default', async () => {
    const other = await openPlayground(session, `${session.url}#optimizer=momentum&momentum=0.99999999`);
    assert.equal(await other.isVisible('#message'), true);
    const message = await other.textContent('#message');
    assert.match(message, /In the address/);
    assert.match(message, MESSAGE);
    const config = await other.evaluate(() => window.playground.config);
    assert.equal(config.optimizer, 'momentum', 'the rest of the address applies');
    assert.equal(config.momentum, 0.9);
    assert.equal(await other.inputValue('#momentum'), '0.9');
    assert.match(other.url(), /momentum=0\.9(&|$)/);
    const state = await stepEpochs(other, 3);
    assert.ok(Number.isFinite(state.trainLoss));
    assert.deepEqual(other.problems, []);

    // The address the page wrote opens without a word.
    const again = await openPlayground(session, other.url());
    assert.equal(await again.isHidden('#message'), true, await again.textContent('#message'));
    assert.deepEqual(await again.evaluate(() => window.playground.config), config);
    await Promise.all([other.context().close(), again.context().close()]);
  });

  it('setConfig({beta1: 0.99999999}) throws and changes nothing', async () => {
    await page.evaluate(() => window.playground.setConfig({ optimizer: 'adam' }));
    await stepEpochs(page, 2);
    const before = await page.evaluate(() => ({ config: window.playground.config, state: window.playground.state, url: location.href }));
    const thrown = await page.evaluate(() => {
      try {
        window.playground.setConfig({ beta1: 0.99999999 });
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.equal(thrown, 'beta1 must be at least 0 and below 1, got 0.99999999 (that is 1 in single precision, the precision greymatter trains in)');
    assert.match(await page.textContent('#message'), /beta1 must be at least 0 and below 1/);
    const after = await page.evaluate(() => ({ config: window.playground.config, state: window.playground.state, url: location.href }));
    assert.deepEqual(after.config, before.config);
    assert.equal(after.state.epoch, before.state.epoch);
    assert.equal(after.url, before.url);
    assert.equal(await page.inputValue('#beta1'), '0.9');

    const tiny = await page.evaluate(() => {
      try {
        window.playground.setConfig({ learningRate: 1e-320 });
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(tiny ?? '', /learningRate must be greater than 0 and at most 10, got 1e-320 \(that is 0 in single precision/);
    assert.equal((await page.evaluate(() => window.playground.config)).learningRate, 0.03);
    assert.deepEqual(page.problems, []);
  });

  it('a rate just below 1 that single precision keeps is accepted, trains and is written as set', async () => {
    assert.equal(await page.evaluate(() => window.playground.setConfig({ beta1: 0.9999, beta2: 0.99999994 })), 'kept');
    const config = await page.evaluate(() => window.playground.config);
    assert.equal(config.beta1, 0.9999);
    assert.equal(config.beta2, 0.99999994);
    assert.match(page.url(), /beta1=0\.9999&beta2=0\.99999994&/);
    const state = await stepEpochs(page, 5);
    assert.ok(Number.isFinite(state.trainLoss), 'Adam with β₂ just below 1 does not diverge');
    assert.equal(state.divergence, '');
    assert.deepEqual(page.problems, []);
  });

  it('typing 0.99999999 into the momentum box is refused the same way', async () => {
    await page.evaluate(() => window.playground.setConfig({ optimizer: 'momentum' }));
    await page.fill('#momentum', '0.99999999');
    await page.press('#momentum', 'Enter');
    await page.waitForFunction(() => /momentum must be/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent));
    assert.match(await page.textContent('#message'), MESSAGE);
    assert.equal((await page.evaluate(() => window.playground.config)).momentum, 0.9);
    assert.deepEqual(page.problems, []);
  });
});
