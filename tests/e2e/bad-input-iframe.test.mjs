// Bad input at the iframe embed's message API (docs/embedding-iframe.md, "Messages"): a
// table of messages a host page might post — unknown calls, bad arguments, arguments
// that are not plain data, hostile values. Each is answered with an `error` reply
// naming the problem; messages that are not greymatter's (no `greymatter` tag) get no
// reply at all. Either way the frame's network, data and config stay as they were and
// a `step` message still trains one epoch (bad-input-check.mjs). Each row is a test of
// its own, named after its door. Host page:
// fixtures/iframe-host.html.

import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage } from './helpers.mjs';
import { assertSays, assertUnchangedAndTrains, snapshot } from './bad-input-check.mjs';

const CALLS =
  /^unknown call "(.*)": the calls are play, pause, .* \(with args, an array\), and ready, version, playing, state, config, view \(read, without args\)$/;
const ARGS = 'args must be an array of the arguments, e.g. {call: "setConfig", args: [{learningRate: 0.1}]}';
const LAYER = 'layer must be a whole number from 0 to 1 (the output)';

// [door, message (a JS expression, built in the host page; `deep(n)` nests an array n deep), reply's error or null for no reply].
// The frame: dataset=xor, hidden=4 (features x1, x2; 7 nodes).
const ROWS = [
  ['unknown call', '{ greymatter: 1, id: 1, call: "train" }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1, call: "_panicForTesting", args: ["boom"] }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1, call: "constructor" }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1, call: "__proto__" }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1, call: "toString" }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1, call: "hasOwnProperty", args: ["setConfig"] }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1, call: "" }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1, call: "SetConfig", args: [{}] }', CALLS],
  ['unknown call', '{ greymatter: 1, id: 1 }', /^a message needs call, the member to use: the calls are play, pause/],
  ['unknown call', '{ greymatter: 1, id: 1, call: 42 }', /^a message needs call, the member to use/],
  ['unknown call', '{ greymatter: 1, id: 1, call: ["setConfig"] }', /^a message needs call, the member to use/],
  ['bad envelope', '{ greymatter: 2, id: 1, call: "state" }', 'greymatter must be 1, the version of the messages this frame takes'],
  ['bad envelope', '{ greymatter: "1", id: 1, call: "state" }', 'greymatter must be 1, the version of the messages this frame takes'],
  ['bad envelope', '{ greymatter: true, id: 1, call: "state" }', 'greymatter must be 1, the version of the messages this frame takes'],
  ['bad envelope', '{ greymatter: 1, id: {}, call: "state" }', 'id must be a string or a number'],
  ['bad envelope', '{ greymatter: 1, id: NaN, call: "state" }', 'id must be a string or a number'],
  ['bad envelope', '{ greymatter: 1, id: [1], call: "state" }', 'id must be a string or a number'],
  ['bad envelope', '{ greymatter: 1, id: null, call: "state" }', 'id must be a string or a number'],
  ['bad envelope', '{ greymatter: 1, id: 1, call: "setConfig", args: { learningRate: 0.1 } }', ARGS],
  ['bad envelope', '{ greymatter: 1, id: 1, call: "setConfig", args: "learningRate=0.1" }', ARGS],
  ['bad envelope', '{ greymatter: 1, id: 1, call: "step", args: 1 }', ARGS],
  ['bad envelope', '{ greymatter: 1, id: 1, call: "step", args: null }', ARGS],
  ['bad envelope', '{ greymatter: 1, id: 1, call: "state", args: [1] }', 'state is read, not called: send {call: "state"} without args'],
  ['bad envelope', '{ greymatter: 1, id: 1, call: "config", args: [{ learningRate: 1 }] }', 'config is read, not called: send {call: "config"} without args'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setConfig", args: [] }', 'setConfig expects an object such as {learningRate: 0.01}'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setConfig", args: [42] }', 'setConfig expects an object such as {learningRate: 0.01}'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setConfig", args: ["learningRate=0.1"] }', 'setConfig expects an object such as {learningRate: 0.01}'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setConfig", args: [{ learningRate: -1 }] }', 'learningRate must be greater than 0 and at most 10, got -1'],
  [
    'bad arguments',
    '{ greymatter: 1, id: 1, call: "setConfig", args: [{ learningRate: Infinity }] }',
    'learningRate must be greater than 0 and at most 10, got Infinity',
  ],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setConfig", args: [{ learnRate: 0.1 }] }', 'unknown setting "learnRate"'],
  [
    'bad arguments',
    '{ greymatter: 1, id: 1, call: "setConfig", args: [{ learningRate: "0.1" }] }',
    /^learningRate must be a number greater than 0 and at most 10, got "0\.1"$/,
  ],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setConfig", args: [{ hidden: [65] }] }', 'hidden layer 1 must have 1 to 64 neurons, got 65'],
  [
    'bad arguments',
    '{ greymatter: 1, id: 1, call: "setConfig", args: [{ dataset: "xor", classes: 3, loss: "softmaxCrossEntropy" }] }',
    'dataset xor has 2 classes, got classes 3',
  ],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setView", args: [{ palette: "pink" }] }', 'palette must be one of default, colorblind, got "pink"'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setWeight", args: [2, 0, 0, 1] }', `${LAYER}, got 2`],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setWeight", args: ["0", 0, 0, 1] }', `${LAYER}, got "0"`],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setWeight", args: [0, 0, 0, NaN] }', 'value must be a finite number, got NaN'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setWeight", args: [0, 0, 0, 1e39] }', 'value must be a finite number in single precision'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setBias", args: [0, 4, 1] }', 'neuron must be a whole number from 0 to 3 in layer 0, got 4'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "setBias", args: [0, 0] }', 'value must be a finite number, got undefined'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "showNode", args: [7] }', 'node must be a whole number from 0 to 6 (or null for the output), got 7'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "showNode", args: [] }', 'node must be a whole number from 0 to 6 (or null for the output), got undefined'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "predict", args: ["0,0"] }', 'predict expects an array of [x1, x2] pairs'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "predict", args: [[[0, "a"]]] }', 'point 0 must be [x1, x2], two finite numbers; got [0, "a"]'],
  [
    'bad arguments',
    '{ greymatter: 1, id: 1, call: "importModel", args: [null] }',
    'a model file must be an object with format, version, problem, features and layers; got null',
  ],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "importModel", args: ["{not json"] }', 'the model file is not JSON'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "importCsv", args: [42] }', 'importCsv expects the CSV text as a string'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "importCsv", args: ["x1,x2,label\\n1,oops,0"] }', "line 2, column x2: 'oops' is not a number"],
  [
    'bad arguments',
    '{ greymatter: 1, id: 1, call: "setData", args: [{ train: [[7, 0, 1]], test: [] }] }',
    'train point 1: (7, 0) lies outside the plotted range',
  ],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "openLesson", args: ["{"] }', 'the lesson file is not JSON'],
  ['bad arguments', '{ greymatter: 1, id: 1, call: "confusionMatrix", args: ["validation"] }', `confusionMatrix takes 'test' or 'train', got "validation"`],
  ['hostile values', '{ greymatter: 1, id: 1, call: "setConfig", args: [{ hidden: deep(40) }] }', 'args is nested too deeply: at most 32 levels'],
  [
    'hostile values',
    '{ greymatter: 1, id: 1, call: "predict", args: [[["x".repeat(4_000_001), 0]]] }',
    'args is too large: at most 4000000 characters of text',
  ],
  [
    'hostile values',
    '{ greymatter: 1, id: 1, call: "predict", args: [Array.from({ length: 1_000_001 }, () => 0)] }',
    'args is too large: at most 1000000 values',
  ],
  [
    'hostile values',
    '{ greymatter: 1, id: 1, call: "setConfig", args: [{ learningRate: new Date(0) }] }',
    'args[0].learningRate is a Date, which cannot be sent: only plain data',
  ],
  [
    'hostile values',
    '{ greymatter: 1, id: 1, call: "setConfig", args: [new Map([["learningRate", 0.1]])] }',
    'args[0] is a Map, which cannot be sent: only plain data',
  ],
  ['hostile values', '{ greymatter: 1, id: 1, call: "setConfig", args: [{ learningRate: /0.1/ }] }', 'args[0].learningRate is a RegExp, which cannot be sent'],
  [
    'hostile values',
    '{ greymatter: 1, id: 1, call: "setConfig", args: [{ learningRate: 1n }] }',
    'args[0].learningRate is a bigint, which cannot be sent: only plain data can',
  ],
  [
    'hostile values',
    '{ greymatter: 1, id: 1, call: "setConfig", args: [JSON.parse(\'{"__proto__": {"learningRate": 5}}\')] }',
    'args[0] has a key "__proto__", which greymatter does not take',
  ],
  ['hostile values', '{ greymatter: 1, id: 1, call: "importModel", args: [new ArrayBuffer(8)] }', 'args[0] is an ArrayBuffer, which cannot be sent'],
  ['hostile values', '{ greymatter: 1, id: 1, call: "setConfig", args: [new Error("boom")] }', 'args[0] is an Error, which cannot be sent'],
  ["not greymatter's", '"setConfig"', null],
  ["not greymatter's", '42', null],
  ["not greymatter's", 'null', null],
  ["not greymatter's", '[1, "setConfig"]', null],
  ["not greymatter's", '{ call: "setConfig", args: [{ learningRate: 5 }] }', null],
  ["not greymatter's", '{ Greymatter: 1, call: "reset" }', null],
];

