// The keys the playgrounds of this page keep their sessions under (lessons.js). Two
// elements with one `persist` key would save over each other's session, so a key is
// held by the first element in the page that takes it; a second one is refused (and
// says so) while the first is in the page.

/** key → the holder: `{connected: () => boolean}` */
const holders = new Map();

/**
 * Takes `key` for `holder` (`connected()`: whether its element is in the page); false
 * when another holder in the page has it.
 */
export function takePersistKey(key, holder) {
  const current = holders.get(key);
  if (current && current !== holder && current.connected()) return false;
  holders.set(key, holder);
  return true;
}
