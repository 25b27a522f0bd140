import { describe, expect, it } from 'vitest';
import { swapBody } from './frame';

const HEAD = '<meta charset="utf-8"><style>body { margin: 0 }</style>';
const page = (title: string, body: string, head = HEAD) =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body>${body}</body></html>`;

function loaded(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('swapBody', () => {
  it('puts the new body and title into a document with the same shell', () => {
    const doc = loaded(page('VP at Acme', '<h1>VP at Acme</h1><p>Old</p>'));
    expect(swapBody(doc, page('VP at Acme 2', '<h1>VP at Acme 2</h1><p>New</p>'))).toBe(true);
    expect(doc.title).toBe('VP at Acme 2');
    expect(doc.body.innerHTML).toBe('<h1>VP at Acme 2</h1><p>New</p>');
    expect(doc.head.querySelector('style')?.textContent).toBe('body { margin: 0 }');
  });

  it('leaves a document with another shell alone', () => {
    const doc = loaded(page('A', '<p>Old</p>'));
    expect(swapBody(doc, page('B', '<p>New</p>', '<meta charset="utf-8"><style>p { color: red }</style>'))).toBe(false);
    expect(doc.body.innerHTML).toBe('<p>Old</p>');
    expect(doc.title).toBe('A');
  });

  it('leaves an empty frame (about:blank) to be loaded', () => {
    const doc = document.implementation.createHTMLDocument('');
    expect(swapBody(doc, page('A', '<p>New</p>'))).toBe(false);
  });
});
