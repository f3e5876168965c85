// Accessibility, as axe-core measures it and as a person who uses only the keyboard
// finds it. axe runs on the full page in the states a learner reaches (first load, the
// neuron inspector, the step-through, the weight box, three classes with the confusion
// matrix and class legend, a refused setting's notice, the loss readout, the dark
// theme), comparing two runs (the full page's Compare, and <greymatter-compare> on a
// host page), on a host page with compact playgrounds in both themes, and on the tutorial
// when it is there; it must find no violation. Then journeys with `page.keyboard`
// alone (no mouse, no `.click()`): every control is a Tab stop with a visible ring; the
// learning rate, the dataset (a radio group moved by the arrow keys), a feature and a
// hidden layer are changed; a neuron is pinned, its inspector opened, one weight and
// its bias typed there and the exported model changed by exactly those values; play
// and pause; a sample stepped through; the loss chart read epoch by epoch; and Escape
// closes each panel and gives the focus back to what opened it.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPlayground, openPage, linkMiddle } from './helpers.mjs';
import { WWW } from './server.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TUTORIAL = path.join(WWW, 'tutorial.html');

/** axe's violations on the whole document (open shadow roots included), as plain data. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    })),
  );
}

/** Runs axe and fails with one line per violation (id, impact, target, help) if there is any. */
async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  const lines = violations.flatMap(({ id, impact, help, targets }) => targets.map((target) => `${id} (${impact}) at ${target}: ${help}`));
  for (const line of lines) console.log(`axe, ${where}: ${line}`);
  assert.deepEqual(lines, [], `axe found violations in ${where}:\n${lines.join('\n')}`);
}

/** Whether the focused element of the playground matches `selector`. */
const focusedIs = (page, selector) =>
  page.evaluate((wanted) => Boolean(document.querySelector('greymatter-playground').shadowRoot.activeElement?.matches(wanted)), selector);

/** What names a focusable element in the Tab walk: its id, else "node 3" for a neuron's picture. */
const KEY_OF = `(element) => element.id || (element.dataset.node ? 'node ' + element.dataset.node : element.outerHTML.slice(0, 80))`;

