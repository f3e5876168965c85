// Handing a file to the person: a text offered as a download, through a link put into
// the playground's root for the moment (it works inside a shadow root too).

/** Offers `text` as a download called `name` of MIME `type`. */
export function downloadText(text, name, type, root) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
