// Two runs compared (www/js/state/compare.js): the differences named with the schema's
// labels, the address's compare part written and read back, and a refusal naming the
// problem for each malformed compare part (a refusal opens no comparison).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { differences, differenceLine, encodeCompare, decodeCompare } from '../../www/js/state/compare.js';
import { decodeHash, encodeHash } from '../../www/js/state/address.js';
import { glue, schema } from './core.mjs';

const A = glue.defaultConfig();

/** The compare entries of an address's text, as decodeHash collects them. */
const entriesOf = (hash) => decodeHash(hash, schema).compare;

describe('naming what B changes', () => {
  it('names one difference with the label of its schema row', () => {
    assert.equal(differenceLine(A, { ...A, learningRate: 0.1 }, schema), 'B: learning rate 0.1 instead of 0.03');
  });

  it('names several, in address order, choices by their labels and lists item by item', () => {
    const b = { ...A, optimizer: 'adam', activation: 'relu', hidden: [8, 8], batchSize: 30 };
    const list = differences(A, b, schema);
    assert.deepEqual(
      list.map((d) => d.key),
      ['batchSize', 'activation', 'hidden', 'optimizer'],
    );
    const activation = schema.row('activation').choices;
    const label = (value) => activation.find((choice) => choice.value === value).label;
    assert.deepEqual(list[1], { key: 'activation', label: 'activation', a: label('tanh'), b: label('relu') });
    assert.deepEqual(list[2], { key: 'hidden', label: 'hidden layers', a: '4, 2', b: '8, 8' });
    assert.equal(differenceLine(A, b, schema).split('; ').length, 4);
    assert.match(differenceLine(A, b, schema), /^B: batch size 30 instead of 10; activation /);
  });

  it('says when B is the same as A', () => {
    assert.match(differenceLine(A, { ...A }, schema), /^B: the same settings as A/);
  });
});

describe('the compare part of the address', () => {
  it('writes compare=true and one b. entry per difference, and reads them back', () => {
    const b = { ...A, learningRate: 0.3, hidden: [], features: ['x1', 'x2', 'x1x2'] };
    const part = encodeCompare(A, b, schema);
    assert.equal(part, 'compare=true&b.learningRate=0.3&b.hidden=&b.features=x1,x2,x1x2');
    const hash = `#${encodeHash(A, schema.defaultView(), schema)}&${part}`;
    const read = decodeHash(hash, schema);
    assert.deepEqual(read.errors, [], "A's part of the address reads without a word about the comparison");
    assert.deepEqual(read.values, A);
    const compare = decodeCompare(read.compare, schema);
    assert.deepEqual(compare, { open: true, values: { learningRate: 0.3, hidden: [], features: ['x1', 'x2', 'x1x2'] }, errors: [] });
    assert.deepEqual({ ...A, ...compare.values }, b);
  });

  it('opens a comparison of two equal runs with compare=true alone', () => {
    assert.deepEqual(decodeCompare(entriesOf('#compare=true'), schema), { open: true, values: {}, errors: [] });
    assert.deepEqual(decodeCompare(entriesOf('#noise=10'), schema), { open: false, values: {}, errors: [] });
    assert.deepEqual(decodeCompare(entriesOf('#compare=false'), schema), { open: false, values: {}, errors: [] });
  });

  const REFUSALS = [
    ['#compare=yes', 'compare must be true or false, got "yes"'],
    ['#compare=true&b.learnRate=0.1', 'b.learnRate: unknown setting "learnRate"; B\'s settings are b.dataset, b.noise, … (the config keys)'],
    ['#compare=true&b.palette=colorblind', 'b.palette: "palette" is a view option, and B shows what A shows'],
    ['#compare=true&b.learningRate=fast', 'b.learningRate: learningRate must be a number, got "fast"'],
    ['#compare=true&b.learningRate=0x10', 'b.learningRate: learningRate must be a number, got "0x10" (write it in decimals'],
    ['#compare=true&b.hidden=4,a', 'b.hidden: hidden must be a number, got "a"'],
    ['#b.learningRate=0.1', 'b.learningRate belongs to a comparison: the address needs compare=true before it'],
    ['#compare=false&b.learningRate=0.1', 'b.learningRate belongs to a comparison: the address needs compare=true before it'],
    ['#compare=true&b.learningRate=0.1&b.learningRate=0.3', 'b.learningRate is given twice ("0.1" and "0.3"); give it once'],
    ['#compare=true&compare=true', 'compare is given twice'],
  ];
  for (const [hash, message] of REFUSALS) {
    it(`refuses ${hash} as a whole, saying so`, () => {
      const result = decodeCompare(entriesOf(hash), schema);
      assert.equal(result.open, false);
      assert.deepEqual(result.values, {});
      assert.ok(
        result.errors.some((line) => line.includes(message)),
        `${JSON.stringify(result.errors)} should say ${message}`,
      );
    });
  }

  it('refuses all of a compare part with one bad entry among good ones', () => {
    const result = decodeCompare(entriesOf('#compare=true&b.learningRate=0.1&b.noise=loud'), schema);
    assert.deepEqual(result, { open: false, values: {}, errors: ['b.noise: noise must be a number, got "loud"'] });
  });
});

describe("the playground's own part of a compared address", () => {
  it('drops the compare entries and keeps the rest in order', async () => {
    const { withoutCompare } = await import('../../www/js/state/address.js');
    assert.equal(withoutCompare('#noise=10&compare=true&b.learningRate=0.1&seed=2'), '#noise=10&seed=2');
    assert.equal(withoutCompare('#noise=10'), '#noise=10');
    assert.equal(withoutCompare('#%E0%A4%A=1&b.noise=3'), '#%E0%A4%A=1', 'an entry that cannot be read is left to the reader');
  });
});
