// The output column, as a person uses it: the heatmap with its axes, the test points
// and "discretize output" toggles, loss and accuracy (R² for regression) for the
// training and the test points, and the loss chart that names the epoch and both
// losses under the mouse.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepEpochs, heatmapPixels, countColours, openOncePerSuite } from './helpers.mjs';

const ORANGE = [245, 147, 34];
const BLUE = [8, 119, 189];

describe('the output column', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('the heatmap has axes from −6 to 6', async () => {
    const ticks = await page.$$eval('#heatmap-axes .x-tick', (list) => list.map((tick) => tick.textContent));
    assert.deepEqual(ticks, ['-6', '-4', '-2', '0', '2', '4', '6']);
    assert.equal(await page.locator('#heatmap-axes .y-tick').count(), 7);
  });

  it('"Show test data" adds the test points, outlined in black', async () => {
    const without = await heatmapPixels(page);
    await page.check('#show-test-data');
    await page.waitForFunction(() => /showTestData=true/.test(window.location.hash));
    const dark = await page.$eval('#heatmap', (canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) < 90) count++;
      return count;
    });
    assert.ok(dark > 500, `only ${dark} dark outline pixels`);
    assert.notEqual((await heatmapPixels(page)).hash, without.hash);
    await page.uncheck('#show-test-data');
    await page.waitForFunction(() => /showTestData=false/.test(window.location.hash));
    assert.equal((await heatmapPixels(page)).hash, without.hash);
  });

  it('"Discretize output" shows only the two class colours', async () => {
    await stepEpochs(page, 20);
    const [orangeBefore, blueBefore] = await countColours(page, [ORANGE, BLUE]);
    await page.check('#discretize');
    await page.waitForFunction(() => /discretize=true/.test(window.location.hash));
    const [orange, blue] = await countColours(page, [ORANGE, BLUE]);
    const total = 400 * 400;
    assert.ok(orange + blue > 0.8 * total, `only ${orange + blue} of ${total} pixels are the two class colours`);
    assert.ok(orangeBefore + blueBefore < 0.5 * total);
    assert.ok(orange > 0.1 * total && blue > 0.1 * total);
    await page.uncheck('#discretize');
    await page.waitForFunction(() => /discretize=false/.test(window.location.hash));
  });

  it('shows loss and accuracy for the training and the test points', async () => {
    const state = await page.evaluate(() => window.playground.state);
    assert.equal(state.metric, 'accuracy');
    assert.ok(state.trainMetric > 0.5 && state.trainMetric <= 1);
    assert.equal(await page.textContent('#metric-name'), 'accuracy');
    assert.equal(await page.textContent('#train-metric'), `${(state.trainMetric * 100).toFixed(1)}%`);
    assert.equal(await page.textContent('#test-metric'), `${(state.testMetric * 100).toFixed(1)}%`);
    assert.equal(await page.textContent('#train-loss'), state.trainLoss.toFixed(3));
    assert.equal(await page.textContent('#test-loss'), state.testLoss.toFixed(3));
  });

  it('regression shows R² instead of accuracy', async () => {
    await page.selectOption('#problem', 'regression');
    await page.waitForFunction(() => window.playground.state.metric === 'r2');
    const state = await stepEpochs(page, 10);
    assert.equal(await page.textContent('#metric-name'), 'R²');
    assert.equal(await page.textContent('#train-metric'), state.trainMetric.toFixed(3));
    assert.equal(await page.textContent('#test-metric'), state.testMetric.toFixed(3));
    await page.selectOption('#problem', 'classification');
    await page.waitForFunction(() => window.playground.state.metric === 'accuracy');
  });

  it('pointing at the loss chart names the epoch and both losses there', async () => {
    const states = await page.evaluate(async () => {
      const list = [window.playground.state];
      for (let i = 0; i < 20; i++) list.push(await window.playground.step());
      return list;
    });
    assert.equal(states[20].epoch, 20);
    await page.locator('#loss-chart').scrollIntoViewIfNeeded();
    const chart = await page.locator('#loss-chart').boundingBox();
    assert.equal(await page.isHidden('#loss-chart-tip'), true);
    await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
    await page.waitForSelector('#loss-chart-tip:not([hidden])');
    const expected = `epoch 10 · training loss ${states[10].trainLoss.toFixed(3)}` + ` · test loss ${states[10].testLoss.toFixed(3)}`;
    assert.equal(await page.textContent('#loss-chart-tip'), expected);
    await page.mouse.move(chart.x + chart.width - 1, chart.y + chart.height / 2);
    await page.waitForFunction(() =>
      /^epoch 20 /.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('loss-chart-tip').textContent),
    );
    await page.mouse.move(5, 5);
    await page.waitForSelector('#loss-chart-tip', { state: 'hidden' });
    assert.deepEqual(page.problems, []);
  });
});
