// The big heatmap's work budget, as the page shows it: while a large network plays, the
// core computes the heatmap at fewer cells a side than it is shown at (the canvas's
// data-cells says how many), scaled up smoothly; paused or stepped it is computed in full
// again at once, and a small network keeps the full size while it plays.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, openOncePerSuite } from './helpers.mjs';

const ALL_FEATURES = 'x1,x2,x1Squared,x2Squared,x1x2,sinX1,sinX2';
/** Cells a side of the full grid (the heatmap's canvas is wider than that at 1400 px). */
const FULL = 100;

const cells = (page) => page.$eval('#heatmap', (canvas) => Number(canvas.dataset.cells));
/** Waits until the heatmap shown has fewer than `size` cells a side. */
const waitForFewerCells = (page, size) =>
  page.waitForFunction((full) => {
    const canvas = document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap');
    return Number(canvas.dataset.cells) < full;
  }, size);

describe('the big heatmap while playing', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('a small network keeps every cell while it plays', async () => {
    await page.evaluate(() => window.playground.pause());
    assert.equal(await cells(page), FULL);
    await page.evaluate(() => window.playground.play());
    await page.waitForFunction(() => window.playground.state.epoch > 5);
    assert.equal(await cells(page), FULL);
    await page.evaluate(() => window.playground.pause());
  });

  it('a large network is computed at fewer cells while playing and in full once paused or stepped', async () => {
    const hidden = Array(10).fill(32).join(',');
    const large = await openPlayground(session, `${session.url}#features=${ALL_FEATURES}&hidden=${hidden}`);
    await large.evaluate(() => window.playground.pause());
    assert.equal(await cells(large), FULL);
    await large.evaluate(() => window.playground.play());
    await waitForFewerCells(large, FULL);
    const playing = await cells(large);
    assert.ok(playing >= 50, `${playing} cells a side while playing`);
    await large.evaluate(() => window.playground.pause());
    // Pausing redraws at once, at the full size.
    assert.equal(await cells(large), FULL);
    await large.evaluate(() => window.playground.play());
    await waitForFewerCells(large, FULL);
    // A step pauses first and resolves once the page shows it, in full.
    await large.evaluate(() => window.playground.step());
    assert.equal(await cells(large), FULL);
    assert.deepEqual(large.problems, []);
    await large.close();
  });
});
