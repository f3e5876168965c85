// Several <greymatter-playground> elements on one host page of another origin
// (fixtures/three-playgrounds.html): each trains on its own, attributes, `config` and
// `setConfig` agree, the events carry the documented detail, a refusal stays inside its
// element, the host's URL, ids and styles are untouched, a crash in one leaves the
// others running, and an element scrolled off screen stops animating and resumes.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage } from './helpers.mjs';

/** Runs `script(element)` in the page on the element with id `id`. */
const on = (page, id, script, arg) =>
  page.evaluate(
    ([which, source, value]) => new Function('element', 'arg', `return (${source})(element, arg);`)(document.getElementById(which), value),
    [id, script.toString(), arg],
  );

const epochOf = (page, id) => on(page, id, (element) => element.state.epoch);
const messageOf = (page, id) =>
  on(page, id, (element) => {
    const message = element.shadowRoot.getElementById('message');
    return message.hidden ? '' : message.textContent;
  });

describe('several elements on a host page of another origin', () => {
  let session;
  let page;
  const wasmRequests = [];

  before(async () => {
    session = await startSession();
    page = await openPage(session, 'about:blank');
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasmRequests.push(request.url());
    });
    // Every event of every element, kept in the page for the tests to read.
    await page.addInitScript(() => {
      window.seen = [];
      window.addEventListener('DOMContentLoaded', () => {
        for (const element of document.querySelectorAll('greymatter-playground')) {
          for (const type of ['ready', 'epoch', 'configchange', 'viewchange', 'diverge', 'error']) {
            element.addEventListener(type, (event) => window.seen.push({ id: element.id, type, detail: event.detail }));
          }
        }
      });
    });
    await page.goto(`${session.hostUrl}three-playgrounds.html`);
    await page.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready)));
  });
  after(async () => session?.close());

  const seen = (type, id) => page.evaluate(([t, i]) => window.seen.filter((e) => e.type === t && (!i || e.id === i)), [type, id]);

  it('loads the core once for all three, each with its own setup, and sends ready with the config and state', async () => {
    assert.equal(wasmRequests.length, 1, `one download of the core: ${wasmRequests.join(', ')}`);
    assert.equal((await on(page, 'first', (element) => element.config)).dataset, 'xor');
    assert.deepEqual((await on(page, 'first', (element) => element.config)).hidden, [4]);
    assert.equal((await on(page, 'second', (element) => element.config)).noise, 10);
    assert.deepEqual((await on(page, 'third', (element) => element.config)).features, ['x1', 'x2', 'x1x2']);
    const ready = await seen('ready');
    assert.deepEqual(ready.map((event) => event.id).sort(), ['first', 'second', 'third']);
    for (const event of ready) {
      assert.equal(typeof event.detail.config.learningRate, 'number');
      assert.equal(event.detail.state.epoch, 0);
    }
  });

  it('each trains on its own: playing one does not move the others', async () => {
    await on(page, 'first', (element) => element.play());
    await page.waitForFunction(() => document.getElementById('first').state.epoch >= 20);
    await on(page, 'first', (element) => element.pause());
    assert.equal(await epochOf(page, 'second'), 0);
    assert.equal(await epochOf(page, 'third'), 0);
    const state = await on(page, 'second', async (element) => {
      for (let i = 0; i < 3; i++) await element.step();
      return element.state;
    });
    assert.equal(state.epoch, 3);
    const epochs = await seen('epoch', 'second');
    assert.deepEqual(
      epochs.map((event) => event.detail.epoch),
      [1, 2, 3],
    );
    const last = epochs.at(-1).detail;
    assert.deepEqual(Object.keys(last).sort(), ['epoch', 'metric', 'testLoss', 'testMetric', 'trainLoss', 'trainMetric']);
    assert.equal(last.trainLoss, state.trainLoss);
  });

  it('attributes, config and setConfig agree, with a configchange event for each change', async () => {
    assert.equal((await on(page, 'first', (element) => element.config)).learningRate, 0.1);
    await on(page, 'first', (element) => element.setAttribute('learning-rate', '0.3'));
    assert.equal((await on(page, 'first', (element) => element.config)).learningRate, 0.3);
    let changes = await seen('configchange', 'first');
    assert.equal(changes.at(-1).detail.config.learningRate, 0.3);
    assert.equal(changes.at(-1).detail.outcome, 'kept');
    const outcome = await on(page, 'first', (element) => element.setConfig({ learningRate: 0.01, hidden: [3] }));
    assert.equal(outcome, 'reset');
    assert.equal(await on(page, 'first', (element) => element.getAttribute('learning-rate')), '0.01', 'the attribute follows');
    assert.equal(await on(page, 'first', (element) => element.getAttribute('hidden-layers')), '3');
    assert.equal(await on(page, 'first', (element) => element.hasAttribute('noise')), false, 'no attribute is added');
    changes = await seen('configchange', 'first');
    assert.deepEqual(changes.at(-1).detail.config.hidden, [3]);
    assert.equal(changes.at(-1).detail.outcome, 'reset');
    await on(page, 'first', (element) => element.setAttribute('hidden-layers', ''));
    assert.deepEqual((await on(page, 'first', (element) => element.config)).hidden, [], 'an empty list: no hidden layer');
    await on(page, 'first', (element) => element.setAttribute('config', '{"dataset": "circle", "hidden": [2]}'));
    assert.equal((await on(page, 'first', (element) => element.config)).dataset, 'circle');
  });

  it('a refused attribute shows its message inside that element only and changes nothing', async () => {
    const before = await on(page, 'second', (element) => element.config);
    await on(page, 'second', (element) => element.setAttribute('noise', '99'));
    assert.match(await messageOf(page, 'second'), /noise must be between 0 and 50, got 99/);
    assert.deepEqual(await on(page, 'second', (element) => element.config), before);
    assert.equal(await messageOf(page, 'first'), '');
    assert.equal(await messageOf(page, 'third'), '');
    const errors = await seen('error', 'second');
    assert.match(errors.at(-1).detail.message, /noise must be between 0 and 50/);
    assert.equal(errors.at(-1).detail.source, 'setup');
    const thrown = await on(page, 'second', (element) => {
      try {
        element.setConfig({ learningRate: -1 });
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(thrown, /learningRate must be greater than 0/);
    assert.match(await messageOf(page, 'second'), /learningRate/);
    assert.equal(await messageOf(page, 'first'), '');
  });

  it("draws with the host page's own colours of −1 and +1 (--gm-negative, --gm-positive), in the core's pictures too", async () => {
    const counts = (id) =>
      on(page, id, (element) => {
        const canvas = element.shadowRoot.getElementById('heatmap');
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let red = 0;
        let green = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i] > 150 && data[i + 1] < 60 && data[i + 2] < 60) red++;
          if (data[i + 1] > 120 && data[i] < 60 && data[i + 2] < 60) green++;
        }
        return { red, green, swatch: getComputedStyle(element.shadowRoot.querySelector('.playground')).getPropertyValue('--positive') };
      });
    await on(page, 'second', async (element) => {
      for (let i = 0; i < 20; i++) await element.step();
    });
    const second = await counts('second');
    assert.ok(second.red > 500 && second.green > 500, `red ${second.red}, green ${second.green}`);
    assert.equal(second.swatch, 'rgb(0, 160, 0)');
    const first = await counts('first');
    assert.equal(first.red + first.green, 0, 'the other elements keep their palette');
    await on(page, 'second', (element) => element.style.setProperty('--gm-positive', 'rgb(0, 0, 0)'));
    await page.waitForFunction(
      () => getComputedStyle(document.getElementById('second').shadowRoot.querySelector('.playground')).getPropertyValue('--positive') === 'rgb(0, 0, 0)',
    );
    await on(page, 'second', (element) => element.style.setProperty('--gm-positive', '#00a000'));
  });

  it('an element made by a script starts from its attributes and names every refused one in its notice', async () => {
    const made = await page.evaluate(async () => {
      const element = document.createElement('greymatter-playground');
      element.id = 'made';
      for (const [name, value] of Object.entries({ layout: 'compact', dataset: 'spiral', noise: '99', controls: 'play,colour', theme: 'pink' })) {
        element.setAttribute(name, value);
      }
      document.querySelector('main').prepend(element);
      await element.ready;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const message = element.shadowRoot.getElementById('message').textContent;
      const { dataset, noise } = element.config;
      element.remove();
      return { message, dataset, noise };
    });
    assert.equal(made.dataset, 'spiral');
    assert.equal(made.noise, 0, 'the refused noise changed nothing');
    assert.match(made.message, /noise must be between 0 and 50, got 99/);
    assert.match(made.message, /there is no control called "colour"/);
    assert.match(made.message, /theme must be one of light, dark, auto, got "pink"/);
    assert.equal(made.message.match(/theme must be/g).length, 1, 'each refusal said once');
  });

  it('leaves the host page alone: its address, its ids and its styles', async () => {
    assert.equal(new URL(page.url()).hash, '');
    const host = await page.evaluate(() => ({
      playButtons: document.querySelectorAll('#play-pause').length,
      messages: document.querySelectorAll('#message').length,
      heatmaps: document.querySelectorAll('#heatmap, canvas').length,
      hostButtonColour: getComputedStyle(document.getElementById('play-pause')).color,
      innerButtonColour: getComputedStyle(document.getElementById('first').shadowRoot.getElementById('play-pause')).color,
      innerOutline: getComputedStyle(document.getElementById('first').shadowRoot.querySelector('.playground')).outlineStyle,
      hostMessageOutline: getComputedStyle(document.getElementById('message')).outlineColor,
      globals: Object.keys(window).filter((key) => key.startsWith('greymatter') || key === 'playground'),
    }));
    assert.equal(host.playButtons, 1, "only the host's own #play-pause is in the document");
    assert.equal(host.messages, 1);
    assert.equal(host.heatmaps, 0, "no canvas of greymatter's in the host's DOM");
    assert.equal(host.hostButtonColour, 'rgb(255, 0, 0)');
    assert.notEqual(host.innerButtonColour, 'rgb(255, 0, 0)', 'host styles do not reach inside');
    assert.equal(host.innerOutline, 'none');
    assert.equal(host.hostMessageOutline, 'rgb(0, 128, 0)', "greymatter's styles do not reach out");
    assert.deepEqual(host.globals, []);
  });

  it('a crash in one element restarts that one only; the others keep training', async () => {
    await on(page, 'second', (element) => element.play());
    await page.waitForFunction(() => document.getElementById('second').state.epoch >= 10);
    const firstModel = await on(page, 'first', (element) => element.exportModel());
    await on(page, 'first', (element) => element.api._panicForTesting('boom in the first'));
    assert.match(await messageOf(page, 'first'), /core stopped: boom in the first .*restored the last good network/);
    assert.deepEqual(await on(page, 'first', (element) => element.exportModel()), firstModel, 'its network is back');
    const crash = (await seen('error', 'first')).at(-1).detail;
    assert.equal(crash.source, 'crash');
    assert.equal(crash.recovered, true);
    const before = await epochOf(page, 'second');
    await page.waitForFunction((n) => document.getElementById('second').state.epoch > n + 10, before);
    assert.equal(await on(page, 'second', (element) => element.playing), true);
    assert.doesNotMatch(await messageOf(page, 'second'), /stopped/);
    await on(page, 'second', (element) => element.pause());
    assert.equal((await on(page, 'first', (element) => element.step())).epoch, await epochOf(page, 'first'));
  });

  it('an element scrolled off screen stops animating and goes on where it was when scrolled back', async () => {
    await on(page, 'third', (element) => element.scrollIntoView());
    await on(page, 'third', (element) => element.play());
    await page.waitForFunction(() => document.getElementById('third').state.epoch >= 5);
    // The page's own observer hears that the element left the screen in the same update as the element's.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const observer = new IntersectionObserver(([entry]) => {
            if (entry.isIntersecting) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.getElementById('third'));
          window.scrollTo(0, 0);
        }),
    );
    const hidden = await epochOf(page, 'third');
    // Thirty frames later: a playground still animating would have trained in them.
    await page.evaluate(async () => {
      for (let frame = 0; frame < 30; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    assert.ok((await epochOf(page, 'third')) <= hidden + 1, 'no training off screen');
    assert.equal(await on(page, 'third', (element) => element.playing), true, 'still playing: it waits');
    await on(page, 'third', (element) => element.scrollIntoView());
    await page.waitForFunction((n) => document.getElementById('third').state.epoch > n + 5, hidden);
    await on(page, 'third', (element) => element.pause());
    assert.deepEqual(page.problems, []);
  });
});
