// Updating the preview in place. A rendered posting's head is a fixed shell (our style, the
// CSP and other meta, the title: see the core's render::html), so a new render differs in its
// body and title only. Swapping those into the loaded frame spares a reload on every keystroke
// (a new document parsed, styled and laid out from nothing, blank in between), and the reader's
// place can be restored before the next paint. A different shell reloads.

/** Puts `html`'s body and title into `doc`; false (and `doc` untouched) if its shell differs. */
export function swapBody(doc: Document, html: string): boolean {
  const next = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.body || shell(doc) !== shell(next)) return false;
  doc.title = next.title;
  doc.body.replaceWith(doc.importNode(next.body, true));
  return true;
}

/** The head without its title. */
function shell(doc: Document): string {
  const head = doc.head.cloneNode(true) as HTMLElement;
  head.querySelector('title')?.remove();
  return head.innerHTML;
}