/** Presses Tab until the focus is on `selector` inside the playground; fails after `limit` presses. */
async function tabTo(page, selector, { limit = 250, back = false } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await focusedIs(page, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${selector} is not reached by ${back ? 'Shift+' : ''}Tab`);
}

/** Replaces the text of the focused box with `text` and presses Enter. */
async function typeInto(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const config = (page) => page.evaluate(() => window.playground.config);
const model = (page) => page.evaluate(() => window.playground.exportModel());

describe('axe finds no violation', () => {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => session?.close());

  it('on the full page: first load, inspector, step-through, what a layer sees, weight box, three classes, a refusal, the readout, dark', async () => {
    // The page's CSP allows no inline script; axe is put in by the test.
    const page = await openPlayground(session, session.url, { bypassCSP: true });
    await assertAccessible(page, 'the full page');

    await page.focus('.thumb[data-node="3"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#inspector:not([hidden])');
    await assertAccessible(page, 'the neuron inspector');

    await page.focus('#step-through');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-through-panel:not([hidden])');
    await page.keyboard.press('ArrowRight');
    await assertAccessible(page, 'the step-through');

    await page.focus('#layer-sees');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#layer-sees-panel:not([hidden])');
    await page.waitForSelector('.histogram-layer');
    await assertAccessible(page, 'what a layer sees, and the histograms');
    await page.selectOption('#sees-second', '0');
    await page.waitForSelector('#sees-message:not([hidden])');
    await assertAccessible(page, "what a layer sees: a refused pick's message");
    await page.keyboard.press('Escape'); // while it is open, Enter on a neuron picks it rather than inspecting

    const middle = await linkMiddle(page, 6, 8); // the weight box opens from the diagram's canvas
    await page.mouse.click(middle.x, middle.y);
    await page.waitForSelector('#weight-input:not([hidden])');
    await assertAccessible(page, 'the weight box');
    await page.keyboard.press('Escape');

    await page.evaluate(() => window.playground.setConfig({ dataset: 'spiral', classes: 3 }));
    await page.evaluate(async () => {
      for (let i = 0; i < 20; i++) await window.playground.step();
    });
    await page.waitForSelector('#confusion-matrix tbody td[data-count]');
    await page.waitForSelector('#class-legend .class-item');
    await assertAccessible(page, 'three classes (confusion matrix, class legend)');

    await page.evaluate(() => {
      try {
        window.playground.setConfig({ learningRate: -1 });
      } catch {
        /* refused: shown in #message */
      }
    });
    await page.waitForSelector('#message:not([hidden])');
    await assertAccessible(page, "a refused setting's notice");

    await page.focus('#loss-chart');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#loss-chart-tip:not([hidden])');
    await assertAccessible(page, 'the loss readout');

    await page.evaluate(() => document.querySelector('greymatter-playground').setAttribute('theme', 'dark'));
    await page.waitForSelector('.playground[data-theme="dark"]');
    await page.focus('.thumb[data-node="4"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#inspector:not([hidden])');
    await assertAccessible(page, 'the dark theme (three classes, inspector, notice)');
    await page.click('#layer-sees');
    await page.selectOption('#sees-second', '0');
    await page.waitForSelector('#sees-message:not([hidden])');
    await assertAccessible(page, "the dark theme: what a layer sees, a refused pick's message and the histograms");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('on a host page with compact playgrounds, light and dark', async () => {
    const page = await openPage(session, `${session.hostUrl}compact-layouts.html`);
    await page.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready)));
    await assertAccessible(page, 'the compact layouts');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('comparing two runs: on the full page after Compare, and on a host page, light and dark', async () => {
    const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=4&compare=true&b.learningRate=0.3`, { bypassCSP: true });
    await page.waitForFunction(() => document.querySelector('greymatter-compare')?.b.config?.learningRate === 0.3);
    await page.evaluate(() => document.querySelector('greymatter-compare').step());
    await assertAccessible(page, 'the full page comparing two runs');
    const host = await openPage(session, `${session.hostUrl}compare.html`);
    await host.evaluate(() => document.querySelector('greymatter-compare').ready);
    await assertAccessible(host, 'a comparison on a host page');
    await host.evaluate(() => document.querySelector('greymatter-compare').setAttribute('theme', 'dark'));
    await host.waitForFunction(() => {
      const compare = document.querySelector('greymatter-compare');
      return compare.shadowRoot.querySelector('.compare[data-theme="dark"]') && compare.b.shadowRoot.querySelector('.playground[data-theme="dark"]');
    });
    await assertAccessible(host, 'a comparison on a host page, dark');
    assert.deepEqual([...page.problems, ...host.problems], []);
    await page.context().close();
    await host.context().close();
  });

  it('on the tutorial', { skip: existsSync(TUTORIAL) ? false : 'www/tutorial.html is not on this branch yet' }, async () => {
    // The tutorial's Content-Security-Policy allows its own scripts only; axe is the test's.
    const page = await openPage(session, `${session.url}tutorial.html`, { bypassCSP: true });
    await page.waitForFunction(() => document.querySelectorAll('greymatter-playground').length > 0);
    await page.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready)));
    await assertAccessible(page, 'the tutorial');
    await page.context().close();
  });
});

