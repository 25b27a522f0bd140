import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';

// What index.html sets, so axe judges the same document the app shows.
document.documentElement.lang = 'en';
document.title = 'Rolecraft';

afterEach(() => {
  clearMocks();
  window.location.hash = '';
});

// jsdom lays nothing out. The virtual library list (virtua) renders rows once a
// ResizeObserver has told it its viewport's size, shows a row once it is measured, and follows
// the viewport's scroll events. So here a ResizeObserver reports a made-up layout when it is
// given an element: a list row is 36 px high (52 px with a search snippet on a second line),
// anything else (the list's viewport) 600 px; elements in the document get an offsetParent
// (virtua skips rows without one, as it would rows under `display: none`); and scrollTo /
// scrollBy move scrollTop at once and fire the scroll event a moment later, as a browser
// does on its next frame.
function fakeHeight(element: Element): number {
  if (element.tagName === 'LI') return element.querySelector('.snippet') ? 52 : 36;
  return 600;
}

class FakeLayoutObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() => {
      if (!target.isConnected) return;
      const contentRect = { width: 280, height: fakeHeight(target) } as DOMRectReadOnly;
      this.callback([{ target, contentRect } as ResizeObserverEntry], this as unknown as ResizeObserver);
    });
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FakeLayoutObserver;

Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.isConnected ? this.parentElement : null;
  },
});

function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
  const top = typeof options === 'number' ? y : options?.top;
  if (top === undefined) return;
  this.scrollTop = Math.max(0, top);
  setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
}
Element.prototype.scrollTo ??= scrollTo;
Element.prototype.scrollBy ??= function (this: Element, options?: ScrollToOptions | number, y?: number) {
  const by = typeof options === 'number' ? y : options?.top;
  scrollTo.call(this, { top: this.scrollTop + (by ?? 0) });
};
