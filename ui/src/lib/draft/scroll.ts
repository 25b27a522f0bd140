// Where the reader is in the preview, kept across a re-render: the heading of the section being
// edited stays at the same height on screen; without one (or when the new document lacks it)
// the scroll offset stays. Needs the frame's document (the frame is `allow-same-origin`, still
// without scripts).

export interface Kept {
  top: number;
  /** The heading's text and its distance from the top of the view. */
  anchor: { title: string; offset: number } | null;
}

function heading(doc: Document, title: string): HTMLElement | null {
  for (const h of doc.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    if (h.textContent?.trim() === title) return h;
  }
  return null;
}

/** The position to keep in `doc`, anchored to the heading `title` if the document has it. */
export function keep(doc: Document | null | undefined, title: string | null): Kept | null {
  const scroller = doc?.scrollingElement;
  if (!doc || !scroller) return null;
  const h = title ? heading(doc, title) : null;
  return { top: scroller.scrollTop, anchor: h && title ? { title, offset: h.getBoundingClientRect().top } : null };
}

/** Scrolls the new `doc` back to the kept position. */
export function restore(doc: Document | null | undefined, kept: Kept | null) {
  const scroller = doc?.scrollingElement;
  if (!doc || !scroller || !kept) return;
  const h = kept.anchor ? heading(doc, kept.anchor.title) : null;
  if (h && kept.anchor) {
    scroller.scrollTop = scroller.scrollTop + h.getBoundingClientRect().top - kept.anchor.offset;
  } else {
    scroller.scrollTop = kept.top;
  }
}
