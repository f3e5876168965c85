// How the chosen optimizer's next step is written out for one parameter, in the
// inspector and the step-through: the rule's formulas in order (memory before, memory
// update, corrections, Δ), each with the core's own number for it (`weightSteps` /
// `biasSteps` of `inspectSample`, whose `delta` is exactly what Apply adds). The
// words are DOM-free (`optimizerWords`, `stepParts`); `stepLine` builds the line.

const NAMES = { sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', rmsprop: 'RMSProp', adam: 'Adam' };

/** The optimizer and the hyperparameters its step uses, e.g. "Adam (α = 0.03, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, t = 13)". */
export function optimizerWords(settings, t, format) {
  const { optimizer } = settings;
  const values = [['α', settings.learningRate]];
  if (optimizer === 'momentum' || optimizer === 'nesterov') values.push(['μ', settings.momentum]);
  if (optimizer === 'rmsprop') values.push(['ρ', settings.rmsDecay]);
  if (optimizer === 'adam') values.push(['β₁', settings.beta1], ['β₂', settings.beta2]);
  if (optimizer === 'rmsprop' || optimizer === 'adam') values.push(['ε', settings.epsilon]);
  if (optimizer === 'adam') values.push(['t', t]);
  return `${NAMES[optimizer] ?? optimizer} (${values.map(([name, value]) => `${name} = ${format(value)}`).join(', ')})`;
}

/**
 * The parts of the step of parameter `symbol` (β₁, b) with gradient g, as
 * [label, key of the ParameterStep] pairs; the last one is its Δ (key `delta`).
 */
export function stepParts(optimizer, symbol) {
  const delta = (rule) => [`Δ${symbol} = ${rule}`, 'delta'];
  switch (optimizer) {
    case 'momentum':
      return [['previous v', 'firstBefore'], ['v = μ·v + g', 'first'], delta('−α·v')];
    case 'nesterov':
      return [['previous v', 'firstBefore'], ['v = μ·v + g', 'first'], ['g + μ·v', 'firstHat'], delta('−α·(g + μ·v)')];
    case 'rmsprop':
      return [['previous s', 'secondBefore'], ['s = ρ·s + (1−ρ)·g²', 'second'], delta('−α·g/(√s + ε)')];
    case 'adam':
      return [
        ['previous m', 'firstBefore'],
        ['previous u', 'secondBefore'],
        ['m = β₁·m + (1−β₁)·g', 'first'],
        ['u = β₂·u + (1−β₂)·g²', 'second'],
        ['m̂ = m/(1−β₁ᵗ)', 'firstHat'],
        ['û = u/(1−β₂ᵗ)', 'secondHat'],
        delta('−α·m̂/(√û + ε)'),
      ];
    default:
      return [delta('−α·g')];
  }
}

/**
 * A line "`label`: previous m = …, m = β₁·m + (1−β₁)·g = …, …, Δβ = … = …" for one parameter's
 * `step`; each number is an `output[data-quantity]` (the key; the Δ as `deltaQuantity`)
 * shown by `showValue`.
 */
export function stepLine(label, parts, step, deltaQuantity, showValue) {
  const div = document.createElement('div');
  div.className = 'optimizer-step';
  div.append(`${label}: `);
  parts.forEach(([words, key], i) => {
    const out = document.createElement('output');
    out.dataset.quantity = key === 'delta' ? deltaQuantity : key;
    showValue(out, step[key]);
    div.append(`${i ? ', ' : ''}${words} = `, out);
  });
  return div;
}
