// How the inspector and the step-through write out an optimizer's step
// (www/js/inspect/optimizer-step.js): every rule ends with its Δ, names only the
// numbers the core gives for it, and the title carries the hyperparameters the rule uses.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optimizerWords, stepParts } from '../../www/js/inspect/optimizer-step.js';

const KEYS = ['firstBefore', 'secondBefore', 'first', 'second', 'firstHat', 'secondHat', 'delta'];
const settings = { learningRate: 0.03, momentum: 0.9, rmsDecay: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

describe('optimizer steps written out', () => {
  it('ends every rule with Δ of the parameter and uses only the core’s numbers', () => {
    for (const optimizer of ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam']) {
      const parts = stepParts(optimizer, 'β₁');
      assert.deepEqual(parts.at(-1)[1], 'delta', optimizer);
      assert.match(parts.at(-1)[0], /^Δβ₁ = −α·/, optimizer);
      for (const [, key] of parts) assert.ok(KEYS.includes(key), `${optimizer}: ${key}`);
    }
    assert.deepEqual(stepParts('sgd', 'b'), [['Δb = −α·g', 'delta']]);
    assert.deepEqual(
      stepParts('adam', 'b').map(([, key]) => key),
      KEYS,
    );
  });

  it('names the optimizer with the hyperparameters its rule uses', () => {
    const words = (optimizer) => optimizerWords({ ...settings, optimizer }, 13, String);
    assert.equal(words('sgd'), 'SGD (α = 0.03)');
    assert.equal(words('momentum'), 'Momentum (α = 0.03, μ = 0.9)');
    assert.equal(words('rmsprop'), 'RMSProp (α = 0.03, ρ = 0.9, ε = 1e-8)');
    assert.equal(words('adam'), 'Adam (α = 0.03, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, t = 13)');
  });
});
