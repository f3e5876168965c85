// Bad input at a <greymatter-playground> element's attributes (docs/embedding.md, "Attributes"):
// a table of attribute values a host page might get wrong — config keys in kebab-case,
// `config`, `link`, view options, `layout`, `controls`, `theme`, and `data` and `src`
// pointing at files that cannot be used. Each, set on a running element (and some on
// an element being made), is said in the element's notice and sent as an `error` event
// naming the problem, and the network, the data and the config stay as they were; the
// element trains on (bad-input-check.mjs). Each row is a test of its own, named after
// its door. Host page:
// fixtures/bad-input-host.html.

import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage } from './helpers.mjs';
import { assertSays, assertUnchangedAndTrains, noticeOf, snapshot } from './bad-input-check.mjs';

const TARGET = '#target';
const csv = (text) => `data:text/csv,${encodeURIComponent(text)}`;
const json = (value) => `data:application/json,${encodeURIComponent(JSON.stringify(value))}`;
const CONTROLS = /controls: there is no control called "colour"; the controls are play, step/;

// [door, attribute, value, message]. The element: layout="compact", every setting at its default.
const ROWS = [
  ['config attribute', 'learning-rate', 'abc', 'In the attribute learning-rate: learning-rate="abc": learningRate must be a number, got "abc"'],
  ['config attribute', 'learning-rate', '-1', 'In the attribute learning-rate: learningRate must be greater than 0 and at most 10, got -1'],
  ['config attribute', 'learning-rate', '0x10', 'In the attribute learning-rate: learning-rate="0x10": learningRate must be a number, got "0x10"'],
  ['config attribute', 'learning-rate', '', 'In the attribute learning-rate: learning-rate="": learningRate must be a number, got ""'],
  ['config attribute', 'noise', '99', 'In the attribute noise: noise must be between 0 and 50, got 99'],
  ['config attribute', 'noise', 'Infinity', 'In the attribute noise: noise="Infinity": noise must be a number, got "Infinity"'],
  [
    'config attribute',
    'dataset',
    'moons',
    'In the attribute dataset: dataset must be one of circle, xor, gauss, spiral, plane, multigauss, formula, own, got "moons"',
  ],
  ['config attribute', 'dataset', 'plane', 'In the attribute dataset: dataset plane is a regression dataset, but problem is classification'],
  ['config attribute', 'problem', 'clustering', 'In the attribute problem: problem must be classification or regression'],
  ['config attribute', 'classes', '9', 'In the attribute classes: classes must be a whole number from 2 to 6, got 9'],
  ['config attribute', 'hidden-layers', '4,a', 'In the attribute hidden-layers: hidden-layers="4,a": hidden must be a number, got "a"'],
  ['config attribute', 'hidden-layers', '65', 'In the attribute hidden-layers: hidden layer 1 must have 1 to 64 neurons, got 65'],
  [
    'config attribute',
    'hidden-layers',
    Array(14).fill(64).join(),
    'In the attribute hidden-layers: hidden layers [64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64] with 2 inputs make 53440 weights; the most is 50000',
  ],
  ['config attribute', 'features', 'x1,x3', 'In the attribute features: features must be a list of inputs, each one of x1, x2'],
  [
    'config attribute',
    'custom-features',
    'sin(x1);sinn(x2)',
    'In the attribute custom-features: customFeatures[1] "sinn(x2)": at column 1: unknown function \'sinn\'',
  ],
  [
    'config attribute',
    'dataset-formula',
    'x1 ^',
    'In the attribute dataset-formula: datasetFormula "x1 ^": at column 5: expected a number, x1, x2, a function or \'(\', found the end of the formula',
  ],
  ['config attribute', 'features', '', 'In the attribute features: features must name at least one input'],
  [
    'config attribute',
    'activation',
    'softmax',
    'In the attribute activation: activation softmax only fits the output layer: pick another for the hidden layers',
  ],
  ['config attribute', 'layer-activations', 'relu,nope', 'In the attribute layer-activations: layerActivations must be a list of activations'],
  ['config attribute', 'dropout', 'half', 'In the attribute dropout: dropout="half": dropout must be a number, got "half"'],
  ['config attribute', 'dropout', '0.95', 'In the attribute dropout: dropout of hidden layer 1 must be between 0 and 0.9, got 0.95'],
  ['config attribute', 'dropout', '0.1,0.2,0.3', 'In the attribute dropout: dropout gives 3 rates for 2 hidden layers: give at most one per hidden layer'],
  ['config attribute', 'loss', 'hinge', 'In the attribute loss: loss must be one of squared, absolute, huber'],
  ['config attribute', 'seed', '-1', 'In the attribute seed: seed must be a whole number from 0 to 4294967295'],
  ['config attribute', 'data-seed', '1.5', 'In the attribute data-seed: dataSeed must be a whole number from 0 to 4294967295'],
  ['config attribute', 'batch-size', '0', 'In the attribute batch-size: batchSize must be a whole number from 1 to 500, got 0'],
  ['config attribute', 'train-ratio', '5', 'In the attribute train-ratio: trainRatio must be between 10 and 90, got 5'],
  ['config attribute', 'samples', '5001', 'In the attribute samples: samples must be a whole number from 10 to 5000, got 5001'],
  ['config attribute', 'momentum', '1', 'In the attribute momentum: momentum must be at least 0 and below 1, got 1'],
  ['config attribute', 'optimizer', 'adagrad', 'In the attribute optimizer: optimizer must be one of sgd, momentum, nesterov, rmsprop, adam'],
  ['config attribute', 'stop-at-loss', '-1', 'In the attribute stop-at-loss: stopAtLoss must be between 0 and 1000, got -1'],
  [
    'config attribute',
    'epochs-per-frame',
    '0',
    'In the attribute epochs-per-frame: epochs-per-frame="0": epochsPerFrame must be a whole number from 1 to 100, got 0',
  ],
  ['config attribute', 'palette', 'pink', 'In the attribute palette: palette="pink": palette must be one of default, colorblind, got "pink"'],
  ['config attribute', 'show-test-data', 'yes', 'In the attribute show-test-data: show-test-data="yes": showTestData must be true or false, got "yes"'],
  ['config attribute', 'discretize', '1', 'In the attribute discretize: discretize="1": discretize must be true or false, got "1"'],
  ['config=', 'config', '{not json', /config must be a JSON object such as \{"learningRate": 0\.1\} \(.*JSON/],
  ['config=', 'config', '[1, 2]', 'config must be a JSON object such as {"learningRate": 0.1}'],
  ['config=', 'config', 'null', 'config must be a JSON object such as {"learningRate": 0.1}'],
  ['config=', 'config', '{"learningRate": -1}', 'learningRate must be greater than 0 and at most 10, got -1'],
  ['config=', 'config', '{"learnRate": 0.1}', 'unknown setting "learnRate"'],
  ['config=', 'config', '{"hidden": "8,8"}', 'hidden must be a list of at most 16 neuron counts, each from 1 to 64, got "8,8"'],
  ['config=', 'config', '{"hidden": "4,2"}', 'In the attribute config: hidden must be a list of at most 16 neuron counts, each from 1 to 64, got "4,2"'],
  ['config=', 'config', '{"learningRate": "0.1"}', 'In the attribute config: learningRate must be a number greater than 0 and at most 10, got "0.1"'],
  ['link=', 'link', '#noise=99', 'link: noise must be between 0 and 50, got 99'],
  ['link=', 'link', 'https://example.org/#learnRate=0.1', 'link: unknown setting "learnRate"'],
  ['link=', 'link', '#points=!!!', "link: points: points= is not base64url: '!' at character 1"],
  ['layout=', 'layout', 'tiny', 'layout must be one of full, compact, boundary, network, compare, got "tiny"'],
  ['controls=', 'controls', 'play,colour', CONTROLS],
  ['theme=', 'theme', 'pink', 'theme must be one of light, dark, auto, got "pink"'],
  ['data=', 'data', csv('x1,x2,label\n1,2,red\n3,oops,blue\n'), "Could not read the CSV: line 3, column x2: 'oops' is not a number"],
  ['data=', 'data', csv('x1,x2,label\n12,0,1\n'), 'Could not read the CSV: 1 point lies outside the plotted range [−6, 6]² (the farthest at line 2: x1 = 12)'],
  ['data=', 'data', csv('x1,x2\n1,2\n'), 'Could not read the CSV: line 1, column label: missing from the header'],
  ['data=', 'data', csv(''), 'Could not read the CSV: there are no points: no line has x1, x2 and a label'],
  ['data=', 'data', 'no-such-file.csv', 'In the attribute data: could not download no-such-file.csv: 404'],
  ['src=', 'src', json({ format: 'other' }), `a lesson file's format must be "greymatter-lesson", got "other"`],
  ['src=', 'src', 'data:application/json,{', /Could not open the lesson data:application\/json,\{: the lesson file is not JSON/],
  ['src=', 'src', json({ format: 'greymatter-lesson', version: 1 }), /Could not open the lesson: not a greymatter lesson file: .*missing field `config`/],
  ['src=', 'src', 'no-such-lesson.greymatter.json', 'Could not open the lesson no-such-lesson.greymatter.json: 404'],
];

/** Attributes an element is made with, and what it then says. */
const MADE = [
  ['attribute at start', { noise: '99' }, 'In the attributes: noise must be between 0 and 50, got 99'],
  ['attribute at start', { 'learning-rate': 'abc' }, 'learning-rate="abc": learningRate must be a number, got "abc"'],
  ['attribute at start', { 'hidden-layers': '0' }, 'hidden layer 1 must have 1 to 64 neurons, got 0'],
  ['attribute at start', { config: '{"dataset": "moons"}' }, 'dataset must be one of circle, xor, gauss, spiral, plane, multigauss, formula, own, got "moons"'],
  ['attribute at start', { link: '#features=x9' }, 'In the attributes: features must be a list of inputs'],
  ['attribute at start', { palette: 'pink' }, 'palette="pink": palette must be one of default, colorblind, got "pink"'],
  ['attribute at start', { theme: 'pink' }, 'theme must be one of light, dark, auto, got "pink"'],
  ['attribute at start', { controls: 'play,colour' }, CONTROLS],
  ['attribute at start', { src: json({ format: 'other' }) }, `a lesson file's format must be "greymatter-lesson", got "other"`],
];

/** Attributes a <greymatter-compare> is made with, and what it then says ([door, attributes, message]). */
const COMPARED = [
  ['compare b=', { b: '{not json' }, /b must be a JSON object such as \{"learningRate": 0\.1\} \(.*JSON/],
  ['compare b=', { b: '[0.3]' }, 'In the attributes: b must be a JSON object such as {"learningRate": 0.1}'],
  ['compare b=', { b: '{"learningRate": -1}' }, 'In the attributes: b: learningRate must be greater than 0 and at most 10, got -1'],
  ['compare b=', { b: '{"learnRate": 0.3}' }, 'In the attributes: b: unknown setting "learnRate"'],
  ['compare b=', { b: '{"hidden": "8,8"}' }, 'In the attributes: b: hidden must be a list of at most 16 neuron counts'],
  ['compare link=', { link: '#compare=true&b.noise=loud' }, 'In the attributes: link: compare: b.noise: noise must be a number, got "loud"'],
  ['compare link=', { link: '#b.noise=3' }, 'In the attributes: link: compare: b.noise belongs to a comparison: the address needs compare=true before it'],
  ['compare link=', { link: '#compare=1' }, 'In the attributes: link: compare: compare must be true or false, got "1"'],
];

/** `b` values set on a running <greymatter-compare> ([door, value, message]). */
const CHANGED_B = [
  ['compare b changed', '{"learningRate": "fast"}', 'In the attribute b: learningRate must be a number greater than 0 and at most 10, got "fast"'],
  ['compare b changed', '{"activation": "softmax"}', 'In the attribute b: activation softmax only fits the output layer'],
  ['compare b changed', 'learningRate=0.1', 'In the attribute b: b must be a JSON object such as {"learningRate": 0.1} ('],
];

/** A 404 of a row that asks for a missing file is the browser's own log line, not greymatter's. */
const MISSING = /Failed to load resource: the server responded with a status of 404/;

describe('bad input at the attributes of <greymatter-playground>', () => {
  let session;
  let page;
  let fresh;

  before(async () => {
    session = await startSession();
    page = await openPage(session, `${session.hostUrl}bad-input-host.html`);
    await page.evaluate(async () => {
      const element = document.getElementById('target');
      await element.ready;
      element.pause();
      window.errors = [];
      element.addEventListener('error', (event) => window.errors.push(event.detail.message));
    });
    fresh = await page.evaluate(async () => {
      const element = document.createElement('greymatter-playground');
      element.setAttribute('layout', 'compact');
      document.querySelector('main').append(element);
      await element.ready;
      const state = { model: element.exportModel(), data: element.getData(), config: element.config, epoch: element.state.epoch };
      element.remove();
      return state;
    });
  });
  after(async () => session?.close());

  for (const [door, name, value, message] of ROWS) {
    it(`${door}: ${name}=${JSON.stringify(value).slice(0, 60)} is said in the element, changes nothing, and it trains on`, async () => {
      const before = await snapshot(page, TARGET);
      const said = await page.evaluate(
        async ([n, v]) => {
          const element = document.getElementById('target');
          const count = window.errors.length;
          const was = element.getAttribute(n);
          element.setAttribute(n, v);
          const deadline = Date.now() + 10_000;
          while (window.errors.length === count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
          return { event: window.errors.slice(count).join('\n'), was };
        },
        [name, value],
      );
      assertSays(said.event, message, 'the error event');
      assertSays(await noticeOf(page, TARGET), message, 'the notice');
      page.problems = page.problems.filter((problem) => !MISSING.test(problem));
      await assertUnchangedAndTrains(page, page, before, { selector: TARGET });
      // Back as it was (a removed setting goes back to its default, which it has).
      await page.evaluate(
        ([n, v]) => {
          const element = document.getElementById('target');
          if (v === null) element.removeAttribute(n);
          else element.setAttribute(n, v);
        },
        [name, said.was],
      );
    });
  }

  for (const [door, attributes, message] of MADE) {
    it(`${door}: an element made with ${JSON.stringify(attributes).slice(0, 60)} says so and starts from the defaults`, async () => {
      const made = await page.evaluate(async (given) => {
        const element = document.createElement('greymatter-playground');
        element.id = 'made';
        element.setAttribute('layout', 'compact');
        for (const [name, value] of Object.entries(given)) element.setAttribute(name, value);
        const errors = [];
        element.addEventListener('error', (event) => errors.push(event.detail.message));
        document.querySelector('main').append(element);
        await element.ready;
        const deadline = Date.now() + 10_000;
        while (errors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        return errors.join('\n');
      }, attributes);
      try {
        assertSays(made, message, 'the error event');
        assertSays(await noticeOf(page, '#made'), message, 'the notice');
        const expected = { ...fresh, config: { ...fresh.config } };
        await assertUnchangedAndTrains(page, page, expected, { selector: '#made' });
      } finally {
        await page.evaluate(() => document.getElementById('made').remove());
      }
    });
  }
});

describe('bad input at the attributes of <greymatter-compare>', () => {
  let session;
  let page;

  before(async () => {
    session = await startSession();
    page = await openPage(session, `${session.hostUrl}bad-input-host.html`);
  });
  after(async () => session?.close());

  for (const [door, value, message] of CHANGED_B) {
    it(`${door}: b=${JSON.stringify(value)} on a running comparison is said, changes nothing, and both train on`, async () => {
      const said = await page.evaluate(async (text) => {
        let compare = document.getElementById('running');
        if (!compare) {
          compare = document.createElement('greymatter-compare');
          compare.id = 'running';
          compare.setAttribute('b', '{"learningRate": 0.3}');
          document.querySelector('main').append(compare);
        }
        await compare.ready;
        const state = (run) => ({ model: run.exportModel(), data: run.getData(), config: run.config, epoch: run.state.epoch });
        const before = [state(compare.a), state(compare.b)];
        const errors = [];
        const listen = (event) => errors.push(event.detail.message);
        compare.addEventListener('error', listen);
        compare.setAttribute('b', text);
        compare.removeEventListener('error', listen);
        const after = [state(compare.a), state(compare.b)];
        const stepped = await compare.step();
        const notice = compare.shadowRoot.getElementById('compare-message');
        return {
          event: errors.join('\n'),
          notice: notice.hidden ? '' : notice.textContent,
          before,
          after,
          moved: [stepped.a.epoch - before[0].epoch, stepped.b.epoch - before[1].epoch],
        };
      }, value);
      assertSays(said.event, message, 'the error event');
      assertSays(said.notice, message, 'the notice');
      assert.deepEqual(said.after, said.before, 'neither run changed');
      assert.deepEqual(said.moved, [1, 1], 'one step trains both one epoch');
      assert.deepEqual(page.problems, []);
    });
  }

  for (const [door, attributes, message] of COMPARED) {
    it(`${door}: a comparison made with ${JSON.stringify(attributes).slice(0, 60)} says so, B stays A's copy, and both train on`, async () => {
      const made = await page.evaluate(async (given) => {
        const compare = document.createElement('greymatter-compare');
        compare.id = 'made';
        for (const [name, value] of Object.entries(given)) compare.setAttribute(name, value);
        const errors = [];
        compare.addEventListener('error', (event) => errors.push(event.detail.message));
        document.querySelector('main').append(compare);
        await compare.ready;
        const notice = compare.shadowRoot.getElementById('compare-message');
        const state = (run) => ({ model: run.exportModel(), data: run.getData(), config: run.config, epoch: run.state.epoch });
        const runs = [state(compare.a), state(compare.b)];
        const stepped = await compare.step();
        return { event: errors.join('\n'), notice: notice.hidden ? '' : notice.textContent, runs, epochs: [stepped.a.epoch, stepped.b.epoch] };
      }, attributes);
      try {
        assertSays(made.event, message, 'the error event');
        assertSays(made.notice, message, 'the notice');
        assert.deepEqual(made.runs[1], made.runs[0], 'B is as A: nothing of the refused setup applied');
        assert.deepEqual(made.epochs, [1, 1], 'one step trains both one epoch');
        assert.deepEqual(page.problems, []);
      } finally {
        await page.evaluate(() => document.getElementById('made').remove());
      }
    });
  }
});
