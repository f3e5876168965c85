// View options (www/js/state/view.js) and the element's attributes as a setup
// (www/js/state/attributes.js), both from the core's schema.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeView } from '../../www/js/state/view.js';
import { readAttributes, attributeOf, configAttributes, viewAttributes, knownAttributes, misnamedAttributes } from '../../www/js/state/attributes.js';
import { schema } from './core.mjs';

describe('view options', () => {
  const view = schema.defaultView();

  it('merge a valid change and refuse a bad one with the reason', () => {
    assert.deepEqual(mergeView(view, { epochsPerFrame: 10, hidden: ['noise', 'noise'] }, schema), { ...view, epochsPerFrame: 10, hidden: ['noise'] });
    assert.throws(() => mergeView(view, { epochsPerFrame: 0.5 }, schema), /epochsPerFrame must be a whole number from 1 to 100, got 0.5/);
    assert.throws(() => mergeView(view, { palette: 'pink' }, schema), /palette must be one of default, colorblind, got "pink"/);
    assert.throws(() => mergeView(view, { discretize: 'yes' }, schema), /discretize must be true or false, got "yes"/);
    assert.throws(() => mergeView(view, { zoom: 2 }, schema), /unknown view option "zoom"/);
    assert.throws(() => mergeView(view, { hidden: ['nothing'] }, schema), /hidden must list controls from /);
  });
});

describe('attributes', () => {
  it('are the keys in kebab-case, hidden-layers for hidden', () => {
    assert.equal(attributeOf('learningRate'), 'learning-rate');
    assert.equal(attributeOf('hidden'), 'hidden-layers');
    assert.equal(attributeOf('dataSeed'), 'data-seed');
    assert.equal(configAttributes(schema).size, schema.configKeys.length);
    assert.equal(viewAttributes(schema).get('show-test-data'), 'showTestData');
  });

  it('read into a setup: a link, then config JSON, then single attributes win', () => {
    const { values, view, errors } = readAttributes(
      {
        link: 'https://example.org/greymatter/#dataset=xor&noise=5&palette=colorblind',
        config: '{"noise": 20, "learningRate": 0.3}',
        'learning-rate': '0.1',
        'hidden-layers': '',
        'show-test-data': '',
        id: 'first',
        layout: 'compact',
      },
      schema,
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(values, { dataset: 'xor', noise: 20, learningRate: 0.1, hidden: [] });
    assert.equal(view.palette, 'colorblind');
    assert.equal(view.showTestData, true, 'a toggle present without a value is on');
  });

  it('name the attribute of each value that cannot be read', () => {
    const { values, errors } = readAttributes({ noise: 'loud', config: '[1]', 'epochs-per-frame': '0', dataset: 'xor' }, schema);
    assert.deepEqual(values, { dataset: 'xor' });
    assert.deepEqual(errors, [
      'config must be a JSON object such as {"learningRate": 0.1}',
      'noise="loud": noise must be a number, got "loud"',
      'epochs-per-frame="0": epochsPerFrame must be a whole number from 1 to 100, got 0',
    ]);
  });
});

describe('misnamed attributes', () => {
  const known = knownAttributes(schema, ['layout', 'controls', 'sync-url']);

  it('name the attribute meant for one written with underscores, in another case, or lowered from camelCase', () => {
    assert.deepEqual(misnamedAttributes(['learning_rate', 'learningrate', 'Show_Test_Data', 'hiddenlayers', 'sync_url', 'epochs--per-frame'], known), [
      'learning_rate is not an attribute of greymatter-playground; did you mean learning-rate?',
      'learningrate (HTML lowers attribute names) is not an attribute of greymatter-playground; did you mean learning-rate?',
      'Show_Test_Data is not an attribute of greymatter-playground; did you mean show-test-data?',
      'hiddenlayers (HTML lowers attribute names) is not an attribute of greymatter-playground; did you mean hidden-layers?',
      'sync_url is not an attribute of greymatter-playground; did you mean sync-url?',
      'epochs--per-frame is not an attribute of greymatter-playground; did you mean epochs-per-frame?',
    ]);
    assert.deepEqual(
      misnamedAttributes(['learningRate'], known),
      ['learningRate is not an attribute of greymatter-playground; did you mean learning-rate?'],
      'outside HTML (XML, setAttributeNS) the case stays as written',
    );
  });

  it("leave alone the attributes read, the host page's own and anything unrelated", () => {
    const host = [
      'learning-rate',
      'dataset',
      'hidden-layers',
      'layout',
      'sync-url',
      'id',
      'class',
      'style',
      'slot',
      'title',
      'hidden',
      'lang',
      'role',
      'tabindex',
      'aria-label',
      'data-note',
      'data-set',
      'data-seed_',
      'data_seed_x',
      'onclick',
      'learning',
    ];
    assert.deepEqual(misnamedAttributes(host, known), []);
  });

  it('quote a long name cut short', () => {
    const [line] = misnamedAttributes([`learning${'_'.repeat(200)}rate`], known);
    assert.match(line, /^learning_{51}… is not an attribute of greymatter-playground; did you mean learning-rate\?$/);
  });
});
