// The page loads cleanly with the default playground, and its heatmap is painted
// with both classes' colours once the network has trained a little.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepEpochs, heatmapPixels, openOncePerSuite } from './helpers.mjs';

describe('loading the page', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('loads without console errors or page errors', async () => {
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent === '0');
    assert.deepEqual(page.problems, []);
    assert.equal(await page.isHidden('#message'), true, 'no message on a clean load');
  });

  it('holds the whole playground in one styled surface inside the element', async () => {
    const layout = await page.evaluate(() => {
      const root = document.querySelector('greymatter-playground').shadowRoot;
      const surface = root.querySelector('.playground');
      return {
        surfaces: root.querySelectorAll('.playground').length,
        outside: [...root.querySelectorAll('[data-region], [data-control], [id]')]
          .filter((element) => !surface.contains(element))
          .map((element) => element.id || element.className),
        font: getComputedStyle(root.getElementById('heatmap-axes')).fontFamily === getComputedStyle(root.getElementById('epoch')).fontFamily,
      };
    });
    assert.equal(layout.surfaces, 1);
    assert.deepEqual(layout.outside, [], "every part is inside the playground's surface");
    assert.ok(layout.font, "the columns have the playground's font");
  });

  it('starts from the default config, ready to train', async () => {
    const config = await page.evaluate(() => window.playground.config);
    assert.equal(config.dataset, 'circle');
    assert.equal(config.activation, 'tanh');
    assert.deepEqual(config.hidden, [4, 2]);
    assert.deepEqual(config.features, ['x1', 'x2']);
    assert.equal(await page.getAttribute('#dataset-circle', 'aria-checked'), 'true');
    assert.equal(await page.isChecked('#feature-x1'), true);
    assert.equal(await page.isChecked('#feature-x1Squared'), false);
    assert.match(await page.textContent('#play-pause'), /play/i);
    assert.equal(await page.locator('.add-neuron').count(), 2);
    const hash = new URL(page.url()).hash;
    assert.match(hash, /dataset=circle/);
    assert.match(hash, /hidden=4,2/);
  });

  it('paints the heatmap with orange and blue after training', async () => {
    await stepEpochs(page, 30);
    const pixels = await heatmapPixels(page);
    assert.ok(pixels.distinct > 10, `only ${pixels.distinct} distinct colours`);
    assert.ok(pixels.orange > 1000, `only ${pixels.orange} orange-ish pixels`);
    assert.ok(pixels.blue > 1000, `only ${pixels.blue} blue-ish pixels`);
    assert.deepEqual(page.problems, []);
  });
});
