// The rule that keeps text out of markup and code (scripts/lint-dom.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSinks } from '../../scripts/lint-dom.mjs';

test('every sink is found, with its line; the one allowed template is not', () => {
  const text = [
    'node.textContent = value;',
    'node.innerHTML = value;',
    "el.insertAdjacentHTML('beforeend', x);",
    'document.write(x);',
    'const f = new Function(source);',
    'eval (source);',
    "setTimeout('alert(1)', 0);",
    'template.innerHTML = MARKUP; // lint-dom: constant markup',
  ].join('\n');
  assert.deepEqual(
    findSinks(text).map((finding) => finding.line),
    [2, 3, 4, 5, 6, 7],
  );
});
