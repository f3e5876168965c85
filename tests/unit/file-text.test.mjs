// Reading a chosen or dropped file (www/js/state/file-text.js): a file over the limit
// is refused with its size before it is read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileText, chosenFileText, MAX_FILE_BYTES } from '../../www/js/state/file-text.js';

/** A Blob-like file of `size` bytes that says whether its text was read. */
function fileOf(size, name = 'points.csv') {
  const file = { size, name, read: false };
  file.text = async () => {
    file.read = true;
    return 'x1,x2,label\n1,2,a\n';
  };
  return file;
}

test('a file up to the limit is read', async () => {
  const file = fileOf(MAX_FILE_BYTES);
  assert.equal(await readFileText(file), 'x1,x2,label\n1,2,a\n');
  assert.ok(file.read);
});

test('a larger file is refused with its size and the limit, unread', async () => {
  const file = fileOf(600 * 1024 * 1024, 'huge.greymatter.json');
  await assert.rejects(readFileText(file), {
    message: 'the file huge.greymatter.json is 600 MB; greymatter reads files of at most 64 MB',
  });
  assert.equal(file.read, false);
  await assert.rejects(readFileText(new Blob([new ArrayBuffer(70 * 1024 * 1024)])), {
    message: 'the file is 70 MB; greymatter reads files of at most 64 MB',
  });
});

test('a file input gives the chosen text, or null with the refusal reported', async () => {
  const reported = [];
  const report = (error) => reported.push(error.message);
  const input = { files: [fileOf(100)], value: 'C:\\fakepath\\points.csv' };
  assert.equal(await chosenFileText(input, report), 'x1,x2,label\n1,2,a\n');
  assert.equal(input.value, '', 'cleared, so the same file can be chosen again');
  assert.equal(await chosenFileText({ files: [fileOf(MAX_FILE_BYTES + 1, 'big.csv')], value: '' }, report), null);
  assert.equal(await chosenFileText({ files: [], value: '' }, report), null);
  assert.deepEqual(reported, ['the file big.csv is 64.0 MB; greymatter reads files of at most 64 MB']);
});
