// The iframe embed's protocol without a browser (www/js/element/embed-protocol.js):
// reading the frame's address, who may script it, plain data in and out, and answering
// calls against the real scripting API object (api.js) over a stand-in playground.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  readEmbedHash,
  originOf,
  isFromHost,
  isGreymatterMessage,
  originRefusal,
  eventTargets,
  plainData,
  callableMembers,
  answerCall,
  eventMessage,
  resizeMessage,
  EVENT_TYPES,
  LIMITS,
} from '../../www/js/element/embed-protocol.js';
import { publicApi } from '../../www/js/element/api.js';

describe('readEmbedHash', () => {
  it("takes out the embed's own keys and keeps the rest, as written, for the link", () => {
    const embed = readEmbedHash('#dataset=xor&hidden=4,2&layout=compact&learningRate=0.1&theme=dark&learningRate_hide=true');
    assert.equal(embed.link, 'dataset=xor&hidden=4,2&learningRate=0.1&learningRate_hide=true');
    assert.deepEqual(embed.attributes, { layout: 'compact', theme: 'dark' });
    assert.equal(embed.origins, null, 'no origins key: any parent may script the frame');
    assert.deepEqual(embed.problems, []);
  });

  it('reads an empty address and one without a leading #', () => {
    assert.deepEqual(readEmbedHash(''), { link: '', attributes: {}, origins: null, problems: [] });
    assert.equal(readEmbedHash('noise=10&layout=boundary').link, 'noise=10');
  });

  it('reads autoplay present, true or false, and names a bad value', () => {
    assert.deepEqual(readEmbedHash('#autoplay').attributes, { autoplay: '' });
    assert.deepEqual(readEmbedHash('#autoplay=true').attributes, { autoplay: '' });
    assert.deepEqual(readEmbedHash('#autoplay=').attributes, { autoplay: '' });
    assert.deepEqual(readEmbedHash('#autoplay=false').attributes, {});
    const bad = readEmbedHash('#autoplay=yes');
    assert.deepEqual(bad.attributes, {});
    assert.deepEqual(bad.problems, ['autoplay must be true or false, got "yes"']);
  });

  it('leaves out a layout or theme that does not exist, saying which ones do', () => {
    const embed = readEmbedHash('#layout=huge&theme=pink&dataset=xor');
    assert.deepEqual(embed.attributes, {});
    assert.equal(embed.link, 'dataset=xor');
    assert.deepEqual(embed.problems, [
      'layout must be one of full, compact, boundary, network, compare, got "huge"',
      'theme must be one of light, dark, auto, got "pink"',
    ]);
  });

  it('hands controls and every other entry to the element as written: it knows the settings and the controls', () => {
    const embed = readEmbedHash('#controls=learning-rate,play,nonsense&layuot=compact&noise=loud&%E0%A4%A=1');
    assert.deepEqual(embed.attributes, { controls: 'learning-rate,play,nonsense' });
    assert.equal(embed.link, 'layuot=compact&noise=loud&%E0%A4%A=1');
    assert.deepEqual(embed.problems, []);
    assert.deepEqual(readEmbedHash('#controls=').attributes, { controls: '' }, 'an empty list: no controls');
  });

  it('names an embed key whose value does not decode, and the last of a repeated key wins', () => {
    const embed = readEmbedHash('#layout=%E0%A4%A&theme=dark&theme=light');
    assert.deepEqual(embed.attributes, { theme: 'light' });
    assert.deepEqual(embed.problems, ['cannot read "layout=%E0%A4%A"']);
  });

  it('reads origins, with their percent-encoding, a trailing slash or a default port', () => {
    assert.deepEqual(readEmbedHash('#origins=https://a.example,https://b.example:8443').origins, ['https://a.example', 'https://b.example:8443']);
    assert.deepEqual(readEmbedHash('#origins=https%3A%2F%2Fa.example%2F').origins, ['https://a.example']);
    assert.deepEqual(readEmbedHash('#origins=HTTPS://A.example:443, http://127.0.0.1:8080').origins, ['https://a.example', 'http://127.0.0.1:8080']);
  });

  it('leaves out what is not an origin and, with none left, allows no page at all', () => {
    const some = readEmbedHash('#origins=https://a.example/lesson,https://b.example');
    assert.deepEqual(some.origins, ['https://b.example']);
    assert.deepEqual(some.problems, ['origins: "https://a.example/lesson" is not an origin; write each as scheme://host[:port], e.g. https://example.org']);
    for (const text of ['', 'a.example', 'null', 'file:///tmp/x.html', 'https://a.example?x=1', 'https://a.example%E0%A4%A']) {
      const none = readEmbedHash(`#origins=${text}`);
      assert.deepEqual(none.origins, [], `origins=${text} allows nobody`);
      assert.match(none.problems.at(-1), /origins names no origin, so no page may script this frame/);
    }
  });

  it('originOf takes exactly an origin', () => {
    assert.equal(originOf('https://a.example'), 'https://a.example');
    assert.equal(originOf('http://localhost:3000/'), 'http://localhost:3000');
    assert.equal(originOf('https://user@a.example'), null);
    assert.equal(originOf('https://a.example/#'), null);
    assert.equal(originOf('data:text/html,hi'), null);
  });
});

