// `window.playground`: the scripting interface tutorial pages and tests use to drive
// a playground (documented in the README). A thin, frozen facade over
// PlaygroundPage so scripts see only the documented methods.

function plainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** @param {import('./playground-page.js').PlaygroundPage} page */
export function publicApi(page) {
  const started = (work) => (...args) => {
    page.requireStarted();
    return work(...args);
  };
  return Object.freeze({
    /** Resolves once the core is loaded and the first picture is drawn. */
    get ready() { return page.ready; },
    play: () => page.play(),
    pause: () => page.pause(),
    step: () => page.step(),
    reset: started(() => page.reset()),
    get state() { return page.state; },
    get config() { return page.config ? structuredClone(page.config) : null; },
    setConfig: started((partial) => {
      if (!plainObject(partial)) {
        throw new Error('setConfig expects an object such as {learningRate: 0.01}');
      }
      return page.setConfig(partial);
    }),
    predict: started((points) => page.predict(points)),
    exportModel: started(() => page.exportModel()),
    importModel: started((model) => page.importModel(model)),
    /** Test hook: makes the core panic with `message`; resolves after the page recovered. */
    _panicForTesting: (message) => page.panicForTesting(message),
  });
}
