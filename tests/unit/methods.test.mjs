// The table of scripting members (www/js/element/methods.js) is the one place a member
// is declared: the API object (api.js) and the iframe's call lists (embed-protocol.js)
// must be exactly its rows, in its order. The element's own members are checked in the
// browser (tests/e2e/scripting.test.mjs); the declarations and docs/api.md by
// `node scripts/types.mjs --check`.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MEMBERS } from '../../www/js/element/methods.js';
import { publicApi } from '../../www/js/element/api.js';
import { callableMembers } from '../../www/js/element/embed-protocol.js';

const names = (rows) => rows.map((member) => member.name);
const readOnly = MEMBERS.filter((member) => member.readOnly);
const methods = MEMBERS.filter((member) => !member.readOnly);

/** A playground that is up and whose every method gives back its name and arguments. */
function echoingPlayground() {
  return new Proxy(
    { requireAlive() {}, requireStarted() {}, started: true, ready: Promise.resolve() },
    {
      get: (target, key) => (key in target ? target[key] : (...args) => [key, ...args]),
    },
  );
}

describe('the table of scripting members', () => {
  it('names each member once, with a doc line, a guard and typed arguments', () => {
    assert.equal(new Set(names(MEMBERS)).size, MEMBERS.length, 'no name twice');
    for (const member of MEMBERS) {
      assert.match(member.name, /^[a-z][A-Za-z]*$/, 'a public name: no leading _ (test hooks stay out)');
      assert.match(member.doc, /^[^\n]+\.$/, `${member.name}: one line, a sentence`);
      assert.ok(!member.doc.includes('*/'), `${member.name}: its doc goes into a /** */ comment`);
      assert.ok(['none', 'alive', 'started', 'shown'].includes(member.guard), member.name);
      assert.ok(member.result, member.name);
      for (const argument of member.args) assert.ok(/^[a-z]\w*$/i.test(argument.name) && argument.type, `${member.name}(${argument.name})`);
      if (member.frame) assert.match(member.result, /^Promise</, `${member.name} waits for a frame: it returns a Promise`);
    }
    assert.deepEqual(names(MEMBERS.filter((member) => member.frame)), ['ready', 'step']);
  });

  it('is the API object: the same members in the same order, read-only ones as getters, then the test hooks', () => {
    const api = publicApi(echoingPlayground());
    assert.ok(Object.isFrozen(api));
    assert.deepEqual(Object.keys(api), [...names(MEMBERS), '_panicForTesting', '_saveSessionForTesting']);
    const descriptors = Object.getOwnPropertyDescriptors(api);
    for (const member of readOnly) assert.equal(typeof descriptors[member.name].get, 'function', member.name);
    for (const member of methods) assert.equal(typeof descriptors[member.name].value, 'function', member.name);
  });

  it("calls each row's implementation; one that waits for a frame returns a Promise", async () => {
    const api = publicApi(echoingPlayground());
    assert.deepEqual(api.layerPlane(0, 1, 0), ['layerPlane', 0, 1, 0]);
    assert.deepEqual(api.saveLesson(), ['lessonDocument']);
    assert.ok(api.step() instanceof Promise);
    assert.deepEqual(await api.step(), ['step']);
  });

  it("is the iframe's call lists, in the table's order", () => {
    assert.deepEqual(callableMembers(), { methods: names(methods), readOnly: names(readOnly) });
  });
});
