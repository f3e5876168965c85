// What the page says about a share link's size (www/js/controls/share-link.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeLink, LONG_LINK_BYTES } from '../../www/js/controls/share-link.js';

test('short links are just copied; long ones offer the lesson file', () => {
  assert.equal(describeLink(900, true), 'Link copied (900 characters).');
  assert.equal(describeLink(3072, false), 'This link is 3.0 KB: copy it from the box.');
  assert.doesNotMatch(describeLink(LONG_LINK_BYTES, true), /lesson file/);
  assert.match(describeLink(LONG_LINK_BYTES + 1, true), /^Link copied \(8\.0 KB\)\. Links over 8 KB .* save a lesson file instead\.$/);
});