describe("bad input at the iframe embed's messages", () => {
  let session;
  let page;
  let frame;
  let sent = 0;

  before(async () => {
    session = await startSession();
    page = await openPage(session, `${session.hostUrl}iframe-host.html#dataset=xor&hidden=4&layout=compact`);
    await page.waitForFunction(() => window.received.some((m) => m.fromFrame && m.data?.event === 'ready'));
    frame = page.frames().find((candidate) => candidate.url().includes('/embed.html'));
    assert.ok(frame, 'the embed frame');
  });
  after(async () => session?.close());

  /** Posts the message `source` builds to the frame, then one that reads `playing`; resolves to the replies that came, the probe's last. */
  const post = (source) =>
    page.evaluate(
      async ([text, probe]) => {
        const deep = (depth) => {
          let value = [1];
          for (let i = 0; i < depth; i++) value = [value];
          return value;
        };
        const message = new Function('deep', `return (${text});`)(deep);
        const replies = () => window.received.filter((m) => m.fromFrame && m.data?.greymatter === 1 && !m.data.event);
        const count = replies().length;
        frame.contentWindow.postMessage(message, GREYMATTER);
        frame.contentWindow.postMessage({ greymatter: 1, id: probe, call: 'playing' }, GREYMATTER);
        while (!replies().some((m) => m.data.id === probe)) await new Promise((resolve) => setTimeout(resolve, 10));
        return replies()
          .slice(count)
          .map((m) => m.data);
      },
      [source, `probe-${++sent}`],
    );

  const stepByMessage = () => page.evaluate(() => window.call('step')).then((state) => state.epoch);

  for (const [door, source, error] of ROWS) {
    it(`${door}: ${source.slice(0, 80)} is ${error ? 'answered with an error' : 'ignored'}, changes nothing, and the frame trains on`, async () => {
      const before = await snapshot(frame, 'greymatter-playground');
      const replies = await post(source);
      const probe = replies.at(-1);
      assert.equal(probe.result, false, 'the probe is answered: not playing');
      if (error === null) {
        assert.equal(replies.length, 1, `no reply but the probe's: ${JSON.stringify(replies)}`);
      } else {
        assert.equal(replies.length, 2, `one reply and the probe's: ${JSON.stringify(replies).slice(0, 300)}`);
        const [reply] = replies;
        assert.ok(!('result' in reply), `a refusal has no result: ${JSON.stringify(reply).slice(0, 200)}`);
        assertSays(reply.error, error, 'the error reply');
      }
      await assertUnchangedAndTrains(page, frame, before, { selector: 'greymatter-playground', step: stepByMessage });
    });
  }
});
