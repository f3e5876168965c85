// The members `window.playground` gained with the full page (docs/scripting.md, "Members"):
// view options and classroom flags from a script, showing a node, setting a weight or
// a bias, opening the neuron inspector, and the quality numbers in `state`. Each
// shows up on the page as if a person had done it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite } from './helpers.mjs';
import { MEMBERS } from '../../www/js/element/methods.js';

const attempt = (page, script) =>
  page.evaluate((source) => {
    try {
      new Function(source)();
      return null;
    } catch (error) {
      return error.message;
    }
  }, script);

describe('scripting the full page', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('setView changes the view options and classroom flags, and refuses bad values', async () => {
    await page.evaluate(() => window.playground.setView({ discretize: true, hidden: ['noise'], hideText: true }));
    assert.equal(await page.isChecked('#discretize'), true);
    assert.equal(await page.isHidden('#noise'), true);
    assert.equal(await page.isHidden('#intro'), true);
    assert.match(page.url(), /discretize=true&palette=default&noise_hide=true&hideText=true$/);
    const view = await page.evaluate(() => window.playground.view);
    assert.deepEqual(view, {
      epochsPerFrame: 1,
      showTestData: false,
      gradientLinks: false,
      discretize: true,
      palette: 'default',
      hidden: ['noise'],
      hideText: true,
    });
    assert.match(await attempt(page, "window.playground.setView({ palette: 'pink' })"), /palette must be one of default, colorblind/);
    assert.match(await page.textContent('#message'), /palette/);
    assert.match(await attempt(page, "window.playground.setView({ hidden: ['nothing'] })"), /hidden must list controls/);
    assert.equal((await page.evaluate(() => window.playground.view)).palette, 'default');
    await page.evaluate(() => window.playground.setView({ discretize: false, hidden: [], hideText: false }));
    assert.equal(await page.isVisible('#noise'), true);
  });

  it('showNode keeps a node in the big heatmap; a node that does not exist is refused', async () => {
    await page.evaluate(() => window.playground.showNode(2));
    assert.equal(await page.textContent('#heatmap-caption'), 'Showing neuron 1 of hidden layer 1');
    assert.match(await attempt(page, 'window.playground.showNode(99)'), /node must be a whole number from 0 to 8 \(or null for the output\), got 99/);
    await page.evaluate(() => window.playground.showNode(null));
    assert.equal(await page.isHidden('#heatmap-caption'), true);
  });

  it('setWeight and setBias change the network at once', async () => {
    const before = await page.evaluate(() => window.playground.state);
    await page.evaluate(() => window.playground.setWeight(0, 1, 0, 1.25));
    await page.evaluate(() => window.playground.setBias(1, 0, -0.5));
    const model = await page.evaluate(() => window.playground.exportModel());
    assert.equal(model.layers[0].weights[1][0], 1.25);
    assert.equal(model.layers[1].biases[0], -0.5);
    const after = await page.evaluate(() => window.playground.state);
    assert.notEqual(after.trainLoss, before.trainLoss, 'the losses are measured again');
    assert.equal(await page.textContent('#train-loss'), after.trainLoss.toFixed(3));
    assert.match(await attempt(page, 'window.playground.setWeight(5, 0, 0, 1)'), /layer/);
    assert.match(await attempt(page, 'window.playground.setBias(0, 0, NaN)'), /finite/);
  });

  it('inspectNeuron opens the inspector on a neuron with its cost plot, null closes it, a missing neuron is refused', async () => {
    await page.evaluate(() => window.playground.inspectNeuron(2, 0));
    assert.equal(await page.isVisible('#inspector'), true);
    assert.equal(await page.textContent('#inspector-title'), 'The output');
    assert.equal(await page.inputValue('#cost-weight'), '0');
    const plotted = await page.$eval('#cost-plot', (canvas) => Number(canvas.dataset.current));
    const model = await page.evaluate(() => window.playground.exportModel());
    assert.equal(plotted, model.layers[2].weights[0][0], 'the cost is plotted against the first weight');
    await page.evaluate(() => window.playground.inspectNeuron(0, 3));
    assert.equal(await page.textContent('#inspector-title'), 'Neuron 4 of hidden layer 1');
    assert.match(await attempt(page, 'window.playground.inspectNeuron(3, 0)'), /layer must be a whole number from 0 to 2/);
    assert.match(await attempt(page, 'window.playground.inspectNeuron(1, 2)'), /neuron must be a whole number from 0 to 1 in layer 1, got 2/);
    assert.equal(await page.textContent('#inspector-title'), 'Neuron 4 of hidden layer 1', 'a refusal changes nothing');
    await page.evaluate(() => window.playground.inspectNeuron(null));
    assert.equal(await page.isVisible('#inspector'), false);
  });

  it('the element and window.playground have exactly the members of the table (methods.js)', async () => {
    const names = MEMBERS.map((member) => member.name);
    const seen = await page.evaluate(() => {
      const prototype = customElements.get('greymatter-playground').prototype;
      const kind = (name) => (Object.getOwnPropertyDescriptor(prototype, name).get ? 'read' : 'method');
      const own = Object.getOwnPropertyNames(prototype);
      return { own, kinds: Object.fromEntries(own.map((name) => [name, kind(name)])), api: Object.keys(window.playground) };
    });
    const elementOwn = ['constructor', 'connectedCallback', 'disconnectedCallback', 'api'];
    assert.deepEqual(seen.own.filter((name) => !elementOwn.includes(name)).sort(), [...names].sort());
    for (const member of MEMBERS) assert.equal(seen.kinds[member.name], member.readOnly ? 'read' : 'method', member.name);
    assert.deepEqual(seen.api, [...names, '_panicForTesting', '_saveSessionForTesting']);
    assert.equal(
      await page.evaluate(() => document.querySelector('greymatter-playground').state.epoch),
      await page.evaluate(() => window.playground.state.epoch),
    );
  });

  it('state has the accuracy of both sets and no divergence', async () => {
    const state = await page.evaluate(() => window.playground.step());
    assert.equal(state.metric, 'accuracy');
    assert.ok(state.trainMetric >= 0 && state.trainMetric <= 1);
    assert.ok(state.testMetric >= 0 && state.testMetric <= 1);
    assert.equal(state.divergence, '');
    assert.deepEqual(page.problems, []);
  });
});
