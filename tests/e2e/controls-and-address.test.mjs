// Controls and the address bar: changing a control changes the picture and the URL
// hash, and a copied address rebuilds the same playground (same data, same starting
// weights) on a fresh page.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, heatmapPixels, openOncePerSuite } from './helpers.mjs';

const PROBE = [
  [0, 0],
  [1.5, -2],
  [-3, 4],
  [5, 5],
  [-5.5, -0.5],
];

const snapshot = (page) =>
  page.evaluate(
    (probe) => ({
      config: window.playground.config,
      state: window.playground.state,
      outputs: window.playground.predict(probe),
    }),
    PROBE,
  );

describe('controls and the address bar', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('changing the dataset in the UI changes the picture and the URL hash', async () => {
    const circle = await heatmapPixels(page);
    await page.click('#dataset-xor');
    await page.waitForFunction(() => window.location.hash.includes('dataset=xor'));
    assert.equal((await page.evaluate(() => window.playground.config)).dataset, 'xor');
    const xor = await heatmapPixels(page);
    assert.notEqual(xor.hash, circle.hash, 'the heatmap canvas did not change');
    assert.deepEqual(page.problems, []);
  });

  it('switching to regression offers the regression datasets', async () => {
    await page.selectOption('#problem', 'regression');
    await page.waitForFunction(() => window.location.hash.includes('problem=regression'));
    const config = await page.evaluate(() => window.playground.config);
    assert.equal(config.dataset, 'plane');
    const options = await page.$$eval('#dataset button', (list) => list.map((o) => o.dataset.dataset));
    assert.deepEqual(options, ['plane', 'multigauss', 'formula', 'own'], 'the formula dataset and the own points fit both problems');
    await page.selectOption('#problem', 'classification');
    await page.waitForFunction(() => window.playground.config.problem === 'classification');
    assert.equal(await page.isHidden('#message'), true);
  });

  it('a copied address reproduces the config, data and starting weights', async () => {
    await page.click('#dataset-spiral');
    await page.fill('#noise', '15');
    await page.fill('#train-ratio', '60');
    await page.fill('#batch-size', '20');
    await page.locator('#batch-size').blur();
    await page.selectOption('#learning-rate', '0.1');
    await page.selectOption('#activation', 'relu');
    await page.selectOption('#regularization', 'l2');
    await page.selectOption('#regularization-rate', '0.001');
    await page.check('#feature-x1Squared');
    await page.check('#feature-sinX2');
    await page.click('#add-layer');
    await page.click('.add-neuron[data-layer="0"]');
    await page.click('#new-data');
    await page.click('#new-weights');
    await page.waitForFunction(() => {
      const c = window.playground.config;
      return c.batchSize === 20 && c.hidden.join() === '5,2,2' && c.seed !== 1 && c.dataSeed !== 1;
    });
    const original = await snapshot(page);
    assert.equal(original.config.noise, 15);
    assert.equal(original.config.trainRatio, 60);
    assert.equal(original.config.learningRate, 0.1);
    assert.equal(original.config.activation, 'relu');
    assert.equal(original.config.regularization, 'l2');
    assert.deepEqual(original.config.features, ['x1', 'x2', 'x1Squared', 'sinX2']);
    assert.equal(original.state.epoch, 0);
    const address = page.url();
    assert.match(address, /learningRate=0\.1(&|$)/);

    const copy = await openPlayground(session, address);
    const reproduced = await snapshot(copy);
    assert.deepEqual(reproduced.config, original.config);
    assert.deepEqual(reproduced.outputs, original.outputs);
    assert.equal(reproduced.state.trainLoss, original.state.trainLoss);
    assert.equal(reproduced.state.testLoss, original.state.testLoss);
    assert.equal((await heatmapPixels(copy)).hash, (await heatmapPixels(page)).hash);
    assert.equal(await copy.inputValue('#learning-rate'), '0.1');
    assert.equal(await copy.isChecked('#feature-sinX2'), true);
    assert.equal(await copy.isHidden('#message'), true);
    assert.deepEqual(copy.problems, []);
    await copy.context().close();
  });

  it('the layer and neuron buttons reshape the network and its diagram', async () => {
    // Every node has a picture: the 7 input toggles (used or not), each neuron, the output.
    const boxes = () => page.locator('#network-nodes .thumb').count();
    assert.equal(await boxes(), 7 + 5 + 2 + 2 + 1);
    await page.click('#remove-layer');
    await page.waitForFunction(() => window.playground.config.hidden.join() === '5,2');
    await page.click('.remove-neuron[data-layer="1"]');
    await page.waitForFunction(() => window.playground.config.hidden.join() === '5,1');
    assert.match(page.url(), /hidden=5,1(&|$)/);
    assert.equal(await page.locator('.add-neuron').count(), 2);
    assert.equal(await page.isDisabled('.remove-neuron[data-layer="1"]'), true, 'a layer keeps one neuron');
    assert.equal(await boxes(), 7 + 5 + 1 + 1);
    assert.equal((await page.evaluate(() => window.playground.state)).epoch, 0);
  });

  it('editing the hash in the address bar applies it', async () => {
    await page.evaluate(() => {
      window.location.hash = window.location.hash.replace(/noise=\d+/, 'noise=30');
    });
    await page.waitForFunction(() => window.playground.config.noise === 30);
    assert.equal(await page.inputValue('#noise'), '30');
    assert.deepEqual(page.problems, []);
  });

  it('opening and editing the same partial hash give the same setup and the same words', async () => {
    const setup = (other) => other.evaluate(() => ({ config: window.playground.config, view: window.playground.view }));
    const notice = (other) =>
      other.evaluate(() => {
        const message = document.querySelector('greymatter-playground').shadowRoot.getElementById('message');
        return message.hidden ? '' : message.innerText;
      });
    for (const hash of ['#problem=regression&dataset=circle&epochsPerFrame=5', '#learningRate=0.1&palette=colorblind&noise_hide=true']) {
      const opened = await openPlayground(session, `${session.url}${hash}`);
      const edited = await openPlayground(session, session.url);
      await edited.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      await edited.waitForFunction((h) => !window.location.hash.startsWith(h), hash); // rewritten in full once applied
      assert.deepEqual(await setup(edited), await setup(opened), hash);
      assert.equal(await notice(edited), await notice(opened), hash);
      await opened.context().close();
      await edited.context().close();
    }
  });

  it('a new problem in an edited hash without a fitting dataset is reported', async () => {
    const other = await openPlayground(session, session.url);
    await other.evaluate(() => {
      window.location.hash = window.location.hash.replace('problem=classification', 'problem=regression');
    });
    await other.waitForFunction(() => window.playground.config.problem === 'regression');
    assert.match(await other.textContent('#message'), /In the address: dataset circle is a classification dataset, but problem is regression/);
    await other.context().close();
  });

  it('view options an edited hash leaves out keep their values; the classroom flags follow the hash', async () => {
    await page.evaluate(() => window.playground.setView({ epochsPerFrame: 20, palette: 'colorblind', hidden: ['noise'] }));
    await page.evaluate(() => {
      window.location.hash = '#learningRate=0.3';
    });
    await page.waitForFunction(() => window.playground.config.learningRate === 0.3);
    const view = await page.evaluate(() => window.playground.view);
    assert.equal(view.epochsPerFrame, 20);
    assert.equal(view.palette, 'colorblind');
    assert.deepEqual(view.hidden, [], 'a flag the hash leaves out is off');
    assert.match(page.url(), /epochsPerFrame=20&/);
    assert.deepEqual(page.problems, []);
  });
});
