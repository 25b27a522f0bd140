// Small display helpers shared by the views. Everything here returns plain text.
import type { Format } from './bindings/Format';
import type { Item } from './bindings/Item';
import type { SourceRef } from './bindings/SourceRef';

/** `years_of_experience` → `Years of experience`. */
export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sourceLabel(source: SourceRef): string {
  return `${source.file}:${source.line}`;
}

const FORMAT_NAMES: Record<Format, string> = {
  ladder_page: 'Ladder page',
  sfia_page: 'SFIA level page',
  blueprint: 'Role blueprint',
  markdown: 'Markdown',
  role_json: 'Role file',
  html: 'HTML page',
};

export function formatName(format: Format): string {
  return FORMAT_NAMES[format];
}

export interface ItemGroup {
  group: string | null;
  items: Item[];
}

/** Consecutive items under the same sub-heading, in order. */
export function groupItems(items: Item[]): ItemGroup[] {
  const out: ItemGroup[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last.group === item.group) last.items.push(item);
    else out.push({ group: item.group, items: [item] });
  }
  return out;
}
