// Which kept run a playground opens (www/js/state/kept-session.js): this tab's own,
// else the latest; only where the address lets it; a record that is no run is named
// (never skipped without a word) at a plain address; old runs beyond the limit go.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseRun, recordProblem, runsToForget, isPlainAddress, KEPT_RUNS } from '../../www/js/state/kept-session.js';

const lesson = { format: 'greymatter-lesson', version: 1 };
const run = (tab, hash, savedAt) => ({ tab, record: { lesson, hash, savedAt } });

describe('the kept session', () => {
  const mine = run('a', '#dataset=xor', '2026-01-01T10:00:00.000Z');
  const theirs = run('b', '#dataset=spiral', '2026-01-01T11:00:00.000Z');
  const older = run(null, '#dataset=gauss', '2025-12-01T11:00:00.000Z');

  it("a plain address opens this tab's own run, else the latest", () => {
    for (const address of ['', '#']) {
      assert.equal(isPlainAddress(address), true);
      assert.equal(chooseRun([theirs, mine, older], 'a', address).run, mine);
      assert.equal(chooseRun([older, mine, theirs], 'new tab', address).run, theirs);
    }
    assert.equal(chooseRun([], 'a', ''), null);
  });

  it('an address with a setup opens only a run saved under it', () => {
    assert.equal(chooseRun([mine, theirs], 'a', '#dataset=spiral').run, theirs);
    assert.equal(chooseRun([mine, theirs], 'b', '#dataset=xor').run, mine);
    assert.equal(chooseRun([mine, theirs, older], 'a', '#dataset=circle'), null);
  });

  it('a record that is no run is named at a plain address, whatever it is', () => {
    for (const [record, words] of [
      ['a string', 'it is a text, not a saved session'],
      [[1, 2, 3], 'it is a list, not a saved session'],
      [42, 'it is a number, not a saved session'],
      [null, 'it is null, not a saved session'],
      [{ lesson: 'not a lesson', hash: '' }, 'it holds no lesson'],
      [{ lesson: [], hash: '' }, 'it holds no lesson'],
      [{ lesson, hash: 7 }, 'it holds no address'],
    ]) {
      assert.equal(recordProblem(record), words);
      assert.deepEqual(chooseRun([{ tab: null, record }], 'a', ''), { run: { tab: null, record }, problem: words });
      assert.equal(chooseRun([{ tab: null, record }], 'a', '#dataset=xor'), null, 'a link opens as sent');
    }
    assert.equal(recordProblem(mine.record), '');
  });

  it("a readable run wins over one that is not, this tab's own first", () => {
    const broken = { tab: 'c', record: 'a string' };
    assert.equal(chooseRun([broken, theirs], 'new tab', '').run, theirs);
    assert.equal(chooseRun([theirs, { tab: 'a', record: [] }], 'a', '').problem, 'it is a list, not a saved session');
  });

  it(`keeps the ${KEPT_RUNS} most recently saved runs, and always this tab's own`, () => {
    const runs = Array.from({ length: KEPT_RUNS + 3 }, (_, index) => run(`t${index}`, '', new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString()));
    assert.deepEqual(runsToForget(runs, 'mine'), ['t2', 't1', 't0']);
    assert.deepEqual(runsToForget(runs, 't0'), ['t2', 't1']);
    assert.deepEqual(runsToForget([mine, theirs], 'a'), []);
  });
});
