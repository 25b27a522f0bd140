// Where an item came from, in words people read: the document's own title (or its file name when
// it has none) and the line, instead of `001_a79071d1db045453.txt:306`.
import type { Item } from './bindings/Item';
import type { SourceDoc } from './bindings/SourceDoc';
import type { SourceRef } from './bindings/SourceRef';

/** The title of the document `file` names among `docs`, else the file name. */
export function documentTitle(file: string, docs: readonly SourceDoc[]): string {
  const title = docs.find((d) => d.file === file)?.title?.trim();
  return title ? title : file;
}

/** `CTO, line 306`. */
export function sourceName(source: SourceRef, docs: readonly SourceDoc[]): string {
  return `${documentTitle(source.file, docs)}, line ${source.line}`;
}

/** True when the reference points into a document (an item written in Rolecraft has none). */
export function hasSource(source: SourceRef): boolean {
  return source.file.trim() !== '' && source.line > 0;
}

/** True when `item` is the statement `source` points at. */
export function isAt(item: Item, source: SourceRef): boolean {
  return item.source.file === source.file && item.source.line === source.line;
}
