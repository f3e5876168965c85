// What the page does when something goes wrong: a refused setting (from a script,
// the controls or the address) is explained in #message and the network keeps
// working; a crash of the core is announced, the page restores the last good network
// and keeps training.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, stepEpochs, openOncePerSuite } from './helpers.mjs';

const PROBE = [[0, 0], [2, 2], [-3, 1], [4, -5]];
const predict = (page) => page.evaluate((probe) => window.playground.predict(probe), PROBE);

describe('refused settings', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('setConfig with an invalid value throws, names the field and changes nothing', async () => {
    await stepEpochs(page, 5);
    const before = await predict(page);
    const thrown = await page.evaluate(() => {
      try {
        window.playground.setConfig({ learningRate: -1 });
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(thrown ?? '', /learningRate/);
    assert.equal(await page.isVisible('#message'), true);
    assert.match(await page.textContent('#message'), /learningRate/);
    const config = await page.evaluate(() => window.playground.config);
    assert.equal(config.learningRate, 0.03);
    assert.equal(await page.inputValue('#learning-rate'), '0.03');
    assert.deepEqual(await predict(page), before);
    const state = await stepEpochs(page, 3);
    assert.equal(state.epoch, 8);
    assert.ok(Number.isFinite(state.trainLoss));
  });

  it('unticking the last feature is refused and the box comes back', async () => {
    await page.uncheck('#feature-x2');
    await page.waitForFunction(() => window.playground.config.features.join() === 'x1');
    assert.equal(await page.isHidden('#message'), true, 'a good change clears the message');
    await page.click('#feature-x1');
    await page.waitForFunction(() => /features/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent));
    assert.equal(await page.isChecked('#feature-x1'), true);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).features, ['x1']);
    assert.deepEqual(page.problems, []);
  });

  it('an address with refused keys reports them and applies the rest', async () => {
    const address = `${session.url}#dataset=xor&noise=99&learningRate=0.1&colour=red&hidden=3`;
    const other = await openPlayground(session, address);
    const message = await other.textContent('#message');
    assert.equal(await other.isVisible('#message'), true);
    assert.match(message, /noise/);
    assert.match(message, /colour/);
    const config = await other.evaluate(() => window.playground.config);
    assert.equal(config.dataset, 'xor');
    assert.equal(config.learningRate, 0.1);
    assert.deepEqual(config.hidden, [3]);
    assert.equal(config.noise, 0);
    assert.match(other.url(), /noise=0(&|$)/);
    assert.doesNotMatch(other.url(), /colour/);
    const state = await stepEpochs(other, 4);
    assert.equal(state.epoch, 4);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });
});

describe('a crash of the core', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('is announced and the page carries on with the same network', async () => {
    const trained = await stepEpochs(page, 25);
    const before = await predict(page);
    const config = await page.evaluate(() => window.playground.config);
    await page.evaluate(() => window.playground._panicForTesting('deliberate test panic'));
    const message = await page.textContent('#message');
    assert.match(message, /greymatter's core stopped: .*deliberate test panic/);
    assert.match(message, /restored the last good network/);
    assert.deepEqual(await predict(page), before);
    assert.deepEqual(await page.evaluate(() => window.playground.config), config);
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, trained.epoch);

    const after = await stepEpochs(page, 5);
    assert.equal(after.epoch, trained.epoch + 5);
    assert.ok(Number.isFinite(after.trainLoss));
    await page.click('#play-pause');
    await page.waitForFunction((n) => window.playground.state.epoch >= n, trained.epoch + 20);
    await page.click('#play-pause');
    assert.deepEqual(page.problems, []);
  });

  it('survives a crash while playing', async () => {
    await page.evaluate(() => window.playground.play());
    const epoch = (await page.evaluate(() => window.playground.state)).epoch;
    await page.evaluate(() => window.playground._panicForTesting('second test panic'));
    assert.match(await page.textContent('#message'), /second test panic/);
    await page.waitForFunction((n) => window.playground.state.epoch >= n + 10, epoch);
    await page.evaluate(() => window.playground.pause());
    assert.deepEqual(page.problems, []);
  });
});
