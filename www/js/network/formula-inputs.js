// The rows of the formula inputs in the input column: formula `index` of
// `customFeatures` is the row `formula-<index>`, after the features' rows.

const PREFIX = 'formula-';

/** The input row of formula `index` of `customFeatures`. */
export function formulaRow(index) {
  return `${PREFIX}${index}`;
}

/** The index in `customFeatures` of input row `row`; null for a feature's row. */
export function formulaIndex(row) {
  return row.startsWith(PREFIX) ? Number(row.slice(PREFIX.length)) : null;
}