describe('who may script the frame', () => {
  const parent = { name: 'parent' };
  const sibling = { name: 'sibling' };

  it('takes messages from the parent window only', () => {
    assert.equal(isFromHost({ source: parent, origin: 'https://a.example' }, { parent, origins: null }), true);
    assert.equal(isFromHost({ source: sibling, origin: 'https://a.example' }, { parent, origins: null }), false);
    assert.equal(isFromHost({ source: null, origin: 'https://a.example' }, { parent, origins: null }), false);
  });

  it('with origins, only from a parent of a listed origin', () => {
    const origins = ['https://a.example', 'https://b.example'];
    assert.equal(isFromHost({ source: parent, origin: 'https://b.example' }, { parent, origins }), true);
    assert.equal(isFromHost({ source: parent, origin: 'https://c.example' }, { parent, origins }), false);
    assert.equal(isFromHost({ source: sibling, origin: 'https://a.example' }, { parent, origins }), false);
    assert.equal(isFromHost({ source: parent, origin: 'https://a.example' }, { parent, origins: [] }), false);
  });

  it('answers a parent of an origin not listed with a refusal naming the listed ones', () => {
    assert.deepEqual(originRefusal({ greymatter: 1, id: 7, call: 'setConfig' }, ['https://a.example', 'https://b.example'], 'https://c.example'), {
      greymatter: 1,
      id: 7,
      error: 'this embed takes calls only from https://a.example, https://b.example (its origins=); this page is https://c.example',
    });
    assert.deepEqual(originRefusal({ greymatter: 1, id: {} }, [], 'null'), {
      greymatter: 1,
      id: null,
      error: 'this embed takes calls from no page (its origins= names no origin); this page is null',
    });
  });

  it('answers only messages tagged greymatter', () => {
    assert.equal(isGreymatterMessage({ greymatter: 1, call: 'state' }), true);
    assert.equal(isGreymatterMessage({ greymatter: 2 }), true, 'answered, with an error about the version');
    for (const other of [null, 'greymatter', 1, { type: 'webpackOk' }, []]) assert.equal(isGreymatterMessage(other), false);
  });

  it('sends events to any parent, or to the listed origin the parent has', () => {
    assert.deepEqual(eventTargets(null, 'https://a.example'), ['*']);
    assert.deepEqual(eventTargets(['https://a.example', 'https://b.example'], 'https://b.example'), ['https://b.example']);
    assert.deepEqual(eventTargets(['https://a.example'], 'https://c.example'), []);
    assert.deepEqual(eventTargets(['https://a.example', 'https://b.example'], null), ['https://a.example', 'https://b.example']);
    assert.deepEqual(eventTargets([], null), []);
  });
});

describe('plainData', () => {
  it('copies plain data and turns typed arrays into arrays', () => {
    const value = { a: [1, 'two', true, null, undefined, NaN], b: new Float32Array([0.5, 2]), c: { d: [new Uint32Array([3])] } };
    assert.deepEqual(plainData(value), { a: [1, 'two', true, null, undefined, NaN], b: [0.5, 2], c: { d: [[3]] } });
    const object = Object.assign(Object.create(null), { x: 1 });
    assert.deepEqual(plainData(object), { x: 1 });
  });

  it('names the path of anything that is not plain data', () => {
    assert.throws(() => plainData([{ weights: new Map() }], 'args'), /^Error: args\[0\]\.weights is a Map, which cannot be sent: only plain data/);
    assert.throws(() => plainData({ when: new Date(0) }), /value\.when is a Date/);
    assert.throws(() => plainData(() => 1), /value is a function/);
    assert.throws(() => plainData(10n), /value is a bigint/);
    assert.throws(() => plainData(JSON.parse('{"__proto__": {"polluted": true}}')), /has a key "__proto__"/);
  });

  it('keeps to its limits of depth, values and text', () => {
    let deep = 0;
    for (let i = 0; i < LIMITS.depth + 1; i++) deep = [deep];
    assert.throws(() => plainData(deep, 'args'), /args is nested too deeply: at most 32 levels/);
    assert.throws(() => plainData(new Array(10).fill(0), 'args', { ...LIMITS, values: 5 }), /args is too large: at most 5 values/);
    assert.throws(() => plainData(['abc', 'def'], 'args', { ...LIMITS, characters: 5 }), /at most 5 characters/);
  });
});

