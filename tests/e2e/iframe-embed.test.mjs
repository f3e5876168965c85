// The iframe embed (www/embed.html) on host pages of another origin: the frame reports
// its height, answers the scripting API as messages (results, refusals, Promises),
// passes its element's events on, says what in its address it refused, ignores
// messages from anyone but its parent (and, with `origins=`, refuses a parent of any
// other origin, saying why),
// runs under a strict script-src, and embed-host.js resizes it and gives promises.
// Fixtures: iframe-host.html (the snippet without the helper; the frame's address is
// the page's own hash), intruder.html (a frame of a third origin), iframe-helper.html,
// iframe-snippet.html (docs/embedding.md's snippet under a policy without inline style or script).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage, openWatched, TIMEOUT_MS } from './helpers.mjs';
import { startServer, FIXTURES } from './server.mjs';

const XOR = 'dataset=xor&hidden=4&layout=compact';

/** The frame showing embed.html in `page`. */
function embedFrame(page) {
  const frame = page.frames().find((candidate) => candidate.url().includes('/embed.html'));
  assert.ok(
    frame,
    `an embed.html frame among ${page
      .frames()
      .map((f) => f.url())
      .join(', ')}`,
  );
  return frame;
}

/** Runs `script(element)` in the embed frame on its <greymatter-playground>. */
const inFrame = (page, script, arg) =>
  embedFrame(page).evaluate(
    ([source, value]) => new Function('element', 'arg', `return (${source})(element, arg);`)(document.querySelector('greymatter-playground'), value),
    [script.toString(), arg],
  );

/** The messages the host received from the greymatter frame (checked as the snippet checks them). */
const fromFrame = (page) => page.evaluate(() => window.received.filter((m) => m.fromFrame).map((m) => m.data));
const eventsOf = async (page, type) => (await fromFrame(page)).filter((m) => m.event === type).map((m) => m.detail);

/** Waits until the host has received an event `type` from the frame (the `count`-th one); returns its detail. */
async function nextEvent(page, type, count = 1) {
  await page.waitForFunction(([t, n]) => window.received.filter((m) => m.fromFrame && m.data?.event === t).length >= n, [type, count]);
  return (await eventsOf(page, type))[count - 1];
}

/** Calls `name(...args)` through the host's snippet (iframe-host.html): the result, or {error} for a refusal. */
const call = (page, name, ...args) => page.evaluate(([n, a]) => window.call(n, ...a).catch((error) => ({ error: error.message })), [name, args]);

/** Keeps every message the embed frame receives in its window.seenByFrame (after greymatter's own listener). */
const recordInFrame = (page) =>
  embedFrame(page).evaluate(() => {
    window.seenByFrame = [];
    window.addEventListener('message', (event) => window.seenByFrame.push({ origin: event.origin, data: event.data }));
  });
const frameHasSeen = (page, id) => embedFrame(page).waitForFunction((wanted) => window.seenByFrame.some((m) => m.data?.id === wanted), id);

/**
 * Makes sure whatever the frame would have sent to the host after what it received so
 * far has arrived: the frame posts a marker to its parent (after its own answers, which
 * go first) and this waits for it.
 */
async function hostBarrier(page, name) {
  await embedFrame(page).evaluate((marker) => window.parent.postMessage({ barrier: marker }, '*'), name);
  await page.waitForFunction((marker) => window.received.some((m) => m.data?.barrier === marker), name);
}

