// Keeping notices short (www/js/state/notices.js): quoted values and whole lines cut
// to a stated length, a long list shown as its first lines and how many more by kind,
// and the error events of one setup capped.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cut, quote, moreLine, summarize, eventLines, LINE_LENGTH, LISTED_LINES } from '../../www/js/state/notices.js';

const unknown = (n, from = 0) => Array.from({ length: n }, (_, i) => `In the address: unknown setting "bad${from + i}"`);

describe('notices', () => {
  it('cut a value to 60 characters with "…", and leave a short one alone', () => {
    assert.equal(cut('0.1'), '0.1');
    assert.equal(cut('x'.repeat(60)), 'x'.repeat(60));
    assert.equal(cut('x'.repeat(1_000_000)), `${'x'.repeat(59)}…`);
    assert.equal(quote('y'.repeat(61)), `"${'y'.repeat(59)}…"`);
    assert.equal(cut('abcdef', 4), 'abc…');
  });

  it('show the first 5 lines, then how many more of each kind', () => {
    const notice = summarize(unknown(20000));
    assert.deepEqual(notice.lines, unknown(5));
    assert.equal(notice.more, '… and 19,995 more unknown keys');
    assert.equal(notice.listed.length, LISTED_LINES + 1);
    assert.equal(notice.listed.at(-1), `… and ${(20000 - LISTED_LINES).toLocaleString('en-US')} more unknown keys`);
    const mixed = [...unknown(6), 'In the address: noise is given twice; only the first (1) is read', 'In the address: noise must be between 0 and 50, got 99'];
    assert.equal(summarize(mixed).more, '… and 3 more: 1 unknown key, 1 repeated key, 1 other refusal');
    assert.equal(moreLine(['a', 'b']), '… and 2 more refusals');
  });

  it('leave a short notice whole, each line cut to its length', () => {
    const long = `In the address: dataset must be one of circle, xor, got "${'z'.repeat(1_000_000)}"`;
    const notice = summarize(['one', long]);
    assert.equal(notice.more, '');
    assert.deepEqual(notice.listed, []);
    assert.equal(notice.lines[0], 'one');
    assert.equal(notice.lines[1].length, LINE_LENGTH);
    assert.ok(notice.lines[1].endsWith('…'));
  });

  it('send at most 20 error events, then one that sums up the rest', () => {
    const events = eventLines(unknown(20000));
    assert.equal(events.length, 21);
    assert.deepEqual(events.slice(0, 20), unknown(20));
    assert.equal(events[20], '… and 19,980 more unknown keys');
    assert.deepEqual(eventLines(unknown(3)), unknown(3));
  });
});
