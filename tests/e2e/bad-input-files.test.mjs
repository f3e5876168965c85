// Bad input at the page's file doors (docs/model-file.md, docs/scripting.md "Your own points",
// docs/lesson-file.md): a table of files a person might pick with Import (a model), Load CSV and
// Open lesson, and texts pasted into the CSV box. Each is refused in the notice area
// with what is wrong, and the network, the data and the config stay as they were; the
// page trains on (bad-input-check.mjs). Each row is a test of its own, named after its
// door.

import { before, describe, it } from 'node:test';
import { openOncePerSuite } from './helpers.mjs';
import { assertSays, assertUnchangedAndTrains, noticeOf, snapshot } from './bad-input-check.mjs';

const MODEL = 'Could not import the model: ';
const CSV = 'Could not read the CSV: ';
const LESSON = 'Could not open the lesson: ';
const HEADER = 'x1,x2,label\n';

/** A row's file: the page's own model with `edit` (model → model) applied, as JSON text. */
const model = (edit) => ({ model: edit });

// [door, file text (or {model: edit}, an edit of the page's own model), message].
const ROWS = [
  ['Import (model file)', '', `${MODEL}the model file is not JSON`],
  ['Import (model file)', '{not json', `${MODEL}the model file is not JSON`],
  ['Import (model file)', 'null', `${MODEL}a model file must be an object with format, version, problem, features and layers; got null`],
  ['Import (model file)', '[1, 2]', `${MODEL}a model file must be an object with format, version, problem, features and layers; got an array`],
  [
    'Import (model file)',
    '"greymatter"',
    `${MODEL}a model file must be an object with format, version, problem, features and layers; got the text "greymatter"`,
  ],
  ['Import (model file)', '{}', `${MODEL}not a greymatter model file: missing field \`format\``],
  ['Import (model file)', '\u0000\u0001binary', `${MODEL}the model file is not JSON`],
  ['Import (model file)', model((m) => ({ ...m, format: 'keras' })), `${MODEL}model format must be "greymatter-model", got "keras"`],
  ['Import (model file)', model((m) => ({ ...m, version: 2 })), `${MODEL}model version 2 is not supported (this build reads version 1)`],
  ['Import (model file)', model((m) => ({ ...m, features: [] })), `${MODEL}model features must name at least one input`],
  ['Import (model file)', model((m) => ({ ...m, layers: [] })), `${MODEL}model has no layers`],
  ['Import (model file)', model((m) => ({ ...m, comment: 'hi' })), `${MODEL}the model file has an unknown field \`comment\``],
  [
    'Import (model file)',
    model((m) => {
      m.layers[0].weights[0] = [1];
      return m;
    }),
    `${MODEL}layer 1: weight row 1 has 1 values, expected 2`,
  ],
  [
    'Import (model file)',
    model((m) => {
      m.layers[0].biases = [0];
      return m;
    }),
    `${MODEL}layer 1: 4 weight rows but 1 biases`,
  ],
  [
    'Import (model file)',
    model((m) => {
      m.layers[0].activation = 'softmax';
      return m;
    }),
    `${MODEL}layer 1: softmax only fits the output layer`,
  ],
  [
    'Import (model file)',
    model((m) => {
      m.layers[0].biases[0] = 1e39;
      return m;
    }),
    `${MODEL}layer 1: every value must be a finite number`,
  ],
  [
    'Import (model file)',
    `{"layers": ${'['.repeat(20)}${']'.repeat(20)}}`,
    `${MODEL}the model file is nested too deeply at layers[0][0][0][0][0][0][0]: the most is 8 levels of arrays and objects`,
  ],
  [
    'Import (model file)',
    model((m) => {
      m.layers[0].weights = 'abc';
      return m;
    }),
    `${MODEL}not a greymatter model file: layer 1: weights must be a list of lists of numbers (one list per neuron), got "abc"`,
  ],
  ['Load CSV', '', `${CSV}there are no points: no line has x1, x2 and a label`],
  ['Load CSV', `${HEADER}1,2,red\n3,oops,blue\n`, `${CSV}line 3, column x2: 'oops' is not a number (write decimals such as -1.5, 2e-3 or .5)`],
  [
    'Load CSV',
    `${HEADER}12,0,1\n`,
    `${CSV}1 point lies outside the plotted range [−6, 6]² (the farthest at line 2: x1 = 12); tick "fit to view" to scale it in`,
  ],
  ['Load CSV', 'x1,x2\n1,2\n', `${CSV}line 1, column label: missing from the header (name it label, class, value or target)`],
  ['Load CSV', 'a,b,c\n1,2,3\n', `${CSV}line 1, column a: greymatter reads no such column`],
  [
    'Load CSV',
    `${HEADER}0,0,a\n0,0,b\n0,0,c\n0,0,d\n0,0,e\n0,0,f\n0,0,g\n`,
    `${CSV}line 8, column label: 'g' would be a 7th class; greymatter draws at most 6 (the classes so far are a, b, c, d, e, f)`,
  ],
  [
    'Load CSV',
    'x1,x2,label,set\n0,0,1,validation\n',
    `${CSV}line 2, column set: 'validation' is not a set: write train or test, or leave it empty to split by the train ratio`,
  ],
  ['Load CSV', `${HEADER}0,0,1,extra\n`, `${CSV}line 2, column 4: the row has 4 fields, more than the 3 columns (x1, x2, label)`],
  ['Load CSV', `${HEADER}"0,0,1\n`, `${CSV}line 2, column x1: the quote that opens here is not closed on this line`],
  ['Load CSV', `${HEADER}NaN,0,1\n`, `${CSV}line 2, column x1: 'NaN' is not a number`],
  ['Load CSV', `${HEADER}0x10,0,1\n`, `${CSV}line 2, column x1: '0x10' is not a number`],
  ['Load CSV', 'x1,x1,label\n0,0,1\n', `${CSV}line 1, column x1: x1 again (column 1 is x1 already)`],
  [
    'Load CSV',
    `${HEADER}${'0,0,1\n'.repeat(5001)}`,
    `${CSV}5001 points is more than greymatter holds: at most 5000, training and test together (point 5001 is at line 5002)`,
  ],
  ['Load CSV', 'x'.repeat(1_048_577), `${CSV}the text is 1048577 bytes long; greymatter reads at most 1048576 bytes (1 MiB)`],
  ['Paste CSV', '', `${CSV}there are no points: no line has x1, x2 and a label`],
  ['Paste CSV', 'hello', `${CSV}line 1, column hello: greymatter reads no such column; the columns are x1 (or x), x2 (or y), label`],
  [
    'Paste CSV',
    `${HEADER}1;2;0\n`,
    `${CSV}line 2, column x2: missing: the row has 1 field, the columns are x1, x2, label (are the fields separated by commas, tabs or semicolons?)`,
  ],
  ['Paste CSV', `${HEADER}1,2,0.5\n`, `${CSV}line 2, column label: '0.5' is not a class number; for values, switch the problem to regression`],
  ['Paste CSV', `${HEADER}0,-7,1\n`, `${CSV}1 point lies outside the plotted range [−6, 6]² (the farthest at line 2: x2 = -7)`],
  ['Paste CSV', `${HEADER}Infinity,0,1\n`, `${CSV}line 2, column x1: 'Infinity' is not a number`],
  ['Paste CSV', `${HEADER}1,,0\n`, `${CSV}line 2, column x2: empty; every point needs x1, x2 and a label`],
  ['Paste CSV', 'x1\tx2\tlabel\n1\toops\t0\n', `${CSV}line 2, column x2: 'oops' is not a number`],
  ['Open lesson', '', `${LESSON}the lesson file is not JSON`],
  ['Open lesson', '{', `${LESSON}the lesson file is not JSON`],
  ['Open lesson', '{}', `${LESSON}a lesson file's format must be "greymatter-lesson", got null`],
  ['Open lesson', '{"format": "other"}', `${LESSON}a lesson file's format must be "greymatter-lesson", got "other"`],
  ['Open lesson', '{"format": "greymatter-lesson", "version": 1}', `${LESSON}not a greymatter lesson file: missing field \`config\``],
  ['Open lesson', '{"format": "greymatter-model"}', `${MODEL}not a greymatter model file: missing field \`version\``],
];

