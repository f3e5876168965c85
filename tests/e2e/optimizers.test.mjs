// Optimizers beyond plain gradient descent — momentum, Nesterov, RMSProp, Adam — as a
// person uses them: pick one, see only its own settings, change one, keep the weights
// when switching, keep training, and share it all in the address.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground, stepEpochs } from './helpers.mjs';

const PROBE = [
  [0, 0],
  [2, 2],
  [-3, 1],
];
const visible = (page, id) => page.isVisible(`#${id}`);

describe('optimizers', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it("SGD by default, with none of the other optimizers' settings on show", async () => {
    assert.equal(await page.inputValue('#optimizer'), 'sgd');
    for (const id of ['momentum', 'rms-decay', 'beta1', 'beta2', 'epsilon']) {
      assert.equal(await visible(page, id), false, `#${id} should be hidden for SGD`);
    }
  });

  it('switching to Adam keeps the weights, shows β₁, β₂, ε, and training goes on', async () => {
    await stepEpochs(page, 10);
    const before = await page.evaluate((probe) => window.playground.predict(probe), PROBE);
    const epoch = (await page.evaluate(() => window.playground.state)).epoch;
    await page.selectOption('#optimizer', 'adam');
    await page.waitForFunction(() => window.playground.config.optimizer === 'adam');
    const after = await page.evaluate((probe) => window.playground.predict(probe), PROBE);
    assert.deepEqual(after, before, 'the weights stay when the optimizer changes');
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, epoch);
    assert.ok((await visible(page, 'beta1')) && (await visible(page, 'beta2')) && (await visible(page, 'epsilon')));
    assert.equal(await visible(page, 'momentum'), false);
    await page.selectOption('#learning-rate', '0.003');
    const start = await page.evaluate(() => window.playground.state.trainLoss);
    const later = await stepEpochs(page, 40);
    assert.ok(later.trainLoss < start, `Adam: ${later.trainLoss} ≥ ${start}`);
  });

  it('a setting typed in applies, lands in the address, and a copied link replays it', async () => {
    await page.selectOption('#optimizer', 'momentum');
    await page.fill('#momentum', '0.8');
    await page.press('#momentum', 'Enter');
    await page.waitForFunction(() => window.playground.config.momentum === 0.8);
    const hash = new URL(page.url()).hash;
    assert.match(hash, /optimizer=momentum/);
    assert.match(hash, /momentum=0\.8(&|$)/);
    const copy = await openPlayground(session, page.url());
    const config = await copy.evaluate(() => window.playground.config);
    assert.equal(config.optimizer, 'momentum');
    assert.equal(config.momentum, 0.8);
    assert.ok(await visible(copy, 'momentum'));
    await copy.context().close();
  });

  it('an out-of-range setting is refused with a message naming it', async () => {
    await page.fill('#momentum', '1');
    await page.press('#momentum', 'Enter');
    await page.waitForFunction(() => /momentum must be/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent));
    assert.equal(await page.evaluate(() => window.playground.config.momentum), 0.8);
    assert.deepEqual(page.problems, []);
  });
});
