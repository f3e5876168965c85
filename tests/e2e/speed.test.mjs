// The speed control (epochs per frame), as a person uses it: pick "10 epochs / frame",
// press Step and the epoch counter jumps by 10; press Play and it climbs by 10 with
// every frame the page draws. The speed travels in the address like every other
// control, scripts set it with setView, and a bad value is refused with a reason.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, openOncePerSuite } from './helpers.mjs';

const epochShown = (page) => page.evaluate(() => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent));

/** The epoch counter as shown in each of `frames` animation frames while playing. */
const countersPerFrame = (page, frames) => page.evaluate((count) => new Promise((resolve) => {
  const seen = [];
  const look = () => {
    seen.push(Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent));
    if (seen.length < count) requestAnimationFrame(look);
    else resolve(seen);
  };
  requestAnimationFrame(look);
}), frames);

describe('the speed control', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('starts at one epoch per frame; Step then trains one epoch', async () => {
    assert.equal(await page.inputValue('#epochs-per-frame'), '1');
    assert.match(new URL(page.url()).hash, /epochsPerFrame=1&showTestData=false/);
    await page.click('#step');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent === '1');
  });

  it('at 10 epochs per frame, Step trains 10 epochs and Play moves the counter 10 per frame', async () => {
    await page.selectOption('#epochs-per-frame', '10');
    await page.waitForFunction(() => /epochsPerFrame=10&/.test(window.location.hash));
    assert.equal((await page.evaluate(() => window.playground.view)).epochsPerFrame, 10);
    const before = await epochShown(page);
    await page.click('#step');
    await page.waitForFunction((n) => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent) === n, before + 10);
    await page.click('#step');
    await page.waitForFunction((n) => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent) === n, before + 20);

    await page.click('#play-pause');
    await page.waitForFunction(() => window.playground.playing);
    const seen = await countersPerFrame(page, 30);
    await page.click('#play-pause');
    await page.waitForFunction(() => !window.playground.playing);
    const steps = seen.slice(1).map((epoch, i) => epoch - seen[i]);
    // A frame trains what it owes within its time budget and carries the rest, at most one frame's worth.
    assert.ok(steps.every((step) => step >= 0 && step <= 20), `per-frame steps ${steps}`);
    assert.ok(steps.filter((step) => step === 10).length > steps.length / 2, `per-frame steps ${steps}`);
    assert.deepEqual(page.problems, []);
  });

  it('setView sets the speed (step() follows it); a bad speed is refused and changes nothing', async () => {
    await page.evaluate(() => window.playground.setView({ epochsPerFrame: 20 }));
    assert.equal(await page.inputValue('#epochs-per-frame'), '20');
    const before = (await page.evaluate(() => window.playground.state)).epoch;
    const after = await page.evaluate(() => window.playground.step());
    assert.equal(after.epoch, before + 20);
    const refused = await page.evaluate(() => {
      try {
        window.playground.setView({ epochsPerFrame: 0 });
        return 'accepted';
      } catch (error) {
        return error.message;
      }
    });
    assert.match(refused, /epochsPerFrame must be a whole number from 1 to 100, got 0/);
    assert.match(await page.textContent('#message'), /epochsPerFrame/);
    assert.equal((await page.evaluate(() => window.playground.view)).epochsPerFrame, 20);
    await page.evaluate(() => window.playground.setView({ epochsPerFrame: 1 }));
  });

  it('a shared address carries the speed; a bad one is reported and the rest still applies', async () => {
    const shared = await openPlayground(session, `${session.url}#dataset=xor&epochsPerFrame=5`);
    assert.equal(await shared.inputValue('#epochs-per-frame'), '5');
    const state = await shared.evaluate(() => window.playground.step());
    assert.equal(state.epoch, 5);
    await shared.close();

    const wrong = await openPlayground(session, `${session.url}#dataset=xor&epochsPerFrame=fast&epochsPerFrame_hide=true`);
    assert.match(await wrong.textContent('#message'),
      /In the address: epochsPerFrame must be a number, got "fast"/);
    assert.equal((await wrong.evaluate(() => window.playground.config)).dataset, 'xor');
    assert.equal(await wrong.isHidden('#epochs-per-frame'), true, 'classroom mode can hide the speed');
    await wrong.close();
  });
});
