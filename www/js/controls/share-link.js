// "Copy link": the share link of the playground as it is — every setting, the own
// points when they are the dataset and, when "include the trained weights" is ticked,
// the weights and the epoch, so the receiver sees exactly the trained network. The
// link is shown (to copy by hand where the clipboard is not allowed) with its size; a
// link over LONG_LINK_BYTES still works but is said to be long, and the lesson file
// offered instead.

/** Links longer than this may be cut short by mail programs, chats and some sites. */
export const LONG_LINK_BYTES = 8 * 1024;

/** What the page says about a link of `length` characters that was (or was not) `copied`. */
export function describeLink(length, copied) {
  const size = length < 1024 ? `${length} characters` : `${(length / 1024).toFixed(1)} KB`;
  const done = copied ? `Link copied (${size}).` : `This link is ${size}: copy it from the box.`;
  if (length <= LONG_LINK_BYTES) return done;
  return `${done} Links over 8 KB may be cut short by some apps and sites: it works, but to pass this playground on safely, save a lesson file instead.`;
}

/**
 * Wires the share controls.
 * @param {{weights: HTMLInputElement, copy: HTMLButtonElement, field: HTMLInputElement, note: HTMLElement}} elements
 * @param {{shareLink: (options: {weights: boolean}) => string, report: (error: Error) => void}} playground
 */
export function bindShareLink({ weights, copy, field, note }, playground) {
  copy.addEventListener('click', async () => {
    let link;
    try {
      link = playground.shareLink({ weights: weights.checked });
    } catch (error) {
      playground.report(error);
      return;
    }
    field.value = link;
    field.hidden = false;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      field.select(); // no clipboard here: ready to copy by hand
    }
    note.textContent = describeLink(link.length, copied);
    note.classList.toggle('long-link', link.length > LONG_LINK_BYTES);
  });
}
