// Share links that carry everything (docs/scripting.md, "Share links"): own points in the
// address, and with "include the trained weights" the weights and the epoch, so a
// fresh page shows exactly the trained network; refused texts named; a long link said
// to be long.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground, stepEpochs } from './helpers.mjs';

const points = (count) =>
  Array.from({ length: count }, (_, i) => {
    const angle = i * 0.37;
    const radius = 1 + (i % 40) * 0.1;
    return [Math.round(radius * Math.cos(angle) * 1000) / 1000, Math.round(radius * Math.sin(angle) * 1000) / 1000, i % 2 ? 1 : -1];
  });
const GRID = [
  [0, 0],
  [1, -2],
  [-3, 2.5],
  [4, 4],
  [-5, -1],
];

describe('share links', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('a link with the trained weights opens the same network at the same epoch', async () => {
    await page.evaluate((rows) => window.playground.setData(rows, { trainRatio: 80 }), points(100));
    await page.evaluate(() => window.playground.setConfig({ hidden: [8, 8] }));
    await stepEpochs(page, 12);
    await page.check('#share-weights');
    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('share-note').textContent !== '');
    const link = await page.inputValue('#share-link');
    assert.match(link, /index\.html#dataset=own&.*&points=[A-Za-z0-9_-]+&weights=[A-Za-z0-9_-]+&/);
    assert.match(await page.textContent('#share-note'), /(copied|copy it from the box)/i);
    const expected = await page.evaluate(
      (grid) => ({
        predict: window.playground.predict(grid),
        epoch: window.playground.state.epoch,
        data: window.playground.getData(),
      }),
      GRID,
    );
    const fresh = await openPlayground(session, link);
    const got = await fresh.evaluate(
      (grid) => ({
        predict: window.playground.predict(grid),
        epoch: window.playground.state.epoch,
        data: window.playground.getData(),
      }),
      GRID,
    );
    assert.deepEqual(got, expected, 'the same answers, epoch and points');
    assert.equal(await fresh.textContent('#message'), '');
    assert.doesNotMatch(fresh.url(), /weights=/, 'the address goes on without the weights');
    assert.match(fresh.url(), /points=/);
    await fresh.context().close();
  });

  it('without the weights the link rebuilds the points and the starting network', async () => {
    const link = await page.evaluate(() => window.playground.shareLink());
    assert.doesNotMatch(link, /weights=/);
    const fresh = await openPlayground(session, link);
    assert.deepEqual(await fresh.evaluate(() => window.playground.getData()), await page.evaluate(() => window.playground.getData()));
    assert.equal(await fresh.evaluate(() => window.playground.state.epoch), 0);
    await fresh.context().close();
  });

  it('a damaged text is named and the rest of the link applies', async () => {
    const link = await page.evaluate(() => window.playground.shareLink({ weights: true }));
    const broken = link.replace(/points=[^&]*/, 'points=AB!C').replace(/weights=[^&]*/, 'weights=V1');
    const fresh = await openPlayground(session, broken);
    const text = await fresh.textContent('#message');
    assert.match(text, /In the address: points: points= is not base64url: '!' at character 3/);
    assert.match(text, /In the address: weights: /);
    assert.equal(await fresh.evaluate(() => window.playground.config.hidden.join()), '8,8');
    await fresh.context().close();
  });

  it('a link over 8 KB still works, and says so', async () => {
    await page.evaluate((rows) => window.playground.setData(rows), points(4000));
    await page.click('#copy-link');
    await page.waitForFunction(() => /8 KB/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('share-note').textContent));
    assert.match(await page.textContent('#share-note'), /save a lesson file instead/);
    const link = await page.inputValue('#share-link');
    assert.ok(link.length > 8192, `${link.length} characters`);
    const fresh = await openPlayground(session, link);
    assert.equal((await fresh.evaluate(() => window.playground.getData())).train.length, 2000);
    await fresh.context().close();
  });
});
