// Applying a config that comes from outside a person's hands (a shared address, an
// element's attributes), key by key: every key the core accepts is applied, every
// refusal is collected as a readable line, and the outcomes are summed up ("kept",
// "newData", "reset", "regenerated") so the playground knows what to rebuild.
// DOM-free: it talks to the core only through the functions it is given.

import { fitPatch, combineOutcomes, datasetSwitchNote, ownPointsNote, tidyConfig } from './config.js';
import { sameValue } from './address.js';

/**
 * The problem goes first, then the dataset (it must fit the problem), the classes, the
 * hidden layers (a shorter `hidden` cuts the layer activations and the dropout rates,
 * so those come after it and are taken as written or refused), then the rest.
 */
const FIRST = ['problem', 'dataset', 'classes', 'hidden'];

/**
 * Applies `values` one key at a time. A refused key is tried once more after the
 * others, since some keys depend on each other (fewer `hidden` layers fit only once
 * `layerActivations` is shorter, and the other way round).
 * @param {{config: () => object, setConfig: (patch: object) => string,
 *          lossesFor: (problem: string, classes: number) => string[],
 *          isCrash: (error: Error) => boolean}} core a crash is thrown on, not collected
 * @param {import('./schema.js').Schema} schema
 * @returns {{errors: string[], outcome: string}}
 */
export function applyEach(core, values, schema) {
  const order = (key) => (FIRST.includes(key) ? FIRST.indexOf(key) - FIRST.length : schema.configKeys.indexOf(key));
  let keys = Object.keys(values).sort((a, b) => order(a) - order(b));
  let errors = [];
  let outcome = 'kept';
  for (let round = 0; round < 2 && keys.length > 0; round++) {
    const refused = [];
    errors = [];
    for (const key of keys) {
      try {
        const patch = fitPatch({ [key]: values[key] }, core.config(), core.lossesFor, schema);
        outcome = combineOutcomes(outcome, core.setConfig(patch));
      } catch (error) {
        if (core.isCrash(error)) throw error;
        refused.push(key);
        errors.push(error.message);
      }
    }
    keys = refused;
  }
  return { errors, outcome };
}

/** The keys among `keys` whose value in `values` differs from the core's config, with that value. */
function differing(core, values, keys, schema) {
  const config = tidyConfig(core.config(), schema);
  return Object.fromEntries(keys.filter((key) => !sameValue(values[key], config[key])).map((key) => [key, values[key]]));
}

/**
 * Applies a setup to a running core as a fresh load applies it (an edited address,
 * changed attributes): the keys whose value differs from the config, then, as given,
 * the keys those changes moved off what `values` says (a new problem brings its own
 * dataset and loss), so a dataset that does not fit is refused in the same words.
 * @returns {{errors: string[], outcome: string}}
 */
export function applyChanges(core, values, schema) {
  const changed = differing(core, values, Object.keys(values), schema);
  const first = applyEach(core, changed, schema);
  const moved = differing(
    core,
    values,
    Object.keys(values).filter((key) => !(key in changed)),
    schema,
  );
  const second = applyEach(core, moved, schema);
  return { errors: [...first.errors, ...second.errors], outcome: combineOutcomes(first.outcome, second.outcome) };
}

/**
 * When the dataset a setup names is not the one running: own points given with it
 * made it `own`, or, for a two-class dataset with 3 or more classes, the classes won
 * and it became one that has them. The line saying which, or none. `refused` lists the
 * messages already shown, so a refused dataset is not reported twice.
 */
export function datasetAdjustment(values, config, schema, refused = []) {
  const changed = 'dataset' in values && values.dataset !== config.dataset && !refused.some((message) => message.startsWith('dataset'));
  if (!changed) return [];
  if (config.dataset === 'own') return [ownPointsNote(values.dataset, schema)];
  if (config.problem !== 'classification') return [];
  return [datasetSwitchNote(values.dataset, config, schema)];
}
