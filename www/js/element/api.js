// The scripting interface of one playground (docs/scripting.md): the
// element's methods, `window.playground` on the full page and the iframe embed's
// messages are all this one object. A thin, frozen facade over the playground
// (controller.js), built by walking the table of members (methods.js), so scripts see
// only the documented members; each row's implementation checks its arguments
// (arguments.js) before anything reaches the core. Once the playground could not
// start, every member throws (or, waiting for a frame, rejects with) why.

import { MEMBERS } from './methods.js';

/** @param {import('./controller.js').Playground} page */
export function publicApi(page) {
  const alive =
    (work) =>
    (...args) => {
      page.requireAlive();
      return work(...args);
    };
  const started =
    (work) =>
    (...args) => {
      page.requireStarted();
      return work(...args);
    };
  // Throws like setConfig: the message is shown on the page too.
  const shown = (work) =>
    started((...args) => {
      try {
        return work(...args);
      } catch (error) {
        page.report(error);
        throw error;
      }
    });
  const guards = { none: (work) => work, alive, started, shown };
  const api = {};
  for (const member of MEMBERS) {
    const work = guards[member.guard]((...args) => member.run(page, ...args));
    if (member.readOnly) {
      Object.defineProperty(api, member.name, { get: () => work(), enumerable: true });
    } else {
      // A member that waits for a frame returns a Promise, so it rejects rather than throws.
      api[member.name] = member.frame ? async (...args) => work(...args) : work;
    }
  }
  return Object.freeze(
    Object.assign(api, {
      /** Test hook: makes the core panic with `message`; resolves after the page recovered. */
      _panicForTesting: (message) => page.panicForTesting(message),
      /** Test hook: saves the kept session now if anything changed; resolves once written. */
      _saveSessionForTesting: () => page.lessons.flush(),
    }),
  );
}
