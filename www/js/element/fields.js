// Builds the settings' controls from the schema. The template places each one with a
// placeholder, `<label class="field" data-field="learningRate"></label>`; this fills
// it with the control its schema row asks for — a select of the choices or of the
// offered values, a number box, a slider (`data-as="slider"`, its value echoed in the
// label, `data-unit` after it), a checkbox for a toggle (or for a choice, `data-as=
// "checkbox"` with `data-on` the value it stands for), or the control alone in place of
// the placeholder (`data-as="bare"`, inside a field the template labels itself) — with
// the row's label, range (`data-step` for a number box's arrows) and id (the key in
// kebab-case). The control carries `data-setting` (controls.js reads and shows it) and
// the placeholder becomes its `data-control` (classroom flags).

import { kebab } from '../state/attributes.js';

/** `<option>`s for a select: [value, text] pairs. */
function options(select, pairs) {
  select.replaceChildren(...pairs.map(([value, text]) => new Option(text, value)));
}

/** The text of an offered value: the number, or "2 epochs / frame" with `data-unit`/`data-per`. */
function offeredText(value, unit, per) {
  if (!unit) return String(value);
  return `${value} ${unit}${value === 1 ? '' : 's'}${per ? ` / ${per}` : ''}`;
}

function control(row, placeholder) {
  const as = placeholder.dataset.as;
  const { unit, per } = placeholder.dataset;
  if (row.kind === 'toggle' || as === 'checkbox') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    if (placeholder.dataset.on) box.dataset.on = placeholder.dataset.on;
    return box;
  }
  if (row.kind === 'choice' || row.offered) {
    const select = document.createElement('select');
    if (row.kind === 'choice')
      options(
        select,
        row.choices.map((choice) => [choice.value, choice.label]),
      );
    else
      options(
        select,
        row.offered.map((value) => [String(value), offeredText(value, unit, per)]),
      );
    return select;
  }
  const input = document.createElement('input');
  input.type = as === 'slider' ? 'range' : 'number';
  input.min = String(row.min);
  input.max = String(row.max);
  input.step = placeholder.dataset.step ?? (row.whole || as === 'slider' ? '1' : 'any');
  return input;
}

/** The words in front of a control: the row's label, with a slider's echoed value. */
function label(row, placeholder, id) {
  const span = document.createElement('span');
  span.className = 'label';
  if (placeholder.dataset.as === 'slider') {
    const echo = document.createElement('output');
    echo.id = `${id}-value`;
    span.append(`${row.label}: `, echo, placeholder.dataset.unit ?? '');
  } else {
    span.textContent = row.label;
  }
  return span;
}

/** The words beside a checkbox: a toggle's label, or the label of the choice it stands for. */
function checkboxText(row, box) {
  return box.dataset.on ? row.choices.find((choice) => choice.value === box.dataset.on).label : row.label;
}

/** Fills every `[data-field]` placeholder under `root` from `schema`. */
export function expandFields(root, schema) {
  for (const placeholder of root.querySelectorAll('[data-field]')) {
    const key = placeholder.dataset.field;
    const row = schema.row(key);
    if (!row) throw new Error(`the template names a setting the schema does not have: ${key}`);
    const id = kebab(key);
    const input = control(row, placeholder);
    input.id = id;
    input.dataset.setting = key;
    if (placeholder.title) {
      input.title = placeholder.title;
      placeholder.removeAttribute('title');
    }
    if (placeholder.dataset.as === 'bare') {
      placeholder.replaceWith(input);
      continue;
    }
    placeholder.dataset.control = key;
    placeholder.removeAttribute('data-field');
    const extra = [...placeholder.childNodes]; // notes the template put inside the field stay, after it
    if (input.type === 'checkbox') placeholder.replaceChildren(input, ` ${checkboxText(row, input)}`, ...extra);
    else placeholder.replaceChildren(label(row, placeholder, id), input, ...extra);
  }
}