/** A stand-in for the controller (controller.js) behind the real API object. */
function standInPlayground() {
  const calls = [];
  const page = {
    calls,
    started: true,
    config: { learningRate: 0.03, hidden: [4, 2] },
    view: { epochsPerFrame: 1, hidden: [] },
    state: { epoch: 0, trainLoss: 0.5 },
    playing: false,
    ready: Promise.resolve(),
    failure: null,
    requireAlive() {
      if (this.failure) throw new Error(this.failure);
    },
    requireStarted() {
      this.requireAlive();
      if (!this.started) throw new Error('greymatter is still loading: await ready first');
    },
    report(error) {
      calls.push(['report', error.message]);
    },
    play() {
      calls.push(['play']);
    },
    pause() {
      calls.push(['pause']);
    },
    async step() {
      this.state = { ...this.state, epoch: this.state.epoch + 1 };
      return this.state;
    },
    setConfig(partial) {
      if (partial.learningRate !== undefined && partial.learningRate <= 0) {
        throw new Error(`learningRate must be greater than 0 and at most 10, got ${partial.learningRate}`);
      }
      this.config = { ...this.config, ...partial };
      return partial.hidden ? 'reset' : 'kept';
    },
    predict(flat) {
      return new Float32Array(flat.length / 2).fill(0.25);
    },
    confusionMatrix() {
      return [new Uint32Array([5, 1]), new Uint32Array([2, 7])];
    },
    panicForTesting() {
      calls.push(['panic']);
    },
  };
  return page;
}

