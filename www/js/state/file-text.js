// The text of a file a person chose or dropped (a CSV, a lesson or a model file).
// Chromium's Blob.text() gives "" for a file over about 512 MB, which would then read
// as "not JSON" or "there are no points"; a file over MAX_FILE_BYTES is refused with
// its size before it is read. DOM-free (unit-tested in tests/unit/file-text.test.mjs).

import { formatSize } from './document.js';

/**
 * The largest file greymatter reads: 64 MB, far above any file it accepts (a lesson or
 * model file is at most 16 MB, a CSV 1 MB, each refused past that in its own words)
 * and far below the size at which a browser reads a file as empty.
 */
export const MAX_FILE_BYTES = 64 << 20;

/**
 * The text of `file` (a File or any Blob with a `name`); a file over MAX_FILE_BYTES
 * is refused, unread, with an Error naming its size and the limit.
 * @param {{size: number, name?: string, text: () => Promise<string>}} file
 * @returns {Promise<string>}
 */
export async function readFileText(file) {
  if (file.size > MAX_FILE_BYTES) {
    const name = file.name ? `the file ${file.name}` : 'the file';
    throw new Error(`${name} is ${formatSize(file.size)}; greymatter reads files of at most ${formatSize(MAX_FILE_BYTES)}`);
  }
  return file.text();
}

/**
 * The text of the file chosen in the file input `input` (cleared, so that the same file
 * can be chosen again), or null when none was chosen or it was refused (`report` is
 * given the Error).
 * @param {{files: ArrayLike<File>|null, value: string}} input
 * @param {(error: Error) => void} report
 * @returns {Promise<string|null>}
 */
export async function chosenFileText(input, report) {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return null;
  try {
    return await readFileText(file);
  } catch (error) {
    report(error);
    return null;
  }
}