describe('with the keyboard alone', () => {
  let session;
  let page;
  before(async () => {
    session = await startSession();
    page = await openPlayground(session);
  });
  after(async () => session?.close());

  it('reaches every control, neuron and the chart with Tab, each with a visible focus ring', async () => {
    const seen = new Map(); // what took the focus → its ring
    for (let press = 0; press < 400; press++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate((keyOf) => {
        const host = document.querySelector('greymatter-playground');
        const shadow = host.shadowRoot;
        // The page's own buttons in the playback bar (slot="actions": Compare) are the host's children.
        const slotted = document.activeElement?.parentElement === host && document.activeElement.slot === 'actions';
        const element = shadow.activeElement ?? (slotted ? document.activeElement : null);
        if (!element) return null;
        // The model file's input is hidden behind its label, which shows the ring.
        const ringed = element.id === 'import-model' ? shadow.querySelector('label[for="import-model"]') : element;
        const style = getComputedStyle(ringed);
        // biome-ignore lint/security/noGlobalEval: KEY_OF, this file's own function, crosses into the page as text
        return { key: eval(keyOf)(element), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      }, KEY_OF);
      if (!focused) {
        if (seen.size > 0) break; // Tab left the playground: the page's footer link
        continue;
      }
      if (seen.has(focused.key)) break;
      seen.set(focused.key, focused.ring);
    }
    const unringed = [...seen].filter(([, ring]) => !ring).map(([key]) => key);
    assert.deepEqual(unringed, [], 'every focused element shows a ring');
    const expected = await page.evaluate((keyOf) => {
      const shadow = document.querySelector('greymatter-playground').shadowRoot;
      return (
        [...shadow.querySelectorAll('button, select, input, canvas[tabindex], [tabindex="0"]')]
          .filter((element) => !element.disabled && element.tabIndex >= 0 && (element.checkVisibility() || element.id === 'import-model'))
          // biome-ignore lint/security/noGlobalEval: KEY_OF, this file's own function, crosses into the page as text
          .map(eval(keyOf))
      );
    }, KEY_OF);
    const missed = expected.filter((key) => !seen.has(key));
    assert.deepEqual(missed, [], 'every control is a Tab stop');
    for (const key of [
      'learning-rate',
      'play-pause',
      'compare',
      'add-layer',
      'feature-x1Squared',
      'dataset-circle',
      'node 3',
      'node 8',
      'loss-chart',
      'step-through',
      'gradient-links',
      'import-model',
    ]) {
      assert.ok(seen.has(key), `${key} is a Tab stop`);
    }
    assert.equal([...seen.keys()].filter((key) => key.startsWith('dataset-')).length, 1, 'the dataset picker is one Tab stop');
  });

  it('changes the learning rate and the dataset, toggles a feature and adds a hidden layer', async () => {
    await tabTo(page, '#learning-rate');
    const before = await config(page);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((rate) => window.playground.config.learningRate !== rate, before.learningRate);
    assert.ok((await config(page)).learningRate > before.learningRate, 'ArrowDown picks the next learning rate');

    await tabTo(page, '#dataset [aria-checked="true"]');
    assert.equal(await page.getAttribute('#dataset', 'role'), 'radiogroup');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.playground.config.dataset === 'xor');
    assert.ok(await focusedIs(page, '#dataset-xor[aria-checked="true"]'), 'the focus follows the choice');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.playground.config.dataset === 'circle');
    await page.keyboard.press('End'); // the last tile: your own points
    await page.waitForFunction(() => window.playground.config.dataset === 'own');
    await page.keyboard.press('ArrowLeft'); // the formula dataset
    await page.waitForFunction(() => window.playground.config.dataset === 'formula');

    await tabTo(page, '#feature-x1Squared');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.playground.config.features.join() === 'x1,x2,x1Squared');

    await tabTo(page, '#add-layer');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.playground.config.hidden.join() === '4,2,2');
    assert.deepEqual(page.problems, []);
  });

  it('pins a neuron, opens its inspector and edits one weight and its bias there; Escape gives the focus back', async () => {
    await page.evaluate(() => window.playground.setConfig({ features: ['x1', 'x2'], hidden: [4, 2] }));
    await tabTo(page, '.thumb[data-node="3"]', { back: true }); // neuron 2 of hidden layer 1
    await page.keyboard.press('Enter');
    await page.waitForSelector('#inspector:not([hidden])');
    assert.equal(await page.textContent('#inspector-title'), 'Neuron 2 of hidden layer 1');
    assert.ok(await focusedIs(page, '#inspector-title'), 'the focus moves into the inspector');
    assert.ok(await page.locator('.thumb[data-node="3"]').evaluate((canvas) => canvas.classList.contains('pinned')), 'the neuron is pinned');

    const weightBox = 'input.parameter-input[data-parameter="weight"][data-input="0"]';
    assert.equal(await page.getAttribute(weightBox, 'aria-label'), 'Weight from x₁ to neuron 2 of hidden layer 1');
    const start = await model(page);
    await tabTo(page, weightBox, { limit: 10 });
    await typeInto(page, '0.5');
    await page.waitForFunction(() => window.playground.exportModel().layers[0].weights[1][0] === 0.5);
    const afterWeight = await model(page);
    const expected = structuredClone(start);
    expected.layers[0].weights[1][0] = 0.5;
    assert.deepEqual(afterWeight.layers, expected.layers, 'exactly that weight changed');
    assert.equal(Number(await page.getAttribute('#inspector output[data-quantity="weight"][data-input="0"]', 'data-value')), 0.5);

    const biasBox = 'input.parameter-input[data-parameter="bias"]';
    assert.equal(await page.getAttribute(biasBox, 'aria-label'), 'Bias of neuron 2 of hidden layer 1');
    await tabTo(page, biasBox, { limit: 10 });
    await typeInto(page, '-1.25');
    await page.waitForFunction(() => window.playground.exportModel().layers[0].biases[1] === -1.25);
    expected.layers[0].biases[1] = -1.25;
    assert.deepEqual((await model(page)).layers, expected.layers, 'exactly the bias changed too');
    assert.ok(await focusedIs(page, biasBox), 'the box keeps the focus while the page redraws');

    await page.keyboard.press('Escape');
    await page.waitForSelector('#inspector', { state: 'hidden' });
    assert.ok(await focusedIs(page, '.thumb[data-node="3"]'), 'the focus is back on the neuron');
    assert.deepEqual(page.problems, []);
  });

  it('plays and pauses, steps through a sample and closes the step-through with Escape', async () => {
    await tabTo(page, '#play-pause', { back: true });
    const epoch = (await page.evaluate(() => window.playground.state)).epoch;
    await page.keyboard.press('Enter');
    await page.waitForFunction((start) => window.playground.playing && window.playground.state.epoch > start, epoch);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !window.playground.playing);
    assert.equal(await page.textContent('#play-pause'), 'Play');

    await tabTo(page, '#step-through');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-through-panel:not([hidden])');
    assert.ok(await focusedIs(page, '#step-title'), 'the focus moves to the step-through');
    const stage = () => page.getAttribute('#step-through-panel', 'data-stage');
    assert.equal(await stage(), '0');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('step-through-panel').dataset.stage === '1');
    await tabTo(page, '#step-sample', { limit: 5 });
    await typeInto(page, '3');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('step-sample').value === '3');
    await tabTo(page, '#step-next', { limit: 5 });
    // Forward and backward through the 3 layers, then the update: 7 stages. Next stops applying at the last.
    for (let at = 1; at < 6; at++) await page.keyboard.press('Enter');
    await page.waitForSelector('#step-apply:not([hidden])');
    assert.equal(await stage(), '6');
    assert.ok(await focusedIs(page, '#step-apply'), 'the focus goes on to Apply when Next is done');
    const before = await model(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction((weights) => JSON.stringify(window.playground.exportModel().layers) !== weights, JSON.stringify(before.layers));
    assert.ok(
      await page.evaluate(() => {
        const shadow = document.querySelector('greymatter-playground').shadowRoot;
        return shadow.getElementById('step-through-panel').contains(shadow.activeElement);
      }),
      'after Apply the focus stays in the panel',
    );

    await page.keyboard.press('Escape');
    await page.waitForSelector('#step-through-panel', { state: 'hidden' });
    assert.ok(await focusedIs(page, '#step-through'), 'the focus is back on the Step-through button');
    assert.deepEqual(page.problems, []);
  });

  it('reads the loss chart epoch by epoch', async () => {
    await page.evaluate(async () => {
      for (let i = 0; i < 5; i++) await window.playground.step();
    });
    await tabTo(page, '#loss-chart');
    await page.waitForSelector('#loss-chart-tip:not([hidden])');
    const read = () =>
      page.$eval('#loss-chart', (chart) => ({
        now: Number(chart.getAttribute('aria-valuenow')),
        min: Number(chart.getAttribute('aria-valuemin')),
        max: Number(chart.getAttribute('aria-valuemax')),
        text: chart.getAttribute('aria-valuetext'),
      }));
    const latest = await read();
    assert.equal(latest.now, latest.max, 'focusing the chart marks the latest epoch');
    assert.equal(latest.max, (await page.evaluate(() => window.playground.state)).epoch);
    assert.match(latest.text, /^epoch \d+ · training loss \d\.\d{3} · test loss \d\.\d{3}$/);
    assert.equal(await page.textContent('#loss-chart-tip'), latest.text, 'the tip says what is announced');
    await page.keyboard.press('ArrowLeft');
    const earlier = await read();
    assert.ok(earlier.now < latest.now, `ArrowLeft marks an earlier epoch (${earlier.now} after ${latest.now})`);
    await page.keyboard.press('Home');
    assert.equal((await read()).now, latest.min, 'Home marks the first epoch');
    await page.keyboard.press('Tab');
    await page.waitForSelector('#loss-chart-tip', { state: 'hidden' });
    assert.deepEqual(page.problems, []);
  });

  it('closes the weight box with Escape, the focus on the neuron its weight leads into', async () => {
    // The weight box opens from the diagram's canvas (a pointer); the keyboard closes it.
    const middle = await linkMiddle(page, 6, 8);
    await page.mouse.click(middle.x, middle.y);
    await page.waitForSelector('#weight-input:not([hidden])');
    assert.ok(await focusedIs(page, '#weight-input'));
    await page.keyboard.press('Escape');
    await page.waitForSelector('#weight-card', { state: 'hidden' });
    assert.ok(await focusedIs(page, '.thumb[data-node="8"]'), 'the focus is on the output neuron');
    assert.deepEqual(page.problems, []);
  });
});