describe('answerCall', () => {
  it("calls a method with its args and answers with its result and the caller's id", async () => {
    const page = standInPlayground();
    const api = publicApi(page);
    assert.deepEqual(await answerCall(api, { greymatter: 1, id: 7, call: 'setConfig', args: [{ hidden: [3] }] }), { greymatter: 1, id: 7, result: 'reset' });
    assert.deepEqual(page.config.hidden, [3]);
    assert.deepEqual(await answerCall(api, { greymatter: 1, id: 'a', call: 'config' }), {
      greymatter: 1,
      id: 'a',
      result: { learningRate: 0.03, hidden: [3] },
    });
    assert.deepEqual(await answerCall(api, { greymatter: 1, id: 8, call: 'play' }), { greymatter: 1, id: 8, result: null });
    assert.deepEqual(page.calls, [['play']]);
  });

  it('runs the call before it returns, and answers a Promise once it settles', async () => {
    const page = standInPlayground();
    const api = publicApi(page);
    const answer = answerCall(api, { greymatter: 1, id: 1, call: 'setConfig', args: [{ learningRate: 0.5 }] });
    assert.equal(page.config.learningRate, 0.5, 'applied at once');
    assert.equal((await answer).result, 'kept');
    assert.deepEqual(await answerCall(api, { greymatter: 1, id: 2, call: 'step', args: [] }), { greymatter: 1, id: 2, result: { epoch: 1, trainLoss: 0.5 } });
    assert.deepEqual(await answerCall(api, { greymatter: 1, id: 3, call: 'ready' }), { greymatter: 1, id: 3, result: null });
  });

  it('sends results as plain data: typed arrays become arrays', async () => {
    const api = publicApi(standInPlayground());
    assert.deepEqual(
      (
        await answerCall(api, {
          greymatter: 1,
          id: 1,
          call: 'predict',
          args: [
            [
              [0, 0],
              [1, 1],
            ],
          ],
        })
      ).result,
      [0.25, 0.25],
    );
    assert.deepEqual((await answerCall(api, { greymatter: 1, id: 2, call: 'confusionMatrix', args: ['train'] })).result, [
      [5, 1],
      [2, 7],
    ]);
  });

  it("answers a refusal with the API's own message, changing nothing", async () => {
    const page = standInPlayground();
    const answer = await answerCall(publicApi(page), { greymatter: 1, id: 4, call: 'setConfig', args: [{ learningRate: -1 }] });
    assert.deepEqual(answer, { greymatter: 1, id: 4, error: 'learningRate must be greater than 0 and at most 10, got -1' });
    assert.equal(page.config.learningRate, 0.03);
    const early = standInPlayground();
    early.started = false;
    assert.equal((await answerCall(publicApi(early), { greymatter: 1, id: 5, call: 'reset' })).error, 'greymatter is still loading: await ready first');
  });

  it('answers every call with why the playground could not start, once it could not', async () => {
    const page = standInPlayground();
    page.failure = 'greymatter could not start: its core is not at https://a.example/pkg/greymatter_bg.wasm (404 Not Found).';
    const api = publicApi(page);
    const { methods, readOnly } = callableMembers(api);
    for (const call of [...methods, ...readOnly].filter((name) => name !== 'ready')) {
      const answer = await answerCall(api, { greymatter: 1, id: call, call, ...(methods.includes(call) && { args: [] }) });
      assert.deepEqual(answer, { greymatter: 1, id: call, error: page.failure }, call);
    }
    assert.deepEqual(page.calls, [], 'nothing reached the playground');
  });

  it('offers every member of the API object but the private ones, read-only members apart', () => {
    const api = publicApi(standInPlayground());
    const { methods, readOnly } = callableMembers(api);
    assert.deepEqual(
      [...methods, ...readOnly].sort(),
      Object.keys(api)
        .filter((name) => !name.startsWith('_'))
        .sort(),
    );
    assert.deepEqual(readOnly.sort(), ['config', 'playing', 'ready', 'state', 'version', 'view']);
    for (const name of ['play', 'step', 'setConfig', 'setView', 'predict', 'exportModel', 'importModel']) assert.ok(methods.includes(name), name);
    assert.ok(Object.keys(api).includes('_panicForTesting') && !methods.includes('_panicForTesting'));
  });

  it('answers a bad call with what is allowed', async () => {
    const page = standInPlayground();
    const api = publicApi(page);
    const error = async (data) => (await answerCall(api, { greymatter: 1, id: 9, ...data })).error;
    assert.match(
      await error({ call: 'train' }),
      /^unknown call "train": the calls are play, pause, step, reset, setConfig, .* \(with args, an array\), and ready, version, playing, state, config, view \(read, without args\)$/,
    );
    assert.match(await error({ call: '_panicForTesting', args: ['boom'] }), /^unknown call "_panicForTesting": the calls are /);
    assert.deepEqual(page.calls, [], 'the private member was not called');
    assert.match(await error({ call: 'constructor' }), /^unknown call "constructor"/);
    assert.match(await error({ call: 'toString' }), /^unknown call "toString"/);
    assert.match(await error({}), /^a message needs call, the member to use: the calls are /);
    assert.match(
      await error({ call: 'setConfig', args: { learningRate: 0.1 } }),
      /^args must be an array of the arguments, e.g. \{call: "setConfig", args: \[\{learningRate: 0.1\}\]\}$/,
    );
    assert.equal(await error({ call: 'state', args: [1] }), 'state is read, not called: send {call: "state"} without args');
    assert.match(await error({ call: 'setConfig', args: [new Map()] }), /^args\[0\] is a Map, which cannot be sent/);
    assert.equal(await error({ greymatter: 2, call: 'state' }), 'greymatter must be 1, the version of the messages this frame takes');
    assert.deepEqual(await answerCall(api, { greymatter: 1, id: { nested: true }, call: 'state' }), {
      greymatter: 1,
      id: null,
      error: 'id must be a string or a number',
    });
    assert.equal((await answerCall(api, { greymatter: 1, call: 'playing' })).id, null, 'no id: answered with id null');
  });
});

describe('what the frame sends', () => {
  it('passes events on as plain data, and its height', () => {
    assert.deepEqual(EVENT_TYPES, ['ready', 'epoch', 'configchange', 'viewchange', 'diverge', 'error']);
    assert.deepEqual(eventMessage('epoch', { epoch: 3, trainLoss: 0.2 }), { greymatter: 1, event: 'epoch', detail: { epoch: 3, trainLoss: 0.2 } });
    assert.deepEqual(eventMessage('viewchange', { view: { hidden: [] } }).detail, { view: { hidden: [] } });
    assert.deepEqual(resizeMessage(727), { greymatter: 1, event: 'resize', detail: { height: 727 } });
  });
});
