// On a phone: the page fits a narrow portrait screen without sideways scrolling, and
// a tap does everything a hover does on a desktop — a tapped neuron stays in the big
// heatmap until tapped again, a tapped link opens its value for editing, a tap on the
// loss chart names the epoch there.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPage, PHONE, heatmapPixels, heatmapColourAt, isOrange, isBlue, linkMiddle } from './helpers.mjs';

describe('on a phone', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened), PHONE);

  it('fits the screen: one column, no sideways scrolling, the picture as wide as the screen allows', async () => {
    const fit = await page.evaluate(() => ({
      page: document.scrollingElement.scrollWidth,
      screen: window.innerWidth,
      heatmap: document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap').getBoundingClientRect(),
      diagram: document.querySelector('greymatter-playground').shadowRoot.getElementById('network').getBoundingClientRect(),
    }));
    assert.ok(fit.page <= fit.screen, `the page is ${fit.page}px wide on a ${fit.screen}px screen`);
    assert.ok(fit.heatmap.width > 300 && fit.heatmap.right <= fit.screen);
    assert.ok(fit.diagram.width > 300 && fit.diagram.right <= fit.screen);
    for (const id of ['#play-pause', '#learning-rate', '#dataset-spiral', '#add-layer', '#feature-sinX1']) {
      const box = await page.locator(id).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= fit.screen, `${id} is off screen`);
    }
  });

  it('fits the narrowest screen greymatter supports, 320 px, on the full page, the tutorial and the iframe embed', async () => {
    const narrow = { ...PHONE, viewport: { width: 320, height: 700 } };
    for (const address of ['', 'tutorial.html', 'embed.html#dataset=xor&hidden=4&layout=full']) {
      const other = await openPage(session, `${session.url}${address}`, narrow);
      await other.waitForFunction(() => [...document.querySelectorAll('greymatter-playground')].length > 0);
      await other.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready)));
      const width = await other.evaluate(() => document.scrollingElement.scrollWidth);
      assert.ok(width <= 320, `${address || 'the full page'} is ${width}px wide on a 320px screen`);
      await other.context().close();
    }
  });

  it('tapping play trains and tapping again pauses', async () => {
    await page.tap('#play-pause');
    await page.waitForFunction(() => window.playground.state.epoch >= 20);
    await page.tap('#play-pause');
    await page.waitForFunction(() => !window.playground.playing);
  });

  it('tapping a neuron shows it in the big heatmap until it is tapped again', async () => {
    const output = await heatmapPixels(page);
    await page.tap('.thumb[data-node="1"]'); // x2: blue at the top, orange at the bottom
    await page.waitForFunction(() => /x₂/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap-caption').textContent));
    assert.ok(isBlue(await heatmapColourAt(page, 0.01, 0.01)));
    assert.ok(isOrange(await heatmapColourAt(page, 0.01, 0.99)));
    await page.tap('.thumb[data-node="5"]');
    await page.waitForFunction(() =>
      /neuron 4 of hidden layer 1/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap-caption').textContent),
    );
    await page.tap('.thumb[data-node="5"]');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap-caption').hidden);
    assert.equal((await heatmapPixels(page)).hash, output.hash);
  });

  it('tapping a link shows its value in a box to edit', async () => {
    const middle = await linkMiddle(page, 7, 8);
    await page.touchscreen.tap(middle.x, middle.y);
    await page.waitForSelector('#weight-input:not([hidden])');
    assert.match(await page.textContent('#weight-card-label'), /^Weight from neuron 2 of hidden layer 2 to the output$/);
    await page.fill('#weight-input', '1.5');
    await page.press('#weight-input', 'Enter');
    await page.waitForFunction(() => window.playground.exportModel().layers[2].weights[0][1] === 1.5);
    await page.tap('#heatmap');
    await page.waitForSelector('#weight-card', { state: 'hidden' });
  });

  it('tapping the loss chart names the epoch and the losses there', async () => {
    await page.locator('#loss-chart').scrollIntoViewIfNeeded();
    const chart = await page.locator('#loss-chart').boundingBox();
    await page.touchscreen.tap(chart.x + chart.width - 2, chart.y + chart.height / 2);
    await page.waitForSelector('#loss-chart-tip:not([hidden])');
    const epoch = (await page.evaluate(() => window.playground.state)).epoch;
    assert.match(await page.textContent('#loss-chart-tip'), new RegExp(`^epoch ${epoch} · training loss \\d`));
    assert.deepEqual(page.problems, []);
  });
});
