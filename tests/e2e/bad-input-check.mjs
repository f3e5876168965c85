// The check every row of the bad-input tables (tests/e2e/bad-input*.test.mjs) makes
// after its bad input: the message names the problem, the network (exportModel), the
// data (getData), the config and the epoch are as they were, one step still trains one
// epoch, and the page logged no error.

import assert from 'node:assert/strict';

/**
 * The state a refusal must leave alone, of the playground in `target` (a Page or a
 * Frame): `selector` picks a <greymatter-playground> there, none means window.playground.
 */
export const snapshot = (target, selector = null) =>
  target.evaluate((which) => {
    const p = which ? document.querySelector(which) : window.playground;
    return { model: p.exportModel(), data: p.getData(), config: p.config, epoch: p.state.epoch };
  }, selector);

/** Asserts that `got` (a message) says `expected`: a text it contains, or a RegExp it matches. */
export function assertSays(got, expected, what = 'the message') {
  if (expected instanceof RegExp) assert.match(got ?? '(none)', expected, what);
  else assert.ok(got?.includes(expected), `${what}: ${JSON.stringify(got)} should say ${JSON.stringify(expected)}`);
}

/**
 * Asserts that the playground in `target` is as `before` (a snapshot), that one step
 * moves its epoch by one (`step`, if given, takes it another way, e.g. as a message, and
 * resolves to the new epoch), and that `page` saw no console error or page error.
 */
export async function assertUnchangedAndTrains(page, target, before, { selector = null, step } = {}) {
  const after = await snapshot(target, selector);
  assert.deepEqual(after.model, before.model, 'the network is unchanged');
  assert.deepEqual(after.data, before.data, 'the data is unchanged');
  assert.deepEqual(after.config, before.config, 'the config is unchanged');
  assert.equal(after.epoch, before.epoch, 'the epoch is unchanged');
  const epoch = step
    ? await step()
    : await target.evaluate(async (which) => {
        const p = which ? document.querySelector(which) : window.playground;
        return (await p.step()).epoch;
      }, selector);
  assert.equal(epoch, before.epoch + 1, 'one step trains one epoch');
  assert.deepEqual(page.problems, [], 'no console error and no page error');
}

/** The text of the notice area of the playground `selector` picks in `target` ('' when hidden). */
export const noticeOf = (target, selector = 'greymatter-playground') =>
  target.evaluate((which) => {
    const message = document.querySelector(which).shadowRoot.getElementById('message');
    return message.hidden ? '' : message.textContent;
  }, selector);
