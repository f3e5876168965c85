// An activation per hidden layer, as a learner picks it: the select above each hidden
// layer's column sets that layer alone (`layerActivations`), training runs on, the
// choice lands in the exported model, the inspector and the share link; the global
// activation select sets every layer again; adding and removing layers keeps the list
// as long as the layers; a malformed list in an address is named in the message; every
// layer's choices stay readable from one layer up to the most the page allows.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground, stepEpochs } from './helpers.mjs';

/**
 * For each per-layer select (activation and dropout): its shown text and whether that
 * text fits in the select's box along the text's own direction (turned on its side,
 * the box's height), arrow and padding aside.
 */
const selectFits = (page) =>
  page.$$eval('#layer-controls select', (selects) =>
    selects.map((select) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0].textContent;
      const sideways = style.writingMode.startsWith('vertical');
      const box = sideways ? select.clientHeight : select.clientWidth;
      const arrowAndPadding = 24;
      return { text, sideways, fits: context.measureText(text).width + arrowAndPadding <= box };
    }),
  );

/** The value of each per-layer select, in column order. */
const shownActivations = (page) => page.$$eval('#layer-controls select.layer-activation', (selects) => selects.map((select) => select.value));

const hiddenActivations = async (page) => (await page.evaluate(() => window.playground.exportModel())).layers.slice(0, -1).map((layer) => layer.activation);