/** The file input of each door that takes a file. */
const FILE_INPUTS = { 'Import (model file)': '#import-model', 'Load CSV': '#load-csv', 'Open lesson': '#open-lesson' };

describe("bad input at the page's file doors", () => {
  let page;
  let own;
  openOncePerSuite((opened) => ({ page } = opened));
  before(async () => {
    await page.evaluate(() => window.playground.pause());
    own = await page.evaluate(() => window.playground.exportModel());
    await page.click('.paste-csv summary');
  });

  ROWS.forEach(([door, file, message], index) => {
    const shown = typeof file === 'string' ? JSON.stringify(file.slice(0, 50)) : `an edited model (${index})`;
    it(`${door}: ${shown} is refused in the notice, changes nothing, and the page trains on`, async () => {
      const text = typeof file === 'string' ? file : JSON.stringify(file.model(structuredClone(own)));
      const before = await snapshot(page);
      // A mark in the notice that the row's refusal replaces.
      await page.evaluate(() => window.playground.setView({ epochsPerFrame: 1 }));
      await page.evaluate(() => {
        document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent = 'waiting';
      });
      if (door === 'Paste CSV') {
        await page.fill('#csv-text', text);
        await page.click('#use-csv');
      } else {
        await page.setInputFiles(FILE_INPUTS[door], { name: `row-${index}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) });
      }
      await page.waitForFunction(() => {
        const notice = document.querySelector('greymatter-playground').shadowRoot.getElementById('message');
        return !notice.hidden && notice.textContent !== 'waiting';
      });
      assertSays(await noticeOf(page), message, 'the notice');
      await assertUnchangedAndTrains(page, page, before);
    });
  });
});