/** Waits for `condition` (an async function) to hold, polling; fails after TIMEOUT_MS. */
async function until(condition, what) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`waited ${TIMEOUT_MS} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the last height the frame reported is its document's height, passes
 * `wanted`, and the host's snippet has given the iframe that height; returns it.
 */
async function settledHeight(page, wanted = () => true) {
  let height;
  await until(async () => {
    height = (await eventsOf(page, 'resize')).at(-1)?.height;
    const inside = await embedFrame(page).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const frame = await page.evaluate(() => document.querySelector('iframe.greymatter').clientHeight);
    return height !== undefined && wanted(height) && height === inside && frame === height;
  }, "the frame's reported height to settle");
  return height;
}

const frameMessage = (page) =>
  inFrame(page, (element) => {
    const message = element.shadowRoot.getElementById('message');
    return message.hidden ? '' : message.textContent;
  });

describe('the iframe embed on a host page of another origin', () => {
  let session;
  let third;

  before(async () => {
    session = await startSession();
    third = await startServer(FIXTURES);
  });
  after(async () => {
    await session?.close();
    await third?.close();
  });

  /** Opens iframe-host.html with the frame at embed.html#`hash`; waits for its ready event. */
  async function openHost(hash, { intruder = false, ready = true } = {}) {
    const query = intruder ? `?intruder=${encodeURIComponent(`${third.url}intruder.html`)}` : '';
    const page = await openPage(session, `${session.hostUrl}iframe-host.html${query}#${hash}`);
    if (ready) await nextEvent(page, 'ready');
    return page;
  }

  /** Closes the page after checking that neither it nor its frames logged an error. */
  async function done(page, allowed = []) {
    const problems = page.problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
    assert.deepEqual(problems, []);
    await page.context().close();
  }

  it('sends its height to the parent, which resizes the frame, and a new height when the content grows', async () => {
    const page = await openHost(XOR);
    const settled = await settledHeight(page);
    assert.ok(settled > 300, `a whole playground is taller than ${settled}px`);
    const scrolls = await embedFrame(page).evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
    assert.equal(scrolls, false, 'the frame shows all of it: nothing to scroll');

    // A refusal's notice makes the playground taller; the next accepted change clears it.
    assert.match((await call(page, 'setConfig', { learningRate: -1 })).error, /learningRate must be greater than 0/);
    const grown = await settledHeight(page, (height) => height > settled);
    assert.ok(grown > settled, `${grown} > ${settled}`);
    assert.equal(await call(page, 'setConfig', { learningRate: 0.1 }), 'kept');
    assert.equal(await settledHeight(page, (height) => height < grown), settled);

    // Another layout, another height.
    const boundary = await openHost('dataset=xor&hidden=4&layout=boundary');
    assert.notEqual(await settledHeight(boundary), settled);
    await done(boundary);
    await page.screenshot({ path: process.env.GREYMATTER_SCREENSHOT ?? '/tmp/greymatter-iframe-embed.png', fullPage: true });
    await done(page);
  });

  it('answers setConfig, config, step and refusals as messages, and sends ready, then configchange and epoch events', async () => {
    const page = await openHost(XOR);
    const events = (await fromFrame(page)).filter((m) => m.event && m.event !== 'resize');
    assert.equal(events.at(-1).event, 'ready', 'ready comes once the playground is up');
    const ready = events.at(-1).detail;
    assert.equal(ready.config.dataset, 'xor');
    assert.deepEqual(ready.config.hidden, [4]);
    assert.equal(ready.state.epoch, 0);

    assert.equal(await call(page, 'setConfig', { learningRate: 0.1 }), 'kept');
    assert.equal((await call(page, 'config')).learningRate, 0.1);
    assert.equal(await call(page, 'setConfig', { hidden: [3, 2] }), 'reset');
    const config = await call(page, 'config');
    assert.deepEqual(config.hidden, [3, 2]);
    assert.deepEqual(config, await inFrame(page, (element) => element.config), 'the message and the element agree');
    const change = await nextEvent(page, 'configchange', (await eventsOf(page, 'configchange')).length);
    assert.deepEqual(change, { config, outcome: 'reset' });

    const refused = await call(page, 'setConfig', { learningRate: -1, noise: 10 });
    assert.deepEqual(refused, { error: 'learningRate must be greater than 0 and at most 10, got -1' });
    assert.deepEqual(await call(page, 'config'), config, 'a refusal changes nothing');
    assert.match(await frameMessage(page), /learningRate must be greater than 0/, 'and is shown in the frame too');
    assert.match((await nextEvent(page, 'error')).message, /learningRate must be greater than 0/);

    const state = await call(page, 'step');
    assert.equal(state.epoch, 1);
    assert.equal(typeof state.trainLoss, 'number');
    const epoch = await nextEvent(page, 'epoch');
    assert.deepEqual(epoch, {
      epoch: 1,
      trainLoss: state.trainLoss,
      testLoss: state.testLoss,
      trainMetric: state.trainMetric,
      testMetric: state.testMetric,
      metric: state.metric,
    });
    assert.deepEqual(await call(page, 'state'), state);
    await done(page);
  });

  it('answers every member of the API, as plain data, and names the calls for anything else', async () => {
    const page = await openHost(XOR);
    assert.equal(await call(page, 'ready'), null);
    assert.equal(await call(page, 'playing'), false);
    assert.equal((await call(page, 'view')).epochsPerFrame, 1);
    assert.equal(await call(page, 'setView', { epochsPerFrame: 2 }), null);
    assert.equal((await nextEvent(page, 'viewchange')).view.epochsPerFrame, 2);
    assert.equal((await call(page, 'step')).epoch, 2, 'a step trains epochsPerFrame epochs');
    assert.equal(await call(page, 'play'), null);
    assert.equal(await call(page, 'playing'), true);
    await page.waitForFunction(() => window.received.some((m) => m.fromFrame && m.data?.event === 'epoch' && m.data.detail.epoch > 2));
    assert.equal(await call(page, 'pause'), null);
    assert.equal(await call(page, 'reset'), null);
    assert.equal((await call(page, 'state')).epoch, 0);
    assert.equal(await call(page, 'showNode', 2), null);
    assert.equal(await call(page, 'setWeight', 0, 0, 0, 0.5), null);
    assert.equal(await call(page, 'setBias', 0, 0, 0.25), null);
    const model = await call(page, 'exportModel');
    assert.equal(model.format, 'greymatter-model');
    assert.equal(model.layers[0].weights[0][0], 0.5);
    assert.equal(model.layers[0].biases[0], 0.25);
    const outputs = await call(page, 'predict', [
      [0, 0],
      [1, -2],
    ]);
    assert.ok(Array.isArray(outputs) && outputs.length === 2 && outputs.every(Number.isFinite), JSON.stringify(outputs));
    const matrix = await call(page, 'confusionMatrix', 'train');
    assert.equal(matrix.length, 2);
    assert.ok(matrix.every((row) => Array.isArray(row) && row.length === 2));
    model.layers[0].biases[0] = -0.75;
    assert.equal(await call(page, 'importModel', model), null);
    assert.equal((await call(page, 'exportModel')).layers[0].biases[0], -0.75);
    assert.match((await call(page, 'setWeight', 9, 0, 0, 1)).error, /layer/);
    const script = await call(page, 'exportCode', 'numpy');
    assert.equal(script.fileName, 'greymatter_numpy.py');
    assert.match(script.code, /^# greymatter run exported as code: NumPy\./);
    assert.match((await call(page, 'exportCode', 'cobol')).error, /^exportCode: unknown target "cobol": the targets are /);

    // The error names every member of the element's API object but its test hook.
    const members = await inFrame(page, (element) => Object.keys(element.api));
    const unknown = (await call(page, 'train')).error;
    assert.match(
      unknown,
      /^unknown call "train": the calls are play, pause, step, .* \(with args, an array\), and ready, version, playing, state, config, view \(read, without args\)$/,
    );
    for (const name of members.filter((member) => !member.startsWith('_'))) assert.ok(unknown.includes(` ${name}`), `${unknown} names ${name}`);
    assert.ok(!unknown.includes('_panicForTesting'));
    assert.equal((await call(page, '_panicForTesting', 'boom')).error, unknown.replace('"train"', '"_panicForTesting"'));
    assert.doesNotMatch(await frameMessage(page), /boom|stopped/, 'the test hook is not reachable');
    const raw = (message) =>
      page.evaluate(
        (data) =>
          new Promise((resolve) => {
            const listen = (event) => {
              if (event.data?.id !== data.id) return;
              window.removeEventListener('message', listen);
              resolve(event.data);
            };
            window.addEventListener('message', listen);
            document.querySelector('iframe.greymatter').contentWindow.postMessage(data, new URL(document.querySelector('iframe.greymatter').src).origin);
          }),
        message,
      );
    assert.deepEqual(await raw({ greymatter: 1, id: 'x', call: 'setConfig', args: { learningRate: 0.1 } }), {
      greymatter: 1,
      id: 'x',
      error: 'args must be an array of the arguments, e.g. {call: "setConfig", args: [{learningRate: 0.1}]}',
    });
    assert.equal((await raw({ greymatter: 1, id: 'y', call: 'config', args: [1] })).error, 'config is read, not called: send {call: "config"} without args');
    assert.match((await raw({ greymatter: 1, id: 'z' })).error, /^a message needs call, the member to use: /);
    await done(page);
  });

  it('says what in its address it refused, inside the frame and as error events, and applies the rest', async () => {
    const page = await openHost('dataset=xor&noise=99&layuot=compact&layout=huge&theme=pink&autoplay=maybe&learningRate=0.3');
    const message = await frameMessage(page);
    for (const line of [
      'In the embed address: layout must be one of full, compact, boundary, network, compare, got "huge"',
      'In the embed address: theme must be one of light, dark, auto, got "pink"',
      'In the embed address: autoplay must be true or false, got "maybe"',
      'In the embed address: link: unknown setting "layuot"',
      'In the embed address: noise must be between 0 and 50, got 99',
    ]) {
      assert.ok(message.includes(line), `${JSON.stringify(message)} has ${JSON.stringify(line)}`);
    }
    const errors = await eventsOf(page, 'error');
    assert.ok(errors.some((error) => /noise must be between 0 and 50/.test(error.message) && error.source === 'setup'));
    assert.ok(errors.some((error) => /autoplay must be true or false/.test(error.message)));
    const config = await call(page, 'config');
    assert.equal(config.dataset, 'xor');
    assert.equal(config.learningRate, 0.3);
    assert.equal(config.noise, 0);
    assert.equal(await inFrame(page, (element) => element.getAttribute('layout')), null, 'the refused layout is not set');
    assert.equal(await inFrame(page, (element) => element.hasAttribute('sync-url')), false);
    assert.equal(new URL(embedFrame(page).url()).hash.includes('layuot=compact'), true, "the frame's address is left as it was");
    await done(page);

    // The element checks the controls itself, as it does its attribute.
    const controls = await openHost('dataset=xor&layout=compact&controls=play,nonsense');
    assert.match(await frameMessage(controls), /controls: there is no control called "nonsense"; the controls are play, step, /);
    assert.equal(await inFrame(controls, (element) => element.shadowRoot.getElementById('play-pause').hidden), false);
    assert.equal(await inFrame(controls, (element) => element.shadowRoot.getElementById('step').hidden), true);
    await done(controls);
  });

  it('ignores a message from a frame of a third origin: nothing applies and nothing answers it', async () => {
    const page = await openHost(XOR, { intruder: true });
    const intruder = page.frames().find((frame) => frame.url().startsWith(third.url));
    await recordInFrame(page);
    await intruder.evaluate(() => window.parent.frames[0].postMessage({ greymatter: 1, id: 'intruder', call: 'setConfig', args: [{ learningRate: 3 }] }, '*'));
    await frameHasSeen(page, 'intruder');
    // Whatever greymatter would answer the intruder comes before this marker.
    await embedFrame(page).evaluate(() => window.parent.frames[1].postMessage({ barrier: 'intruder' }, '*'));
    await intruder.waitForFunction(() => window.received.some((m) => m.data?.barrier === 'intruder'));
    assert.deepEqual(await intruder.evaluate(() => window.received.filter((m) => m.data?.greymatter)), []);
    assert.equal((await call(page, 'config')).learningRate, 0.03, 'the parent still can, and nothing changed');
    assert.equal((await inFrame(page, (element) => element.config)).learningRate, 0.03);
    await done(page);
  });

  it('with origins= naming another site, refuses even its parent, saying why, and sends it nothing else', async () => {
    const page = await openHost(`${XOR}&origins=https://lessons.example`, { ready: false });
    await embedFrame(page).waitForFunction(() => document.querySelector('greymatter-playground')?.state !== undefined);
    await inFrame(page, (element) => element.ready);
    await recordInFrame(page);
    const host = new URL(session.hostUrl).origin;
    const refusal = `this embed takes calls only from https://lessons.example (its origins=); this page is ${host}`;
    assert.deepEqual(await call(page, 'setConfig', { learningRate: 3 }), { error: refusal });
    await frameHasSeen(page, 1);
    await hostBarrier(page, 'origins');
    assert.deepEqual(
      await fromFrame(page).then((messages) => messages.filter((m) => m.greymatter)),
      [{ greymatter: 1, id: 1, error: refusal }],
      'the refusal only: no event, no height',
    );
    assert.equal((await inFrame(page, (element) => element.config)).learningRate, 0.03);
    assert.equal(await frameMessage(page), '');
    await done(page);
  });

  it('with origins= listing the parent among others, answers it and sends it its events', async () => {
    const host = new URL(session.hostUrl).origin;
    const page = await openHost(`${XOR}&origins=https://lessons.example,${host}`);
    assert.equal(await call(page, 'setConfig', { learningRate: 0.3 }), 'kept');
    assert.equal((await nextEvent(page, 'resize')).height > 300, true);
    const greymatter = new URL(session.url).origin;
    const messages = await page.evaluate(() => window.received.filter((m) => m.data?.greymatter));
    assert.ok(messages.length > 0 && messages.every((m) => m.fromFrame && m.origin === greymatter));
    await done(page);
  });

  it("runs under a Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval' (no inline script)", async () => {
    const page = await openPage(session, 'about:blank');
    await page.route('**/embed.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'" } });
    });
    await page.goto(`${session.hostUrl}iframe-host.html#${XOR}`);
    await nextEvent(page, 'ready');
    assert.equal(await call(page, 'setConfig', { learningRate: 0.1 }), 'kept');
    assert.equal((await call(page, 'step')).epoch, 1);
    // The core's loader tries a blob: module first and, refused, imports the glue by URL (core/engine.js).
    await done(page, [/Loading the script 'blob:.*violates the following Content Security Policy directive/]);
  });

  it('embed-host.js resizes the frame, ignores look-alike messages, and gives promises and events', async () => {
    const page = await openPage(session, `${session.hostUrl}iframe-helper.html`);
    await embedFrame(page).waitForFunction(() => document.querySelector('greymatter-playground')?.state !== undefined);
    await inFrame(page, (element) => element.ready);
    let resized;
    const fitted = () =>
      until(async () => {
        resized = await page.evaluate(() => document.getElementById('lesson').clientHeight);
        return resized === (await embedFrame(page).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
      }, 'the helper to resize the frame to its content');
    await fitted();
    assert.ok(resized > 300, `resized to ${resized}px`);

    const results = await page.evaluate(async () => {
      const frame = window.greymatterFrame(document.getElementById('lesson'));
      const epochs = [];
      const stop = frame.on('epoch', (detail) => epochs.push(detail.epoch));
      await frame.call('ready');
      const outcome = await frame.call('setConfig', { learningRate: 0.3 });
      const refused = await frame.call('setConfig', { learningRate: -1 }).then(
        () => 'resolved',
        (error) => error.message,
      );
      const state = await frame.call('step');
      await frame.call('step');
      while (epochs.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
      stop();
      await frame.call('step');
      const config = await frame.call('config');
      return { outcome, refused, state, epochs, config, same: frame === window.greymatterFrame(document.getElementById('lesson')) };
    });
    assert.equal(results.outcome, 'kept');
    assert.equal(results.refused, 'learningRate must be greater than 0 and at most 10, got -1');
    assert.equal(results.state.epoch, 1);
    assert.deepEqual(results.epochs, [1, 2], 'on() hears epochs until stopped');
    assert.equal(results.config.learningRate, 0.3);
    assert.equal(results.same, true);

    // The refusal's notice made the playground taller: the frame follows. A resize from
    // another window (here the host itself) is not the frame's.
    await fitted();
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.addEventListener('message', (event) => {
            if (event.data?.barrier) resolve();
          });
          window.postMessage({ greymatter: 1, event: 'resize', detail: { height: 40 } }, '*');
          window.postMessage({ barrier: 'self' }, '*');
        }),
    );
    assert.equal(await page.evaluate(() => document.getElementById('lesson').clientHeight), resized);
    await done(page);
  });

  it('the documented snippet works under a host policy without inline style or script: resized, scripted, its events heard', async () => {
    const page = await openWatched(session, `${session.hostUrl}iframe-snippet.html`);
    await page.waitForFunction(() => window.snippet?.stepped !== undefined);
    const seen = await page.evaluate(() => ({
      ...window.snippet,
      height: document.querySelector('iframe').clientHeight,
      violations: window.violations,
    }));
    assert.equal(seen.outcome, 'reset');
    assert.equal(seen.stepped, 1);
    assert.ok(seen.height > 300, `the helper sized the frame to its playground: ${seen.height} px`);
    await page.waitForFunction(() => window.snippet.epochs.includes(1));
    assert.deepEqual(seen.violations, []);
    await done(page);
  });

  it('embed-host.js loaded after the frame is up still reaches it', async () => {
    const page = await openHost(XOR);
    await page.addScriptTag({ url: `${session.url}embed-host.js` });
    const config = await page.evaluate(() => window.greymatterFrame(document.querySelector('iframe.greymatter')).call('config'));
    assert.equal(config.dataset, 'xor');
    await done(page);
  });
});
