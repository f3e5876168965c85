// "Compare" on the full page (index.html): the button in the playground's playback bar
// pins the current run as A — its settings, weights, epoch and loss history, through
// the lesson file exchange — and opens B beside it as its copy, in a
// <greymatter-compare sync-url> shown in the playground's place; the person changes
// one of B's settings. "Leave compare" opens A's run (as it is then) in the one
// playground again, so nothing is lost. An address with a compare part
// (`compare=true&b.learningRate=0.1`, state/compare.js) opens that comparison once the
// page is up; a malformed one is refused with a message and opens nothing.

import { controllerOf } from '../element/playground-element.js';
import { decodeHash } from '../state/address.js';
import { decodeCompare } from '../state/compare.js';

/** A button for the host's `actions` slot. */
function actionButton(text, title) {
  const button = document.createElement('button');
  button.type = 'button';
  button.slot = 'actions';
  button.textContent = text;
  button.title = title;
  return button;
}

/**
 * Wires comparing into the full page's playground `element`; `hash` is the address the
 * page was opened with (read before the playground rewrites it).
 */
export function bindCompare(element, hash) {
  const open = actionButton('Compare', 'Pin this run as A and race a copy B beside it, with one setting changed');
  open.id = 'compare';
  element.append(open);
  let compare = null;
  const playground = controllerOf(element);

  /** The page's own text (title, introduction, footer) goes with whichever is shown. */
  const movePageText = (from, to) => to.append(...from.querySelectorAll(':scope > [slot="intro"], :scope > [slot="footer"]'));

  /** Back to the one playground (as it was when the comparison opened). */
  const close = () => {
    if (compare) movePageText(compare, element);
    compare?.remove();
    compare = null;
    element.hidden = false;
    window.history.replaceState(null, '', `#${playground.shareHash()}`); // the one playground's address again
  };

  /** Back to the one playground, with A's run as it is now. */
  const leave = () => {
    if (!compare) return;
    const lesson = compare.a.saveLesson();
    close();
    element.openLesson(lesson);
    open.focus();
  };

  const start = async (changes) => {
    if (compare) return;
    const lesson = element.saveLesson();
    element.pause();
    compare = document.createElement('greymatter-compare');
    compare.setAttribute('sync-url', '');
    if (element.hasAttribute('theme')) compare.setAttribute('theme', element.getAttribute('theme'));
    const back = actionButton('Leave compare', "Back to one playground, with A's run as it is now");
    back.addEventListener('click', leave);
    compare.append(back);
    if (!element.view.hideText) movePageText(element, compare); // a classroom's hideText keeps it hidden
    element.after(compare);
    element.hidden = true;
    const opened = compare;
    try {
      await opened.pin(lesson, changes);
    } catch (error) {
      if (compare === opened) close();
      throw new Error(error.message); // said here too, though B's playground said it already
    }
    back.focus();
  };

  open.addEventListener('click', () => start({}).catch((error) => playground.report(error, 'Could not compare: ')));

  /** Opens the comparison the address `text` asks for, if any; a malformed compare part is said and opens nothing. */
  const readAddress = (text) => {
    const { compare: entries } = decodeHash(text, playground.schema);
    if (entries.length === 0) return;
    const part = decodeCompare(entries, playground.schema);
    for (const line of part.errors) playground.report(new Error(line), 'In the address: ', 'setup', { append: true });
    if (part.open) start(part.values).catch((error) => playground.report(error, 'In the address: compare: ', 'setup', { append: true }));
  };

  element.ready.then(
    () => {
      readAddress(hash);
      // An address edited while one playground shows (the playground reads its own part first).
      // The playground has rewritten the address by now: the event's URL is what was typed.
      window.addEventListener('hashchange', (event) => {
        if (!compare) readAddress(new URL(event.newURL).hash);
      });
    },
    () => {},
  );
}
