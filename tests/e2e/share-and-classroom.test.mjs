// Share links and classroom mode, as people use them: the address holds every
// control (view options included) and opening it replays the same run step for step;
// refused values in it are named on the page while the rest applies; `*_hide=true`
// flags and `hideText=true` hand out a reduced playground, and they stay in the
// address when it is rewritten.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPlayground, stepEpochs, heatmapPixels, openOncePerSuite } from './helpers.mjs';

const PROBE = [
  [0, 0],
  [1.5, -2],
  [-3, 4],
];

describe('share links', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('a copied address replays the same run, view options included', async () => {
    await page.click('#dataset-xor');
    await page.click('#feature-x1x2');
    await page.click('.add-neuron[data-layer="1"]');
    await page.click('#new-weights');
    await page.check('#show-test-data');
    await page.check('#discretize');
    await page.check('#palette');
    await page.waitForFunction(() => /palette=colorblind/.test(window.location.hash));
    const address = page.url();
    assert.match(address, /showTestData=true&gradientLinks=false&discretize=true&palette=colorblind/);

    const copy = await openPlayground(session, address);
    assert.deepEqual(await copy.evaluate(() => window.playground.config), await page.evaluate(() => window.playground.config));
    for (const id of ['#show-test-data', '#discretize', '#palette', '#feature-x1x2']) {
      assert.equal(await copy.isChecked(id), true, id);
    }
    assert.equal((await heatmapPixels(copy)).hash, (await heatmapPixels(page)).hash);
    const original = await stepEpochs(page, 10);
    const replayed = await stepEpochs(copy, 10);
    assert.deepEqual(replayed, original, 'the same losses, epoch for epoch');
    assert.deepEqual(await copy.evaluate((p) => window.playground.predict(p), PROBE), await page.evaluate((p) => window.playground.predict(p), PROBE));
    assert.deepEqual(copy.problems, []);
    await copy.context().close();
  });

  it('refuses unknown or out-of-range view values and classroom flags, applying the rest', async () => {
    const address = `${session.url}#dataset=gauss&palette=pink&discretize=maybe&showTestData=true&colour_hide=true&noise_hide=true&learningRate=0`;
    const other = await openPlayground(session, address);
    const message = await other.textContent('#message');
    assert.match(message, /palette must be one of default, colorblind, got "pink"/);
    assert.match(message, /discretize must be true or false, got "maybe"/);
    assert.match(message, /no control called "colour"/);
    assert.match(message, /learningRate/);
    assert.equal((await other.evaluate(() => window.playground.config)).dataset, 'gauss');
    assert.equal(await other.isChecked('#show-test-data'), true);
    assert.equal(await other.isHidden('#noise'), true);
    assert.match(other.url(), /palette=default&noise_hide=true/);
    await other.context().close();
  });
});

describe('classroom mode', () => {
  let session;
  let page;
  const flags = 'learningRate_hide=true&dataset_hide=true&x1Squared_hide=true&x1_hide=true' + '&playButton_hide=false&hidden_hide=true&hideText=true';
  before(async () => {
    session = await startSession();
    page = await openPlayground(session, `${session.url}#noise=5&${flags}`);
  });
  after(async () => session?.close());

  it('address flags hide the controls they name and the page text', async () => {
    assert.equal(await page.isHidden('#learning-rate'), true);
    assert.equal(await page.isHidden('#dataset'), true);
    assert.equal(await page.isHidden('#add-layer'), true);
    assert.equal(await page.isHidden('.add-neuron'), true);
    assert.equal(await page.isHidden('#intro'), true);
    assert.equal(await page.isHidden('.footer'), true);
    // An unused feature whose toggle is hidden leaves the diagram; a used one stays, locked.
    assert.equal(await page.locator('#feature-x1Squared').count(), 0);
    assert.equal(await page.isHidden('#feature-x1'), true);
    assert.equal(await page.locator('.thumb[data-node="0"]').count(), 1);
    for (const id of ['#play-pause', '#activation', '#noise', '#batch-size', '#feature-x2', '#feature-sinX1']) {
      assert.equal(await page.isVisible(id), true, `${id} should stay`);
    }
    assert.equal(await page.isHidden('#message'), true);
  });

  it('the flags stay in the address when it is rewritten, and a copy is just as reduced', async () => {
    await page.selectOption('#activation', 'relu');
    await page.waitForFunction(() => /activation=relu/.test(window.location.hash));
    const address = page.url();
    for (const flag of ['learningRate_hide=true', 'dataset_hide=true', 'x1Squared_hide=true', 'hideText=true']) {
      assert.ok(address.includes(flag), `${flag} missing from ${address}`);
    }
    assert.doesNotMatch(address, /playButton_hide/);
    const copy = await openPlayground(session, address);
    assert.equal(await copy.isHidden('#learning-rate'), true);
    assert.equal(await copy.isHidden('#intro'), true);
    assert.equal((await copy.evaluate(() => window.playground.config)).activation, 'relu');
    await copy.context().close();
  });

  it('editing the flags in the open page shows the controls again', async () => {
    await page.evaluate(() => {
      window.location.hash = window.location.hash.replace('learningRate_hide=true', '');
    });
    await page.waitForFunction(() => !document.querySelector('greymatter-playground').shadowRoot.getElementById('learning-rate').closest('[hidden]'));
    assert.equal(await page.isVisible('#learning-rate'), true);
    assert.equal(await page.isHidden('#dataset'), true);
    assert.deepEqual(page.problems, []);
  });
});
