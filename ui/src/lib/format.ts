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

/** Short notes for sections whose title alone does not say what they are (shown under the
 * heading and as its tooltip). Keyed by section key. */
const SECTION_NOTES: Record<string, string> = {
  page_notes:
    'Notes printed around the ladder table, copied into every role of that page: they describe the page, not this role alone.',
  job_description_links:
    'Links to the company’s own job description pages, kept as the source had them. They may only open inside the company network.',
};

export function sectionNote(key: string): string | null {
  return SECTION_NOTES[key] ?? null;
}

/** Shown where a role's track would be when its sources name none. */
export const NO_TRACK_LABEL = 'No track';
export const NO_TRACK_NOTE = 'The documents this role came from name no career track.';

/** Where a role in the library comes from: the roles bundled with the app, or the user's own
 * folder (which replaces a bundled role of the same id). The core's `Role` and `LibraryView` do
 * not carry this yet; until they do, `LibraryStore.originOf` returns null and nothing is shown. */
export type RoleOrigin = 'bundled' | 'user';

export function originLabel(origin: RoleOrigin): { text: string; note: string } {
  return origin === 'user'
    ? { text: 'Yours', note: 'From your own library folder (it replaces a bundled role of the same id)' }
    : { text: 'Bundled', note: 'One of the roles that come with Rolecraft' };
}
