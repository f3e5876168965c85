// The speed control (epochs per frame), as a person uses it: pick "10 epochs / frame",
// press Step and the epoch counter jumps by 10; press Play and it climbs by 10 with
// every frame the page draws. The speed travels in the address like every other
// control, scripts set it with setView, and a bad value is refused with a reason. An
// epoch longer than a frame is trained over several frames, its progress shown.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, openOncePerSuite } from './helpers.mjs';

const epochShown = (page) => page.evaluate(() => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent));

/** The epoch counter as shown in each of `frames` animation frames while playing. */
const countersPerFrame = (page, frames) =>
  page.evaluate(
    (count) =>
      new Promise((resolve) => {
        const seen = [];
        const look = () => {
          seen.push(Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent));
          if (seen.length < count) requestAnimationFrame(look);
          else resolve(seen);
        };
        requestAnimationFrame(look);
      }),
    frames,
  );

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
    await page.waitForFunction(
      (n) => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent) === n,
      before + 10,
    );
    await page.click('#step');
    await page.waitForFunction(
      (n) => Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent) === n,
      before + 20,
    );

    await page.click('#play-pause');
    await page.waitForFunction(() => window.playground.playing);
    const seen = await countersPerFrame(page, 30);
    await page.click('#play-pause');
    await page.waitForFunction(() => !window.playground.playing);
    const steps = seen.slice(1).map((epoch, i) => epoch - seen[i]);
    // A frame trains what it owes within its time budget and carries the rest, at most one frame's worth.
    assert.ok(
      steps.every((step) => step >= 0 && step <= 20),
      `per-frame steps ${steps}`,
    );
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

  it('an epoch longer than a frame is trained over several frames, its progress shown beside the counter', async () => {
    const page2 = await openPlayground(session);
    await page2.evaluate(() =>
      window.playground.setConfig({
        features: ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'],
        hidden: Array(16).fill(57),
        samples: 5000,
        batchSize: 1,
      }),
    );
    // Each frame while playing: the state, and the counter and progress as shown.
    const frames = await page2.evaluate(
      () =>
        new Promise((resolve) => {
          const element = document.querySelector('greymatter-playground');
          window.epochEvents = [];
          element.addEventListener('epoch', (event) => window.epochEvents.push(event.detail.epoch));
          const seen = [];
          const look = () => {
            const { epoch, epochProgress } = element.state;
            const root = element.shadowRoot;
            seen.push({ epoch, epochProgress, counter: root.getElementById('epoch').textContent, shown: root.getElementById('epoch-progress').textContent });
            if (epoch >= 2 || seen.length > 3000) {
              element.pause();
              resolve(seen);
            } else requestAnimationFrame(look);
          };
          element.play();
          requestAnimationFrame(look);
        }),
    );
    const partial = frames.filter((frame) => frame.epochProgress > 0);
    assert.ok(partial.length >= 3, `the first epochs took several frames: ${frames.length} frames, ${partial.length} mid-epoch`);
    for (const frame of frames) assert.equal(Number(frame.counter), frame.epoch, 'the counter shows the completed epochs');
    const drawn = partial.filter((frame) => frame.shown !== '');
    assert.ok(drawn.length > 0, 'the progress is shown while an epoch is under way');
    for (const frame of drawn) assert.match(frame.shown, /^· \d{1,3} %$/);
    const firstEpoch = partial.filter((frame) => frame.epoch === 0).map((frame) => frame.epochProgress);
    assert.deepEqual(
      firstEpoch,
      [...firstEpoch].sort((a, b) => a - b),
      'progress only grows within an epoch',
    );
    // `epoch` is sent when the epoch moved: not for frames that trained part of one.
    const sent = await page2.evaluate(() => window.epochEvents);
    assert.ok(sent.length > 0 && sent.every((epoch, index) => epoch > (sent[index - 1] ?? 0)), `epoch events: ${sent}`);
    // 1 (shown 100 %) while the epoch's losses are measured, before it is counted.
    assert.ok(firstEpoch.every((share) => share > 0 && share <= 1));
    // A step trains to the end of the next epoch (the one under way, if any), over as
    // many frames as it takes, and resolves once it is shown.
    const stepped = await page2.evaluate(async () => {
      const p = window.playground;
      const before = p.state.epoch;
      await p.step();
      const shown = Number(document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent);
      return { before, after: p.state.epoch, progress: p.state.epochProgress, shown };
    });
    assert.deepEqual(stepped, { before: stepped.before, after: stepped.before + 1, progress: 0, shown: stepped.before + 1 });
    assert.deepEqual(page2.problems, []);
    await page2.context().close();
  });

  it('a shared address carries the speed; a bad one is reported and the rest still applies', async () => {
    const shared = await openPlayground(session, `${session.url}#dataset=xor&epochsPerFrame=5`);
    assert.equal(await shared.inputValue('#epochs-per-frame'), '5');
    const state = await shared.evaluate(() => window.playground.step());
    assert.equal(state.epoch, 5);
    await shared.close();

    const wrong = await openPlayground(session, `${session.url}#dataset=xor&epochsPerFrame=fast&epochsPerFrame_hide=true`);
    assert.match(await wrong.textContent('#message'), /In the address: epochsPerFrame must be a number, got "fast"/);
    assert.equal((await wrong.evaluate(() => window.playground.config)).dataset, 'xor');
    assert.equal(await wrong.isHidden('#epochs-per-frame'), true, 'classroom mode can hide the speed');
    await wrong.close();
  });
});
