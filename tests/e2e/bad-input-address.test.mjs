// Bad input at the address bar (docs/scripting.md, "The address bar", "Share links"): a table of
// hashes a person might type or a link might carry, each with one entry that is wrong.
// Edited into the hash of an open page, and opened as a fresh page's address, each is
// reported in the notice area with what is wrong, and the network, the data and the
// config stay as they were (the defaults, for a fresh page); the page trains on
// (bad-input-check.mjs). Each row is a test of its own, named after its door
//.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground } from './helpers.mjs';
import { assertSays, assertUnchangedAndTrains, noticeOf, snapshot } from './bad-input-check.mjs';

const A = 'In the address: ';
const DECIMALS = '(write it in decimals, such as 0.03 or 1e-4)';

// [door, hash, message]: "edited hash" rows are typed into an open page's address bar,
// "hash at load" rows open a new page at that address.
const ROWS = [
  ['edited hash', '#noise=99', `${A}noise must be between 0 and 50, got 99`],
  ['edited hash', '#noise=abc', `${A}noise must be a number, got "abc"`],
  ['edited hash', '#noise=', `${A}noise must be a number, got ""`],
  ['edited hash', '#noise', `${A}noise must be a number, got ""`],
  ['edited hash', '#learningRate=0x10', `${A}learningRate must be a number, got "0x10" ${DECIMALS}`],
  ['edited hash', '#learningRate=1e', `${A}learningRate must be a number, got "1e"`],
  ['edited hash', '#learningRate=Infinity', `${A}learningRate must be a number, got "Infinity" ${DECIMALS}`],
  ['edited hash', '#learningRate=%20+10%20', `${A}learningRate must be a number, got " +10 " ${DECIMALS}`],
  ['edited hash', '#learningRate=11', `${A}learningRate must be greater than 0 and at most 10, got 11`],
  ['edited hash', '#learnRate=0.1', `${A}unknown setting "learnRate"`],
  ['edited hash', '#dataset=moons', `${A}dataset must be one of circle, xor, gauss, spiral, plane, multigauss, formula, own, got "moons"`],
  ['edited hash', '#dataset=plane', `${A}dataset plane is a regression dataset, but problem is classification`],
  ['edited hash', '#problem=clustering', `${A}problem must be classification or regression`],
  ['edited hash', '#classes=9', `${A}classes must be a whole number from 2 to 6, got 9`],
  ['edited hash', '#hidden=4,,2', `${A}hidden must be a number, got ""`],
  ['edited hash', '#hidden=4,a', `${A}hidden must be a number, got "a"`],
  ['edited hash', '#hidden=65', `${A}hidden layer 1 must have 1 to 64 neurons, got 65`],
  ['edited hash', '#customFeatures=sinn(x1)', `${A}customFeatures[0] "sinn(x1)": at column 1: unknown function 'sinn'`],
  [
    'edited hash',
    '#customFeatures=sin(x1);x1%2B',
    `${A}customFeatures[1] "x1+": at column 4: expected a number, x1, x2, a function or '(', found the end of the formula`,
  ],
  ['edited hash', '#datasetFormula=min(x1)', `${A}datasetFormula "min(x1)": at column 1: min takes 2 arguments, got 1`],
  ['edited hash', `#hidden=${Array(17).fill(1).join(',')}`, `${A}hidden allows at most 16 layers, got 17`],
  ['edited hash', '#features=x1,x3', `${A}features must be a list of inputs, each one of x1, x2, x1Squared`],
  ['edited hash', '#features=', `${A}features must name at least one input`],
  ['edited hash', '#features=x1,x1', `${A}features lists x1 twice`],
  ['edited hash', '#activation=softmax', `${A}activation softmax only fits the output layer: pick another for the hidden layers`],
  ['edited hash', '#layerActivations=relu,nope', `${A}layerActivations must be a list of activations, one per hidden layer`],
  ['edited hash', '#dropout=half', `${A}dropout must be a number, got "half"`],
  ['edited hash', '#dropout=0.5,1', `${A}dropout of hidden layer 2 must be between 0 and 0.9, got 1`],
  ['edited hash', '#dropout=0.1,0.2,0.3', `${A}dropout gives 3 rates for 2 hidden layers: give at most one per hidden layer`],
  ['edited hash', '#loss=hinge', `${A}loss must be one of squared, absolute, huber, binaryCrossEntropy, softmaxCrossEntropy`],
  ['edited hash', '#seed=-1', `${A}seed must be a whole number from 0 to 4294967295`],
  ['edited hash', '#seed=4294967296', `${A}seed must be a whole number from 0 to 4294967295`],
  ['edited hash', '#dataSeed=abc', `${A}dataSeed must be a number, got "abc"`],
  ['edited hash', '#samples=9', `${A}samples must be a whole number from 10 to 5000, got 9`],
  ['edited hash', '#batchSize=0', `${A}batchSize must be a whole number from 1 to 500, got 0`],
  ['edited hash', '#trainRatio=100', `${A}trainRatio must be between 10 and 90, got 100`],
  ['edited hash', '#momentum=1', `${A}momentum must be at least 0 and below 1, got 1`],
  ['edited hash', '#regularizationRate=-1', `${A}regularizationRate must be between 0 and 10, got -1`],
  ['edited hash', '#optimizer=adagrad', `${A}optimizer must be one of sgd, momentum, nesterov, rmsprop, adam`],
  ['edited hash', '#decayEpochs=0', `${A}decayEpochs must be a whole number from 1 to 100000, got 0`],
  ['edited hash', '#stopAtLoss=abc', `${A}stopAtLoss must be a number, got "abc"`],
  ['edited hash', '#epsilon=0', `${A}epsilon must be greater than 0 and at most 1, got 0`],
  ['edited hash', '#initialization=random', `${A}initialization must be one of uniform, xavier, he, zeros`],
  ['edited hash', '#schedule=cosine', `${A}schedule must be one of constant, step, exponential`],
  ['edited hash', '#regularization=l3', `${A}regularization must be one of none, l1, l2`],
  ['edited hash', '#epochsPerFrame=0', `${A}epochsPerFrame must be a whole number from 1 to 100, got 0`],
  ['edited hash', '#epochsPerFrame=abc', `${A}epochsPerFrame must be a number, got "abc"`],
  ['edited hash', '#palette=pink', `${A}palette must be one of default, colorblind, got "pink"`],
  ['edited hash', '#showTestData=yes', `${A}showTestData must be true or false, got "yes"`],
  ['edited hash', '#discretize=1', `${A}discretize must be true or false, got "1"`],
  ['edited hash', '#noise_hide=yes', `${A}noise_hide must be true or false, got "yes"`],
  ['edited hash', '#nonsense_hide=true', `${A}"nonsense_hide": there is no control called "nonsense" to hide`],
  ['edited hash', '#hideText=maybe', `${A}hideText must be true or false, got "maybe"`],
  ['edited hash', '#points=!!!', `${A}points: points= is not base64url: '!' at character 1`],
  ['edited hash', '#points=AAAA', `${A}points: the link's points are not greymatter points`],
  ['edited hash', '#weights=!!!', `${A}weights: weights= is not base64url: '!' at character 1`],
  ['edited hash', '#weights=AAAA', `${A}weights: the link's weights are not greymatter weights`],
  ['edited hash', '#%E0%A4%A=1', `${A}cannot read "%E0%A4%A=1"`],
  ['edited hash', '#noise=%E0%A4%A', `${A}cannot read "noise=%E0%A4%A"`],
  ['edited hash', '#=1', `${A}unknown setting ""`],
  ['edited hash', '#a=1&b=2', /In the address: unknown setting "a"\s*In the address: unknown setting "b"/],
  ['hash at load', '#noise=99', `${A}noise must be between 0 and 50, got 99`],
  ['hash at load', '#learningRate=0x10', `${A}learningRate must be a number, got "0x10" ${DECIMALS}`],
  ['hash at load', '#learnRate=0.1', `${A}unknown setting "learnRate"`],
  ['hash at load', '#dataset=moons', `${A}dataset must be one of circle, xor, gauss, spiral, plane, multigauss, formula, own`],
  ['hash at load', '#hidden=4,a', `${A}hidden must be a number, got "a"`],
  ['hash at load', '#features=', `${A}features must name at least one input`],
  ['hash at load', '#palette=pink', `${A}palette must be one of default, colorblind, got "pink"`],
  ['hash at load', '#nonsense_hide=true', `${A}"nonsense_hide": there is no control called "nonsense" to hide`],
  ['hash at load', '#points=!!!', `${A}points: points= is not base64url: '!' at character 1`],
  ['hash at load', '#weights=AAAA', `${A}weights: the link's weights are not greymatter weights`],
  ['hash at load', '#noise=%E0%A4%A', `${A}cannot read "noise=%E0%A4%A"`],
  ['hash at load', '#seed=1.5', `${A}seed must be a whole number from 0 to 4294967295`],
  ['edited hash', '#compare=maybe', `${A}compare must be true or false, got "maybe"`],
  ['edited hash', '#compare=true&b.learnRate=0.1', `${A}b.learnRate: unknown setting "learnRate"`],
  ['edited hash', '#compare=true&b.noise=loud', `${A}b.noise: noise must be a number, got "loud"`],
  ['hash at load', '#b.learningRate=0.1', `${A}b.learningRate belongs to a comparison: the address needs compare=true before it`],
  ['hash at load', '#compare=true&b.palette=colorblind', `${A}b.palette: "palette" is a view option, and B shows what A shows`],
  ['hash at load', '#compare=true&b.hidden=4,a', `${A}b.hidden: hidden must be a number, got "a"`],
  ['hash at load', '#compare=true&b.seed=1&b.seed=2', `${A}b.seed is given twice ("1" and "2"); give it once`],
];