describe('an activation per hidden layer', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it("shows one labelled select per hidden layer with the layer's activation", async () => {
    const config = await page.evaluate(() => window.playground.config);
    assert.deepEqual(config.hidden, [4, 2]);
    assert.deepEqual(await shownActivations(page), [config.activation, config.activation]);
    const second = page.getByLabel('Activation of hidden layer 2');
    assert.equal(await second.getAttribute('data-layer'), '1');
    assert.equal(await second.isVisible(), true);
    // The same names and labels as the global activation select.
    const options = (selector) => page.$$eval(`${selector} option`, (list) => list.map((o) => [o.value, o.textContent]));
    assert.deepEqual(await options('select.layer-activation[data-layer="0"]'), await options('#activation'));
  });

  it('relu for layer 1 and swish for layer 2: config, model, training and the share link follow', async () => {
    await page.getByLabel('Activation of hidden layer 1').selectOption('relu');
    await page.waitForFunction(() => window.playground.config.layerActivations.length === 2);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, ['relu', 'tanh']);
    await page.getByLabel('Activation of hidden layer 2').selectOption('swish');
    await page.waitForFunction(() => window.playground.config.layerActivations[1] === 'swish');
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, ['relu', 'swish']);
    assert.deepEqual(await hiddenActivations(page), ['relu', 'swish']);
    assert.deepEqual(await shownActivations(page), ['relu', 'swish']);
    assert.equal(await page.inputValue('#activation'), 'tanh', 'the global activation stays');
    // …and says that the layers now differ from it.
    assert.equal(await page.isVisible('#activation-mixed'), true);
    assert.match(await page.getAttribute('#activation', 'title'), /relu, swish/);

    const start = await page.evaluate(() => window.playground.state);
    assert.equal(start.epoch, 0, 'a new activation starts a new network');
    const later = await stepEpochs(page, 20);
    assert.ok(later.epoch > 0, 'training runs');
    assert.ok(Number.isFinite(later.trainLoss), `finite loss, got ${later.trainLoss}`);
    assert.ok(later.trainLoss < start.trainLoss, `${later.trainLoss} ≥ ${start.trainLoss}`);

    assert.match(new URL(page.url()).hash, /[#&]layerActivations=relu,swish(&|$)/);
    const copy = await openPlayground(session, page.url());
    assert.deepEqual(await shownActivations(copy), ['relu', 'swish']);
    assert.deepEqual((await copy.evaluate(() => window.playground.config)).layerActivations, ['relu', 'swish']);
    assert.deepEqual(await hiddenActivations(copy), ['relu', 'swish']);
    assert.equal(await copy.isHidden('#message'), true);
    assert.deepEqual(copy.problems, []);
    await copy.context().close();
    assert.deepEqual(page.problems, []);
  });

  it("the neuron inspector and the step-through name the layer's own activation", async () => {
    // Node 6: the first neuron of hidden layer 2 (after 2 inputs and 4 neurons of layer 1).
    await page.click('.thumb[data-node="6"]');
    await page.waitForSelector('#inspector:not([hidden])');
    assert.equal(await page.textContent('#inspector-title'), 'Neuron 1 of hidden layer 2');
    assert.equal(await page.getAttribute('#inspector-summary [data-activation]', 'data-activation'), 'swish');
    assert.match(await page.textContent('#inspector-summary'), /a = swish\(z\)/);
    await page.click('#inspector-close');
    await page.click('.thumb[data-node="2"]');
    assert.equal(await page.getAttribute('#inspector-summary [data-activation]', 'data-activation'), 'relu');
    await page.click('#inspector-close');

    await page.click('#step-through');
    await page.waitForSelector('#step-through-panel:not([hidden])');
    assert.match(await page.textContent('#step-numbers'), /a = relu\(z\)/);
    await page.click('#step-next');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('step-through-panel').dataset.layer === '1');
    assert.match(await page.textContent('#step-numbers'), /a = swish\(z\)/);
    await page.click('#step-close');
  });

  it('adding a layer appends the global activation; removing one shortens the list', async () => {
    await page.click('#add-layer');
    await page.waitForFunction(() => window.playground.config.hidden.length === 3);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, ['relu', 'swish', 'tanh']);
    assert.deepEqual(await shownActivations(page), ['relu', 'swish', 'tanh']);
    assert.equal(await page.getByLabel('Activation of hidden layer 3').getAttribute('data-layer'), '2');
    await page.getByLabel('Activation of hidden layer 3').selectOption('gelu');
    await page.waitForFunction(() => window.playground.config.layerActivations[2] === 'gelu');
    for (let i = 0; i < 2; i++) await page.click('#remove-layer');
    await page.waitForFunction(() => window.playground.config.hidden.length === 1);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, ['relu']);
    assert.deepEqual(await hiddenActivations(page), ['relu']);
    await page.click('#add-layer');
    await page.waitForFunction(() => window.playground.config.hidden.length === 2);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, ['relu', 'tanh']);
    // Editing the address by hand to more layers and a longer list applies both (the list
    // fits only once the layers are there), and back to fewer layers and a shorter list.
    const editHash = (hidden, list) =>
      page.evaluate(
        ([h, l]) => {
          window.location.hash = window.location.hash.replace(/hidden=[^&]*/, `hidden=${h}`).replace(/layerActivations=[^&]*/, `layerActivations=${l}`);
        },
        [hidden, list],
      );
    await editHash('4,4,4', 'elu,relu,gelu');
    await page.waitForFunction(() => window.playground.config.hidden.length === 3);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, ['elu', 'relu', 'gelu']);
    assert.deepEqual(await shownActivations(page), ['elu', 'relu', 'gelu']);
    assert.equal(await page.isHidden('#message'), true, await page.textContent('#message'));
    await editHash('3', 'elu');
    await page.waitForFunction(() => window.playground.config.hidden.length === 1);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, ['elu']);
    assert.equal(await page.isHidden('#message'), true, await page.textContent('#message'));
    assert.deepEqual(page.problems, []);
  });

  it('the global activation select sets every layer again', async () => {
    await page.click('#add-layer');
    await page.getByLabel('Activation of hidden layer 2').selectOption('softplus');
    await page.waitForFunction(() => window.playground.config.layerActivations[1] === 'softplus');
    await page.selectOption('#activation', 'sigmoid');
    await page.waitForFunction(() => window.playground.config.activation === 'sigmoid');
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, []);
    assert.deepEqual(await shownActivations(page), ['sigmoid', 'sigmoid']);
    assert.deepEqual(await hiddenActivations(page), ['sigmoid', 'sigmoid']);
    assert.equal(await page.isHidden('#activation-mixed'), true, 'no note once every layer agrees');
    // The empty list is shared too, and read back as empty.
    assert.match(new URL(page.url()).hash, /[#&]layerActivations=&/);
    const copy = await openPlayground(session, page.url());
    assert.deepEqual((await copy.evaluate(() => window.playground.config)).layerActivations, []);
    assert.deepEqual(await shownActivations(copy), ['sigmoid', 'sigmoid']);
    assert.equal(await copy.isHidden('#message'), true);
    await copy.context().close();
    // Adding a layer with an empty list keeps it empty: the new layer follows the global choice.
    await page.click('#add-layer');
    await page.waitForFunction(() => window.playground.config.hidden.length === 3);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).layerActivations, []);
    assert.deepEqual(await shownActivations(page), ['sigmoid', 'sigmoid', 'sigmoid']);
    assert.equal(await page.isHidden('#message'), true);
    assert.deepEqual(page.problems, []);
  });

  it('a malformed list in the address is named in the message; the rest applies', async () => {
    const other = await openPlayground(session, `${session.url}#hidden=3,3&layerActivations=relu,banana&noise=20`);
    const message = await other.textContent('#message');
    assert.match(message, /In the address: .*layerActivations/);
    const config = await other.evaluate(() => window.playground.config);
    assert.deepEqual(config.layerActivations, []);
    assert.deepEqual(config.hidden, [3, 3]);
    assert.equal(config.noise, 20);
    assert.deepEqual(await shownActivations(other), [config.activation, config.activation]);
    // A list longer than the layers, and softmax in a hidden layer, are refused the same way.
    for (const bad of ['layerActivations=relu,relu,relu', 'layerActivations=softmax']) {
      const refused = await openPlayground(session, `${session.url}#hidden=2,2&${bad}`);
      assert.match(await refused.textContent('#message'), /layerActivations/, bad);
      assert.deepEqual((await refused.evaluate(() => window.playground.config)).layerActivations, [], bad);
      await refused.context().close();
    }
    await other.context().close();
  });

  it('hiding the activation in classroom mode hides the per-layer selects too', async () => {
    const other = await openPlayground(session, `${session.url}#layerActivations=relu,elu&activation_hide=true`);
    assert.equal(await other.isHidden('#activation'), true);
    assert.equal(await other.locator('select.layer-activation').count(), 2);
    for (const select of await other.locator('select.layer-activation').all()) assert.equal(await select.isHidden(), true);
    assert.equal(await other.isVisible('.add-neuron'), true, 'the neuron buttons stay');
    await other.click('#add-layer');
    await other.waitForFunction(() => window.playground.config.hidden.length === 3);
    assert.equal(await other.locator('select.layer-activation').count(), 3);
    for (const select of await other.locator('select.layer-activation').all()) assert.equal(await select.isHidden(), true);
    await other.context().close();
    // Hiding the layer buttons leaves the per-layer activations visible.
    const buttons = await openPlayground(session, `${session.url}#hidden_hide=true`);
    assert.equal(await buttons.isHidden('.add-neuron'), true);
    assert.equal(await buttons.isVisible('select.layer-activation[data-layer="0"]'), true);
    await buttons.context().close();
  });

  it("every layer's choices stay readable at any number of layers, the health labels on one line", async () => {
    const most = 16; // the most hidden layers the core allows: checked below by #add-layer
    for (const layers of [1, 4, 8, 12, most]) {
      const other = await openPlayground(session, `${session.url}#hidden=${Array(layers).fill(3).join(',')}&dropout=${Array(layers).fill(0.1).join(',')}`);
      assert.deepEqual((await other.evaluate(() => window.playground.config)).hidden.length, layers);
      assert.equal(await other.isDisabled('#add-layer'), layers === most);
      const selects = await selectFits(other);
      assert.equal(selects.length, 2 * layers);
      for (const [index, select] of selects.entries())
        assert.ok(select.fits, `${layers} layers, select ${index}: "${select.text}" is cut off (sideways: ${select.sideways})`);
      if (layers === 1)
        assert.ok(
          selects.every((select) => !select.sideways),
          'a wide column keeps its selects upright',
        );
      const lines = await other.$$eval('.health-row > span:first-child', (labels) =>
        labels.map((label) => {
          const text = document.createRange();
          text.selectNodeContents(label);
          return text.getClientRects().length === 1; // one box per line of text
        }),
      );
      assert.ok(lines.length > layers && lines.every(Boolean), `${layers} layers: a layer-health label wraps`);
      await other.context().close();
    }
  });
});
