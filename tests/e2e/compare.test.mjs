// Two runs raced (docs/embedding.md, "Comparing two runs"): on the full page, "Compare" pins the
// run as A and opens its copy B; a person changes B's learning rate through B's
// control, plays, and both stay at the same epoch; the one chart holds both runs'
// curves, equal to each playground's own loss history; the difference is named; the
// address round-trips into the same comparison after a reload; "Leave compare" keeps
// the pinned run. The element on a host page races two learning rates from the same
// starting weights. A malformed or refused compare part is said and opens nothing.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage, openPlayground, stepEpochs, PHONE } from './helpers.mjs';
import { noticeOf } from './bad-input-check.mjs';

/** Each row of a chart curve (`[epoch, train, test]`) is the row of that epoch in the run's own history. */
function assertCurveIsHistory(curve, history, name) {
  assert.ok(curve.length >= 2, `${name}'s curve has rows`);
  const byEpoch = new Map(history.map((row) => [row[0], row]));
  for (const row of curve) assert.deepEqual(row, byEpoch.get(row[0]), `${name} at epoch ${row[0]}`);
}

/** What the page's comparison shows: both epochs, configs, the named difference, the curves and histories. */
const compareView = (page) =>
  page.evaluate(async () => {
    const compare = document.querySelector('greymatter-compare');
    await compare.ready;
    return {
      epochs: [compare.a.state.epoch, compare.b.state.epoch],
      shown: [compare.shadowRoot.getElementById('epoch-a').textContent, compare.shadowRoot.getElementById('epoch-b').textContent],
      rates: [compare.a.config.learningRate, compare.b.config.learningRate],
      line: compare.shadowRoot.getElementById('differences').textContent,
      differences: compare.differences,
      curves: compare.curves,
      histories: [compare.a.saveLesson().history, compare.b.saveLesson().history],
      models: [compare.a.exportModel(), compare.b.exportModel()],
    };
  });