describe('bad input at the address bar', () => {
  let session;
  let page;
  let fresh;
  openOncePerSuite((opened) => ({ session, page } = opened));
  before(async () => {
    fresh = await snapshot(page);
    await page.evaluate(() => window.playground.pause());
  });

  for (const [door, hash, message] of ROWS.filter(([door]) => door === 'edited hash')) {
    it(`${door}: ${hash} is reported, changes nothing, and the page trains on`, async () => {
      const before = await snapshot(page);
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      // Once applied, the page writes its whole setup back into the address.
      await page.waitForFunction((h) => window.location.hash !== h, hash);
      assertSays(await noticeOf(page), message);
      await assertUnchangedAndTrains(page, page, before);
    });
  }

  for (const [door, hash, message] of ROWS.filter(([door]) => door === 'hash at load')) {
    it(`${door}: ${hash} is reported, the page starts from the defaults, and it trains`, async () => {
      const opened = await openPlayground(session, `${session.url}${hash}`);
      try {
        await opened.evaluate(() => window.playground.pause());
        assertSays(await noticeOf(opened), message);
        await assertUnchangedAndTrains(opened, opened, fresh);
      } finally {
        await opened.context().close();
      }
    });
  }

  it('a key given twice is read from its first entry, and the later one is reported', async () => {
    await page.evaluate(() => {
      window.location.hash = '#learningRate=0.1&learningRate=0.2';
    });
    await page.waitForFunction(() => window.playground.config.learningRate === 0.1);
    assertSays(await noticeOf(page), `${A}learningRate is given twice; only the first (0.1) is read`);
    assert.deepEqual(page.problems, []);
  });
});
