// The members `window.playground` gained with the full page (README, "Members"):
// view options and classroom flags from a script, showing a node, setting a weight or
// a bias, and the quality numbers in `state`. Each shows up on the page as if a
// person had done it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite } from './helpers.mjs';

const attempt = (page, script) => page.evaluate((source) => {
  try {
    new Function(source)();
    return null;
  } catch (error) {
    return error.message;
  }
}, script);

describe('scripting the full page', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('setView changes the view options and classroom flags, and refuses bad values', async () => {
    await page.evaluate(() => window.playground.setView({ discretize: true, hidden: ['noise'], hideText: true }));
    assert.equal(await page.isChecked('#discretize'), true);
    assert.equal(await page.isHidden('#noise'), true);
    assert.equal(await page.isHidden('#intro'), true);
    assert.match(page.url(), /discretize=true&palette=default&noise_hide=true&hideText=true$/);
    const view = await page.evaluate(() => window.playground.view);
    assert.deepEqual(view, {
      epochsPerFrame: 1, showTestData: false, gradientLinks: false, discretize: true, palette: 'default', hidden: ['noise'], hideText: true,
    });
    assert.match(await attempt(page, "window.playground.setView({ palette: 'pink' })"), /palette must be one of default, colorblind/);
    assert.match(await page.textContent('#message'), /palette/);
    assert.match(await attempt(page, "window.playground.setView({ hidden: ['nothing'] })"), /hidden must list controls/);
    assert.equal((await page.evaluate(() => window.playground.view)).palette, 'default');
    await page.evaluate(() => window.playground.setView({ discretize: false, hidden: [], hideText: false }));
    assert.equal(await page.isVisible('#noise'), true);
  });

  it('showNode keeps a node in the big heatmap; a node that does not exist is refused', async () => {
    await page.evaluate(() => window.playground.showNode(2));
    assert.equal(await page.textContent('#heatmap-caption'), 'Showing neuron 1 of hidden layer 1');
    assert.match(await attempt(page, 'window.playground.showNode(99)'), /node 99 does not exist/);
    await page.evaluate(() => window.playground.showNode(null));
    assert.equal(await page.isHidden('#heatmap-caption'), true);
  });

  it('setWeight and setBias change the network at once', async () => {
    const before = await page.evaluate(() => window.playground.state);
    await page.evaluate(() => window.playground.setWeight(0, 1, 0, 1.25));
    await page.evaluate(() => window.playground.setBias(1, 0, -0.5));
    const model = await page.evaluate(() => window.playground.exportModel());
    assert.equal(model.layers[0].weights[1][0], 1.25);
    assert.equal(model.layers[1].biases[0], -0.5);
    const after = await page.evaluate(() => window.playground.state);
    assert.notEqual(after.trainLoss, before.trainLoss, 'the losses are measured again');
    assert.equal(await page.textContent('#train-loss'), after.trainLoss.toFixed(3));
    assert.match(await attempt(page, 'window.playground.setWeight(5, 0, 0, 1)'), /layer/);
    assert.match(await attempt(page, 'window.playground.setBias(0, 0, NaN)'), /finite/);
  });

  it('state has the accuracy of both sets and no divergence', async () => {
    const state = await page.evaluate(() => window.playground.step());
    assert.equal(state.metric, 'accuracy');
    assert.ok(state.trainMetric >= 0 && state.trainMetric <= 1);
    assert.ok(state.testMetric >= 0 && state.testMetric <= 1);
    assert.equal(state.divergence, '');
    assert.deepEqual(page.problems, []);
  });
});
