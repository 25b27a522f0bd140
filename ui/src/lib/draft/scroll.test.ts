import { describe, expect, it } from 'vitest';
import { keep, restore } from './scroll';

/** A document with the given headings, each `gap` px below the last; the view scrolled to `top`.
 * jsdom lays nothing out, so positions are set by hand. */
function doc(titles: string[], gap: number, top: number): Document {
  const d = document.implementation.createHTMLDocument('x');
  const scroller = d.documentElement;
  let scrollTop = top;
  Object.defineProperty(d, 'scrollingElement', { value: scroller });
  Object.defineProperty(scroller, 'scrollTop', {
    get: () => scrollTop,
    set: (v: number) => (scrollTop = v),
  });
  titles.forEach((t, i) => {
    const h = d.createElement('h2');
    h.textContent = t;
    h.getBoundingClientRect = () => ({ top: (i + 1) * gap - scrollTop }) as DOMRect;
    d.body.append(h);
  });
  return d;
}

describe('the preview keeps its place', () => {
  it('keeps the heading of the section being edited at the same height', () => {
    const before = doc(['Summary', 'Responsibilities'], 400, 700);
    const kept = keep(before, 'Responsibilities');
    expect(kept).toEqual({ top: 700, anchor: { title: 'Responsibilities', offset: 100 } });
    // A new section above pushes Responsibilities 400 px down; a fresh frame starts at the top.
    const after = doc(['New', 'Summary', 'Responsibilities'], 400, 0);
    restore(after, kept);
    expect(after.scrollingElement!.scrollTop).toBe(1100);
    expect(after.querySelectorAll('h2')[2]!.getBoundingClientRect().top).toBe(100);
  });

  it('keeps the scroll offset without a section, or when the heading is gone', () => {
    const after = doc(['Summary'], 400, 0);
    restore(after, keep(doc(['Summary'], 400, 250), null));
    expect(after.scrollingElement!.scrollTop).toBe(250);
    const gone = doc(['Summary'], 400, 0);
    restore(gone, keep(doc(['Summary', 'Benefits'], 400, 300), 'Benefits'));
    expect(gone.scrollingElement!.scrollTop).toBe(300);
  });
});
