// The markup of a comparison, built from DOM nodes into its shadow root: the host's
// slotted `intro` (above) and `footer` (below), the shared playback bar (reset, play, step, both epochs, the host's slotted `actions`), the line
// naming what B changes, a notice area, one loss chart with its legend, and the two
// runs side by side, each a <greymatter-playground> in the `compare` layout. Ids stay
// inside the shadow root; the main regions are `::part`s.

/** A new `tag` element with `attributes` (`text`: its text) and `children`. */
function node(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** One entry of the chart's legend: a line sample (solid or dashed, train or test colour) and its words. */
function legendEntry(run, set) {
  return node('li', {}, [
    node('span', { class: `line ${run} ${set}`, 'aria-hidden': 'true' }),
    `${run.toUpperCase()} · ${set === 'train' ? 'training' : 'test'} loss`,
  ]);
}

/** One run's column: its heading and its playground. */
function runColumn(name, words, playground) {
  const heading = node('h2', { id: `run-${name}-heading`, text: words });
  return node('section', { class: `run run-${name}`, part: `run-${name}`, 'aria-labelledby': heading.id }, [heading, playground]);
}

/** Builds the comparison into `shadow` around the playgrounds `a` and `b`; returns the parts it drives. */
export function compareMarkup(shadow, a, b) {
  const parts = {
    reset: node('button', { type: 'button', id: 'compare-reset', title: 'Both back to their starting weights (epoch 0)', text: 'Reset both' }),
    play: node('button', { type: 'button', id: 'compare-play', class: 'play-pause', 'aria-label': 'Play both', text: 'Play both' }),
    step: node('button', { type: 'button', id: 'compare-step', title: 'Train both one step', text: 'Step both' }),
    epochA: node('output', { id: 'epoch-a', 'aria-live': 'off', text: '0' }),
    epochB: node('output', { id: 'epoch-b', 'aria-live': 'off', text: '0' }),
    differences: node('p', { id: 'differences', class: 'differences', part: 'differences', role: 'status' }),
    message: node('div', { id: 'compare-message', class: 'message', part: 'message', role: 'status', 'aria-live': 'polite', hidden: '' }),
    chart: node('canvas', { id: 'compare-chart', class: 'compare-chart', role: 'img', 'aria-label': 'Loss over epochs of both runs' }),
  };
  const bar = node('div', { class: 'top-bar compare-bar', part: 'playback', role: 'group', 'aria-label': 'Training both runs' }, [
    parts.reset,
    parts.play,
    parts.step,
    node('slot', { name: 'actions' }),
    node('div', { class: 'epoch-box' }, [
      node('span', { class: 'label', text: 'Epoch A' }),
      parts.epochA,
      node('span', { class: 'label', text: 'B' }),
      parts.epochB,
    ]),
  ]);
  const legend = node(
    'ul',
    { class: 'compare-legend', 'aria-label': 'Lines of the chart' },
    ['a', 'b'].flatMap((run) => ['train', 'test'].map((set) => legendEntry(run, set))),
  );
  const chart = node('figure', { class: 'compare-chart-area', part: 'loss-chart' }, [parts.chart, node('figcaption', {}, [legend])]);
  const runs = node('div', { class: 'runs' }, [runColumn('a', 'A (pinned)', a), runColumn('b', 'B (change its settings)', b)]);
  const surface = node('div', { class: 'playground compare', part: 'compare', 'data-theme': 'light' }, [
    node('slot', { name: 'intro' }),
    bar,
    parts.differences,
    parts.message,
    chart,
    runs,
    node('slot', { name: 'footer' }),
  ]);
  shadow.append(surface);
  return { ...parts, surface };
}
