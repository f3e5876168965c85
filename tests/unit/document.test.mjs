// The reader of lesson and model files (www/js/state/document.js): size before parsing,
// named parse errors, depth, values JSON cannot hold, and the path in its messages.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentText, checkDocument, documentKind, formatSize, MAX_DOCUMENT_BYTES, MAX_DEPTH } from '../../www/js/state/document.js';

const nested = (depth) => {
  let value = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('reading a greymatter document', () => {
  it('reads a small lesson-shaped file', () => {
    const value = readDocumentText('{"format": "greymatter-lesson", "history": [[0, 0.5, null]]}', 'the lesson file');
    assert.equal(documentKind(value), 'lesson');
    assert.deepEqual(value.history, [[0, 0.5, null]]);
  });

  it('refuses text over 16 MiB before parsing it, with both sizes', () => {
    const text = `"${'a'.repeat(Math.round(17.2 * 1024 * 1024))}"`;
    assert.throws(() => readDocumentText(text, 'the lesson file'), { message: 'the lesson file is 17.2 MB; the most greymatter reads is 16 MB' });
    // Counted in UTF-8 bytes: 6 million three-byte characters are over the limit.
    assert.throws(() => readDocumentText(`"${'€'.repeat(6_000_000)}"`), /17\.2 MB/);
    assert.equal(formatSize(MAX_DOCUMENT_BYTES), '16 MB');
  });

  it('skips a byte order mark at the start, as a file picked on the page does', () => {
    assert.deepEqual(readDocumentText('\uFEFF{"format": "greymatter-model"}', 'the model file'), { format: 'greymatter-model' });
  });

  it('names a parse error', () => {
    assert.throws(() => readDocumentText('{not json', 'the lesson file'), /^Error: the lesson file is not JSON \(.+\)$/);
    assert.throws(() => readDocumentText(42), /must be JSON text/);
  });

  it(`allows ${MAX_DEPTH} levels of nesting and refuses one more, naming the path`, () => {
    assert.doesNotThrow(() => readDocumentText(JSON.stringify(nested(MAX_DEPTH))));
    assert.throws(() => readDocumentText(JSON.stringify({ model: { layers: [nested(MAX_DEPTH)] } }), 'the lesson file'), {
      message: 'the lesson file is nested too deeply at model.layers[0][0][0][0][0][0]: the most is 8 levels of arrays and objects',
    });
  });

  it('walks very deep values without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.throws(() => readDocumentText(deep), /nested too deeply/);
  });

  it('refuses values JSON cannot hold in a script-given object, naming the path', () => {
    assert.throws(() => checkDocument({ model: { layers: [{ biases: [NaN] }] } }, 'the lesson file'), {
      message: 'the lesson file: model.layers[0].biases[0] is NaN, not a finite number',
    });
    assert.throws(() => checkDocument({ when: new Date() }), /when is a Date/);
    assert.throws(() => checkDocument({ f() {} }), /f is a function/);
    assert.throws(() => checkDocument({ big: 1n }), /big is a bigint/);
  });

  it('refuses more values than any lesson file holds', () => {
    const text = `[${new Array(1000).fill(`[${new Array(2001).fill(0).join(',')}]`).join(',')}]`;
    assert.throws(() => readDocumentText(text, 'the lesson file'), /more than 2,000,000 values/);
  });

  it('tells lessons and models apart by their format', () => {
    assert.equal(documentKind({ format: 'greymatter-model' }), 'model');
    assert.equal(documentKind({ format: 'something' }), null);
    assert.equal(documentKind([]), null);
  });
});

describe('the version of a greymatter document', () => {
  it('is read first: a newer lesson or model is refused for its version, as the core words it', async () => {
    const { glue } = await import('./core.mjs');
    const playground = new glue.Playground({});
    const lesson = playground.lesson({}, {});
    const model = playground.exportModel();
    playground.free();
    // A version-2 lesson whose view and classroom have options this build does not know.
    const newer = { ...lesson, version: 2, view: { sparkle: true }, classroom: { hidden: ['newControl'] } };
    assert.throws(() => checkDocument(newer, 'the lesson file'), { message: 'lesson file version 2 is not supported (this build reads version 1)' });
    assert.throws(() => readDocumentText(JSON.stringify({ ...model, version: 3, extras: [] }), 'the model file'), {
      message: 'model version 3 is not supported (this build reads version 1)',
    });
    // The versions this build reads are the core's.
    assert.doesNotThrow(() => checkDocument(lesson, 'the lesson file'));
    assert.doesNotThrow(() => checkDocument(model, 'the model file'));
    // A version that is not a whole number is the core's to refuse, with its path.
    assert.doesNotThrow(() => checkDocument({ ...lesson, version: '2' }, 'the lesson file'));
  });
});