describe('comparing two runs on the full page', () => {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => session?.close());

  it("pins the run, races B with a changed learning rate in lockstep, round-trips through the address, and leaves with A's run", async () => {
    const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=4`);
    await stepEpochs(page, 3);
    const pinned = await page.evaluate(() => window.playground.exportModel());
    await page.click('#compare');
    await page.waitForFunction(() => document.querySelector('greymatter-compare')?.b.state?.epoch === 3);
    let view = await compareView(page);
    assert.deepEqual(view.epochs, [3, 3], 'A keeps its epoch, and B starts as its copy');
    assert.deepEqual(view.models, [pinned, pinned], "both hold the pinned run's weights");
    assert.match(view.line, /^B: the same settings as A/);
    assert.equal(await page.isHidden('greymatter-playground >> #play-pause'), true, 'the one playground is put away');

    await page.selectOption('greymatter-compare .run-b #learning-rate', '0.3');
    await page.waitForFunction(() => document.querySelector('greymatter-compare').b.config.learningRate === 0.3);
    assert.equal(await page.textContent('greymatter-compare >> #differences'), 'B: learning rate 0.3 instead of 0.03');
    await page.evaluate(() => {
      window.rounds = [];
      document.querySelector('greymatter-compare').addEventListener('epoch', (event) => window.rounds.push([event.detail.a.epoch, event.detail.b.epoch]));
    });
    await page.click('greymatter-compare >> #compare-play');
    await page.waitForFunction(() => window.rounds.length >= 15);
    await page.click('greymatter-compare >> #compare-play');
    await page.waitForFunction(() => document.querySelector('greymatter-compare').playing === false);
    const rounds = await page.evaluate(async () => {
      // A step is queued after the round under way: once it is drawn, every round is recorded.
      await document.querySelector('greymatter-compare').step();
      return window.rounds;
    });
    for (const [a, b] of rounds) assert.equal(a, b, 'both at the same epoch after every round');
    view = await compareView(page);
    assert.equal(view.epochs[0], view.epochs[1]);
    assert.equal(view.epochs[0], rounds.at(-1)[0]);
    assert.deepEqual(view.shown, view.epochs.map(String));
    assert.deepEqual(view.rates, [0.03, 0.3]);
    assertCurveIsHistory(view.curves.a, view.histories[0], 'A');
    assertCurveIsHistory(view.curves.b, view.histories[1], 'B');
    assert.notDeepEqual(view.curves.a.at(-1), view.curves.b.at(-1), 'the two learning rates train differently');
    assert.ok(view.curves.a.some(([epoch]) => epoch === 3) && view.curves.a[0][0] === 0, "the pinned run's history is on the chart");
    const address = await page.evaluate(() => window.location.hash);
    assert.match(address, /&compare=true&b\.learningRate=0\.3$/);
    assert.match(address, /learningRate=0\.03&/);

    await page.reload();
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground.ready);
    await page.waitForFunction(() => document.querySelector('greymatter-compare')?.b.config?.learningRate === 0.3);
    const reopened = await compareView(page);
    assert.equal(reopened.line, 'B: learning rate 0.3 instead of 0.03');
    assert.deepEqual(reopened.rates, [0.03, 0.3]);
    assert.deepEqual(reopened.epochs, [3, 3], 'the kept session gives the pinned run back as A');
    assert.deepEqual(reopened.models, [pinned, pinned]);
    assert.equal(await page.evaluate(() => window.location.hash), address, 'the same comparison, the same address');

    const trained = await page.evaluate(async () => {
      const compare = document.querySelector('greymatter-compare');
      for (let i = 0; i < 4; i++) await compare.step();
      return { epoch: compare.a.state.epoch, model: compare.a.exportModel(), b: compare.b.state.epoch };
    });
    assert.deepEqual([trained.epoch, trained.b], [7, 7], 'step() of the comparison resolves once both show it');
    await page.click('greymatter-compare >> text=Leave compare');
    await page.waitForFunction(() => !document.querySelector('greymatter-compare'));
    const left = await page.evaluate(() => ({
      epoch: window.playground.state.epoch,
      model: window.playground.exportModel(),
      config: window.playground.config,
      hash: window.location.hash,
      shown: !document.querySelector('greymatter-playground').hidden,
    }));
    assert.equal(left.shown, true);
    assert.equal(left.epoch, 7, "A's epoch");
    assert.deepEqual(left.model, trained.model, "A's weights");
    assert.equal(left.config.learningRate, 0.03);
    assert.doesNotMatch(left.hash, /compare|b\./, "the address is one playground's again");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('opens and leaves with the keyboard alone, the focus going to Leave compare and back to Compare', async () => {
    const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=4`);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let press = 0; press < 40 && (await focusedId()) !== 'compare'; press++) await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'compare', 'Compare is a Tab stop');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Leave compare');
    await page.keyboard.press('Shift+Tab'); // Step both
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('greymatter-compare').b.state.epoch === 1);
    assert.equal(await page.evaluate(() => document.querySelector('greymatter-compare').a.state.epoch), 1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('greymatter-compare') && document.activeElement?.id === 'compare');
    assert.equal(await page.evaluate(() => window.playground.state.epoch), 1, "A's step is kept");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('opens the comparison an edited address asks for', async () => {
    const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=4`);
    await page.evaluate(() => {
      window.location.hash = '#dataset=gauss&compare=true&b.activation=relu&b.batchSize=30';
    });
    await page.waitForFunction(() => document.querySelector('greymatter-compare')?.b.config?.batchSize === 30);
    const view = await compareView(page);
    assert.deepEqual(
      view.differences.map((difference) => difference.key),
      ['batchSize', 'activation'],
    );
    assert.match(view.line, /^B: batch size 30 instead of 10; activation .+ instead of .+$/);
    assert.equal(await page.evaluate(() => document.querySelector('greymatter-compare').a.config.dataset), 'gauss');
    assert.match(await page.evaluate(() => window.location.hash), /&compare=true&b\.batchSize=30&b\.activation=relu$/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('fits a phone: the two runs stack, nothing scrolls sideways', async () => {
    const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=4&compare=true&b.learningRate=0.3`, PHONE);
    await page.waitForFunction(() => document.querySelector('greymatter-compare')?.b.config?.learningRate === 0.3);
    const fit = await page.evaluate(() => {
      const compare = document.querySelector('greymatter-compare');
      const [a, b] = [compare.a, compare.b].map((run) => run.getBoundingClientRect());
      return { scroll: document.documentElement.scrollWidth, width: window.innerWidth, stacked: b.top >= a.bottom };
    });
    assert.equal(fit.scroll, fit.width);
    assert.equal(fit.stacked, true);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  const REFUSED = [
    ['#dataset=xor&compare=true&b.learnRate=0.3', 'In the address: b.learnRate: unknown setting "learnRate"'],
    ['#dataset=xor&compare=maybe', 'In the address: compare must be true or false, got "maybe"'],
    ['#dataset=xor&compare=true&b.learningRate=-1', 'In the address: compare: learningRate must be greater than 0 and at most 10, got -1'],
  ];
  for (const [hash, message] of REFUSED) {
    it(`refuses ${hash} with a message, and opens no comparison`, async () => {
      const page = await openPlayground(session, `${session.url}${hash}`);
      await page.waitForFunction((m) => {
        const notice = document.querySelector('greymatter-playground').shadowRoot.getElementById('message');
        return notice.textContent.includes(m) && !document.querySelector('greymatter-compare');
      }, message);
      assert.ok((await noticeOf(page)).includes(message));
      assert.equal(await page.evaluate(() => window.playground.config.dataset), 'xor', "A's part of the address still applies");
      assert.equal(await page.isVisible('greymatter-playground >> #compare'), true);
      assert.doesNotMatch(await page.evaluate(() => window.location.hash), /compare/);
      assert.equal((await stepEpochs(page, 1)).epoch, 1);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
});

describe('<greymatter-compare> on a host page', () => {
  let session;
  let page;
  before(async () => {
    session = await startSession();
    page = await openPage(session, `${session.hostUrl}compare.html`);
    await page.evaluate(() => document.querySelector('#race').ready);
  });
  after(async () => session?.close());

  it('races two learning rates from the same data and starting weights, one step of both at a time', async () => {
    const start = await page.evaluate(() => {
      const race = document.querySelector('#race');
      return {
        models: [race.a.exportModel(), race.b.exportModel()],
        data: [race.a.getData(), race.b.getData()],
        configs: [race.a.config, race.b.config],
        line: race.shadowRoot.getElementById('differences').textContent,
        differences: race.differences,
      };
    });
    assert.deepEqual(start.models[0], start.models[1], 'the same starting weights');
    assert.deepEqual(start.data[0], start.data[1], 'the same points');
    assert.equal(start.configs[0].dataset, 'xor');
    assert.deepEqual(start.configs[1], { ...start.configs[0], learningRate: 0.3 });
    assert.equal(start.line, 'B: learning rate 0.3 instead of 0.03');
    assert.deepEqual(start.differences, [{ key: 'learningRate', label: 'learning rate', a: '0.03', b: '0.3' }]);

    const stepped = await page.evaluate(async () => {
      const race = document.querySelector('#race');
      const first = await race.step();
      for (let i = 0; i < 4; i++) await race.step();
      const canvas = race.shadowRoot.getElementById('compare-chart');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
      return {
        first,
        curves: race.curves,
        histories: [race.a.saveLesson().history, race.b.saveLesson().history],
        inked,
        label: canvas.getAttribute('aria-label'),
      };
    });
    assert.ok(stepped.inked > 200, `the chart draws its lines (${stepped.inked} pixels)`);
    assert.match(stepped.label, /^Loss over epochs of both runs\. A at epoch 5: training loss 0\.\d{3}, test loss 0\.\d{3}; B at epoch 5: /);
    assert.deepEqual([stepped.first.a.epoch, stepped.first.b.epoch], [1, 1]);
    assertCurveIsHistory(stepped.curves.a, stepped.histories[0], 'A');
    assertCurveIsHistory(stepped.curves.b, stepped.histories[1], 'B');
    assert.deepEqual(
      stepped.curves.a.map(([epoch]) => epoch),
      [0, 1, 2, 3, 4, 5],
    );

    const reset = await page.evaluate(async () => {
      const race = document.querySelector('#race');
      await race.reset();
      return { epochs: [race.a.state.epoch, race.b.state.epoch], model: race.a.exportModel(), curves: race.curves };
    });
    assert.deepEqual(reset.epochs, [0, 0]);
    assert.deepEqual(reset.model, start.models[0], 'back to the starting weights');
    assert.deepEqual(
      reset.curves.a.map(([epoch]) => epoch),
      [0],
    );
  });

  it('shows under B only the settings `controls` names, and follows a changed controls', async () => {
    const shown = await page.evaluate(async () => {
      const shownUnder = (run) =>
        [...run.shadowRoot.querySelectorAll('.field[data-control]')].filter((control) => control.checkVisibility()).map((control) => control.dataset.control);
      const short = document.createElement('greymatter-compare');
      short.setAttribute('config', '{"dataset": "xor", "hidden": [4]}');
      short.setAttribute('b', '{"learningRate": 0.3}');
      short.setAttribute('controls', 'learning-rate');
      document.querySelector('main').append(short);
      await short.ready;
      const race = document.querySelector('#race');
      const result = {
        short: shownUnder(short.b),
        every: shownUnder(race.b),
        heights: [short, race].map((element) => element.getBoundingClientRect().height),
      };
      short.setAttribute('controls', 'activation');
      window.shownUnderShort = () => shownUnder(short.b).join(',');
      return result;
    });
    await page.waitForFunction(() => window.shownUnderShort() === 'activation');
    await page.evaluate(() => document.querySelector('greymatter-compare:not(#race)').remove());
    assert.deepEqual(shown.short, ['learningRate']);
    assert.ok(shown.every.length >= 10, `without controls B shows every training setting: ${shown.every}`);
    assert.ok(shown.heights[0] < shown.heights[1] - 300, `shorter: ${shown.heights}`);
  });

  it("pauses both when one run's loss blows up, and says which", async () => {
    const said = await page.evaluate(async () => {
      const race = document.createElement('greymatter-compare');
      race.setAttribute('config', '{"problem": "regression", "dataset": "plane", "activation": "relu"}');
      race.setAttribute('b', '{"learningRate": 10}');
      const errors = [];
      race.addEventListener('error', (event) => errors.push(event.detail.message));
      document.querySelector('main').append(race);
      await race.ready;
      race.play();
      const deadline = Date.now() + 30_000;
      while (errors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const result = {
        errors,
        playing: race.playing,
        aPlaying: race.a.playing,
        bPlaying: race.b.playing,
        notice: race.shadowRoot.getElementById('compare-message').textContent,
        epochs: [race.a.state.epoch, race.b.state.epoch],
      };
      // Thirty frames later: a run still training would have moved in them.
      for (let frame = 0; frame < 30; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      result.later = [race.a.state.epoch, race.b.state.epoch];
      race.remove();
      return result;
    });
    assert.match(said.errors[0], /^B stopped at epoch \d+: .*A paused with it, so neither gets ahead\.$/);
    assert.equal(said.notice, said.errors[0]);
    assert.deepEqual([said.playing, said.aPlaying, said.bPlaying], [false, false, false]);
    assert.deepEqual(said.later, said.epochs, 'neither trains on');
    assert.ok(said.epochs[0] - said.epochs[1] <= 1, `A is at most the one round B undid ahead: ${said.epochs}`);
  });

  it('applies a changed b attribute to B, and says why a refused one changes nothing', async () => {
    const result = await page.evaluate(async () => {
      const race = document.querySelector('#race');
      const errors = [];
      race.addEventListener('error', (event) => errors.push(event.detail.message));
      race.setAttribute('b', '{"optimizer": "adam"}');
      const changed = { optimizer: race.b.config.optimizer, keys: race.differences.map((difference) => difference.key) };
      const before = race.b.config;
      race.setAttribute('b', '{"batchSize": 0}');
      return {
        changed,
        errors,
        same: JSON.stringify(race.b.config) === JSON.stringify(before),
        notice: race.shadowRoot.getElementById('compare-message').textContent,
        line: race.shadowRoot.getElementById('differences').textContent,
      };
    });
    assert.deepEqual(result.changed, { optimizer: 'adam', keys: ['learningRate', 'optimizer'] });
    assert.match(result.line, /^B: learning rate 0\.3 instead of 0\.03; optimizer Adam instead of SGD$/i);
    assert.deepEqual(result.errors, ['In the attribute b: batchSize must be a whole number from 1 to 500, got 0']);
    assert.equal(result.notice, result.errors[0]);
    assert.equal(result.same, true, 'B is unchanged by the refused value');
    await page.evaluate(() => document.querySelector('#race').b.setConfig({ optimizer: 'sgd' }));
  });

  it("gives the full page's link of the comparison", async () => {
    const link = await page.evaluate(() => document.querySelector('#race').shareLink());
    assert.match(link, /index\.html#dataset=xor&.*learningRate=0\.03&.*&compare=true&b\.learningRate=0\.3$/);
    const opened = await openPlayground(session, link);
    await opened.waitForFunction(() => document.querySelector('greymatter-compare')?.b.config?.learningRate === 0.3);
    assert.equal(await opened.textContent('greymatter-compare >> #differences'), 'B: learning rate 0.3 instead of 0.03');
    assert.equal(await opened.evaluate(() => document.querySelector('greymatter-compare').a.config.dataset), 'xor');
    await opened.context().close();
    assert.deepEqual(page.problems, []);
  });
});
