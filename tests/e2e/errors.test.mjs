// What the page does when something goes wrong: a refused setting (from a script,
// the controls or the address) is explained in #message and the network keeps
// working; a crash of the core is announced, the page restores the last good network
// and keeps training.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, stepEpochs, openOncePerSuite, pageKeepingErrorEvents } from './helpers.mjs';

const PROBE = [
  [0, 0],
  [2, 2],
  [-3, 1],
  [4, -5],
];
/**
 * Opens the full page at `url` as openPlayground does, collecting the element's `error`
 * events from the first one on (`window.errorEvents`: their details).
 */
async function openWatchingErrors(session, url, viewport) {
  const page = await pageKeepingErrorEvents(session, viewport);
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready);
  return page;
}

/** The notice as a person sees it (the closed "Show all" box shows only its summary). */
const noticeSeen = (page) => page.evaluate(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('message').innerText);

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

describe('long and odd addresses', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('20,000 unknown keys give a notice of a few lines and the page stays usable', async () => {
    const bad = Array.from({ length: 20000 }, (_, i) => `bad${i}=1`).join('&');
    const started = Date.now();
    // Tall enough to show the heatmap below a notice of a few lines (not below 20,000).
    const viewport = { width: 1400, height: 1300 };
    const other = await openWatchingErrors(session, `${session.url}#learningRate=0.1&${bad}`, viewport);
    const loading = Date.now() - started;
    assert.ok(loading < 20000, `loading took ${loading} ms`);
    const seen = (await noticeSeen(other)).split('\n').filter(Boolean);
    assert.ok(seen.length <= 7, `the notice shows ${seen.length} lines`);
    assert.deepEqual(
      seen.slice(0, 5),
      [0, 1, 2, 3, 4].map((i) => `In the address: unknown setting "bad${i}"`),
    );
    assert.equal(seen[5], '… and 19,995 more unknown keys');
    assert.match(seen[6], /^Show the first 200$/);
    const box = await other.locator('#message').boundingBox();
    assert.ok(box.height < 250, `the notice is ${box.height} px tall`);
    const heatmap = await other.locator('#heatmap').boundingBox();
    assert.ok(heatmap.y >= 0 && heatmap.y + heatmap.height <= viewport.height, `the heatmap is at ${heatmap.y}..${heatmap.y + heatmap.height}`);
    await other.click('#message summary');
    const listed = await other.locator('#message details').innerText();
    assert.ok(listed.includes('unknown setting "bad199"') && !listed.includes('"bad200"'));
    assert.match(listed, /… and 19,800 more unknown keys/);
    const events = await other.evaluate(() => window.errorEvents);
    assert.equal(events.length, 21, 'the first 20 refusals, then one summing up');
    assert.equal(events[20].message, '… and 19,980 more unknown keys');
    assert.equal((await other.evaluate(() => window.playground.config)).learningRate, 0.1);
    const state = await stepEpochs(other, 3);
    assert.equal(state.epoch, 3);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });

  it('a 1 MB key or value is cut in the notice', async () => {
    const huge = 'k'.repeat(1_000_000);
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#${huge}=1&dataset=${huge}`);
    await page.waitForFunction(() => /unknown setting/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent));
    const seen = await noticeSeen(page);
    assert.ok(seen.length < 1000, `the notice holds ${seen.length} characters`);
    assert.ok(seen.includes(`unknown setting "${'k'.repeat(59)}…"`));
    assert.match(seen, /dataset/);
    assert.equal((await page.evaluate(() => window.playground.config)).dataset, 'circle');
  });

  it('a number not in decimal notation is refused, naming the key and the text', async () => {
    const other = await openPlayground(session, `${session.url}#learningRate=0x10&noise=%20%2B10%20`);
    const seen = await noticeSeen(other);
    assert.match(seen, /In the address: learningRate must be a number, got "0x10" \(write it in decimals/);
    assert.match(seen, /In the address: noise must be a number, got " \+10 "/);
    const config = await other.evaluate(() => window.playground.config);
    assert.equal(config.learningRate, 0.03);
    assert.equal(config.noise, 0);
    await other.context().close();
  });

  it('a key given twice is reported and read from its first entry', async () => {
    const other = await openPlayground(session, `${session.url}#learningRate=0.1&learningRate=0.3`);
    assert.match(await noticeSeen(other), /In the address: learningRate is given twice; only the first \(0\.1\) is read/);
    assert.equal((await other.evaluate(() => window.playground.config)).learningRate, 0.1);
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
