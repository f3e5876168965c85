// The real core for the unit tests, in Node: the built wasm package (www/pkg, made by
// `make build`) instantiated from its bytes, and its settings schema.

import { readFileSync } from 'node:fs';
import * as glue from '../../www/pkg/greymatter.js';
import { Schema } from '../../www/js/state/schema.js';

glue.initSync({ module: readFileSync(new URL('../../www/pkg/greymatter_bg.wasm', import.meta.url)) });

export { glue };
export const schema = new Schema(glue.configSchema());

/** The functions state/apply-each.js needs, over a fresh core Playground. */
export function coreOf(config = {}) {
  const playground = new glue.Playground(config);
  return {
    playground,
    config: () => playground.config(),
    setConfig: (patch) => playground.setConfig(patch),
    lossesFor: (problem, classes) => Array.from(glue.lossesFor(problem, classes)),
    isCrash: (error) => error instanceof WebAssembly.RuntimeError,
  };
}
